import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { sendOnce, toAnswer, utcTimestamp } from './send-once.js';

/** A signed request as the core plans one (the signature is made up). */
const signed = (url) => ({
  id: 'obs.list-buckets', method: 'GET', url,
  headers: { authorization: 'OBS HPUAQTWAOYTTINDUT2QV:bm90IGEgcmVhbCBzaWduYXR1cmU=', 'x-obs-date': 'Mon, 23 Nov 2026 11:00:00 GMT' },
});

/** Runs `use(origin, hits)` against a local server whose `/signed` answers 302 to `/elsewhere`. */
async function withRedirectingServer(use) {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    if (req.url === '/signed') res.writeHead(302, { location: '/elsewhere' }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('the target');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use(`http://127.0.0.1:${server.address().port}`, hits);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('timestamps are basic ISO 8601 in UTC, as SigV4 and APIG sign them', () => {
  assert.equal(utcTimestamp(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 789))), '20191115T033655Z');
});

test('answers carry status, lower-case headers and the body', () => {
  const response = new Response('<Error/>', { status: 403, headers: { 'X-Amz-Request-Id': 'r1', Date: 'Mon, 23 Nov 2026 11:00:00 GMT' } });
  assert.deepEqual(toAnswer(response, '<Error/>'), {
    status: 403,
    headers: { 'content-type': 'text/plain;charset=UTF-8', date: 'Mon, 23 Nov 2026 11:00:00 GMT', 'x-amz-request-id': 'r1' },
    body: '<Error/>',
  });
  // What a browser gives for a redirect it did not follow.
  assert.deepEqual(toAnswer({ type: 'opaqueredirect', status: 0 }, ''), { error: 'redirect' });
});

test('a request is sent as the core built it, without cookies, cache or followed redirects', async (t) => {
  const inits = [];
  t.mock.method(globalThis, 'fetch', async (url, init) => {
    inits.push({ url, ...init });
    return new Response('{}', { status: 200 });
  });
  const request = { ...signed('https://obs.cn-north-4.myhuaweicloud.com/'), method: 'PUT', body: '<CreateBucketConfiguration/>' };
  assert.deepEqual(await sendOnce(request), { status: 200, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '{}' });
  assert.deepEqual(inits, [{
    url: request.url, method: 'PUT', headers: request.headers, body: request.body,
    credentials: 'omit', redirect: 'manual', cache: 'no-store',
  }]);
});

test('a signed request answered with a redirect is not followed: the target is never reached', async () => {
  await withRedirectingServer(async (origin, hits) => {
    assert.deepEqual(await sendOnce(signed(`${origin}/signed`)), { error: 'redirect' });
    assert.deepEqual(hits, ['/signed']);
  });
});

test('a host that cannot be reached is an answer, sent once', async (t) => {
  let calls = 0;
  t.mock.method(globalThis, 'fetch', async () => {
    calls += 1;
    throw new TypeError('fetch failed');
  });
  assert.deepEqual(await sendOnce(signed('https://obs.cn-north-4.myhuaweicloud.com/')), { error: 'network' });
  assert.equal(calls, 1);
});

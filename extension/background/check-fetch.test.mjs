import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toAnswer, utcTimestamp } from './check-fetch.js';

test('timestamps are basic ISO 8601 in UTC, as SigV4 and APIG sign them', () => {
  assert.equal(utcTimestamp(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 789))), '20191115T033655Z');
});

test('answers carry status, lower-case headers and the body; a redirect is not followed', () => {
  const response = new Response('<Error/>', { status: 403, headers: { 'X-Amz-Request-Id': 'r1', Date: 'Mon, 23 Nov 2026 11:00:00 GMT' } });
  assert.deepEqual(toAnswer(response, '<Error/>'), {
    status: 403,
    headers: { 'content-type': 'text/plain;charset=UTF-8', date: 'Mon, 23 Nov 2026 11:00:00 GMT', 'x-amz-request-id': 'r1' },
    body: '<Error/>',
  });
  assert.deepEqual(toAnswer({ type: 'opaqueredirect' }, ''), { error: 'redirect' });
});

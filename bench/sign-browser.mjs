// Signing throughput in headless Chromium: credfill's WASM build and aws4fetch (WebCrypto) in the
// same page, on the same requests as `cargo bench --bench sign`. Its native figures are the
// references: "native" (SHA-256 on the CPU's SHA instructions where it has them) and
// "native-soft-sha" (SHA-256 in portable code, as WASM runs it). Prints JSON lines for
// scripts/bench-report.mjs.
// Usage: node bench/sign-browser.mjs   (after `make build`: needs pkg/)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
const ORIGIN = 'https://bench.credfill.invalid';
const FILES = {
  '/credfill.js': [join(ROOT, 'pkg/credfill.js'), 'text/javascript'],
  '/credfill_bg.wasm': [join(ROOT, 'pkg/credfill_bg.wasm'), 'application/wasm'],
  '/aws4fetch.js': [join(ROOT, 'node_modules/aws4fetch/dist/aws4fetch.esm.mjs'), 'text/javascript'],
  '/index.html': [null, 'text/html'],
};
const N = process.env.CREDFILL_BENCH_ONCE ? 10 : 10_000;

// Runs in the page. The requests are those of benches/sign.rs, which have no Content-Type (aws4fetch
// never signs one): both sign the same canonical request, and the signatures must agree.
async function measure(n) {
  const { default: init, signRequest, presignUrl } = await import('/credfill.js');
  const { AwsV4Signer } = await import('/aws4fetch.js');
  await init({ module_or_path: '/credfill_bg.wasm' });
  const key = { accessKeyId: 'QTWAOYTTINDUT2QVKYUC', secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
  const timestamp = '20261123T104600Z';
  const requests = Array.from({ length: n }, (_, i) => ({
    method: 'GET',
    url: `https://bucket.obs.eu-west-0.example.com/models/run-${i}/weights.bin?partNumber=${i}`,
    headers: {},
  }));
  const wasm = (scheme, extra = {}) => requests.map((r) => ({ scheme, ...r, ...key, region: 'eu-west-0', service: 's3', unsignedPayload: true, timestamp, ...extra }));
  const signer = (r, signQuery) => new AwsV4Signer({ ...r, ...key, region: 'eu-west-0', service: 's3', datetime: timestamp, signQuery, cache });
  const cache = new Map();
  const perSecond = async (items, fn) => {
    for (const item of items) await fn(item); // warm up: JIT and WASM tier-up, key caches
    const start = performance.now();
    for (const item of items) await fn(item);
    return Math.round(items.length / ((performance.now() - start) / 1000));
  };
  const aws4 = wasm('aws4');
  const apig = wasm('apig');
  const presign = wasm('aws4', { expiresIn: 3600 });
  const ours = signRequest(aws4[0]).headers.Authorization ?? signRequest(aws4[0]).headers.authorization;
  const theirs = (await signer(requests[0], false).sign()).headers.get('Authorization');
  return {
    sameSignature: ours === theirs,
    aws4Wasm: await perSecond(aws4, (r) => signRequest(r)),
    aws4Fetch: await perSecond(requests, (r) => signer(r, false).sign()),
    apigWasm: await perSecond(apig, (r) => signRequest(r)),
    presignWasm: await perSecond(presign, (r) => presignUrl(r)),
    presignFetch: await perSecond(requests, (r) => signer({ ...r, url: `${r.url}&X-Amz-Expires=3600` }, true).sign()),
  };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const [path, type] = FILES[new URL(route.request().url()).pathname] ?? [];
    if (!type) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: type, body: path ? readFileSync(path) : '<!doctype html><title>bench</title>' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  const r = await page.evaluate(measure, N);
  const note = { n: N, same_signature: r.sameSignature };
  const versusNative = (bench, perS) => ['native', 'native-soft-sha'].map((reference) => ({ bench, target: 'wasm-chromium', per_s: perS, reference, n: N }));
  const lines = [
    { bench: 'aws4_sign', target: 'aws4fetch-chromium', per_s: r.aws4Fetch, n: N },
    { bench: 'aws4_sign', target: 'wasm-chromium', per_s: r.aws4Wasm, reference: 'aws4fetch-chromium', ...note },
    ...versusNative('aws4_sign', r.aws4Wasm),
    ...versusNative('apig_sign', r.apigWasm),
    { bench: 'aws4_presign', target: 'aws4fetch-chromium', per_s: r.presignFetch, n: N },
    { bench: 'aws4_presign', target: 'wasm-chromium', per_s: r.presignWasm, reference: 'aws4fetch-chromium', n: N },
    ...versusNative('aws4_presign', r.presignWasm),
  ];
  for (const line of lines) console.log(JSON.stringify(line));
} finally {
  await browser.close();
}

// Signing throughput in headless Chromium: credfill's WASM build and aws4fetch (WebCrypto) in the
// same page, on the same requests as `cargo bench --bench sign`. Its native figures are the
// references: "native" (SHA-256 on the CPU's SHA instructions where it has them) and
// "native-soft-sha" (SHA-256 in portable code, as WASM runs it). Each figure is the median of
// ROUNDS timed passes over the N requests, their spread next to it. Prints JSON lines for
// scripts/bench-report.mjs.
// Usage: node bench/sign-browser.mjs   (after `make build`: needs pkg-test/, the build with the test-only exports)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { median, spread } from './lib/stats.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const ORIGIN = 'https://bench.credfill.invalid';
const FILES = {
  '/credfill.js': [join(ROOT, 'pkg-test/credfill.js'), 'text/javascript'],
  '/credfill_bg.wasm': [join(ROOT, 'pkg-test/credfill_bg.wasm'), 'application/wasm'],
  '/aws4fetch.js': [join(ROOT, 'node_modules/aws4fetch/dist/aws4fetch.esm.mjs'), 'text/javascript'],
  '/bench-inputs.js': [join(ROOT, 'bench/lib/bench-inputs.mjs'), 'text/javascript'],
  '/index.html': [null, 'text/html'],
};
const N = process.env.CREDFILL_BENCH_ONCE ? 10 : 10_000;
const ROUNDS = process.env.CREDFILL_BENCH_ONCE ? 1 : 5;

// Runs in the page. The requests are those of benches/sign.rs, which have no Content-Type (aws4fetch
// never signs one): both sign the same canonical request, and the signatures must agree.
async function measure({ n, rounds }) {
  const { default: init, signRequest, presignUrl } = await import('/credfill.js');
  const { AwsV4Signer } = await import('/aws4fetch.js');
  const { signRequests } = await import('/bench-inputs.js');
  await init({ module_or_path: '/credfill_bg.wasm' });
  const aws4 = signRequests(n, 'aws4');
  const apig = signRequests(n, 'apig');
  const presign = signRequests(n, 'aws4', { expiresIn: 3600 });
  const cache = new Map();
  const signer = ({ method, url, headers, accessKeyId, secretAccessKey, region, service, timestamp }, signQuery) =>
    new AwsV4Signer({ method, url, headers, accessKeyId, secretAccessKey, region, service, datetime: timestamp, signQuery, cache });
  /** Signatures per second of each timed pass over `items`. */
  const perSecond = async (items, fn) => {
    for (const item of items) await fn(item); // warm up: JIT and WASM tier-up, key caches
    const rates = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (const item of items) await fn(item);
      rates.push(Math.round(items.length / ((performance.now() - start) / 1000)));
    }
    return rates;
  };
  const ours = signRequest(aws4[0]).headers.Authorization ?? signRequest(aws4[0]).headers.authorization;
  const theirs = (await signer(aws4[0], false).sign()).headers.get('Authorization');
  return {
    sameSignature: ours === theirs,
    aws4Wasm: await perSecond(aws4, (r) => signRequest(r)),
    aws4Fetch: await perSecond(aws4, (r) => signer(r, false).sign()),
    apigWasm: await perSecond(apig, (r) => signRequest(r)),
    presignWasm: await perSecond(presign, (r) => presignUrl(r)),
    presignFetch: await perSecond(aws4, (r) => signer({ ...r, url: `${r.url}&X-Amz-Expires=3600` }, true).sign()),
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
  const r = await page.evaluate(measure, { n: N, rounds: ROUNDS });
  // The median pass and the spread of the passes.
  const figure = (rates) => ({ per_s: median(rates), spread: spread(rates, 'ops/s', 0) });
  const note = { n: N, rounds: ROUNDS };
  const versusNative = (bench, rates) => ['native', 'native-soft-sha'].map((reference) => ({ bench, target: 'wasm-chromium', ...figure(rates), reference, ...note }));
  const lines = [
    { bench: 'aws4_sign', target: 'aws4fetch-chromium', ...figure(r.aws4Fetch), ...note },
    { bench: 'aws4_sign', target: 'wasm-chromium', ...figure(r.aws4Wasm), reference: 'aws4fetch-chromium', ...note, same_signature: r.sameSignature },
    ...versusNative('aws4_sign', r.aws4Wasm),
    ...versusNative('apig_sign', r.apigWasm),
    { bench: 'aws4_presign', target: 'aws4fetch-chromium', ...figure(r.presignFetch), ...note },
    { bench: 'aws4_presign', target: 'wasm-chromium', ...figure(r.presignWasm), reference: 'aws4fetch-chromium', ...note },
    ...versusNative('aws4_presign', r.presignWasm),
  ];
  for (const line of lines) console.log(JSON.stringify(line));
} finally {
  await browser.close();
}

// The worker's cold wake: MV3 stops a service worker after 30 s idle, so most user actions start by
// waking it. Five extensions in one Chromium answer messages:
// - "credfill": the built extension (dist/chrome), as shipped;
// - "wasm only": a worker that only instantiates credfill's WASM and answers `version()`;
// - "wasm compiled" and "wasm fetched": workers that only compile, or only fetch, that WASM (where
//   the core's wake goes);
// - "bare worker": a worker that answers without any WASM (the reference).
// Two wakes are timed: by the popup's first question, `vault.status` (locked or not: storage only,
// so credfill answers it without the core, extension/lib/router.js), and by `version`, which the
// core answers (the WASM must be fetched, compiled and instantiated first).
// Each round stops every worker (DevTools protocol, ServiceWorker.stopAllWorkers), then times one
// `runtime.sendMessage` round trip from a page of each extension; the figure is the median.
// Prints JSON lines for scripts/bench-report.mjs. `CREDFILL_BENCH_ONCE=1` (make test) runs one round.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
const ROUNDS = process.env.CREDFILL_BENCH_ONCE ? 1 : 21;
const work = mkdtempSync(join(tmpdir(), 'credfill-wake-'));

// The same CSP as credfill's (manifest.json): WASM may be compiled, nothing else.
const CSP = { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'" };
const manifest = (name) => JSON.stringify({ manifest_version: 3, name, version: '1.0', background: { service_worker: 'worker.js', type: 'module' }, content_security_policy: CSP });
// Every extension gets the same empty page to send from.
const PAGE = '<!doctype html><meta charset="utf-8"><title>bench</title>';

function extension(name, files) {
  const dir = join(work, name.replaceAll(' ', '-'));
  mkdirSync(dir);
  for (const [path, text] of Object.entries(files)) {
    if (text === null) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    else writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, 'bench.html'), PAGE);
  return dir;
}

const credfill = join(work, 'credfill');
cpSync(join(ROOT, 'dist/chrome'), credfill, { recursive: true });
writeFileSync(join(credfill, 'bench.html'), PAGE);
/** An extension whose worker, `source`, has credfill's `pkg/` beside it. */
const withPkg = (name, source) => extension(name, { 'manifest.json': manifest(name), pkg: null, 'worker.js': source });
const wasmOnly = withPkg('wasm only', `import init, { version } from './pkg/credfill.js';
const ready = init({ module_or_path: chrome.runtime.getURL('pkg/credfill_bg.wasm') });
chrome.runtime.onMessage.addListener((message, sender, reply) => { ready.then(() => reply({ ok: version() }), (e) => reply({ error: String(e) })); return true; });`);
// Where a core wake's time goes: only fetching the packaged WASM, then fetching and compiling it.
const wasmFetched = withPkg('wasm fetched', `const fetched = fetch(chrome.runtime.getURL('pkg/credfill_bg.wasm')).then((r) => r.arrayBuffer());
chrome.runtime.onMessage.addListener((message, sender, reply) => { fetched.then((b) => reply({ ok: b.byteLength }), (e) => reply({ error: String(e) })); return true; });`);
const wasmCompiled = withPkg('wasm compiled', `const compiled = WebAssembly.compileStreaming(fetch(chrome.runtime.getURL('pkg/credfill_bg.wasm')));
chrome.runtime.onMessage.addListener((message, sender, reply) => { compiled.then((m) => reply({ ok: WebAssembly.Module.exports(m).length }), (e) => reply({ error: String(e) })); return true; });`);
const bare = extension('bare worker', {
  'manifest.json': manifest('bare worker'),
  'worker.js': "chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: '1.0' }); });",
});

const dirs = { credfill, 'wasm only': wasmOnly, 'wasm compiled': wasmCompiled, 'wasm fetched': wasmFetched, 'bare worker': bare };
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${Object.values(dirs).join(',')}`, `--load-extension=${Object.values(dirs).join(',')}`,
    '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

try {
  // Each extension's id, from its worker's URL (the workers start in any order).
  const ids = new Map();
  for (const deadline = Date.now() + 30_000; ids.size < Object.keys(dirs).length; await new Promise((r) => setTimeout(r, 200))) {
    if (Date.now() > deadline) throw new Error(`only these workers started: ${[...ids.keys()]}`);
    for (const worker of context.serviceWorkers()) {
      const name = await worker.evaluate(() => chrome.runtime.getManifest().name).catch(() => null);
      if (name) ids.set(dirs[name] ? name : 'credfill', new URL(worker.url()).host);
    }
  }
  const pages = {};
  for (const [name, id] of ids) {
    pages[name] = await context.newPage();
    await pages[name].goto(`chrome-extension://${id}/bench.html`);
  }
  const cdp = await context.newCDPSession(pages['bare worker']);
  await cdp.send('ServiceWorker.enable');
  const roundTrip = (page, type = 'version') => page.evaluate(async (type) => {
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({ type });
    if (!reply?.ok) throw new Error(`no answer: ${JSON.stringify(reply)}`);
    return performance.now() - start;
  }, type);

  // [extension, message]: the popup's first question, then one the core must answer.
  const wakes = {
    credfill: ['credfill', 'vault.status'], 'credfill, core': ['credfill', 'version'], 'wasm only': ['wasm only', 'version'],
    'wasm compiled': ['wasm compiled', 'version'], 'wasm fetched': ['wasm fetched', 'version'], 'bare worker': ['bare worker', 'version'],
  };
  const times = Object.fromEntries(Object.keys(wakes).map((name) => [name, []]));
  const warm = { credfill: [], 'bare worker': [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so that no extension is always the first to wake.
    const order = round % 2 ? Object.keys(times) : Object.keys(times).reverse();
    for (const name of order) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const [extension, type] = wakes[name];
      times[name].push(await roundTrip(pages[extension], type).catch((e) => { throw new Error(`${name}: ${e.message}`); }));
    }
    // Warm: a second message right after one that woke the worker.
    for (const name of Object.keys(warm)) warm[name].push(await roundTrip(pages[name]).then(() => roundTrip(pages[name])));
  }
  const median = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return Number(sorted[Math.floor(sorted.length / 2)].toFixed(2));
  };
  const rounds = ROUNDS;
  for (const [name, list] of Object.entries(times)) {
    // The bare worker is the reference of both wakes.
    const benches = name === 'bare worker' ? ['worker_cold_wake', 'worker_cold_wake_core'] : [name === 'credfill' ? 'worker_cold_wake' : 'worker_cold_wake_core'];
    for (const bench of benches) {
      console.log(JSON.stringify({ bench, target: name, ms: median(list), rounds, message: wakes[name][1], ...(name !== 'bare worker' && { reference: 'bare worker' }) }));
    }
  }
  for (const [name, list] of Object.entries(warm)) {
    console.log(JSON.stringify({ bench: 'worker_warm_round_trip', target: name, ms: median(list), rounds, ...(name !== 'bare worker' && { reference: 'bare worker' }) }));
  }

  // A wake by a tab event (the badge): does it instantiate the WASM? The first visit of a page asks
  // the core and remembers the answer; a wake for the same site again should not need it.
  const worker = context.serviceWorkers().find((w) => w.url().includes(ids.get('credfill')));
  const tab = await context.newPage();
  // A console page, answered locally (there is no network here): a host credfill may see.
  await tab.route('https://console.huaweicloud.com/**', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  const instantiations = async (visit) => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await tab.goto(`https://console.huaweicloud.com/modelarts/?${visit}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return worker.evaluate(() => performance.getEntriesByName('credfill-core-ready').length);
  };
  const first = await instantiations('first');
  console.log(JSON.stringify({ bench: 'tab_event_wake', target: 'credfill, a site seen before', count: await instantiations('again'), unit: 'WASM instantiations', first_visit: first }));
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}

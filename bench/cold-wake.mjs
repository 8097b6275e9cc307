// The worker's cold wake in Chromium: MV3 stops a service worker after 30 s idle, so most user
// actions start by waking it. The extensions of bench/lib/wake-probes.mjs (credfill as shipped,
// workers that only instantiate, compile or fetch its WASM, and a bare worker) answer messages in one
// Chromium. Two wakes are timed: by the popup's first question, `vault.status` (locked or not:
// storage only, so credfill answers it without the core, extension/lib/router.js), and by `version`,
// which the core answers (the WASM must be fetched, compiled and instantiated first).
// Each round stops every worker (DevTools protocol, ServiceWorker.stopAllWorkers), then times one
// `runtime.sendMessage` round trip from a page of each extension; the figure is the median.
// Prints JSON lines for scripts/bench-report.mjs. `CREDFILL_BENCH_ONCE=1` (make test) runs one round.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PAGE, ROUNDS, WAKES, medianMs, printWakes, timeMessage, writeProbes } from './lib/wake-probes.mjs';
import { spread } from './lib/stats.mjs';

const { work, dirs, remove } = writeProbes('dist/chrome');
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
  const roundTrip = (page, type = 'core.version') => page.evaluate(timeMessage, type);

  const times = Object.fromEntries(Object.keys(WAKES).map((name) => [name, []]));
  const warm = { credfill: [], 'bare worker': [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so that no extension is always the first to wake.
    const order = round % 2 ? Object.keys(times) : Object.keys(times).reverse();
    for (const name of order) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const [extension, type] = WAKES[name];
      times[name].push(await roundTrip(pages[extension], type).catch((e) => { throw new Error(`${name}: ${e.message}`); }));
    }
    // Warm: a second message right after one that woke the worker.
    for (const name of Object.keys(warm)) warm[name].push(await roundTrip(pages[name]).then(() => roundTrip(pages[name])));
  }
  printWakes(times);
  for (const [name, list] of Object.entries(warm)) {
    console.log(JSON.stringify({ bench: 'worker_warm_round_trip', target: name, ms: medianMs(list), rounds: ROUNDS, spread: spread(list), ...(name !== 'bare worker' && { reference: 'bare worker' }) }));
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
  remove();
}

// The background's cold wake in Firefox, which runs credfill's background as an event page and
// unloads it after a while without events (extensions.background.idle.timeout, 30 s by default).
// The same extensions as bench/cold-wake.mjs (bench/lib/wake-probes.mjs) in one Firefox ESR; each
// round unloads every event page as about:debugging's "Terminate background script" does
// (ExtensionParent.DebugUtils, from the browser's chrome context), checks that it is no longer
// running, then times one `runtime.sendMessage` round trip from a page of each extension.
// Prints JSON lines for scripts/bench-report.mjs. `CREDFILL_BENCH_ONCE=1` (make test) runs one round.
import { FIREFOX_ADDON_ID, launchFirefox, stopBackground } from '../tests/e2e/lib/browsers.mjs';
import { ROUNDS, WAKES, printWakes, probeId, timeMessage, writeProbes } from './lib/wake-probes.mjs';

const { dirs, remove } = writeProbes('dist/firefox');
const ids = Object.fromEntries(Object.keys(dirs).map((name) => [name, name === 'credfill' ? FIREFOX_ADDON_ID : probeId(name)]));
const otherAddons = Object.fromEntries(Object.entries(dirs).filter(([name]) => name !== 'credfill').map(([name, dir]) => [ids[name], dir]));
// Firefox rounds performance.now() to the millisecond unless told not to.
const browser = await launchFirefox({ extDir: dirs.credfill, otherAddons, prefs: { 'privacy.reduceTimerPrecision': false } });

/** Unloads the event page of the add-on `id`; throws unless Firefox reports it stopped. */
async function terminate(id) {
  if (!(await stopBackground(browser, null, id))) throw new Error(`${id}: the event page was not unloaded`);
}

try {
  const pages = {};
  for (const name of Object.keys(dirs)) {
    pages[name] = await browser.open(`${name === 'credfill' ? browser.base : browser.baseOf(ids[name])}bench.html`);
  }
  const roundTrip = async (name, type) => {
    const ms = await pages[name].evaluate(timeMessage, type);
    if (typeof ms !== 'number') throw new Error(`${name}: ${JSON.stringify(ms)}`);
    return ms;
  };
  const times = Object.fromEntries(Object.keys(WAKES).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so that no extension is always the first to wake.
    const order = round % 2 ? Object.keys(times) : Object.keys(times).reverse();
    for (const name of order) {
      const [extension, type] = WAKES[name];
      await terminate(ids[extension]);
      times[name].push(await roundTrip(extension, type));
    }
  }
  printWakes(times, '_firefox');
} finally {
  await browser.close();
  remove();
}

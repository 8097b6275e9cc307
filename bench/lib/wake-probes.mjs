// The extensions a cold-wake benchmark wakes, side by side in one browser (bench/cold-wake.mjs for
// Chromium's service worker, bench/cold-wake-firefox.mjs for Firefox's event page):
// - "credfill": the built extension, as shipped;
// - "wasm only": a background that only instantiates credfill's WASM and answers `version()`;
// - "wasm compiled" and "wasm fetched": backgrounds that only compile, or only fetch, that WASM
//   (where the core's wake goes);
// - "bare worker": a background that answers without any WASM (the reference).
// Each probe has one manifest for both browsers, as credfill has: Chromium runs `service_worker`,
// Firefox `scripts` as an event page.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, spread } from './stats.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
export const ROUNDS = process.env.CREDFILL_BENCH_ONCE ? 1 : 21;

// The same CSP as credfill's (manifest.json): WASM may be compiled, nothing else.
const CSP = { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'" };
/** Firefox add-on ids of the probes (a temporary add-on needs one); credfill keeps its own. */
export const probeId = (name) => `${name.replaceAll(' ', '-')}@credfill.bench`;
const manifest = (name) => JSON.stringify({
  manifest_version: 3, name, version: '1.0', content_security_policy: CSP,
  background: { service_worker: 'worker.js', scripts: ['worker.js'], type: 'module' },
  browser_specific_settings: { gecko: { id: probeId(name) } },
});
// Every extension gets the same empty page to send from.
export const PAGE = '<!doctype html><meta charset="utf-8"><title>bench</title>';

const wasmUrl = "chrome.runtime.getURL('pkg/credfill_bg.wasm')";
const answerVersion = "chrome.runtime.onMessage.addListener((message, sender, reply) => { ready.then(() => reply({ ok: version() }), (e) => reply({ error: String(e) })); return true; });";
const SOURCES = {
  'wasm only': `import init, { version } from './pkg/credfill.js';
const ready = init({ module_or_path: ${wasmUrl} });
${answerVersion}`,
  'wasm compiled': `const compiled = WebAssembly.compileStreaming(fetch(${wasmUrl}));
chrome.runtime.onMessage.addListener((message, sender, reply) => { compiled.then((m) => reply({ ok: WebAssembly.Module.exports(m).length }), (e) => reply({ error: String(e) })); return true; });`,
  'wasm fetched': `const fetched = fetch(${wasmUrl}).then((r) => r.arrayBuffer());
chrome.runtime.onMessage.addListener((message, sender, reply) => { fetched.then((b) => reply({ ok: b.byteLength }), (e) => reply({ error: String(e) })); return true; });`,
  'bare worker': "chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: '1.0' }); });",
};

/** [extension, message] of each timed wake: the popup's first question, then one the core must answer. */
export const WAKES = {
  credfill: ['credfill', 'vault.status'], 'credfill, core': ['credfill', 'core.version'], 'wasm only': ['wasm only', 'core.version'],
  'wasm compiled': ['wasm compiled', 'core.version'], 'wasm fetched': ['wasm fetched', 'core.version'], 'bare worker': ['bare worker', 'core.version'],
};

/** Run in an extension page: one `runtime.sendMessage` round trip of `type`, in ms. */
export async function timeMessage(type) {
  const start = performance.now();
  const reply = await chrome.runtime.sendMessage({ type });
  if (!reply?.ok) throw new Error(`no answer: ${JSON.stringify(reply)}`);
  return performance.now() - start;
}

/**
 * Writes credfill's build `built` (dist/chrome or dist/firefox) and the probes into a new folder.
 * Returns `{ work: that folder, dirs: {name: extension folder}, remove() }`.
 */
export function writeProbes(built) {
  const work = mkdtempSync(join(tmpdir(), 'credfill-wake-'));
  const dirs = {};
  const add = (name, files) => {
    const dir = join(work, name.replaceAll(' ', '-'));
    mkdirSync(dir);
    for (const [path, source] of Object.entries(files)) {
      if (source === null) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
      else writeFileSync(join(dir, path), source);
    }
    writeFileSync(join(dir, 'bench.html'), PAGE);
    dirs[name] = dir;
  };
  dirs.credfill = join(work, 'credfill');
  cpSync(join(ROOT, built), dirs.credfill, { recursive: true });
  writeFileSync(join(dirs.credfill, 'bench.html'), PAGE);
  for (const [name, source] of Object.entries(SOURCES)) {
    add(name, { 'manifest.json': manifest(name), ...(name !== 'bare worker' && { pkg: null }), 'worker.js': source });
  }
  return { work, dirs, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/** The median of `list`, in ms to two places. */
export const medianMs = (list) => Number(median(list).toFixed(2));

/**
 * Prints the JSON lines of `times` ({wake: [ms]}) for scripts/bench-report.mjs, under the benches
 * `worker_cold_wake${suffix}` (the popup's first answer) and `worker_cold_wake_core${suffix}`.
 */
export function printWakes(times, suffix = '') {
  for (const [name, list] of Object.entries(times)) {
    // The bare worker is the reference of both wakes.
    const benches = name === 'bare worker' ? ['worker_cold_wake', 'worker_cold_wake_core'] : [name === 'credfill' ? 'worker_cold_wake' : 'worker_cold_wake_core'];
    for (const bench of benches) {
      console.log(JSON.stringify({ bench: bench + suffix, target: name, ms: medianMs(list), rounds: list.length, spread: spread(list), message: WAKES[name][1], ...(name !== 'bare worker' && { reference: 'bare worker' }) }));
    }
  }
}

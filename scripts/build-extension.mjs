// Assembles dist/chrome and dist/firefox (unpacked extensions) from manifest.json, extension/ and pkg/.
// One manifest serves both: each copy keeps only the background form its browser runs.
// Usage: node scripts/build-extension.mjs [--overlay tests/e2e/manifest-overlay.json --out DIR]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { overlay: { type: 'string' }, out: { type: 'string', default: 'dist' } } });

const cargoVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
base.version = cargoVersion; // Cargo.toml is the single source of the version
const coreDigest = createHash('sha256').update(readFileSync(join(root, 'pkg/credfill_bg.wasm'))).digest('hex');
const overlay = args.overlay ? JSON.parse(readFileSync(join(root, args.overlay), 'utf8')) : {};

/** Lists in the overlay extend the manifest's lists (e.g. extra host permissions for the test servers). */
function merge(target, extra) {
  for (const [k, v] of Object.entries(extra)) {
    if (Array.isArray(v) && Array.isArray(target[k])) target[k] = [...target[k], ...v];
    else if (v && typeof v === 'object' && target[k] && typeof target[k] === 'object') merge(target[k], v);
    else target[k] = v;
  }
  return target;
}

const forBrowser = {
  chrome(m) {
    delete m.background.scripts;
    delete m.browser_specific_settings;
    return m;
  },
  firefox(m) {
    delete m.background.service_worker;
    // Chrome's offscreen documents (the worker's clipboard): Firefox's background page has a DOM.
    m.permissions = m.permissions.filter((p) => p !== 'offscreen');
    return m;
  },
};

for (const [browser, adapt] of Object.entries(forBrowser)) {
  const dir = join(root, args.out, browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  cpSync(join(root, 'extension'), dir, { recursive: true, filter: (src) => !src.endsWith('.test.mjs') });
  for (const f of ['credfill.js', 'credfill_bg.wasm']) cpSync(join(root, 'pkg', f), join(dir, 'pkg', f));
  // The worker as one file: on each cold wake the browser would otherwise fetch and link its ~20
  // modules before the first message is answered (bench/cold-wake.mjs measures the difference).
  // Not minified, so that a store reviewer reads it as written.
  // The WASM's digest names the copy the worker keeps of it (extension/background/core-bytes.js).
  buildSync({
    entryPoints: [join(dir, 'background.js')], bundle: true, format: 'esm', outfile: join(dir, 'background.js'), allowOverwrite: true, logLevel: 'warning',
    define: { CREDFILL_CORE_DIGEST: JSON.stringify(coreDigest) },
  });
  rmSync(join(dir, 'background'), { recursive: true });
  const manifest = adapt(merge(structuredClone(base), overlay));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`built ${join(args.out, browser)} (v${cargoVersion})`);
}

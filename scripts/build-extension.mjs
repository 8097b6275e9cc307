// Assembles dist/chrome and dist/firefox (unpacked extensions) from manifest.json, extension/ and pkg/.
// One manifest serves both (scripts/manifest.mjs derives each copy).
// Usage: node scripts/build-extension.mjs [--overlay tests/e2e/manifest-overlay.json --out DIR]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { BROWSERS, manifestFor, overlayProblem } from './manifest.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { overlay: { type: 'string' }, out: { type: 'string', default: 'dist' } } });

// Cargo.toml is the single source of the version.
const cargoVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const overlay = args.overlay ? JSON.parse(readFileSync(join(root, args.overlay), 'utf8')) : {};
// Refused before anything is built (scripts/manifest.mjs says why).
const problem = overlayProblem(overlay);
if (problem) {
  console.error(`${args.overlay}: ${problem}`);
  process.exit(1);
}

for (const browser of BROWSERS) {
  const dir = join(root, args.out, browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  cpSync(join(root, 'extension'), dir, { recursive: true, filter: (src) => !src.endsWith('.test.mjs') && !src.endsWith('.d.ts') });
  for (const f of ['credfill.js', 'credfill_bg.wasm']) cpSync(join(root, 'pkg', f), join(dir, 'pkg', f));
  // The worker as one file: on each cold wake the browser would otherwise fetch and link its ~20
  // modules before the first message is answered (bench/cold-wake.mjs measures the difference).
  // Not minified, so that a store reviewer reads it as written.
  buildSync({
    entryPoints: [join(dir, 'background.js')], bundle: true, format: 'esm', outfile: join(dir, 'background.js'), allowOverwrite: true, logLevel: 'warning',
  });
  rmSync(join(dir, 'background'), { recursive: true });
  const manifest = manifestFor(browser, base, { version: cargoVersion, overlay });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`built ${join(args.out, browser)} (v${cargoVersion})`);
}

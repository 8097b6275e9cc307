// Sizes users download: the WASM core (raw and gzip -9, what a store or server compresses it to), the
// store packages and the standalone page. Prints JSON lines {"bench", "target", "bytes"}; needs `make build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const size = (path) => readFileSync(join(ROOT, path)).length;
const gzip = (path) => gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;

const lines = [
  { bench: 'wasm_core_size', target: 'raw', bytes: size('pkg/credfill_bg.wasm') },
  { bench: 'wasm_core_size', target: 'gzip-9', bytes: gzip('pkg/credfill_bg.wasm'), reference: 'raw' },
  ...readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.zip')).map((f) => ({ bench: 'store_package_size', target: f, bytes: size(`dist/${f}`) })),
  { bench: 'www_page_size', target: 'app.js (WASM inlined)', bytes: size('dist/www/app.js') },
  { bench: 'www_page_size', target: 'app.js gzip-9', bytes: gzip('dist/www/app.js'), reference: 'app.js (WASM inlined)' },
];
for (const line of lines) console.log(JSON.stringify(line));

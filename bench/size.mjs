// Sizes users download: the WASM core (raw and gzip -9, what a store or server compresses it to), the
// store packages and the standalone page; and what the core's code is made of, by function name, from
// the same build with its names kept (`make .run/credfill-named.wasm`). Prints JSON lines
// {"bench", "target", "bytes"}; needs `make build`.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const size = (path) => readFileSync(join(ROOT, path)).length;
const gzip = (path) => gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;

/** Each function body's size in bytes, by its name (WebAssembly binary format: code and name sections). */
function functionSizes(bytes) {
  let at = 8; // magic and version
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  const name = () => {
    const length = u32();
    at += length;
    return new TextDecoder().decode(bytes.subarray(at - length, at));
  };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = u32() + at;
    if (id === 2) { // imports: function indices start after the imported functions
      for (let count = u32(); count > 0; count--) {
        name();
        name();
        const limits = () => {
          const flags = u32();
          u32(); // minimum
          if (flags & 1) u32(); // maximum
        };
        switch (bytes[at++]) {
          case 0: importedFunctions++; u32(); break; // function: its type index
          case 1: at++; limits(); break; // table: element type, limits
          case 2: limits(); break; // memory
          case 3: at += 2; break; // global: value type, mutability
          default: at++; u32(); // tag: attribute, type index
        }
      }
    } else if (id === 10) {
      for (let count = u32(); count > 0; count--) {
        const length = u32();
        bodies.push(length);
        at += length;
      }
    } else if (id === 0 && name() === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const subEnd = u32() + at;
        if (sub === 1) for (let count = u32(); count > 0; count--) names.set(u32(), name());
        at = subEnd;
      }
    }
    at = end;
  }
  return bodies.map((length, i) => ({ name: names.get(importedFunctions + i) ?? '', length }));
}

execFileSync('make', ['-s', '.run/credfill-named.wasm'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const functions = functionSizes(readFileSync(join(ROOT, '.run/credfill-named.wasm')));
const code = functions.reduce((sum, f) => sum + f.length, 0);
const share = (pattern) => functions.filter((f) => pattern.test(f.name)).reduce((sum, f) => sum + f.length, 0);
const serde = share(/serde/);

const lines = [
  { bench: 'wasm_core_size', target: 'raw', bytes: size('pkg/credfill_bg.wasm') },
  { bench: 'wasm_core_size', target: 'gzip-9', bytes: gzip('pkg/credfill_bg.wasm'), reference: 'raw' },
  { bench: 'wasm_core_code', target: 'every function', bytes: code, functions: functions.length },
  // Named after serde: its derives' readers and writers and serde_json's, per type.
  { bench: 'wasm_core_code', target: 'serde', bytes: serde, share: `${Math.round((100 * serde) / code)}%` },
  ...readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.zip')).map((f) => ({ bench: 'store_package_size', target: f, bytes: size(`dist/${f}`) })),
  { bench: 'www_page_size', target: 'app.js (WASM inlined)', bytes: size('dist/www/app.js') },
  { bench: 'www_page_size', target: 'app.js gzip-9', bytes: gzip('dist/www/app.js'), reference: 'app.js (WASM inlined)' },
];
for (const line of lines) console.log(JSON.stringify(line));

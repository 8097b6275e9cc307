// Parse time of the same ~4 MiB credentials CSV as `cargo bench --bench credentials`, through the
// WASM build in Node. Prints a JSON line with the native figure as its reference, which times the
// same work up to the boundary (parse, then the result's JSON text); `JSON.parse` is this side's own.
import { readFileSync } from 'node:fs';
import { importLimitBytes, initSync, parseCredentials } from '../pkg/credfill.js';

initSync({ module: readFileSync(new URL('../pkg/credfill_bg.wasm', import.meta.url)) });

const ITERATIONS = process.env.CREDFILL_BENCH_ONCE ? 1 : 10;
const limit = importLimitBytes();
let csv = 'User Name,Access Key Id,Secret Access Key\r\n';
let rows = 0;
for (;;) {
  const n = String(rows);
  const row = `user${n.padStart(8, '0')},AKBENCH${n.padStart(13, '0')},benchSecretAccessKey${n.padStart(20, '0')}\r\n`;
  if (csv.length + row.length > limit) break;
  csv += row;
  rows += 1;
}
const bytes = new TextEncoder().encode(csv);
if (parseCredentials(bytes, 'credentials.csv').items.length !== rows) throw new Error('bench CSV did not parse fully');

const start = performance.now();
for (let i = 0; i < ITERATIONS; i++) parseCredentials(bytes, undefined);
const ms = (performance.now() - start) / ITERATIONS;
console.log(JSON.stringify({ bench: 'parse_csv_4mib', target: 'wasm-node', ms: +ms.toFixed(2), rows_per_s: Math.round(rows / (ms / 1000)), reference: 'native' }));

// Parse time of the same ~4 MiB credentials CSV as `cargo bench --bench credentials`, through the
// WASM build in Node. Prints a JSON line with the native figure as its reference, which times the
// same work up to the boundary (parse, then the result's JSON text); `JSON.parse` is this side's own.
// The figure is the median of the runs, their spread next to it.
import { readFileSync } from 'node:fs';
import { importLimitBytes, initSync, parseCredentials } from '../pkg/credfill.js';
import { credentialsCsv } from './lib/bench-inputs.mjs';
import { median, spread } from './lib/stats.mjs';

initSync({ module: readFileSync(new URL('../pkg/credfill_bg.wasm', import.meta.url)) });

const ITERATIONS = process.env.CREDFILL_BENCH_ONCE ? 1 : 10;
const { bytes, rows } = credentialsCsv(importLimitBytes());
if (parseCredentials(bytes, 'credentials.csv').items.length !== rows) throw new Error('bench CSV did not parse fully');

const times = Array.from({ length: ITERATIONS }, () => {
  const start = performance.now();
  parseCredentials(bytes, undefined);
  return performance.now() - start;
});
const ms = median(times);
console.log(JSON.stringify({ bench: 'parse_csv_4mib', target: 'wasm-node', ms: +ms.toFixed(2), rows_per_s: Math.round(rows / (ms / 1000)), runs: ITERATIONS, spread: spread(times), reference: 'native' }));

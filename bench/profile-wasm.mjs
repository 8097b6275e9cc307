// Where a WASM call's time goes, measured: the signing loop (aws4 and API Gateway, each its own) and
// the 4 MiB credentials parse run in Node on the named test build (`make .run/credfill-test-named.wasm`:
// the WASM with the test-only exports, its function names kept) under V8's CPU profiler. Each sample is
// put in the first class its stack names, leaf first: the JSON crossing in (`in_js`: the value's JSON.stringify and
// its text copied into WASM; `in_wasm`: serde reading it), the crossing out (`out_wasm`: serde_json
// writing the answer's text; `out_js`: that text decoded and JSON.parse'd), the work itself (the
// signer and its hashes, the CSV parse), or other (the glue's own code, GC). Prints JSON lines
// {"bench": "wasm_call_profile", "target": the profiled bench, "count": samples, then each class's
// share, "21%"}, which scripts/bench-report.mjs quotes next to the goals they explain.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { importLimitBytes, initSync, parseCredentials, signRequest } from '../pkg-test/credfill.js';
import { credentialsCsv, signRequests } from './lib/bench-inputs.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const ONCE = Boolean(process.env.CREDFILL_BENCH_ONCE);
execFileSync('make', ['-s', '.run/credfill-test-named.wasm'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
initSync({ module: readFileSync(join(ROOT, '.run/credfill-test-named.wasm')) });

// Leaf first, the first frame that matches a class decides the sample's class, so a hash under the
// signer is the work even when a serde frame is further up. wasm-opt inlines the parse and the signer
// call into the export's shim (`parseCredentials multivalue shim`): the export's own code is the work.
const CLASSES = [
  ['in_js', /__wbg_stringify_|__wbindgen_string_get|passStringToWasm0|passArray8ToWasm0/],
  ['in_wasm', /serde_json::de::|serde_json::read::|serde(_core)?::de::|[Dd]eserializ|bindings::(from_js|read_js)|bindings::sign::parse_request|into_core/],
  ['out_wasm', /serde_json::ser::|[Ss]erializ|bindings::to_js/],
  ['out_js', /__wbg_parse_|getStringFromWasm0/],
  ['work', /sha2::|hmac::|digest::|credfill::sign::|url::|percent_encoding::|credfill::credentials::|csv_core::|encoding_rs::|chardetng::|^\w+ .*shim$/],
];
const classOf = (name) => CLASSES.find(([, pattern]) => pattern.test(name))?.[0];

/** Runs `loop` under the CPU profiler; returns its sample count and each class's share of them ("21%"). */
async function profile(loop) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 }); // µs
  await session.post('Profiler.start');
  loop();
  const { profile: { nodes, samples } } = await session.post('Profiler.stop');
  session.disconnect();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map(nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const counts = Object.fromEntries([...CLASSES.map(([name]) => [name, 0]), ['other', 0]]);
  let total = 0;
  for (const leaf of samples) {
    if (byId.get(leaf).callFrame.functionName === '(idle)') continue;
    let found;
    for (let id = leaf; id !== undefined && !found; id = parent.get(id)) found = classOf(byId.get(id).callFrame.functionName);
    counts[found ?? 'other'] += 1;
    total += 1;
  }
  // Names that no longer match (a build without names, a renamed module) would pass for "other".
  if (!counts.work || total === counts.work + counts.other) {
    throw new Error(`the profile's classes matched no ${counts.work ? 'crossing' : 'work'} frame: ${JSON.stringify(counts)}`);
  }
  return { count: total, unit: 'samples', ...Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, `${Math.round((100 * n) / total)}%`])) };
}

// The signing loop and the CSV of bench/sign-browser.mjs and bench/parse-wasm.mjs.
const SIGNS = ONCE ? 1_000 : 50_000;
for (const [bench, scheme] of [['aws4_sign', 'aws4'], ['apig_sign', 'apig']]) {
  const requests = signRequests(SIGNS, scheme);
  for (const r of requests) signRequest(r); // warm up: the optimising tiers, as a long session has them
  console.log(JSON.stringify({ bench: 'wasm_call_profile', target: bench, ...(await profile(() => requests.forEach((r) => signRequest(r)))) }));
}

const { bytes: csv } = credentialsCsv(importLimitBytes());
const PARSES = ONCE ? 1 : 8;
parseCredentials(csv, undefined);
console.log(JSON.stringify({ bench: 'wasm_call_profile', target: 'parse_csv_4mib', ...(await profile(() => { for (let i = 0; i < PARSES; i++) parseCredentials(csv, undefined); })) }));

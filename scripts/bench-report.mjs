// Renders benchmark JSON lines as BENCHMARKS.md. A line may name `reference` (another target of the same
// bench, measured in the same run); its ratio is then shown next to it.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const metric = (r) => ('per_s' in r ? ['per_s', 'ops/s', true] : 'ms' in r ? ['ms', 'ms', false] : 'count' in r ? ['count', r.unit, false] : ['bytes', 'bytes', false]);
const find = (bench, target, reference) => lines.find((r) => r.bench === bench && r.target === target && (!reference || r.reference === reference));
/** How many times worse `r` is than its reference (1 = equal); bytes and times: lower is better. */
const slowdown = (r, ref) => {
  const [key, , higherIsBetter] = metric(r);
  return higherIsBetter ? ref[key] / r[key] : r[key] / ref[key];
};

// Issue 16's goals ("Start fast and stay small"), each checked against this run's figures.
// The cold wakes, in Chromium (a service worker) and in Firefox (an event page; benches `…_firefox`).
const wakeGoals = (browser, suffix) => [
  { goal: `cold wake → the popup's first answer, ${browser}`, bench: `worker_cold_wake${suffix}`, target: 'credfill', reference: 'bare worker', at_most: 2 },
  {
    goal: `cold wake → first answer from the core, ${browser}`, bench: `worker_cold_wake_core${suffix}`, target: 'credfill, core', reference: 'bare worker', at_most: 2,
    why: () => {
      const core = (probe) => times(`worker_cold_wake_core${suffix}`, probe, 'bare worker');
      return `only fetching the packaged WASM is ${core('wasm fetched')} the bare wake, fetching and compiling it ${core('wasm compiled')}, instantiating it ${core('wasm only')}: the wake is the WASM's bytes`;
    },
  },
];
const GOALS = [
  ...wakeGoals('Chromium', ''),
  ...wakeGoals('Firefox', '_firefox'),
  {
    goal: 'WASM gzipped', bench: 'wasm_core_size', target: 'gzip-9', max_bytes: 250_000,
    why: () => {
      const [serde, raw, gzipped] = [find('wasm_core_code', 'serde'), find('wasm_core_size', 'raw'), find('wasm_core_size', 'gzip-9')];
      if (!serde || !raw || !gzipped) return 'not measured';
      // At the module's own compression ratio, without one byte of serde.
      const withoutSerde = Math.round((gzipped.bytes * (raw.bytes - serde.bytes)) / raw.bytes);
      return `functions named after serde are ${serde.share} of the code (each type crossing the boundary as JSON has its own reader and writer); without any of them the module would still be about ${withoutSerde.toLocaleString('en')} bytes gzipped, so the goal asks for more than a smaller dependency (docs/development.md, "Start fast, stay small")`;
    },
  },
  { goal: 'signRequest per call (aws4), Chromium', bench: 'aws4_sign', target: 'wasm-chromium', reference: 'native', at_most: 2, why: () => signingWhy('aws4_sign') },
  { goal: 'signRequest per call (API Gateway), Chromium', bench: 'apig_sign', target: 'wasm-chromium', reference: 'native', at_most: 2, why: () => signingWhy('apig_sign') },
  {
    goal: 'parse a 4 MiB credentials file', bench: 'parse_csv_4mib', target: 'wasm-node', reference: 'native', at_most: 1.5,
    why: () => {
      const p = profiled('parse_csv_4mib');
      return `both time bytes in, the result's JSON text out; ${p ? `${PROFILED}, ${p.work}% of the WASM call is the parse itself, ${p.out_wasm}% serde_json writing the result's text and ${p.out_js}% JSON.parse of it (which native never does)` : 'the profile was not measured'}`;
    },
  },
  { goal: 'WASM instantiations on a tab-event wake', bench: 'tab_event_wake', target: 'credfill, a site seen before', max_count: 0 },
  // Issue 22: the fill's hardening kept, the whole fill of a 2,000-input page back under 50 ms.
  { goal: 'fill a page of 2,000 inputs, Chromium', bench: 'fill_2000_inputs', target: 'chromium', max_ms: 50 },
];
// What the CPU's SHA instructions buy natively (WASM has none), and where the rest of a WASM call goes.
const signingWhy = (bench) => {
  const p = profiled(bench);
  const where = p ? `${PROFILED}, ${p.in_js + p.in_wasm + p.out_wasm + p.out_js}% of a WASM call is the JSON crossing (${p.in_js + p.in_wasm}% in, ${p.out_wasm + p.out_js}% out), ${p.work}% the signing itself` : 'the profile was not measured';
  return `native with software SHA-256 is ${times(bench, 'native-soft-sha', 'native')} slower than with the CPU's SHA instructions, and WASM ${times(bench, 'wasm-chromium', 'native-soft-sha')} slower than that; ${where}`;
};
// Where a WASM call's time went in this run (bench/profile-wasm.mjs), each class's share as a number.
const PROFILED = 'profiled in Node on the named build (bench/profile-wasm.mjs, samples by their stack)';
const profiled = (bench) => {
  const r = find('wasm_call_profile', bench);
  return r && Object.fromEntries(['in_js', 'in_wasm', 'out_wasm', 'out_js', 'work'].map((k) => [k, parseInt(r[k], 10)]));
};
const times = (bench, target, reference) => {
  const r = find(bench, target);
  const ref = find(bench, reference);
  return r && ref ? `${slowdown(r, ref).toFixed(2)}×` : 'not measured';
};
const goalRows = GOALS.map((g) => {
  const r = find(g.bench, g.target, g.reference);
  if (!r) return `| ${g.goal} | not measured | | |`;
  let figure;
  let wanted;
  let met;
  if (g.at_most) {
    const ref = find(g.bench, g.reference);
    const x = ref && slowdown(r, ref);
    figure = x ? `${x.toFixed(2)}× ${g.reference}` : 'no reference';
    wanted = `≤ ${g.at_most}×`;
    met = x && x <= g.at_most;
  } else if ('max_bytes' in g) {
    figure = `${r.bytes.toLocaleString('en')} bytes`;
    wanted = `≤ ${g.max_bytes.toLocaleString('en')} bytes`;
    met = r.bytes <= g.max_bytes;
  } else if ('max_ms' in g) {
    figure = `${r.ms} ms`;
    wanted = `≤ ${g.max_ms} ms`;
    met = r.ms <= g.max_ms;
  } else {
    figure = String(r.count);
    wanted = `≤ ${g.max_count}`;
    met = r.count <= g.max_count;
  }
  return `| ${g.goal} | ${figure} | ${wanted} | ${met ? 'met' : `not met${g.why ? `: ${g.why()}` : ''}`} |`;
});

// *Fill this page* until the fields hold their values, per replica: the worker running, and stopped
// before the click (bench/fill-browser.mjs), in each browser.
const fillBrowsers = ['chromium', 'firefox'];
const fillRows = [...new Set(lines.filter((r) => r.bench.startsWith('fill_replica_')).map((r) => r.bench))].map((bench) => {
  const cells = fillBrowsers.flatMap((browser) => {
    const [running, stopped] = [find(bench, browser), find(bench, `${browser}, worker stopped`)];
    return [running ? `${running.ms} ms` : '', stopped ? `${stopped.ms} ms` : ''];
  });
  return `| ${bench.replace('fill_replica_', '')} | ${cells.join(' | ')} |`;
});

const rows = lines.map((r) => {
  const [key, unit] = metric(r);
  const ref = r.reference && find(r.bench, r.reference);
  let ratio = '';
  if (ref) {
    const x = 1 / slowdown(r, ref);
    const [better, worse] = key === 'bytes' ? ['smaller', 'larger'] : ['faster', 'slower'];
    ratio = x >= 1 ? `${x.toFixed(2)}× ${better} than ${r.reference}` : `${(1 / x).toFixed(2)}× ${worse} than ${r.reference}`;
  }
  const extra = Object.entries(r).filter(([k]) => !['bench', 'target', 'reference', 'unit', key].includes(k)).map(([k, v]) => `${k}=${v}`).join(', ');
  return `| ${r.bench} | ${r.target} | ${Number(r[key]).toLocaleString('en', { maximumFractionDigits: 2 })} ${unit} | ${ratio} | ${extra} |`;
});

console.log(`# Benchmarks

Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}).
Ratios compare figures measured in the same run.

| benchmark | target | figure | ratio | notes |
|---|---|---|---|---|
${rows.join('\n')}

## Fill this page, click to filled (medians)

| replica | Chromium, worker running | Chromium, worker stopped | Firefox, worker running | Firefox, worker stopped |
|---|---|---|---|---|
${fillRows.join('\n')}

## Goals

| goal | this run | goal | |
|---|---|---|---|
${goalRows.join('\n')}`);

// Renders benchmark JSON lines as BENCHMARKS.md. A line may name `reference` (another target of the same
// bench, measured in the same run); its ratio is then shown next to it.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const metric = (r) => ('per_s' in r ? ['per_s', 'ops/s', true] : 'ms' in r ? ['ms', 'ms', false] : 'count' in r ? ['count', r.unit, false] : ['bytes', 'bytes', false]);
const find = (bench, target) => lines.find((r) => r.bench === bench && r.target === target);

const rows = lines.map((r) => {
  const [key, unit, higherIsBetter] = metric(r);
  const ref = r.reference && find(r.bench, r.reference);
  let ratio = '';
  if (ref) {
    const x = higherIsBetter ? r[key] / ref[key] : ref[key] / r[key];
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
${rows.join('\n')}`);

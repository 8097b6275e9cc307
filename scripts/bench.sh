#!/usr/bin/env bash
# Runs every benchmark; each prints JSON lines {"bench", "target", value fields…}. scripts/bench-report.mjs
# turns them into BENCHMARKS.md, with ratios against the reference measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
out=.run/bench.jsonl
: > "$out"
for b in $(sed -n 's/^name = "\(.*\)"/\1/p' <(awk '/^\[\[bench\]\]/{f=1;next} f&&/^name/{print;f=0}' Cargo.toml)); do
  echo "== cargo bench $b"
  cargo bench -q --bench "$b" | tee -a "$out"
done
# The signers again with SHA-256 in portable code, as WASM (which has no SHA instructions) runs it.
echo "== cargo bench sign --features soft-sha"
cargo bench -q --bench sign --features soft-sha | tee -a "$out"
for f in bench/*.mjs; do
  [ -e "$f" ] || continue
  echo "== node $f"
  node "$f" | tee -a "$out"
done
node scripts/bench-report.mjs "$out" > BENCHMARKS.md
echo "wrote BENCHMARKS.md"

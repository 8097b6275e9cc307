#!/usr/bin/env bash
# Runs every suite, each in its own process group (so nothing it started outlives it), then prints
# one closing line "N passed, N failed, N skipped" over all of them, after each skip and its reason. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
export CARGO_TERM_COLOR=never NO_COLOR=1
total_pass=0 total_fail=0 total_skip=0 failed_suites=() skipped=()

# count KIND LOG -> "passed failed skipped" read from the runner's own summary lines
count() {
  case $1 in
    cargo) awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
                END { print p + 0, f + 0, s + 0 }' "$2" ;;
    node)  awk '/^# pass / { p += $3 } /^# fail / { f += $3 } /^# (skipped|todo) / { s += $3 } END { print p + 0, f + 0, s + 0 }' "$2" ;;
    check) echo "0 0 0" ;;
  esac
}

# skips NAME KIND LOG -> one line per skipped test: "NAME: the test — its reason"
skips() {
  case $2 in
    # node's TAP: "ok N - name # SKIP reason" (or "# TODO reason")
    node)  sed -n 's/^ *ok [0-9]* - \(.*\) # \(SKIP\|TODO\)\(.*\)$/\1 —\3/p' "$3" ;;
    # cargo: "test name ... ignored, reason" (the reason only when #[ignore = "…"] gives one)
    cargo) sed -n 's/^test \(.*\) \.\.\. ignored\(, \)\{0,1\}\(.*\)$/\1 — \3/p' "$3" ;;
  esac | sed "s/^/$1: /"
}

# suite NAME KIND COMMAND...  (KIND: cargo | node | check — a check counts as one test)
suite() {
  local name=$1 kind=$2; shift 2
  local log=".run/test-$name.log" start=$SECONDS
  printf '\n=== %s: %s\n' "$name" "$*"
  setsid bash -c "$*" > >(tee "$log") 2>&1 &
  local pid=$!
  wait "$pid"; local rc=$?
  kill -KILL -- "-$pid" 2>/dev/null   # whatever the suite left behind
  read -r p f k < <(count "$kind" "$log")
  mapfile -t -O "${#skipped[@]}" skipped < <(skips "$name" "$kind" "$log")
  if [ "$kind" = check ]; then [ $rc -eq 0 ] && p=1 || f=1; fi
  # A runner that failed without reporting a failed test (a build error, a crash) still counts as one failure.
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + k))
  [ "$f" -gt 0 ] && failed_suites+=("$name")
  printf '=== %s: %d passed, %d failed, %d skipped (%ds)\n' "$name" "$p" "$f" "$k" $((SECONDS - start))
}

# Outside references, fetched or computed fresh each run: the AWS SigV4 suite (botocore's sdist) and
# >= 1,000 random requests per scheme signed by the clouds' own SDKs (tests/differential/gen_vectors.py), and
# the OpenScale lookup's reads as IBM's SDKs build them (tests/differential/ibm_requests.py), and Huawei Cloud's
# region tables for the endpoint catalog (tests/differential/huawei_regions.py).
suite vectors check 'scripts/fetch-test-vectors.sh && .venv/bin/python tests/differential/gen_vectors.py && .venv/bin/python tests/differential/ibm_requests.py && .venv/bin/python tests/differential/huawei_regions.py'
suite fmt check cargo fmt --check
suite clippy check 'cargo clippy -q --all-targets -- -D warnings && cargo clippy -q --target wasm32-unknown-unknown --lib -- -D warnings'
suite rust cargo cargo test -q
# The native benchmarks run once (unoptimised, nothing timed) so a change that breaks one shows here.
suite benches check 'cargo test -q --benches'
# The browser benchmarks run once too (one round each, figures not kept): a bench that no longer runs fails here.
suite benches-browser check 'set -e; for f in bench/*.mjs; do CREDFILL_BENCH_ONCE=1 node "$f" > /dev/null; done'
suite wasm cargo CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --features test-exports --test wasm
# The extension's JS against the core's declarations (pkg/credfill.d.ts, generated from the Rust types by
# the build) and the one list of messages (extension/lib/message-types.d.ts); the declarations alone,
# without the DOM's types, so none of their names can mean the DOM's.
suite types check 'node_modules/.bin/tsc -p tsconfig.json && node_modules/.bin/tsc -p tests/types/tsconfig.json'
suite js node 'node --test $(find tests/js extension -name "*.test.mjs" | sort)'
# "Use in code": every generated snippet run with the real SDKs and tools against the stand-ins.
suite snippets node node --test tests/snippets/
# A reviewer's rebuild elsewhere (another path, cargo home and target) gives the same WASM bytes.
suite reproducible check bash scripts/check-reproducible.sh
suite lint check node_modules/.bin/web-ext lint --source-dir dist/firefox --warnings-as-errors
suite fuzz check 'set -o pipefail; cargo +nightly fuzz run parse_credentials "$(mktemp -d)" fuzz/corpus/parse_credentials -- -max_total_time=${CREDFILL_FUZZ_SECONDS:-30} 2>&1 | tail -n 4'
suite e2e node node --test --test-concurrency=1 tests/e2e/

echo
[ ${#failed_suites[@]} -gt 0 ] && echo "failed suites: ${failed_suites[*]}"
[ ${#skipped[@]} -gt 0 ] && printf 'skipped: %s\n' "${skipped[@]}"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]

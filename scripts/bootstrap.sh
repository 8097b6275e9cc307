#!/usr/bin/env bash
# Installs every tool credfill's build and tests need, on a fresh Debian machine.
# Idempotent: each step checks first, so a warm machine passes through in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[bootstrap] %s\n' "$*"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
# Fuzzing needs the nightly toolchain (the machine image has one) and cargo-fuzz.
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

# The cargo tools build for minutes on a fresh machine: they build side by side, in the background,
# while apt, npm and pip download (each `cargo install` has its own target directory).
installs=()
cargo_install() {
  local log; log=$(mktemp)
  say "cargo install $* (minutes, once)"
  { cargo install -q "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }; rm -f "$log"; } &
  installs+=($!)
}
# The CLI must match the crate exactly; Cargo.toml pins it with '='. It brings wasm-bindgen-test-runner.
WBG=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  cargo_install wasm-bindgen-cli --version "$WBG" --force
fi
command -v geckodriver >/dev/null || cargo_install geckodriver --locked
command -v cargo-fuzz >/dev/null || cargo_install cargo-fuzz --locked

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
# Firefox shows an extension in the language of its own UI, which needs that language's pack
# (tests/e2e/words.test.mjs runs in French and Chinese); Chromium needs none for extension pages.
langpacks=/usr/lib/firefox-esr/browser/extensions
[ -e "$langpacks/langpack-fr@firefox-esr.mozilla.org.xpi" ] || need_apt+=(firefox-esr-l10n-fr)
[ -e "$langpacks/langpack-zh-CN@firefox-esr.mozilla.org.xpi" ] || need_apt+=(firefox-esr-l10n-zh-cn)
command -v xvfb-run >/dev/null || need_apt+=(xvfb)
# Real X key events for the keyboard-command test in headful Chromium (tests/e2e/lib/xvfb.mjs).
command -v xdotool >/dev/null || need_apt+=(xdotool)
command -v openssl >/dev/null || need_apt+=(openssl)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  # Carbon's packages carry an IBM telemetry postinstall; the test fixtures send nothing anywhere.
  IBM_TELEMETRY_DISABLED=true npm ci --no-audit --no-fund --loglevel=error
fi

# Python oracles: the clouds' own SDKs, in a private virtualenv.
if [ -f requirements-test.txt ] && { [ ! -x .venv/bin/python ] || [ requirements-test.txt -nt .venv/.stamp ]; }; then
  say "python venv + requirements-test.txt"
  python3 -m venv .venv
  .venv/bin/pip install -q -r requirements-test.txt
  touch .venv/.stamp
fi
for pid in "${installs[@]}"; do wait "$pid"; done
say "ready"

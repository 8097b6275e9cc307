#!/usr/bin/env bash
# An addons.mozilla.org reviewer rebuilds the WASM on their machine and compares its SHA-256 with the
# store zip's (docs/development.md, "Installing, and the reproducible WASM"). This builds the committed source again as another
# machine would: a fresh clone at another path, another cargo home (the same crates, reached through
# another directory) and its own target directory, then compares the WASM with this checkout's
# `pkg/credfill_bg.wasm` byte for byte. Needs `make pkg` first, and a clean work tree (the clone has
# only what is committed).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -z "$(git status --porcelain -- src Cargo.toml Cargo.lock Makefile .cargo)" ] || {
  echo "uncommitted changes to the core: the clone would build something else" >&2
  exit 1
}
work=$(mktemp -d /tmp/credfill-reviewer-XXXXXX)
trap 'rm -rf "$work"' EXIT
cargo_home=${CARGO_HOME:-$HOME/.cargo}

git clone -q . "$work/checkout"
ln -s "$PWD/node_modules" "$work/checkout/node_modules"
mkdir "$work/cargo-home"
# The registry's crates as downloaded, under the other cargo home's own path.
for entry in registry git config.toml; do
  [ -e "$cargo_home/$entry" ] && ln -s "$cargo_home/$entry" "$work/cargo-home/$entry"
done
(cd "$work/checkout" && CARGO_HOME="$work/cargo-home" CARGO_TARGET_DIR="$work/target" make -s pkg > "$work/build.log" 2>&1) || {
  tail -n 20 "$work/build.log" >&2
  exit 1
}
here=$(sha256sum < pkg/credfill_bg.wasm)
there=$(sha256sum < "$work/checkout/pkg/credfill_bg.wasm")
echo "this checkout: ${here%% *}"
echo "the reviewer:  ${there%% *}"
[ "$here" = "$there" ]

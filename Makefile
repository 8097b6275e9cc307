# credfill — the README's two commands are `make run` and `make test`; both set up a fresh machine first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
WASM := $(or $(CARGO_TARGET_DIR),target)/wasm32-unknown-unknown/release/credfill.wasm
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
RUST_SOURCES := Cargo.toml Cargo.lock $(shell find src -name '*.rs' -o -name '*.json' -o -name '*.txt')
EXT_SOURCES := manifest.json $(shell find extension -type f)

.PHONY: help bootstrap build pkg pkg-test extension extension-e2e zips www consoles test run bench screenshots clean

help:
	@echo "make run    build, serve www/ and the demo consoles, open Chromium with the extension"
	@echo "make test   every check: fmt, clippy, Rust, WASM, JS types, JS, web-ext lint, browser end-to-end"
	@echo "make bench  benchmarks, written to BENCHMARKS.md"
	@echo "make build  pkg/ (WASM + glue), dist/chrome, dist/firefox and the store zips"
	@echo "make screenshots  the README's screenshots, from the built extension (docs/screenshots/)"

bootstrap:
	@bash scripts/bootstrap.sh

build: pkg pkg-test extension zips www extension-e2e consoles

# One WASM artefact: pkg/credfill.js + pkg/credfill_bg.wasm (--target web), loaded by the extension, www/, Node tests and benchmarks.
# pkg/credfill.d.ts declares its exports and the Rust types they carry (derive(Tsify)): `tsc` checks the extension against it.
pkg: pkg/credfill_bg.wasm
# No path of the machine that built it ships in the WASM (panic locations name source files): the
# cargo home and this checkout are remapped, so a reviewer's `npm run build-for-amo` elsewhere gives
# the same bytes. The variable replaces .cargo/config.toml's wasm flags, so it repeats them.
CARGO_HOME_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)
pkg/credfill_bg.wasm: export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS = --cfg getrandom_backend="wasm_js" --remap-path-prefix=$(CARGO_HOME_DIR)=/cargo --remap-path-prefix=$(CURDIR)=/credfill
WASM_OPT := node_modules/.bin/wasm-opt -Oz --enable-multivalue --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types
pkg/credfill_bg.wasm: $(RUST_SOURCES)
	cargo build --release --target wasm32-unknown-unknown --lib
	wasm-bindgen --target web --out-dir pkg $(WASM)
	$(WASM_OPT) --strip-debug --strip-producers -o pkg/credfill_bg.wasm pkg/credfill_bg.wasm

# The same core with the exports only tests and benchmarks call (Cargo.toml's `test-exports`), never
# shipped: the Node tests and benchmarks that sign, ask IBM for tokens or list message codes load it.
# Its own target directory, so the two feature sets do not rebuild each other.
TEST_TARGET := $(or $(CARGO_TARGET_DIR),target)/test-exports
pkg-test: pkg-test/credfill_bg.wasm
pkg-test/credfill_bg.wasm: export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS = --cfg getrandom_backend="wasm_js" --remap-path-prefix=$(CARGO_HOME_DIR)=/cargo --remap-path-prefix=$(CURDIR)=/credfill
pkg-test/credfill_bg.wasm: $(RUST_SOURCES)
	cargo build --release --target wasm32-unknown-unknown --lib --features test-exports --target-dir $(TEST_TARGET)
	wasm-bindgen --target web --no-typescript --out-dir pkg-test $(TEST_TARGET)/wasm32-unknown-unknown/release/credfill.wasm
	$(WASM_OPT) --strip-debug --strip-producers -o pkg-test/credfill_bg.wasm pkg-test/credfill_bg.wasm

# The same WASMs with their function names kept, never shipped: bench/size.mjs reads what the shipped
# one's bytes are, bench/profile-wasm.mjs where the test build's calls (signRequest) spend their time.
.run/credfill-named.wasm: pkg/credfill_bg.wasm
	wasm-bindgen --target web --no-typescript --keep-debug --out-dir .run/named $(WASM)
	$(WASM_OPT) -g -o $@ .run/named/credfill_bg.wasm
.run/credfill-test-named.wasm: pkg-test/credfill_bg.wasm
	wasm-bindgen --target web --no-typescript --keep-debug --out-dir .run/test-named $(TEST_TARGET)/wasm32-unknown-unknown/release/credfill.wasm
	$(WASM_OPT) -g -o $@ .run/test-named/credfill_bg.wasm

extension: pkg/credfill_bg.wasm
	node scripts/build-extension.mjs

# The same extension with the loopback stand-ins' host granted up front, nothing else (scripts/manifest.mjs refuses more).
extension-e2e: pkg/credfill_bg.wasm
	node scripts/build-extension.mjs --overlay tests/e2e/manifest-overlay.json --out dist-e2e

zips: extension
	rm -f dist/*.zip
	node_modules/.bin/web-ext build --source-dir dist/chrome --artifacts-dir dist --filename credfill-chrome-$(VERSION).zip --overwrite-dest >/dev/null
	node_modules/.bin/web-ext build --source-dir dist/firefox --artifacts-dir dist --filename credfill-firefox-$(VERSION).zip --overwrite-dest >/dev/null
	@ls -l dist/*.zip

# The standalone page: one classic script with the WASM inlined, so it runs from file:// too.
www: pkg/credfill_bg.wasm
	mkdir -p dist/www
	cp www/index.html www/style.css dist/www/
	node_modules/.bin/esbuild www/app.js --bundle --format=iife --loader:.wasm=binary --minify --log-level=warning --log-override:empty-import-meta=silent --outfile=dist/www/app.js

# The console replicas for the fill e2e tests and benchmarks (Vue, Angular, React, web components, and the consoles' own OpenTiny and Carbon components), into tests/.cache/.
consoles:
	node tests/fixtures/consoles/build.mjs

test: bootstrap build
	@bash scripts/test.sh

run: bootstrap build
	@bash scripts/run.sh

bench: bootstrap build
	@bash scripts/bench.sh

# The README's screenshots, from the built extension against the test stand-ins (docs/screenshots/).
screenshots: bootstrap build
	node scripts/screenshots.mjs

clean:
	rm -rf pkg pkg-test dist dist-e2e target .run

// The exports only tests and benchmarks call live in the test build (pkg-test/, Cargo feature
// `test-exports`), not in the WASM the extension and the page ship (pkg/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const TEST_ONLY = ['signRequest', 'presignUrl', 'ibmTokenRequest', 'ibmParseToken', 'openscaleDataMartRequest', 'matchConsole', 'allMessageCodes', 'flowRequest'];

/** The names a WASM exports (its JS names: the glue calls `wasm.signRequest`). */
const exportsOf = (dir) => {
  const module = new WebAssembly.Module(readFileSync(new URL(`../../${dir}/credfill_bg.wasm`, import.meta.url)));
  return new Set(WebAssembly.Module.exports(module).map(({ name }) => name));
};

test('the shipped WASM has none of the test-only exports, the test build has them all', () => {
  const shipped = exportsOf('pkg');
  const forTests = exportsOf('pkg-test');
  for (const name of TEST_ONLY) {
    assert.equal(shipped.has(name), false, `pkg/ exports ${name}`);
    assert.equal(forTests.has(name), true, `pkg-test/ lacks ${name}`);
  }
  assert.ok(shipped.has('matchConsoleWith'), 'the names are read as the glue calls them');
});

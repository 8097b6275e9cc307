// The shipped WASM names no path of the machine that built it (its panic locations would otherwise
// hold the builder's cargo home and checkout): the Makefile remaps both, so a reviewer's rebuild on
// another machine gives the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

const wasm = readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)).toString('latin1');
const checkout = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const cargoHome = process.env.CARGO_HOME ?? `${homedir()}/.cargo`;

test('no builder path ships in the WASM', () => {
  for (const path of [checkout, cargoHome, homedir()]) {
    assert.equal(wasm.includes(path), false, `the WASM holds ${path}`);
  }
  assert.ok(wasm.includes('/cargo/registry/'), 'the remapped cargo home is there instead (panic locations)');
});

// The built extension loads in both browsers, its worker starts the WASM core, and the popup shows the
// version the core reports (which must be Cargo.toml's: a broken or missing WASM shows an error instead).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, ROOT, eventually } from './lib/browsers.mjs';

const cargoVersion = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

for (const [name, launch] of BROWSERS) {
  describe(`${name}: extension starts`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    it('popup shows the version answered by the WASM core', async () => {
      const popup = await browser.open('popup.html');
      const state = await eventually(() => popup.attr('#version', 'data-state'), (s) => s !== 'loading');
      const text = await popup.text('#version');
      assert.equal(state, 'ready', `popup says: ${text}`);
      assert.equal(text, `v${cargoVersion}`);
    });

    it('the worker refuses messages of unknown type', async () => {
      const popup = await browser.open('popup.html');
      const reply = await popup.evaluate(() => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'no-such-thing' }));
      assert.equal(reply.error.code, 'refused');
    });
  });
}

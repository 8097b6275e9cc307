// The standalone page runs the same core, served over HTTP and opened from disk, in both browsers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveStatic } from '../../scripts/static-server.mjs';
import { BROWSERS, ROOT } from './lib/browsers.mjs';

const WWW = join(ROOT, 'dist/www');

for (const [name, launch] of BROWSERS) {
  describe(`${name}: standalone page`, () => {
    let browser, server, base;
    before(async () => {
      server = await serveStatic({ mounts: { '/': WWW } });
      base = `http://127.0.0.1:${server.address().port}/`;
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      server?.close();
    });

    for (const how of ['http', 'file']) {
      it(`starts the WASM core when opened over ${how}`, async () => {
        const page = await browser.open(how === 'http' ? base : `file://${WWW}/index.html`);
        await page.waitFor('body[data-ready="true"]');
        assert.match(await page.text('#version'), /^v\d+\.\d+\.\d+$/);
      });
    }
  });
}

// "Use in code" in both browsers: the popup's panel copies a snippet without the secret (the
// clipboard holds no SK), copies it with the secret only after the warning's second click (the
// clipboard holds it, then the worker clears it when its 60 s alarm fires: the test fires it sooner),
// and downloads a config file after a confirmation. The clipboard is read back from an extension
// page, once the test granted the optional clipboardRead / clipboardWrite permissions through the
// browser's own prompt (Chromium runs headful on Xvfb for that: its prompt is a native dialog).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION, ROOT, eventually, grantByPrompt } from './lib/browsers.mjs';
import { startXvfb } from './lib/xvfb.mjs';
import { chooseSnippet, fireClearAlarm, readClipboard } from './lib/code.mjs';
import { seedProfile } from './lib/profiles.mjs';

const AK = 'HPUAQTWAOYTTINDUT2QV';
const SK = `Mf'y"f$vK4%1\\ba2giqM7Uio6PznpdUKGpownRZl`;

// The SK as the Python snippet writes it: a str literal, with its quote and backslash escaped.
const SK_IN_PYTHON = `secret_access_key='Mf\\'y"f$vK4%1\\\\ba2giqM7Uio6PznpdUKGpownRZl',`;
const holdsSecret = (text) => Boolean(text?.includes(SK_IN_PYTHON));

for (const [name, launch] of BROWSERS) {
  describe(`${name}: use the key in code`, () => {
    let browser, popup, id, downloads, xvfb;
    before(async () => {
      downloads = mkdtempSync(join(tmpdir(), 'credfill-downloads-'));
      if (name === 'chromium') xvfb = await startXvfb();
      browser = await launch({
        extDir: E2E_EXTENSION[name],
        display: xvfb?.display,
        ...(name === 'firefox' && { prefs: { 'browser.download.dir': downloads, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false } }),
      });
      id = await seedProfile(browser, { name: 'code', provider: 'huawei', region: 'cn-north-4', credentials: [{ kind: 'aksk', accessKeyId: AK, secretAccessKey: SK }] });
      popup = await browser.open('popup.html');
      await grantByPrompt(browser, popup, { permissions: ['clipboardRead', 'clipboardWrite'] });
      // The permanent key's snippets (a temporary key is short-lived.test.mjs's).
      await chooseSnippet(popup, id, 'obs-python', 'permanent');
      await eventually(() => popup.text('.code-text'), (text) => text?.includes(AK));
    });
    after(async () => {
      await browser?.close();
      xvfb?.stop();
      rmSync(downloads, { recursive: true, force: true });
    });

    it('copies the snippet without the secret, which it reads from OBS_SECRET_ACCESS_KEY', async () => {
      assert.ok(!(await popup.text('.code-text')).includes(SK));
      await popup.click('.code-copy');
      const copied = await eventually(() => readClipboard(popup), (text) => text?.includes(AK));
      assert.match(copied, /secret_access_key=os\.environ\['OBS_SECRET_ACCESS_KEY'\]/);
      assert.ok(!copied.includes('secret_access_key=\'') && !copied.includes('ba2giqM7'), 'no SK on the clipboard');
      assert.match(await popup.text('.code-about'), /OBS_SECRET_ACCESS_KEY/);
    });

    it('copies with the secret only after the warning\'s click, then clears the clipboard after the delay', async () => {
      await popup.click('.code-copy-secret');
      await popup.waitFor('.code-confirm-go', { state: 'visible' });
      assert.ok(!holdsSecret(await eventually(() => readClipboard(popup), (text) => text !== null)), 'the first click copies nothing');
      await popup.click('.code-confirm-go');
      assert.ok(holdsSecret(await eventually(() => readClipboard(popup), holdsSecret)), 'the SK is on the clipboard');
      assert.match(await popup.text('.code-status'), /60/);
      await fireClearAlarm(popup);
      assert.equal(await eventually(() => readClipboard(popup), (text) => text === ''), '', 'cleared');
    });

    it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
      await popup.click('.code-copy-secret');
      await popup.click('.code-confirm-go');
      assert.ok(holdsSecret(await eventually(() => readClipboard(popup), holdsSecret)));
      await popup.evaluate(() => navigator.clipboard.writeText('the user\'s own text'));
      await fireClearAlarm(popup);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(await readClipboard(popup), 'the user\'s own text');
    });

    it('downloads ~/.obsutilconfig with the secret after a confirmation', async () => {
      await chooseSnippet(popup, id, 'obsutil-config', 'permanent');
      await popup.waitFor('.code-download', { state: 'visible' });
      assert.equal(await popup.text('.code-text'), '');
      await popup.click('.code-download');
      await popup.waitFor('.code-confirm-go', { state: 'visible' });
      let saved;
      if (name === 'chromium') {
        const download = popup.raw.waitForEvent('download');
        await popup.click('.code-confirm-go');
        const file = await download;
        saved = { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
      } else {
        await popup.click('.code-confirm-go');
        // Firefox first creates the final name as an empty placeholder, then writes a `.part` file
        // and renames it over the placeholder: the file is complete once it has bytes and no `.part`
        // is left beside it.
        const finished = () => {
          const files = readdirSync(downloads);
          const writing = files.some((f) => f.endsWith('.part') || statSync(join(downloads, f)).size === 0);
          return writing ? [] : files;
        };
        const found = await eventually(finished, (files) => files.length > 0);
        saved = { name: found[0], text: readFileSync(join(downloads, found[0]), 'utf8') };
      }
      // Browsers drop the leading dot of a downloaded file's name (the warning says so).
      assert.equal(saved.name, 'obsutilconfig');
      assert.equal(saved.text, `endpoint=https://obs.cn-north-4.myhuaweicloud.com\nak=${AK}\nsk=${SK}\n`);
    });

    it('the standalone page offers the same snippets after an import, storing nothing', async () => {
      const page = await browser.open(`file://${join(ROOT, 'dist/www/index.html')}`);
      await page.waitFor('body[data-ready="true"]');
      await page.evaluate((csv) => {
        document.querySelector('#paste').value = csv;
        document.querySelector('#parse-paste').click();
      }, `User Name,Access Key Id,Secret Access Key\nalice,${AK},${SK.replace(/[^A-Za-z0-9]/g, 'x')}\n`);
      // The file cannot tell Huawei Cloud from Flexible Engine: the page asks, as the popup does, and
      // shows no code for a cloud the user did not choose.
      await page.waitFor('#code-cloud');
      const answer = (id, value) => page.evaluate(({ id, value }) => {
        const select = document.getElementById(id);
        select.value = value;
        select.dispatchEvent(new Event('change'));
      }, { id, value });
      assert.deepEqual(await page.evaluate(() => [document.querySelector('#code-cloud').value, document.querySelector('#code .code-text')]), ['', null]);
      await answer('code-cloud', 'huawei');
      await answer('code-region', 'cn-north-4');
      const text = await eventually(() => page.text('#code .code-text'), (t) => t?.includes(AK));
      assert.match(text, /server='https:\/\/obs\.cn-north-4\.myhuaweicloud\.com'/);
      assert.ok(!text.includes('ba2giqM7'));
      await answer('code-cloud', 'flexible-engine');
      await answer('code-region', 'eu-west-0');
      assert.match(await eventually(() => page.text('#code .code-text'), (t) => t?.includes('oss.eu-west-0')), /orange-business\.com/);
      assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
      await page.close();
    });
  });
}

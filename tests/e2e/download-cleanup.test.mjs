// No plaintext key left behind, in both browsers: a replica of IAM's last "Create Access Key" step
// downloads credentials.csv for real (into a folder of the test's); the popup imports that file and
// saves its key; then *Delete the downloaded file* asks for the optional `downloads` permission
// through the browser's own prompt (Chromium headful on Xvfb, as in permissions.test.mjs): refused,
// nothing is deleted; allowed, the file is gone from disk and from the download history. A file of
// the same name but another size is not offered, and its namesake download is left alone; a file
// removed from disk after the offer is said gone (Firefox).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION, ROOT, answerPermissionPrompt, eventually, launchChromium, launchFirefox } from './lib/browsers.mjs';
import { chromiumConsoleArgs, FIREFOX_CONSOLE_PREFS, startConsoles } from './lib/consoles.mjs';
import { downloadKeyFile } from './lib/downloads.mjs';
import { unlockVault } from './lib/profiles.mjs';
import { startXvfb } from './lib/xvfb.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
const TIMEOUT = 30_000;

for (const [name] of BROWSERS) {
  describe(`${name}: the downloaded key file, deleted once its key is saved`, () => {
    let consoles, xvfb, browser, control, downloads, elsewhere;
    /** The history's entries for `credentials*.csv`, read from an extension page once the permission is granted. */
    const history = () => control.evaluate(() => (globalThis.browser ?? chrome).downloads.search({ filenameRegex: 'credentials' })
      .then((items) => items.map(({ id, filename, exists, state }) => ({ id, filename, exists, state }))));

    before(async () => {
      downloads = mkdtempSync(join(tmpdir(), 'credfill-downloads-'));
      elsewhere = mkdtempSync(join(tmpdir(), 'credfill-elsewhere-'));
      consoles = await startConsoles(name === 'firefox' ? 443 : 0);
      if (name === 'chromium') {
        xvfb = await startXvfb();
        browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, args: chromiumConsoleArgs(consoles.port), display: xvfb.display });
      } else {
        browser = await launchFirefox({ extDir: E2E_EXTENSION.firefox, prefs: FIREFOX_CONSOLE_PREFS, acceptInsecureCerts: true });
      }
      control = await browser.open('popup.html');
      await unlockVault(control);
    });
    after(async () => {
      await browser?.close();
      xvfb?.stop();
      await consoles?.close();
      for (const dir of [downloads, elsewhere]) rmSync(dir, { recursive: true, force: true });
    });

    /** Imports `file` in a popup and saves its key; resolves to the popup. */
    async function importAndSave(file) {
      const popup = await browser.open('popup.html');
      await popup.setFile('#import-file', file);
      await popup.waitFor('#import-result > .summary.ok', { timeout: TIMEOUT });
      await eventually(() => popup.evaluate(() => !document.querySelector('#import-save').hidden), (shown) => shown);
      await popup.click('#import-save');
      await popup.waitFor('#vault-saved li', { timeout: TIMEOUT });
      return popup;
    }

    it('the imported download is offered, and the click deletes the file and its history entry', async () => {
      const path = await downloadKeyFile(browser, downloads);
      const popup = await importAndSave(path);
      // Not granted yet: the history is not read, and the offer says the file may be there.
      await popup.waitFor('#import-download[data-code="unasked"] #download-delete', { timeout: TIMEOUT });
      assert.equal(await popup.text('#import-download p'), en.import_download_unasked.message.replace('{fileName}', 'credentials.csv'));
      // Refused: nothing is deleted, and the button asks again.
      await popup.click('#download-delete');
      await answerPermissionPrompt(browser, false);
      await popup.waitFor('#import-download p[data-code="refused"]', { timeout: TIMEOUT });
      assert.ok(existsSync(path), 'not deleted when refused');
      await popup.click('#download-delete');
      await answerPermissionPrompt(browser, true);
      await popup.waitFor('#import-download p[data-code="deleted"]', { timeout: TIMEOUT });
      assert.equal(existsSync(path), false, 'the file is gone from disk');
      assert.deepEqual(await history(), [], 'the history entry is erased');
      await popup.close();
    });

    it('a file of another size is not offered and its namesake stays; the same file is then offered as found', async () => {
      const path = await downloadKeyFile(browser, downloads);
      const other = join(elsewhere, 'credentials.csv');
      mkdirSync(elsewhere, { recursive: true });
      writeFileSync(other, readFileSync(join(ROOT, 'tests/fixtures/credentials/huawei.csv')));
      assert.notEqual(statSync(other).size, statSync(path).size);
      let popup = await importAndSave(other);
      await popup.waitFor('#import-download[data-code="not-found"]', { timeout: TIMEOUT });
      assert.equal(await popup.evaluate(() => document.querySelector('#import-download').childElementCount), 0, 'nothing offered');
      assert.ok(existsSync(path), 'the download is left alone');
      const [entry, ...more] = await history();
      assert.deepEqual([entry?.exists, entry?.state, more.length], [true, 'complete', 0], JSON.stringify(entry));
      await popup.close();

      // The permission granted, the offer names the file as found, and deletes it without asking again.
      popup = await importAndSave(path);
      await popup.waitFor('#import-download[data-code="found"] #download-delete', { timeout: TIMEOUT });
      assert.equal(await popup.text('#import-download p'), en.import_download_found.message.replace('{fileName}', 'credentials.csv'));
      await popup.click('#download-delete');
      await popup.waitFor('#import-download p[data-code="deleted"]', { timeout: TIMEOUT });
      assert.equal(existsSync(path), false);
      assert.deepEqual(await history(), []);
      await popup.close();
    });

    // Chromium downloading under DevTools' download behaviour overwrites a taken name instead of
    // adding " (1)": only Firefox can show its own suffix here.
    it('two downloads of one name: the one imported, by its very name, is the one deleted', { skip: name === 'chromium' && 'Chromium overwrites under DevTools' }, async () => {
      const first = await downloadKeyFile(browser, downloads);
      const second = await downloadKeyFile(browser, downloads);
      assert.deepEqual([first, second].map((p) => p.slice(downloads.length + 1)), ['credentials.csv', 'credentials(1).csv']);
      const popup = await importAndSave(second);
      await popup.waitFor('#import-download[data-code="found"] #download-delete', { timeout: TIMEOUT });
      await popup.click('#download-delete');
      await popup.waitFor('#import-download p[data-code="deleted"]', { timeout: TIMEOUT });
      assert.deepEqual([existsSync(first), existsSync(second)], [true, false]);
      assert.deepEqual((await history()).map((d) => d.filename), [first]);
      await control.evaluate(() => (globalThis.browser ?? chrome).downloads.erase({}));
      rmSync(first);
      await popup.close();
    });

    it('a file removed from disk after the offer: Firefox says it is gone, Chromium deletes what is left', async () => {
      const path = await downloadKeyFile(browser, downloads);
      const popup = await importAndSave(path);
      await popup.waitFor('#import-download[data-code="found"] #download-delete', { timeout: TIMEOUT });
      rmSync(path);
      await popup.click('#download-delete');
      // Firefox's removeFile refuses a file no longer on disk; Chromium's succeeds (its `exists` is
      // checked lazily), and the entry is then erased as for a file it removed.
      const said = name === 'firefox' ? 'gone' : 'deleted';
      await popup.waitFor(`#import-download p[data-code="${said}"]`, { timeout: TIMEOUT });
      if (name === 'chromium') assert.deepEqual(await history(), []);
      await control.evaluate(() => (globalThis.browser ?? chrome).downloads.erase({}));
      await popup.close();
    });
  });
}

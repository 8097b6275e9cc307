// Every word in the user's language: with the browser in French and in Chinese, the core's errors,
// warnings and key-check diagnoses are shown in that language (the _locales words for their code),
// and no text of the import and check sections is an English message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION, ROOT } from './lib/browsers.mjs';
import { seedProfile } from './lib/profiles.mjs';
import { startServer } from './servers/launch.mjs';
import { initSync, parseCredentials } from '../../pkg/credfill.js';
import { words } from '../../extension/lib/words.js';

initSync({ module: readFileSync(join(ROOT, 'pkg/credfill_bg.wasm')) });
const TIMEOUT = 30_000;
const FIXTURES = join(ROOT, 'tests/fixtures/credentials');
const catalog = (lang) => JSON.parse(readFileSync(join(ROOT, `extension/_locales/${lang}/messages.json`), 'utf8'));
const english = catalog('en');

/** What the core says about a fixture: its error, or its first warning. */
function coreSays(name) {
  try {
    return { warning: parseCredentials(new Uint8Array(readFileSync(join(FIXTURES, name))), name).warnings[0] };
  } catch (error) {
    return { error };
  }
}

/** `_locales`' `$1`… substitution, as browser.i18n.getMessage does it. */
const substitute = (message, subs = []) => message.replace(/\$(\d)/g, (_, n) => subs[n - 1] ?? '');

/** The texts of `selector`'s elements that hold text themselves (not only through children). */
const ownTexts = (page, selector) => page.evaluate((sel) =>
  [...document.querySelectorAll(`${sel}, ${sel} *`)]
    .map((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim())
    .filter(Boolean), selector);

for (const [language, localeDir] of [['fr', 'fr'], ['zh-CN', 'zh_CN']]) {
  const messages = catalog(localeDir);
  const t = (key, subs) => substitute(messages[key]?.message ?? key, subs);
  // English messages this language says otherwise: seeing one means the words fell back.
  const englishOnly = new Set(Object.keys(english).filter((k) => messages[k]?.message !== english[k].message)
    .map((k) => english[k].message));
  const lineSuffix = ({ line, column }) =>
    column == null ? t('atLine', [String(line)]) : t('atLineColumn', [String(line), String(column)]);

  for (const [browserName, launch] of BROWSERS) {
    describe(`${browserName} in ${language}`, () => {
      let browser, popup, moto, badSkProfile;
      before(async () => {
        moto = await startServer('moto_s3.py');
        browser = await launch({ extDir: E2E_EXTENSION[browserName], language });
        // A wrong SK against the moto stand-in, seeded as tests/e2e/check.test.mjs does.
        const wrongSk = moto.secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
        badSkProfile = await seedProfile(browser, {
          id: `bad-sk-${browserName}`, name: 'moto bad SK', provider: 'aws', region: 'us-east-1', endpoint: moto.url,
          credentials: [{ kind: 'aksk', accessKeyId: moto.accessKeyId, secretAccessKey: wrongSk }],
        });
        popup = await browser.open('popup.html');
      });
      after(async () => Promise.all([browser?.close(), moto?.stop()]));

      it('the popup runs in that language', async () => {
        assert.equal(await popup.evaluate(() => document.documentElement.lang), language);
      });

      it('a bad file: the error is the words of its code', async () => {
        const { error } = coreSays('bad-short-secret.csv');
        await popup.setFile('#import-file', join(FIXTURES, 'bad-short-secret.csv'));
        await popup.waitFor('#import-result .error[data-code="bad-secret"]');
        const expected = `${t('importFailed')} ${words(t, 'error', error)} ${lineSuffix(error)}`;
        assert.equal(await popup.text('#import-result .error'), expected);
        assert.deepEqual((await ownTexts(popup, '#import-result')).filter((text) => englishOnly.has(text)), []);
      });

      it('a swapped-column file: the warning is the words of its code', async () => {
        const { warning } = coreSays('huawei-swapped.csv');
        await popup.setFile('#import-file', join(FIXTURES, 'huawei-swapped.csv'));
        await popup.waitFor('#import-result .warning[data-code="swapped-columns"]');
        assert.equal(await popup.text('#import-result .warning'), `${words(t, 'warning', warning)} ${lineSuffix(warning)}`);
        assert.deepEqual((await ownTexts(popup, '#import-result')).filter((text) => englishOnly.has(text)), []);
      });

      it('a failing key check: the diagnosis is the words of its code', async () => {
        const row = `.check-profile[data-profile-id="${badSkProfile}"]`;
        await popup.click('#check-section summary.check-title');
        await popup.waitFor(`${row} button.check-run`, { timeout: TIMEOUT });
        await popup.click(`${row} button.check-run`);
        const result = `${row} .check-result[data-status="bad-sk"]`;
        await popup.waitFor(result, { timeout: TIMEOUT });
        assert.equal(await popup.text(result), `${t('check_status_bad_sk')} ${t('check_bad_sk')}`);
        assert.deepEqual((await ownTexts(popup, '#check-section')).filter((text) => englishOnly.has(text)), []);
      });
    });
  }
}

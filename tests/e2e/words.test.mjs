// Every word in the user's language: with the browser in French and in Chinese, the core's errors,
// warnings and key-check diagnoses are shown in that language (the _locales words for their code),
// and no text of the import and check sections is an English message. A scan of the popup's and the
// options' states (profiles, an import with a date, OpenScale's instances against the IBM stand-in)
// finds no raw code, enum value, English sentence, region ID without its name, raw date, or
// punctuation of another language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, ROOT, eventually } from './lib/browsers.mjs';
import { HOSTS, launchHeadfulChromium, launchWithConsoles } from './lib/consoles.mjs';
import { fillWithPopup, pressFillShortcut, skipShortcutWhileLocked } from './lib/fill.mjs';
import { tabIdOf } from './lib/tabs.mjs';
import { E2E_PASSPHRASE, seedProfile, send } from './lib/profiles.mjs';
import { startServer } from './servers/launch.mjs';
import { initSync, parseCredentials } from '../../pkg/credfill.js';
import { localeKey, phrase, words } from '../../extension/lib/words.js';

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

// Names of products: the same in every language, and allowed to hold English words.
const PRODUCT_NAMES = ['Watson Machine Learning', 'Amazon SageMaker', 'Azure Machine Learning', 'IBM SPSS Collaboration and Deployment Services', 'IBM Cloud', 'Huawei Cloud', 'Flexible Engine', 'Watson OpenScale'];
// A few words only English sentences are made of.
const ENGLISH = /\b(the|is|are|was|with|your|this|not|from|of)\b/gi;

/**
 * What a user reads on `page`: the own text of each rendered element, its placeholder, title and
 * label, and the options of its selects; code, typed values and literal IDs (`code`, `pre`, inputs'
 * values) aside.
 */
const visibleTexts = (page) => page.evaluate(() => {
  const literal = (el) => el.closest('code, pre, textarea, script, style, .code');
  const texts = [];
  const literals = [];
  for (const el of document.body.querySelectorAll('*')) {
    const shown = el.tagName === 'OPTION' ? el.parentElement?.checkVisibility() : el.checkVisibility();
    if (!shown) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (literal(el)) literals.push(own);
    else texts.push(own, ...['placeholder', 'title', 'aria-label', 'label'].map((a) => el.getAttribute(a)?.trim()));
  }
  return { texts: texts.filter(Boolean), literals: literals.filter(Boolean) };
});
const RAW_DATE = /\d{4}-\d\d-\d\dT\d\d:\d\d|[+-]0000\b/;

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
    column == null ? t('at_line', [String(line)]) : t('at_line_column', [String(line), String(column)]);
  // Each region ID the catalog names, with its name in this language.
  const regionNames = new Map(Object.keys(messages).filter((k) => k.startsWith('region_'))
    .map((k) => [k.slice('region_'.length).replaceAll('_', '-'), messages[k].message]));
  /** Why `text` is not in this language's words: the list of what is wrong with it. */
  const problems = (text) => {
    const found = [];
    if (englishOnly.has(text)) found.push('an English message');
    const prose = PRODUCT_NAMES.reduce((rest, name) => rest.replaceAll(name, ''), text);
    if ((prose.match(ENGLISH) ?? []).length >= 2) found.push('English words');
    if (/\{\w+[,}]|\$\d|\(s\)|(^|\s)#(\s|$)/.test(text)) found.push('a leftover placeholder');
    const tokens = text.split(/[\s·,;:()（）、，：。“”«»\u00a0\u202f]+/).filter(Boolean);
    for (const token of tokens) {
      if (/^[a-z][A-Za-z0-9]*_[A-Za-z0-9_]+$/.test(token)) found.push(`a raw code ${token}`);
      if (regionNames.has(token) && !text.includes(regionNames.get(token))) found.push(`region ${token} without its name`);
    }
    if (RAW_DATE.test(text)) found.push('a raw date');
    if (language === 'fr' && /(?<![\u00a0\u202f])[:;?!](\s|$)/.test(text)) found.push('no no-break space before : ; ? !');
    if (language === 'zh-CN' && /[\u4e00-\u9fff][:;,]|[：。] /.test(text)) found.push('half-width punctuation or a space after ：。');
    return found.length ? [`${JSON.stringify(text)}: ${found.join(', ')}`] : [];
  };
  // Code and IDs are shown as they are, but a date is never left raw, even there.
  const scan = async (page) => {
    const { texts, literals } = await visibleTexts(page);
    return [...texts.flatMap(problems), ...literals.filter((text) => RAW_DATE.test(text)).map((text) => `${JSON.stringify(text)}: a raw date`)];
  };

  for (const [browserName] of BROWSERS) {
    describe(`${browserName} in ${language}`, () => {
      let browser, consoles, popup, moto, badSkProfile;
      before(async () => {
        moto = await startServer('moto_s3.py');
        ({ browser, server: consoles } = await launchWithConsoles(browserName, null, { language }));
        // A wrong SK against the moto stand-in, seeded as tests/e2e/check.test.mjs does.
        const wrongSk = moto.secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
        badSkProfile = await seedProfile(browser, {
          id: `bad-sk-${browserName}`, name: 'moto bad SK', provider: 'aws', region: 'us-east-1', endpoint: moto.url,
          credentials: [{ kind: 'aksk', accessKeyId: moto.accessKeyId, secretAccessKey: wrongSk }],
        });
        popup = await browser.open('popup.html');
      });
      after(async () => Promise.all([browser?.close(), moto?.stop(), consoles?.close()]));

      it('the popup runs in that language', async () => {
        assert.equal(await popup.evaluate(() => document.documentElement.lang), language);
      });

      it('a bad file: the error is the words of its code', async () => {
        const { error } = coreSays('bad-short-secret.csv');
        await popup.setFile('#import-file', join(FIXTURES, 'bad-short-secret.csv'));
        await popup.waitFor('#import-result .error[data-code="bad-secret"]');
        const failed = phrase(t, 'two_sentences', { first: t('import_failed'), second: words(t, 'error', error) });
        const expected = phrase(t, 'two_sentences', { first: failed, second: lineSuffix(error) });
        assert.equal(await popup.text('#import-result .error'), expected);
        assert.deepEqual((await ownTexts(popup, '#import-result')).filter((text) => englishOnly.has(text)), []);
      });

      it('a swapped-column file: the warning is the words of its code', async () => {
        const { warning } = coreSays('huawei-swapped.csv');
        await popup.setFile('#import-file', join(FIXTURES, 'huawei-swapped.csv'));
        await popup.waitFor('#import-result .warning[data-code="swapped-columns"]');
        assert.equal(await popup.text('#import-result .warning'), phrase(t, 'two_sentences', { first: words(t, 'warning', warning), second: lineSuffix(warning) }));
        assert.deepEqual((await ownTexts(popup, '#import-result')).filter((text) => englishOnly.has(text)), []);
      });

      it('a failing key check: the diagnosis is the words of its code', async () => {
        const row = `.check-profile[data-profile-id="${badSkProfile}"]`;
        await popup.click('#check-section summary.check-title');
        await popup.waitFor(`${row} button.check-run`, { timeout: TIMEOUT });
        await popup.click(`${row} button.check-run`);
        const result = `${row} .check-result[data-status="bad-sk"]`;
        await popup.waitFor(result, { timeout: TIMEOUT });
        // Each line names its service: two lines may say the same of two services.
        assert.equal(await popup.text(result), `${t('check_step_obs_list_buckets')} ${t('check_status_bad_sk')} ${t('check_bad_sk')}`);
        assert.deepEqual((await ownTexts(popup, '#check-section')).filter((text) => englishOnly.has(text)), []);
      });

      it('a fill report: what the page asks and the profile lacks, in words of that language', async () => {
        await seedProfile(browser, {
          id: `ibm-${browserName}`, name: 'IBM 测试 essai', provider: 'ibm', region: 'us-south',
          credentials: [{ kind: 'ibm-api-key', apiKey: 'k'.repeat(44) }],
        });
        const target = `https://${HOSTS.openscale}/openscale-react.html#custom`;
        const { page, popup: fillPopup } = await fillWithPopup(browser, popup, target, '#save');
        const missing = ['password', 'url', 'username'].map((slot) => t(localeKey('fill_slot', slot))).sort().join(t('list_separator'));
        const shown = await fillPopup.evaluate(() => [...document.querySelectorAll('#fill-result p')].map((p) => p.textContent));
        assert.equal(shown.length, 1, JSON.stringify(shown));
        // The core sorts slots by kind, not by their words: compare the listed words as a set.
        const listed = shown[0].slice(t('fill_missing', ['']).length).split(t('list_separator')).sort().join(t('list_separator'));
        assert.equal(listed, missing);
        assert.ok(shown[0].startsWith(t('fill_missing', [''])), shown[0]);
        assert.deepEqual((await ownTexts(fillPopup, '#fill-section')).filter((text) => englishOnly.has(text)), []);
        await fillPopup.close();
        await page.close();
      });

      it('the shortcut while locked: the popup it opens says why, in that language, and fills once unlocked', { skip: skipShortcutWhileLocked(browserName) }, async () => {
        // Only a headful Chromium routes a key press to an extension command (see pressFillShortcut).
        const keyboard = browserName === 'chromium' ? await launchHeadfulChromium(consoles, { language }) : browser;
        try {
          const key = { kind: 'aksk', accessKeyId: 'HPUAL2JOQF8TCAVK0042', secretAccessKey: 's'.repeat(40) };
          await seedProfile(keyboard, { name: 'Huawei essai', provider: 'huawei', region: 'cn-north-4', credentials: [key] });
          const target = `https://${HOSTS.huawei}/modelarts-vue.html?words-${language}`;
          const page = await keyboard.open(target);
          await page.waitFor('input[type=password]');
          const watcher = await keyboard.open('options.html');
          await send(watcher, 'vault.lock');
          await pressFillShortcut(keyboard, page, target);
          // The worker opens the toolbar popup for the tab, which WebDriver cannot reach: open it as a page.
          const locked = await keyboard.open(`popup.html?tab=${await tabIdOf(watcher, target)}`);
          await locked.waitFor('#fill-result[data-state=locked]');
          assert.equal(await locked.text('#vault-unlock p'), t('vault_locked_intro', ['12']));
          assert.equal(await locked.text('#fill-waiting'), t('fill_after_unlock', [HOSTS.huawei]), 'the fill runs once unlocked');
          assert.deepEqual((await ownTexts(locked, 'body')).filter((text) => englishOnly.has(text)), []);
          await locked.fill('#vault-passphrase', E2E_PASSPHRASE);
          await locked.click('#vault-submit');
          await locked.waitFor('#fill-result[data-state=filled]', { timeout: 60_000 });
          assert.ok((await locked.text('#fill-result .fill-filled')).startsWith(t('fill_filled', ['Huawei essai', ''])));
          assert.deepEqual((await ownTexts(locked, 'body')).filter((text) => englishOnly.has(text)), []);
          for (const open of [locked, watcher, page]) await open.close();
        } finally {
          if (keyboard !== browser) await keyboard.close();
        }
      });

      it('every state of the popup and the options reads in that language: no raw code, enum, English sentence, bare region ID or raw date', async () => {
        const ibm = await startServer('ibm_cloud.py');
        try {
          const ibmProfile = await seedProfile(browser, {
            name: 'IBM essai', provider: 'ibm', region: 'us-south', endpoint: ibm.url, credentials: [{ kind: 'ibm-api-key', apiKey: ibm.apiKey }],
          });
          await seedProfile(browser, {
            name: 'Huawei essai', provider: 'huawei', region: 'cn-north-4',
            credentials: [{ kind: 'aksk', accessKeyId: 'HPUAL2JOQF8TCAVK0042', secretAccessKey: 's'.repeat(40) }],
          });
          const page = await browser.open('popup.html');
          await page.waitFor('#vault-section[data-state="unlocked"]');
          // An IBM key with its creation time as IBM writes it (2026-11-23T10:00+0000).
          await page.setFile('#import-file', join(FIXTURES, 'ibm-apikey.json'));
          await page.waitFor('#import-result .item [data-field="createdAt"]');
          // OpenScale's instances: states, plans and regions in words.
          await page.click('#openscale-ids summary');
          await page.waitFor('#openscale-find');
          await page.evaluate((id) => {
            const select = document.getElementById('openscale-profile');
            select.value = id;
            select.dispatchEvent(new Event('change'));
          }, ibmProfile);
          // The panel works out which hosts to ask for after the change: a click before would ask for the other profile's.
          await new Promise((resolve) => setTimeout(resolve, 1000));
          await page.click('#openscale-find');
          const found = await eventually(() => page.evaluate(() => {
            const status = document.getElementById('openscale-status');
            return ['done', 'failed', 'error'].includes(status.dataset.state) && `${status.dataset.state} ${status.textContent}`;
          }), Boolean);
          assert.equal(found, 'done ');
          // Inside an instance: the data mart, its providers by type, and the form that adds one.
          await new Promise((resolve) => setTimeout(resolve, 1000));
          await page.click(`.openscale-instance[data-guid="${ibm.instanceId}"] .openscale-read`);
          await page.waitFor('#openscale-tree .openscale-provider', { timeout: TIMEOUT });
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          assert.deepEqual(await scan(page), []);
          const options = await browser.open('options.html');
          await options.waitFor('#vault-export');
          assert.deepEqual(await scan(options), []);
          await options.close();
          await page.close();
        } finally {
          await ibm.stop();
        }
      });

      it('the standalone page: its title and words', async () => {
        const page = await browser.open(`file://${join(ROOT, 'dist/www/index.html')}`);
        await page.waitFor('body[data-ready="true"]');
        assert.equal(await page.evaluate(() => document.title), t('www_document_title'));
        assert.deepEqual((await ownTexts(page, 'body')).filter((text) => englishOnly.has(text)), []);
        await page.close();
      });
    });
  }
}

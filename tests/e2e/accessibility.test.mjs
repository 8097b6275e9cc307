// The popup and the options page pass axe-core (https://github.com/dequelabs/axe-core) in every
// state a user meets, in light and in dark mode, in both browsers: no serious or critical violation.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, ROOT, eventually } from './lib/browsers.mjs';
import { HOSTS, launchWithConsoles } from './lib/consoles.mjs';
import { fillWithPopup } from './lib/fill.mjs';
import { E2E_PASSPHRASE, listProfiles, seedProfile, send } from './lib/profiles.mjs';
import { chooseSnippet } from './lib/code.mjs';
import { startServer } from './servers/launch.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 30_000;
const AK = 'HPUAL2JOQF8TCAVK0001';
const CSV = `User Name,Access Key Id,Secret Access Key\nalice,${AK},${'s'.repeat(40)}\n`;

/** Light or dark, as the system would say: Chromium emulates the media feature; Firefox takes its pref. */
async function setScheme(browser, page, scheme) {
  if (browser.name === 'chromium') return page.raw.emulateMedia({ colorScheme: scheme });
  const { driver } = browser;
  const { Context } = await import('selenium-webdriver/firefox.js');
  await driver.setContext(Context.CHROME);
  try {
    // 0 dark, 1 light (https://searchfox.org/mozilla-esr128/source/modules/libpref/init/StaticPrefList.yaml)
    await driver.executeScript('Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", arguments[0]);', scheme === 'dark' ? 0 : 1);
  } finally {
    await driver.setContext(Context.CONTENT);
  }
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

/** axe's serious and critical violations on the page, in light and in dark mode: `rule: targets` lines. */
async function violations(browser, page) {
  await page.inject(AXE);
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await setScheme(browser, page, scheme);
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(dark, scheme === 'dark', `the page sees the ${scheme} scheme`);
    const result = await page.evaluate(() => globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }))));
    found.push(...result.filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${scheme} ${v.id}: ${v.targets.join(', ')}`));
  }
  await setScheme(browser, page, 'light');
  return found;
}

/**
 * How a button of `selector` looks enabled, disabled and busy (copies of it, made and removed in
 * the page): the states must differ to the eye, not only to assistive technology.
 */
function buttonLooks(page, selector) {
  return page.evaluate((sel) => {
    const original = document.querySelector(sel);
    const look = (setup) => {
      const copy = original.cloneNode(true);
      setup(copy);
      original.after(copy);
      const { opacity, cursor, color, backgroundColor } = getComputedStyle(copy);
      const spinner = getComputedStyle(copy, '::after').content;
      copy.remove();
      return { opacity, cursor, color, backgroundColor, spinner };
    };
    return {
      enabled: look((b) => { b.disabled = false; b.removeAttribute('aria-busy'); }),
      disabled: look((b) => { b.disabled = true; }),
      busy: look((b) => { b.disabled = true; b.setAttribute('aria-busy', 'true'); }),
    };
  }, selector);
}

for (const [browserName] of BROWSERS) {
  describe(`${browserName}: accessibility of every state`, () => {
    let browser, consoles, popup, moto, dir;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'credfill-a11y-'));
      writeFileSync(join(dir, 'credentials.csv'), CSV);
      moto = await startServer('moto_s3.py');
      // The console replicas too, for the fill report.
      ({ browser, server: consoles } = await launchWithConsoles(browserName));
      popup = await browser.open('popup.html');
    });
    after(async () => {
      await Promise.all([browser?.close(), moto?.stop(), consoles?.close()]);
      rmSync(dir, { recursive: true, force: true });
    });

    it('first run: nothing imported, no vault', async () => {
      await popup.waitFor('#vault-first-run');
      assert.deepEqual(await violations(browser, popup), []);
    });

    it('a file imported, its questions asked', async () => {
      await popup.setFile('#import-file', join(dir, 'credentials.csv'));
      await popup.waitFor('#import-result .summary.ok');
      await popup.waitFor('#import-cloud');
      assert.deepEqual(await violations(browser, popup), []);
    });

    it('the passphrase asked at the first save; a short one is refused under its field, with the minimum', async () => {
      await popup.click('#import-save');
      await popup.waitFor('#vault-pending');
      assert.deepEqual(await violations(browser, popup), []);
      await popup.fill('#vault-passphrase', 'short');
      await popup.fill('#vault-confirm', 'short');
      await popup.click('#vault-submit');
      await popup.waitFor('#vault-passphrase-note.error');
      const minimum = (await import('../../extension/lib/passphrase.js')).MIN_PASSPHRASE_LENGTH;
      assert.equal(await popup.text('#vault-passphrase-note'), `The passphrase is too short: it needs at least ${minimum} characters.`);
      assert.equal(await popup.evaluate(() => document.querySelector('#vault-passphrase').getAttribute('aria-invalid')), 'true');
      assert.equal(await popup.evaluate(() => document.querySelector('#vault-section').dataset.state), 'empty', 'nothing was sent');
      assert.deepEqual(await violations(browser, popup), []);
    });

    it('saved: the profile list and the save line', async () => {
      await popup.fill('#vault-passphrase', E2E_PASSPHRASE);
      await popup.fill('#vault-confirm', E2E_PASSPHRASE);
      await popup.click('#vault-submit');
      await popup.waitFor('#vault-saved li', { timeout: TIMEOUT });
      await popup.waitFor('#profile-list .profile');
      assert.deepEqual(await violations(browser, popup), []);
    });

    it('a failed key check', async () => {
      const wrongSk = moto.secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      const id = await seedProfile(browser, {
        id: `a11y-${browserName}`, name: 'moto bad SK', provider: 'aws', region: 'us-east-1', endpoint: moto.url,
        credentials: [{ kind: 'aksk', accessKeyId: moto.accessKeyId, secretAccessKey: wrongSk }],
      });
      await popup.close();
      popup = await browser.open('popup.html');
      const row = `.check-profile[data-profile-id="${id}"]`;
      // Its rows are drawn when it opens (opened through the page: a click may meet a summary the
      // vault's first state has just redrawn).
      await popup.waitFor('#check-section details.check');
      await popup.evaluate(() => { document.querySelector('#check-section details.check').open = true; });
      await popup.waitFor(`${row} button.check-run`, { timeout: TIMEOUT });
      await popup.click(`${row} button.check-run`);
      await popup.waitFor(`${row} .check-result[data-status="bad-sk"]`, { timeout: TIMEOUT });
      assert.deepEqual(await violations(browser, popup), []);
    });

    it('the setup panels open: Prepare ModelArts, Use in code with a snippet, OpenScale IDs', async () => {
      // An IBM profile for the OpenScale panel; its key is never sent (nothing is clicked there).
      await seedProfile(browser, {
        id: `a11y-ibm-${browserName}`, name: 'ibm', provider: 'ibm', region: 'us-south',
        credentials: [{ kind: 'ibm-api-key', apiKey: 'x'.repeat(44) }],
      });
      await popup.close();
      popup = await browser.open('popup.html');
      await popup.waitFor('#modelarts-section summary.modelarts-title[data-ready]', { timeout: TIMEOUT });
      await popup.click('#modelarts-section summary.modelarts-title');
      await popup.waitFor('.modelarts-profile');
      // The snippet of the imported key (the panel opens on another profile), given the region a
      // snippet needs for its endpoint (the import had no console tab to take one from).
      const imported = (await listProfiles(popup)).find((p) => p.credentials?.some((c) => c.accessKeyId === AK));
      assert.ok(imported, 'the imported profile');
      await send(popup, 'profiles.edit', { id: imported.id, edits: { region: 'cn-north-4' } });
      await chooseSnippet(popup, imported.id, 'obs-python', imported.provider === 'huawei' ? 'permanent' : undefined);
      await eventually(async () => [await popup.text('.code-text'), await popup.text('.code-status')], ([text]) => text?.includes(AK));
      await popup.click('#openscale-ids summary');
      await popup.waitFor('#openscale-find');
      assert.deepEqual(await violations(browser, popup), []);
    });

    it('a disabled button looks unavailable and a busy one looks at work, unlike an enabled one', async () => {
      for (const selector of ['#openscale-find', '.modelarts-overview.primary']) {
        const { enabled, disabled, busy } = await buttonLooks(popup, selector);
        assert.ok(Number(disabled.opacity) <= 0.5 && disabled.cursor === 'not-allowed', `${selector} disabled: ${JSON.stringify(disabled)}`);
        assert.equal(enabled.opacity, '1', selector);
        assert.equal(enabled.cursor, 'pointer', selector);
        assert.equal(busy.cursor, 'progress', selector);
        assert.notEqual(busy.spinner, enabled.spinner, `${selector}: a spinner while busy`);
      }
    });

    it('a fill report: what was filled, and what the page asks that the profile lacks', async () => {
      // The IBM profile of the panels' state on an OpenScale custom-provider form: the API key is
      // filled, the provider's URL, user name and password are listed as missing.
      const target = `https://${HOSTS.openscale}/openscale-react.html#custom`;
      const { page, popup: fillPopup } = await fillWithPopup(browser, popup, target, '#save', { timeout: TIMEOUT });
      assert.ok(await fillPopup.evaluate(() => document.querySelectorAll('#fill-result p').length) > 0, 'a report is shown');
      assert.deepEqual(await violations(browser, fillPopup), []);
      await fillPopup.close();
      await page.close();
    });

    it('the options page, unlocked: the restore form asks no new passphrase of a vault that has one', async () => {
      const options = await browser.open('options.html');
      await options.waitFor('#vault-options h2');
      await options.waitFor('#vault-restore-backupPassphrase');
      // Its own passphrase is asked only where there is no vault yet: hidden here, and not rendered.
      const rendered = await options.evaluate(() => ['#vault-restore-newPassphrase', '#vault-restore-confirmPassphrase', '#vault-restore-newPassphraseHint']
        .map((sel) => document.querySelector(sel).getClientRects().length));
      assert.deepEqual(rendered, [0, 0, 0]);
      assert.deepEqual(await violations(browser, options), []);
      await options.close();
    });

    it('locked: the popup and the options page', async () => {
      await popup.click('#vault-lock');
      await popup.waitFor('#vault-unlock');
      assert.deepEqual(await violations(browser, popup), []);
      const options = await browser.open('options.html');
      await options.waitFor('#vault-options h2');
      assert.deepEqual(await violations(browser, options), []);
      await options.close();
    });
  });
}

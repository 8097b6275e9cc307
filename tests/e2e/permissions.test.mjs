// Optional permissions really optional, in the build users install (dist/, no host granted up front),
// both browsers, with the browser's own prompt answered as a user would (lib/browsers.mjs
// answerPermissionPrompt; Chromium headful on Xvfb, since its prompt is a native dialog):
// - Test keys on a custom loopback endpoint asks for its host: refused, the popup says so and names
//   the host, and nothing reaches the server; allowed, the pending check runs and its result shows;
// - a console host added in the options asks for that host: refused, nothing is added; allowed, it
//   is filled like a built-in console; removed, its permission is given back.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, ROOT, answerPermissionPrompt, eventually, launchChromium, launchFirefox } from './lib/browsers.mjs';
import { HOSTS, chromiumConsoleArgs, FIREFOX_CONSOLE_PREFS, startConsoles } from './lib/consoles.mjs';
import { probe } from './lib/tabs.mjs';
import { seedProfile } from './lib/profiles.mjs';
import { startXvfb } from './lib/xvfb.mjs';
import { startServer } from './servers/launch.mjs';

const RELEASE = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
const HUAWEI = {
  name: 'Huawei console', provider: 'huawei', region: 'cn-north-4',
  credentials: [{ kind: 'aksk', accessKeyId: 'HWAKPERMISSION0000AA', secretAccessKey: 'hwPermissionSecret0000000000000000000000' }],
};

for (const [name] of BROWSERS) {
  describe(`${name}: optional permissions, asked when needed (release build)`, () => {
    let moto, consoles, xvfb, browser, control;
    const hasOrigin = (origin) => control.evaluate((o) => (globalThis.browser ?? chrome).permissions.contains({ origins: [o] }), origin);

    before(async () => {
      [moto, consoles] = await Promise.all([startServer('moto_s3.py'), startConsoles(name === 'firefox' ? 443 : 0)]);
      if (name === 'chromium') {
        xvfb = await startXvfb();
        browser = await launchChromium({ extDir: RELEASE.chromium, args: chromiumConsoleArgs(consoles.port), display: xvfb.display });
      } else {
        browser = await launchFirefox({ extDir: RELEASE.firefox, prefs: FIREFOX_CONSOLE_PREFS, acceptInsecureCerts: true });
      }
      control = await browser.open('popup.html');
    });
    after(async () => {
      await browser?.close();
      xvfb?.stop();
      await Promise.all([moto?.stop(), consoles?.close()]);
    });

    it('Test keys on a loopback endpoint: refused, nothing is sent and the host is named; allowed, the check runs', async () => {
      const profileId = await seedProfile(browser, {
        name: 'moto', provider: 'aws', region: 'us-east-1', endpoint: moto.url,
        credentials: [{ kind: 'aksk', accessKeyId: moto.accessKeyId, secretAccessKey: moto.secretAccessKey }],
      });
      assert.equal(await hasOrigin('http://127.0.0.1/*'), false, 'not granted at install');
      const popup = await browser.open('popup.html');
      const row = `.check-profile[data-profile-id="${profileId}"]`;
      // A click before the row knows which hosts to ask for would open no prompt and wait forever:
      // the button comes disabled, and is clicked as soon as it is enabled (the harness waits).
      await popup.evaluate((button) => new MutationObserver((_, observer) => {
        const shown = document.querySelector(button);
        if (shown) {
          document.body.dataset.firstSeen = shown.disabled ? 'disabled' : 'enabled';
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true }), `${row} .check-run`);
      await popup.click('#check-section summary.check-title');
      await popup.click(`${row} .check-run`);
      assert.equal(await popup.attr('body', 'data-first-seen'), 'disabled');
      await answerPermissionPrompt(browser, false);
      await popup.waitFor(`${row} .check-result[data-status="permission-refused"]`);
      assert.equal(await popup.text(`${row} .check-result`), 'Access to http://127.0.0.1/* was not allowed, so nothing was sent.');
      assert.deepEqual(moto.requests(), [], 'nothing reached the endpoint');

      await popup.click(`${row} .check-run`);
      await answerPermissionPrompt(browser, true);
      await popup.waitFor(`${row} .check-result[data-status="ok"]`, { timeout: 30_000 });
      assert.equal(await popup.attr(`${row} .check-result`, 'data-step'), 'obs.list-buckets');
      assert.ok(moto.requests().length > 0);
      assert.equal(await hasOrigin('http://127.0.0.1/*'), true);
      await popup.close();
    });

    it('a console host added in the options: refused, not added; allowed, filled; removed, its access given back', async () => {
      const profileId = await seedProfile(browser, HUAWEI);
      const host = HOSTS.userAdded;
      const target = `https://${host}/modelarts-vue.html?added`;
      const page = await browser.open(target);
      await page.waitFor('input[type=password]');
      // Looked up while the extension sees no page of it: tabs.query by URL needs the host, so by id.
      const tabId = await eventually(() => control.evaluate(async () => Math.max(...(await (globalThis.browser ?? chrome).tabs.query({})).map((t) => t.id))), (id) => id > 0);
      const fillTab = async () => (await control.evaluate(({ tabId: id, profileId: p }) =>
        (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'fill.run', tabId: id, profileId: p }), { tabId, profileId })).ok;

      const options = await browser.open('options.html');
      await options.waitFor('#console-hosts-add button[type=submit]:not([disabled])');
      await options.fill('#console-host', host);
      await options.click('#console-hosts-add button[type=submit]');
      await answerPermissionPrompt(browser, false);
      await options.waitFor('#console-hosts-add [data-code="not-granted"]');
      assert.equal(await options.evaluate(() => document.querySelectorAll('#console-hosts-list li').length), 0);
      assert.equal(await hasOrigin(`https://${host}/*`), false);

      await options.fill('#console-host', host);
      await options.click('#console-hosts-add button[type=submit]');
      await answerPermissionPrompt(browser, true);
      await options.waitFor(`#console-hosts-list li[data-host="${host}"]`);
      assert.equal(await hasOrigin(`https://${host}/*`), true);
      const filled = await fillTab();
      assert.deepEqual([filled.status, filled.console], ['filled', { provider: 'huawei', host }], JSON.stringify(filled));
      const values = (await probe(control, target, 'values')).flat();
      assert.ok(values.includes(HUAWEI.credentials[0].accessKeyId) && values.includes(HUAWEI.credentials[0].secretAccessKey), `${values}`);

      await options.click(`#console-hosts-list button[data-host="${host}"]`);
      await options.waitFor('#console-hosts-add [role=status] .ok');
      assert.equal(await hasOrigin(`https://${host}/*`), false, 'the access is given back');
      const refused = await fillTab();
      assert.deepEqual([refused.status, refused.code], ['refused', 'not-a-console']);
      await options.close();
      await page.close();
    });
  });
}

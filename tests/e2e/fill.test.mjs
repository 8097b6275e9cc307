// Autofill end to end, in both browsers: console replicas built with Vue 3, Angular, React, web
// components and the consoles' own libraries (OpenTiny, Carbon) are served under the consoles' real host names; a fill must land in each framework's
// state, and never happen on a look-alike host, with the wrong provider's profile, or without a gesture.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, eventually, stopBackground } from './lib/browsers.mjs';
import { HOSTS, launchHeadfulChromium, launchWithConsoles } from './lib/consoles.mjs';
import { chooseFillInContextMenu } from './lib/context-menu.mjs';
import { pressFillShortcut, runFill, skipShortcutWhileLocked, slotsOf } from './lib/fill.mjs';
import { probe, tabIdOf } from './lib/tabs.mjs';
import { E2E_PASSPHRASE, seedProfile, send } from './lib/profiles.mjs';

const HUAWEI = {
  name: 'Huawei test', provider: 'huawei', region: 'cn-north-4',
  credentials: [{ kind: 'aksk', issuer: 'huawei', accessKeyId: 'HWAKTEST0000000000AA', secretAccessKey: 'hwSecretTest0000000000000000000000000000' }],
};
const ORANGE = {
  name: 'Orange test', provider: 'flexible-engine', region: 'eu-west-0',
  credentials: [{ kind: 'aksk', issuer: 'huawei', accessKeyId: 'FEAKTEST0000000000BB', secretAccessKey: 'feSecretTest0000000000000000000000000000' }],
};
// One IBM profile with every identity OpenScale's forms ask for: each form gets its own.
const IBM = {
  name: 'IBM test', provider: 'ibm', openscaleGuid: '0f1e2d3c-0000-4000-8000-0000000000aa', region: 'us-south',
  credentials: [
    { kind: 'ibm-service', apiKey: 'ibmWmlKeyTest_0123456789abcdefghijklmnopqrs', instanceId: 'wml-instance-guid', url: 'https://eu-de.ml.cloud.ibm.com' },
    { kind: 'aksk', issuer: 'aws', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    { kind: 'azure-sp', clientId: 'azure-client', clientSecret: 'azure-secret', tenantId: 'azure-tenant' },
    { kind: 'ibm-api-key', apiKey: 'ibmPlatformKey_0123456789abcdefghijklmnopqr' },
  ],
};
const ak = (p) => p.credentials[0].accessKeyId;
const sk = (p) => p.credentials[0].secretAccessKey;
const ibmKey = IBM.credentials[3].apiKey;
const wml = IBM.credentials[0];

const url = (host, path) => `https://${host}/${path}`;

for (const [name] of BROWSERS) {
  describe(`${name}: autofill on console replicas`, () => {
    let server, browser, control;
    const ids = {};
    const pages = [];

    before(async () => {
      ({ server, browser } = await launchWithConsoles(name));
      ids.huawei = await seedProfile(browser, HUAWEI);
      ids.orange = await seedProfile(browser, ORANGE);
      ids.ibm = await seedProfile(browser, IBM);
      control = await browser.open('popup.html');
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens `target` in a new tab, waits for `ready` (a selector the framework renders). */
    async function open(target, ready) {
      const page = await browser.open(target);
      pages.push(page);
      if (ready) await page.waitFor(ready);
      return page;
    }

    async function fill(target, options) {
      const reply = await runFill(control, target, options);
      assert.ok(reply?.ok, `fill.run failed: ${JSON.stringify(reply)}`);
      return reply.ok;
    }

    const state = async (target, submit) => (await probe(control, target, 'submit', submit))[0];

    it('ModelArts in Vue 3 (Huawei Cloud): AK and SK land in v-model, the statement stays unticked, the hidden decoy untouched', async () => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html');
      await open(target, 'input[type=password]');
      const result = await fill(target, { profileId: ids.huawei });
      assert.equal(result.status, 'filled');
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey']);
      assert.deepEqual(await state(target, '#agree'), { ak: ak(HUAWEI), sk: sk(HUAWEI), decoy: '', agreed: false });
    });

    it('ModelArts in Angular reactive forms (Flexible Engine)', async () => {
      const target = url(HOSTS.orange, 'modelarts-angular.html');
      await open(target, '#sk-input');
      const result = await fill(target, { profileId: ids.orange });
      assert.equal(result.status, 'filled');
      assert.deepEqual(await state(target, '#agree'), { ak: ak(ORANGE), sk: sk(ORANGE), agreed: false });
    });

    it('ModelArts with OpenTiny components: AK and the show-password SK land in the Vue model, tiny-checkbox stays unticked', async () => {
      const target = url(HOSTS.huawei, 'modelarts-tiny.html');
      await open(target, '.tiny-dialog-box input[type=password]');
      const result = await fill(target, { profileId: ids.huawei });
      assert.equal(result.status, 'filled');
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey']);
      assert.deepEqual(await state(target, '#agree'), { ak: ak(HUAWEI), sk: sk(HUAWEI), agreed: false });
    });

    it('a dialog that opens 2 s after the gesture is waited for', async () => {
      const target = url(HOSTS.huaweiIntl, 'modelarts-vue.html?delay=2000');
      await open(target, '#state');
      const result = await fill(target, { profileId: ids.huawei });
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey']);
      assert.deepEqual(await state(target, '#agree'), { ak: ak(HUAWEI), sk: sk(HUAWEI), decoy: '', agreed: false });
    });

    const REACT_FORMS = [
      ['setup', { apikey: ibmKey, instance: IBM.openscaleGuid }],
      // The URL field is read-only and the region disabled: both keep the page's value.
      ['wml', { apikey: wml.apiKey, instance: wml.instanceId, url: 'https://us-south.ml.cloud.ibm.com' }],
      // The region field is disabled: it keeps the page's value.
      ['sagemaker', { access: IBM.credentials[1].accessKeyId, secret: IBM.credentials[1].secretAccessKey, region: 'us-east-1' }],
      ['azure', { client: 'azure-client', secret: 'azure-secret', tenant: 'azure-tenant', subscription: '' }],
    ];
    for (const [form, expected] of REACT_FORMS) {
      it(`OpenScale in React (controlled inputs): ${form}`, async () => {
        const target = url(HOSTS.openscale, `openscale-react.html#${form}`);
        await open(target, '#save');
        const result = await fill(target, { profileId: ids.ibm });
        assert.equal(result.status, 'filled');
        assert.deepEqual(await state(target, '#save'), expected);
        await pages.pop().close();
      });
    }

    it('OpenScale custom provider: what the profile lacks is reported missing, not guessed', async () => {
      const target = url(HOSTS.openscale, 'openscale-react.html#custom');
      await open(target, '#save');
      const result = await fill(target, { profileId: ids.ibm });
      assert.deepEqual([slotsOf(result.filled), result.missing.sort()], [[], ['password', 'url', 'username']]);
      assert.deepEqual(await state(target, '#save'), { url: '', username: '', password: '' });
      await pages.pop().close();
    });

    it('OpenScale as web components: inputs in an open and a closed shadow root', async () => {
      const target = url(HOSTS.dataplatform, 'openscale-wc.html');
      await open(target, '#save');
      const result = await fill(target, { profileId: ids.ibm });
      assert.deepEqual(slotsOf(result.filled), ['apiKey', 'instanceId']);
      assert.deepEqual(await state(target, '#save'), { apikey: ibmKey, instance: IBM.openscaleGuid });
    });

    const CARBON_FORMS = [
      ['setup', { apikey: ibmKey, instance: IBM.openscaleGuid }],
      // The URL field is read-only: it keeps the page's value.
      ['wml', { apikey: wml.apiKey, instance: wml.instanceId, url: 'https://us-south.ml.cloud.ibm.com' }],
    ];
    for (const [form, expected] of CARBON_FORMS) {
      it(`OpenScale with Carbon web components: ${form} lands in the components' own value`, async () => {
        const target = url(HOSTS.openscale, `openscale-carbon.html#${form}`);
        await open(target, '#save');
        const result = await fill(target, { profileId: ids.ibm });
        assert.equal(result.status, 'filled');
        assert.deepEqual(slotsOf(result.filled), ['apiKey', 'instanceId']);
        assert.deepEqual(await state(target, '#save'), expected);
        await pages.pop().close();
      });
    }

    it('a form in a same-origin iframe is filled without asking', async () => {
      const target = url(HOSTS.ibm, 'frame-same.html');
      await open(target, '#form');
      const result = await eventually(() => fill(target, { profileId: ids.ibm }), (r) => r.filled?.length === 2);
      assert.deepEqual(slotsOf(result.filled), ['apiKey', 'instanceId']);
      assert.deepEqual(await state(target, '#save'), { apikey: ibmKey, instance: IBM.openscaleGuid });
    });

    it('a form in a cross-origin iframe waits for a confirmation naming its origin', async () => {
      const target = url(HOSTS.ibm, 'frame-cross.html');
      await open(target, '#form');
      const ask = await eventually(() => fill(target, { profileId: ids.ibm }), (r) => r.status === 'confirm-frame');
      assert.deepEqual([ask.status, ask.origin], ['confirm-frame', `https://${HOSTS.openscale}`]);
      assert.deepEqual(await probe(control, target, 'values'), [[''], ['', '']], 'nothing filled before the confirmation');
      const result = await fill(target, { profileId: ids.ibm, confirmedFrameOrigin: ask.origin });
      assert.deepEqual(slotsOf(result.filled), ['apiKey', 'instanceId']);
      assert.deepEqual(await state(target, '#save'), { apikey: ibmKey, instance: IBM.openscaleGuid });
    });

    it('a frame from a host without access is skipped; the console form around it is filled', async () => {
      const target = url(HOSTS.huawei, 'frame-foreign.html');
      await open(target, 'input[type=password]');
      const result = await fill(target, { profileId: ids.huawei });
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey']);
      assert.deepEqual(await probe(control, target, 'injected'), [true], 'only the top frame was reached');
      assert.deepEqual(await state(target, '#agree'), { ak: ak(HUAWEI), sk: sk(HUAWEI), decoy: '', agreed: false });
    });

    it('a look-alike host is refused, and nothing is injected there', async () => {
      const target = url(HOSTS.lookalike, 'modelarts-vue.html');
      const page = await open(target, 'input[type=password]');
      const tabId = await tabIdOf(control, target);
      assert.equal(tabId, null, 'the extension cannot even see the look-alike tab');
      // The tab just opened has the highest id; the extension may not read its URL, but may ask for a fill.
      const reply = await control.evaluate(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const newest = Math.max(...(await api.tabs.query({})).map((t) => t.id));
        return api.runtime.sendMessage({ type: 'fill.run', tabId: newest });
      });
      assert.deepEqual([reply.ok?.status, reply.ok?.code], ['refused', 'not-a-console'], JSON.stringify(reply));
      assert.equal(await page.evaluate(() => document.querySelector('input[type=password]').value), '');
    });

    it('a profile of another provider is refused by the core (Huawei key on IBM, IBM key on Huawei)', async () => {
      const ibmPage = url(HOSTS.openscale, 'openscale-react.html#setup');
      await open(ibmPage, '#save');
      const onIbm = await fill(ibmPage, { profileId: ids.huawei });
      assert.deepEqual([onIbm.status, onIbm.code], ['refused', 'provider-mismatch']);
      const hwPage = url(HOSTS.huawei, 'modelarts-vue.html');
      const onHuawei = await fill(hwPage, { profileId: ids.ibm });
      assert.deepEqual([onHuawei.status, onHuawei.code], ['refused', 'provider-mismatch']);
      const onOrange = await fill(url(HOSTS.orange, 'modelarts-angular.html'), { profileId: ids.huawei });
      assert.deepEqual([onOrange.status, onOrange.code], ['refused', 'provider-mismatch']);
      assert.deepEqual(await state(ibmPage, '#save'), { apikey: '', instance: '' });
    });

    it('without a gesture nothing is injected and nothing filled', async () => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?fresh');
      const page = await open(target, 'input[type=password]');
      await page.click('input[type=password]');
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(await probe(control, target, 'injected'), [false]);
      assert.deepEqual(await probe(control, target, 'values'), [['', '', '']]);
    });

    it('the badge shows on a console tab that has a matching profile', async () => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?badge');
      await open(target, 'input[type=password]');
      const tabId = await tabIdOf(control, target);
      const badge = (id) => control.evaluate((i) => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({ tabId: i }), id);
      assert.equal(await eventually(() => badge(tabId), (b) => b !== ''), '•');
      const own = await control.evaluate(async () => (await (globalThis.browser ?? globalThis.chrome).tabs.getCurrent()).id);
      assert.equal(await badge(own), '');
    });

    it('a stopped worker woken by a tab event badges a known console without instantiating the WASM', { skip: name !== 'chromium' && 'stopping a worker on demand needs the DevTools protocol' }, async () => {
      const first = url(HOSTS.huawei, 'modelarts-vue.html?badge-warm');
      await open(first, 'input[type=password]');
      const badge = (id) => control.evaluate((i) => chrome.action.getBadgeText({ tabId: i }), id);
      assert.equal(await eventually(async () => badge(await tabIdOf(control, first)), (b) => b !== ''), '•');
      // Playwright keeps one handle for the extension's worker, attached to each new instance.
      const [worker] = browser.context.serviceWorkers().filter((w) => w.url().startsWith(browser.base));
      const coreReady = () => worker.evaluate(() => [self.markedBeforeStop, performance.getEntriesByName('credfill-core-ready').length]);
      // Marks this instance: a new one does not have the mark.
      await worker.evaluate(() => (self.markedBeforeStop = true));
      assert.ok(await stopBackground(browser, control), 'the worker did not stop');
      const second = url(HOSTS.huawei, 'modelarts-vue.html?badge-cold');
      await open(second, 'input[type=password]');
      assert.equal(await eventually(async () => badge(await tabIdOf(control, second)), (b) => b !== ''), '•');
      // A new instance (nothing set on it yet) that has not instantiated the core.
      assert.deepEqual(await coreReady(), [undefined, 0]);
      // The next message that needs the core instantiates it, once.
      assert.equal(typeof (await control.evaluate(() => chrome.runtime.sendMessage({ type: 'core.version' }))).ok, 'string');
      assert.deepEqual(await coreReady(), [undefined, 1]);
    });

    it('the options page refuses a host that is not a console host, with the core reason', async () => {
      const options = await browser.open('options.html');
      await options.waitFor('#console-hosts-add button[type=submit]:not([disabled])');
      for (const [input, code] of [['localhost', 'single-label'], ['console.example.com:8443', 'has-port'], ['10.0.0.1', 'ip-address'], ['*.example.com', 'wildcard']]) {
        await options.fill('#console-host', input);
        await options.click('#console-hosts-add button[type=submit]');
        assert.equal(await eventually(() => options.evaluate(() => document.querySelector('#console-hosts-add [data-code]')?.dataset.code), (c) => c === code), code, input);
        await options.evaluate(() => document.querySelector('#console-hosts-add [role=status]').replaceChildren());
      }
      assert.equal(await options.evaluate(() => document.querySelectorAll('#console-hosts-list li').length), 0);
      await options.close();
    });

    /**
     * Runs `use(gestures, watcher)` in a browser whose user gestures reach the extension, holding the
     * Huawei profile, with `watcher` an extension page of it for probes. Headless Chromium routes no key
     * press to extension commands and shows no context menu: Chromium gets a headful browser of its own
     * on a private X display.
     */
    async function withGestureBrowser(use) {
      const gestures = name === 'chromium' ? await launchHeadfulChromium(server) : browser;
      try {
        if (gestures !== browser) await seedProfile(gestures, HUAWEI);
        await use(gestures, gestures === browser ? control : await gestures.open('popup.html'));
      } finally {
        if (gestures !== browser) await gestures.close();
      }
    }

    /** Waits for a gesture's fill of the ModelArts replica at `target`, then checks what Vue holds. */
    async function assertFilledByGesture(watcher, target) {
      const values = await eventually(() => probe(watcher, target, 'values'), (v) => v[0]?.[0] !== '');
      assert.deepEqual(values, [[ak(HUAWEI), sk(HUAWEI), '']]);
      assert.deepEqual((await probe(watcher, target, 'submit', '#agree'))[0], { ak: ak(HUAWEI), sk: sk(HUAWEI), decoy: '', agreed: false });
    }

    it('the keyboard command fills the current tab', () => withGestureBrowser(async (keyboard, watcher) => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?shortcut');
      const page = await keyboard.open(target);
      await page.waitFor('input[type=password]');
      await pressFillShortcut(keyboard, page, target);
      await assertFilledByGesture(watcher, target);
    }));

    it('the keyboard command while locked hands over to the popup, which fills once unlocked there', { skip: skipShortcutWhileLocked(name) }, () => withGestureBrowser(async (keyboard, watcher) => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?shortcut-locked');
      const page = await keyboard.open(target);
      await page.waitFor('input[type=password]');
      await send(watcher, 'vault.lock');
      await pressFillShortcut(keyboard, page, target);
      // The worker marks the tab for the popup it opens (which WebDriver cannot reach): open it as a page.
      const pending = () => watcher.evaluate(() => (globalThis.browser ?? chrome).storage.session.get('fill.pending'));
      assert.ok((await eventually(pending, (p) => p['fill.pending']))['fill.pending'], 'the shortcut handed the fill to the popup');
      const popup = await keyboard.open(`popup.html?tab=${await tabIdOf(watcher, target)}`);
      await popup.waitFor('#fill-result[data-state=locked]'); // the popup has drawn its state
      // The fill section stays, and says the fill the shortcut asked for runs once the vault is open.
      assert.deepEqual(await popup.evaluate(() => [document.querySelector('#fill-console').textContent, document.querySelector('#fill-waiting')?.textContent]),
        [`Console: ${HOSTS.huawei}`, `Your fill of ${HOSTS.huawei} runs as soon as the vault is unlocked.`]);
      await popup.fill('#vault-passphrase', E2E_PASSPHRASE);
      await popup.click('#vault-submit');
      // Deriving the key (Argon2id, 64 MiB) takes seconds on a busy machine; the fill follows it.
      await popup.waitFor('#vault-section[data-state=unlocked]', { timeout: 60_000 });
      await assertFilledByGesture(watcher, target);
      await popup.close();
    }));

    it('the context menu of a console field fills the tab; a look-alike host gets no entry', () => withGestureBrowser(async (gestures, watcher) => {
      const field = 'input[type=password]';
      const lookalike = await gestures.open(url(HOSTS.lookalike, 'modelarts-vue.html?menu'));
      await lookalike.waitFor(field);
      assert.equal(await chooseFillInContextMenu(gestures, lookalike, field), false, 'the look-alike host has no credfill entry');

      const target = url(HOSTS.huawei, 'modelarts-vue.html?menu');
      const page = await gestures.open(target);
      await page.waitFor(field);
      assert.equal(await chooseFillInContextMenu(gestures, page, field), true, 'the console field has a credfill entry');
      await assertFilledByGesture(watcher, target);
      // The extension cannot probe the look-alike tab; the page itself tells that nothing was filled there.
      assert.deepEqual(await lookalike.evaluate(() => [...document.querySelectorAll('input:not([type=checkbox])')].map((i) => i.value)), ['', '', '']);
    }));

    it('locked: only the vault section says so, with no fill to press; unlocked in that popup, the fill is back', async () => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?locked');
      await open(target, 'input[type=password]');
      await send(control, 'vault.lock');
      const popup = await browser.open(`popup.html?tab=${await tabIdOf(control, target)}`);
      await popup.waitFor('#vault-unlock');
      await popup.waitFor('#fill-result[data-state=locked]');
      assert.deepEqual(await popup.evaluate(() => [document.querySelector('#fill-run').hidden, document.querySelector('#fill-section .error'),
        document.querySelector('#fill-waiting')]), [true, null, null], 'no gesture left a fill waiting');
      await popup.fill('#vault-passphrase', E2E_PASSPHRASE);
      await popup.click('#vault-submit');
      await popup.waitFor('#fill-run:not([hidden])');
      await popup.click('#fill-run');
      await popup.waitFor('#fill-result[data-state=filled] .fill-filled');
      assert.deepEqual(await state(target, '#agree'), { ak: ak(HUAWEI), sk: sk(HUAWEI), decoy: '', agreed: false });
      // The report names the profile and each field by the page's own caption; the hidden decoy SK
      // field is not "left empty" news when the SK went into the real one.
      assert.deepEqual(await popup.evaluate(() => [...document.querySelectorAll('#fill-result p')].map((p) => p.textContent)),
        [`Filled with ${HUAWEI.name}: access key ID in “AK”, secret access key in “SK”`]);
      await popup.close();
    });

    it('the popup fills the page it was opened for, choosing among several profiles', async () => {
      const second = await seedProfile(browser, { ...HUAWEI, name: 'Huawei second', credentials: [{ ...HUAWEI.credentials[0], accessKeyId: 'HWAKSECOND00000000CC' }] });
      const target = url(HOSTS.huawei, 'modelarts-vue.html?popup');
      await open(target, 'input[type=password]');
      const popup = await browser.open(`popup.html?tab=${await tabIdOf(control, target)}`);
      await popup.waitFor('#fill-run:not([hidden])');
      await popup.click('#fill-run');
      await popup.waitFor(`#fill-profile-${second}`);
      await popup.click(`#fill-profile-${second}`);
      await popup.waitFor('#fill-result[data-state=filled] .fill-filled');
      assert.deepEqual(await state(target, '#agree'), { ak: 'HWAKSECOND00000000CC', sk: sk(HUAWEI), decoy: '', agreed: false });
      await popup.close();
    });

    it('the popup asks before filling a cross-origin frame and names its origin', async () => {
      const target = url(HOSTS.ibm, 'frame-cross.html?popup');
      await open(target, '#form');
      const popup = await browser.open(`popup.html?tab=${await tabIdOf(control, target)}`);
      await popup.waitFor('#fill-run:not([hidden])');
      await popup.click('#fill-run');
      await popup.waitFor('#fill-confirm');
      assert.match(await popup.text('#fill-confirm-text'), new RegExp(`https://${HOSTS.openscale.replaceAll('.', '\\.')}`));
      await popup.click('#fill-confirm');
      await popup.waitFor('#fill-result[data-state=filled] .fill-filled');
      assert.deepEqual(await state(target, '#save'), { apikey: ibmKey, instance: IBM.openscaleGuid });
      await popup.close();
    });
  });
}

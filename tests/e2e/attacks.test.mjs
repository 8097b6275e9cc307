// Attack pages against the fill, in both browsers, with the real built extension and the pages
// served under the consoles' real host names (SECURITY.md lists what each one proves). Each test
// failed on the code before the defence it checks.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, eventually } from './lib/browsers.mjs';
import { HOSTS } from './lib/consoles.mjs';
import { launchWithConsoles, probe, runFill, tabIdOf } from './lib/fill.mjs';
import { seedProfile } from './lib/profiles.mjs';

const HUAWEI = {
  name: 'Huawei attack test', provider: 'huawei', region: 'cn-north-4',
  credentials: [{ kind: 'aksk', provider: 'huawei', accessKeyId: 'HWAKATTACK00000000AA', secretAccessKey: 'hwSecretAttack000000000000000000000000000' }],
};
const AK = HUAWEI.credentials[0].accessKeyId;
const SK = HUAWEI.credentials[0].secretAccessKey;

const url = (host, path) => `https://${host}/${path}`;
/** Every text value of every frame of the tab, flattened. */
const allValues = async (control, target) => (await probe(control, target, 'values')).flat();
const count = (values, value) => values.filter((v) => v === value).length;

for (const [name] of BROWSERS) {
  describe(`${name}: the fill holds against hostile pages and frames`, () => {
    let server, browser, control, profileId;

    before(async () => {
      ({ server, browser } = await launchWithConsoles(name));
      profileId = await seedProfile(browser, HUAWEI);
      control = await browser.open('popup.html');
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens `target`, waits for `ready` and for `frames` frames to answer probes. */
    async function open(target, ready, frames = 1) {
      const page = await browser.open(target);
      await page.waitFor(ready);
      await eventually(() => probe(control, target, 'values'), (v) => v.length === frames);
      return page;
    }

    async function fill(target, options = {}) {
      const reply = await runFill(control, target, { profileId, ...options });
      assert.ok(reply?.ok, `fill.run failed: ${JSON.stringify(reply)}`);
      return reply.ok;
    }

    const state = async (target) => (await probe(control, target, 'submit', '#agree'))[0];

    it('a third-party frame in a genuine console neither holds the fill up nor gets a key, confirmed or not', async () => {
      const target = url(HOSTS.huawei, 'attack-frames.html');
      const page = await open(target, 'input[type=password]', 3);
      const result = await fill(target);
      assert.equal(result.status, 'filled', JSON.stringify(result));
      assert.deepEqual(result.filled.sort(), ['accessKeyId', 'secretAccessKey']);
      assert.deepEqual(await state(target), { ak: AK, sk: SK, decoy: '', agreed: false });
      // A forged or mistaken confirmation changes nothing: the other site is refused, and the console's
      // own site never takes a slot its page's own field takes.
      for (const origin of [`https://${HOSTS.userAdded}`, `https://${HOSTS.huaweiIntl}`]) {
        const again = await fill(target, { confirmedFrameOrigin: origin });
        assert.equal(again.status, 'filled', origin);
        const values = await allValues(control, target);
        assert.deepEqual([count(values, AK), count(values, SK)], [1, 1], `only the console's own fields hold the keys (${origin}): ${values}`);
      }
      await page.close();
    });

    for (const decoy of ['offscreen', 'overflow', 'clip-path', 'covered', 'tiny']) {
      it(`a field a user cannot see gets no secret: ${decoy}`, async () => {
        const target = url(HOSTS.huawei, `attack-hidden.html?decoy=${decoy}`);
        const page = await open(target, 'input[type=password]');
        const result = await fill(target);
        assert.deepEqual(result.filled, ['accessKeyId'], JSON.stringify(result));
        assert.deepEqual(await allValues(control, target), [AK, '']);
        await page.close();
      });
    }

    it('a search box and a text box captioned by page text get no secret', async () => {
      const target = url(HOSTS.huawei, 'attack-search.html');
      const page = await open(target, 'input.notes');
      const result = await fill(target);
      assert.deepEqual(result.filled, ['accessKeyId'], JSON.stringify(result));
      assert.deepEqual(await allValues(control, target), [AK, '', '']);
      await page.close();
    });

    it('a frame that navigates between collect and apply gets nothing, and the SK is reported not filled', async () => {
      const target = url(HOSTS.huawei, 'attack-navigate.html');
      const page = await open(target, '#form', 2);
      const result = await fill(target);
      assert.equal(result.status, 'filled', JSON.stringify(result));
      assert.deepEqual(result.filled, ['accessKeyId']);
      assert.ok(result.skipped.some((s) => s.slot === 'secretAccessKey' && s.reason === 'navigated'), JSON.stringify(result.skipped));
      // The frame now shows the other site's page: its fields are empty.
      const values = await eventually(() => allValues(control, target), (v) => v.length === 3);
      assert.deepEqual(values, [AK, '', '']);
      await page.close();
    });

    it('the shortcut pressed twice: one fill of a tab at a time', async () => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?double');
      const page = await open(target, 'input[type=password]');
      const tabId = await tabIdOf(control, target);
      const replies = await control.evaluate(({ tabId: id, profileId: p }) => {
        const send = () => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'fill.run', tabId: id, profileId: p });
        return Promise.all([send(), send()]);
      }, { tabId, profileId });
      const outcomes = replies.map((r) => r.ok?.code ?? r.ok?.status ?? JSON.stringify(r)).sort();
      assert.deepEqual(outcomes, ['fill-busy', 'filled']);
      assert.deepEqual(await state(target), { ak: AK, sk: SK, decoy: '', agreed: false });
      await page.close();
    });

    it('extension pages load their scripts and the WASM core, and nothing else: no outside image, style or request', async () => {
      const options = await browser.open('options.html');
      // Enabled once the WASM core has run in the page (the host check is Rust).
      await options.waitFor('#console-hosts-add button[type=submit]:not([disabled])');
      const blocked = await options.evaluate(async () => {
        const seen = new Set();
        document.addEventListener('securitypolicyviolation', (e) => seen.add(e.effectiveDirective.replace(/-(attr|elem)$/, '')));
        const beacon = 'https://evil.example/beacon';
        document.body.append(Object.assign(new Image(), { src: `${beacon}.png` }));
        const styled = document.createElement('div');
        styled.setAttribute('style', `background: url(${beacon}.css.png)`);
        document.body.append(styled);
        await fetch(beacon).catch(() => {});
        await new Promise((r) => setTimeout(r, 500));
        return [...seen].sort();
      });
      assert.deepEqual(blocked, ['connect-src', 'img-src', 'style-src']);
      await options.close();
    });

    it('a page element with the content script\'s id neither stops nor steers the fill', async () => {
      const target = url(HOSTS.huawei, 'attack-shadowing.html');
      const page = await open(target, 'input[type=password]');
      const result = await fill(target);
      assert.deepEqual(result.filled.sort(), ['accessKeyId', 'secretAccessKey'], JSON.stringify(result));
      assert.deepEqual(await state(target), { ak: AK, sk: SK, decoy: '', agreed: false });
      await page.close();
    });
  });
}

// Attack pages against the fill, in both browsers, with the real built extension and the pages
// served under the consoles' real host names (SECURITY.md lists what each one proves). Each test
// failed on the code before the defence it checks.
//
// Attacks on the vault, in both browsers, with the real built extension (dist-e2e/):
// - a console tab that reloads by itself must not keep the vault unlocked past its idle deadline;
// - a backup file whose sender chose weak key derivation and knows its passphrase must not become the
//   vault's protection when restored into an empty vault;
// - a weak record already stored is re-keyed the next time its passphrase opens it;
// - a backup asking for absurd key-derivation work is refused before any is done.
// Console pages are served under the real console host names, as the fill tests do.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, ROOT, eventually, grantByPrompt } from './lib/browsers.mjs';
import { HOSTS, launchWithConsoles } from './lib/consoles.mjs';
import { runFill, slotsOf } from './lib/fill.mjs';
import { probe, tabIdOf } from './lib/tabs.mjs';
import { seedProfile, send } from './lib/profiles.mjs';

const HUAWEI = {
  name: 'Huawei attack test', provider: 'huawei', region: 'cn-north-4',
  credentials: [{ kind: 'aksk', provider: 'huawei', accessKeyId: 'HWAKATTACK00000000AA', secretAccessKey: 'hwSecretAttack000000000000000000000000000' }],
};
const AK = HUAWEI.credentials[0].accessKeyId;
const SK = HUAWEI.credentials[0].secretAccessKey;

const url = (host, path) => `https://${host}/${path}`;
const SHIPPED_CSP = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).content_security_policy.extension_pages;
/** Every text value of every frame of the tab, flattened. */
const allValues = async (control, target) => (await probe(control, target, 'values')).flat();
const count = (values, value) => values.filter((v) => v === value).length;

for (const [name] of BROWSERS) {
  describe(`${name}: the fill holds against hostile pages and frames`, () => {
    let server, browser, control, profileId;

    before(async () => {
      ({ server, browser } = await launchWithConsoles(name, null, { prompts: true }));
      profileId = await seedProfile(browser, HUAWEI);
      control = await browser.open('popup.html');
      // The other site's frames are read back by the probes (the extension's scripting): the user has
      // granted that site (as for a console host of theirs), so only the fill's own policy keeps it out.
      await grantByPrompt(browser, control, { origins: [`https://${HOSTS.userAdded}/*`] });
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
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey']);
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
        assert.deepEqual(slotsOf(result.filled), ['accessKeyId'], JSON.stringify(result));
        assert.deepEqual(await allValues(control, target), [AK, '']);
        await page.close();
      });
    }

    it('a search box and a text box captioned by page text get no secret', async () => {
      const target = url(HOSTS.huawei, 'attack-search.html');
      const page = await open(target, 'input.notes');
      const result = await fill(target);
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId'], JSON.stringify(result));
      assert.deepEqual(await allValues(control, target), [AK, '', '']);
      await page.close();
    });

    it('a table-laid form is filled by its caption cells; an SK captioned only by page text is reported empty', async () => {
      const table = url(HOSTS.huawei, 'form-table.html');
      let page = await open(table, '#key-2');
      let result = await fill(table);
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey'], JSON.stringify(result));
      assert.deepEqual(await allValues(control, table), [AK, SK]);
      await page.close();

      const pageText = url(HOSTS.huawei, 'form-page-text.html');
      page = await open(pageText, '#key-2');
      result = await fill(pageText);
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId'], JSON.stringify(result));
      assert.deepEqual(result.skipped.map((s) => [s.slot, s.reason]), [['secretAccessKey', 'caption-is-page-text']]);
      assert.deepEqual(await allValues(control, pageText), [AK, '']);
      await page.close();
    });

    it('a field whose type the page changes between collect and apply gets nothing, and is reported', async () => {
      const target = url(HOSTS.huawei, 'attack-type-flip.html');
      const page = await open(target, '#sk');
      const result = await fill(target);
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId'], JSON.stringify(result));
      assert.ok(result.skipped.some((s) => s.slot === 'secretAccessKey' && s.reason === 'changed'), JSON.stringify(result.skipped));
      assert.deepEqual(await allValues(control, target), [AK, '']);
      await page.close();
    });

    it('a frame that navigates between collect and apply gets nothing, and the SK is reported not filled', async () => {
      const target = url(HOSTS.huawei, 'attack-navigate.html');
      const page = await open(target, '#form', 2);
      const result = await fill(target);
      assert.equal(result.status, 'filled', JSON.stringify(result));
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId']);
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

    it('extension pages run under the shipped CSP: no outside image, style, frame or plain-http request; a host without permission answers nothing', async (t) => {
      // A local server that answers anything, without CORS headers: only a host permission lets a page read it.
      const hits = [];
      const plain = createServer((req, res) => (hits.push(req.headers.host), res.end('read')));
      await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve));
      t.after(() => plain.close());
      const { port } = plain.address();
      const options = await browser.open('options.html');
      // Enabled once the WASM core has run in the page (the host check is Rust).
      await options.waitFor('#console-hosts-add button[type=submit]:not([disabled])');
      const seen = await options.evaluate(async (p) => {
        const api = globalThis.browser ?? chrome;
        const violations = new Set();
        document.addEventListener('securitypolicyviolation', (e) => violations.add(e.effectiveDirective.replace(/-(attr|elem)$/, '')));
        const beacon = 'https://evil.example/beacon';
        document.body.append(Object.assign(new Image(), { src: `${beacon}.png` }));
        const styled = document.createElement('div');
        styled.setAttribute('style', `background: url(${beacon}.css.png)`);
        document.body.append(styled);
        document.body.append(Object.assign(document.createElement('iframe'), { src: `${beacon}.html` }));
        await fetch('http://192.0.2.1/beacon').catch(() => {});
        const read = (url) => fetch(url).then((r) => r.text(), (e) => e.name);
        // 127.0.0.1 is granted (the e2e build's loopback stand-ins); localhost is only optional.
        const answers = { granted: await read(`http://127.0.0.1:${p}/`), notGranted: await read(`http://localhost:${p}/`) };
        await new Promise((r) => setTimeout(r, 500));
        return { csp: api.runtime.getManifest().content_security_policy.extension_pages, violations: [...violations].sort(), answers };
      }, port);
      assert.equal(seen.csp, SHIPPED_CSP, 'the e2e build runs the CSP users install');
      assert.deepEqual(seen.violations, ['connect-src', 'frame-src', 'img-src', 'style-src']);
      assert.deepEqual(seen.answers, { granted: 'read', notGranted: 'TypeError' });
      await options.close();
    });

    it('a page element with the content script\'s id neither stops nor steers the fill', async () => {
      const target = url(HOSTS.huawei, 'attack-shadowing.html');
      const page = await open(target, 'input[type=password]');
      const result = await fill(target);
      assert.deepEqual(slotsOf(result.filled), ['accessKeyId', 'secretAccessKey'], JSON.stringify(result));
      assert.deepEqual(await state(target), { ak: AK, sk: SK, decoy: '', agreed: false });
      await page.close();
    });
  });
}

// The vault.
const BACKUP_PASSPHRASE = 'the sender knows this one';
const OWN_PASSPHRASE = 'only the user knows this';
/** What a hostile sender picks: 64 KiB, one pass (the OWASP floor is 19 MiB, two passes). */
const WEAK_KDF = { alg: 'argon2id', mKib: 64, t: 1, p: 1, salt: Buffer.from('weak backup salt').toString('base64') };
const PROFILE = {
  id: 'p-backup', name: 'From the backup', provider: 'huawei',
  credentials: [{ kind: 'aksk', provider: 'huawei', accessKeyId: 'HWAKBACKUP00000000AA', secretAccessKey: 'hwBackupSecret000000000000000000000000000' }],
};
const DOCUMENT = { profiles: [PROFILE], deleted: null, conflicts: [] };

/** The core in Node (the same pkg/ the extension was built from). */
const core = await import(join(ROOT, 'pkg/credfill.js'));
core.initSync({ module: readFileSync(join(ROOT, 'pkg/credfill_bg.wasm')) });

/** A vault record sealed outside the browser under `passphrase` and `kdf`, as a backup file holds it. */
function recordUnder(passphrase, kdf, document = DOCUMENT) {
  return core.vaultSeal(core.vaultDeriveKey(passphrase, kdf), kdf, 'vault', JSON.stringify(document));
}

/** Whether `passphrase` opens `record` (derived with the record's own parameters). */
function opensWith(record, passphrase) {
  try {
    core.vaultOpen(core.vaultDeriveKey(passphrase, record.kdf), record);
    return true;
  } catch (e) {
    if (e.code === 'wrong-passphrase') return false;
    throw e;
  }
}

const costOf = ({ mKib, t, p }) => ({ mKib, t, p });


/** Storage read straight from an extension page: no message, so no user action for the auto-lock. */
const storageOf = (page, area) => page.evaluate((a) => (globalThis.browser ?? chrome).storage[a].get(null), area);

async function currentRecord(page) {
  const local = await storageOf(page, 'local');
  return local[`vault.gen.${local['vault.current']}`];
}

/** Locks and forgets the vault: the next test starts from a browser with no vault. */
async function emptyVault(page) {
  await send(page, 'vault.lock');
  await page.evaluate(async () => {
    const storage = (globalThis.browser ?? chrome).storage.local;
    await storage.remove(Object.keys(await storage.get(null)).filter((k) => k.startsWith('vault.')));
  });
  assert.equal((await send(page, 'vault.status')).state, 'empty');
}

for (const [name] of BROWSERS) {
  describe(`${name}: attacks on the vault`, () => {
    let server, browser, control;
    before(async () => {
      ({ server, browser } = await launchWithConsoles(name));
      control = await browser.open('popup.html');
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('a weak backup restored into an empty vault gets fresh default parameters and the user\'s own passphrase', async () => {
      await emptyVault(control);
      const backup = recordUnder(BACKUP_PASSPHRASE, WEAK_KDF);
      await send(control, 'vault.restore', { envelope: backup, passphrase: BACKUP_PASSPHRASE, newPassphrase: OWN_PASSPHRASE, confirmation: OWN_PASSPHRASE });
      const stored = await currentRecord(control);
      assert.deepEqual(costOf(stored.kdf), costOf(core.vaultNewKdf()), 'the stored record has the default parameters');
      assert.notEqual(stored.kdf.salt, WEAK_KDF.salt);
      assert.equal(opensWith(stored, BACKUP_PASSPHRASE), false, "the backup's passphrase opens nothing");
      assert.equal(opensWith(stored, OWN_PASSPHRASE), true);

      await send(control, 'vault.lock');
      await assert.rejects(send(control, 'vault.unlock', { passphrase: BACKUP_PASSPHRASE }), { code: 'wrong-passphrase' });
      await send(control, 'vault.unlock', { passphrase: OWN_PASSPHRASE });
      assert.deepEqual((await send(control, 'profiles.view')).profiles.map((p) => p.name), [PROFILE.name]);

      // The user's passphrase follows the rule of any new one; a refused restore stores nothing.
      await emptyVault(control);
      for (const [newPassphrase, confirmation, code] of [
        [undefined, undefined, 'passphrase-too-short'], ['too short', 'too short', 'passphrase-too-short'],
        [OWN_PASSPHRASE, `${OWN_PASSPHRASE}!`, 'passphrase-mismatch'],
      ]) {
        await assert.rejects(send(control, 'vault.restore', { envelope: backup, passphrase: BACKUP_PASSPHRASE, newPassphrase, confirmation }), { code });
        assert.equal((await send(control, 'vault.status')).state, 'empty');
      }
    });

    it('the restore form asks for a passphrase of the user\'s own when there is no vault yet', async (t) => {
      await emptyVault(control);
      const dir = mkdtempSync(join(tmpdir(), 'credfill-attack-backup-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'backup.json');
      writeFileSync(file, JSON.stringify(recordUnder(BACKUP_PASSPHRASE, WEAK_KDF)));
      const options = await browser.open('options.html');
      await options.waitFor('#vault-restore-newPassphrase', { state: 'visible' });
      await options.setFile('#vault-restore-backupFile', file);
      await options.fill('#vault-restore-backupPassphrase', BACKUP_PASSPHRASE);
      // A short one is refused under its field, with the minimum, before anything is sent.
      await options.fill('#vault-restore-newPassphrase', 'short');
      await options.click('#vault-restore button[type="submit"]');
      await options.waitFor('#vault-restore-newPassphrase-note.error');
      assert.match(await options.text('#vault-restore-newPassphrase-note'), /at least 12 characters/);
      assert.equal((await send(control, 'vault.status')).state, 'empty');
      await options.fill('#vault-restore-newPassphrase', OWN_PASSPHRASE);
      await options.fill('#vault-restore-confirmPassphrase', OWN_PASSPHRASE);
      await options.click('#vault-restore button[type="submit"]');
      await options.waitFor('#vault-restore .ok');
      assert.equal(opensWith(await currentRecord(control), OWN_PASSPHRASE), true);
      assert.equal(await options.evaluate(() => document.querySelector('#vault-restore-newPassphrase').closest('label').hidden), true,
        'with a vault, a restore merges under its passphrase: no new one asked');
      await options.close();
    });

    it('a weak record already stored is re-keyed at unlock: fresh parameters, same passphrase, the weak copy gone', async () => {
      await emptyVault(control);
      const weak = recordUnder(OWN_PASSPHRASE, WEAK_KDF);
      await control.evaluate((record) => (globalThis.browser ?? chrome).storage.local.set({ 'vault.gen.1': record, 'vault.current': 1 }), weak);
      await send(control, 'vault.unlock', { passphrase: OWN_PASSPHRASE });

      const stored = await currentRecord(control);
      assert.deepEqual(costOf(stored.kdf), costOf(core.vaultNewKdf()));
      assert.notEqual(stored.kdf.salt, WEAK_KDF.salt);
      assert.equal(opensWith(stored, OWN_PASSPHRASE), true);
      const weakLeft = Object.values(await storageOf(control, 'local')).filter((v) => v?.kdf?.mKib === WEAK_KDF.mKib);
      assert.deepEqual(weakLeft, [], 'no weak copy is kept on disk');
      assert.deepEqual((await send(control, 'profiles.view')).profiles.map((p) => p.name), [PROFILE.name]);
    });

    it('a backup asking for absurd key-derivation work is refused before deriving, and changes nothing', async () => {
      await emptyVault(control);
      await seedProfile(browser, PROFILE);
      const before = await storageOf(control, 'local');
      for (const cost of [{ mKib: 4 * 1024 * 1024, t: 1 }, { mKib: 1024 * 1024, t: 64 }]) {
        const hostile = { ...recordUnder(BACKUP_PASSPHRASE, WEAK_KDF), kdf: { ...WEAK_KDF, ...cost } };
        const started = Date.now();
        await assert.rejects(send(control, 'vault.restore', { envelope: hostile, passphrase: BACKUP_PASSPHRASE }), { code: 'kdf-too-costly' });
        assert.ok(Date.now() - started < 2000, `refused at once, not after deriving (${Date.now() - started} ms)`);
      }
      assert.deepEqual(await storageOf(control, 'local'), before);
    });

    it('a backup naming a custom endpoint and a CSS url() colour restores without them; a key check then goes only to the catalog', async () => {
      await emptyVault(control);
      // Whoever made the file wants later key checks (and IBM's API key) sent to their server, and a
      // beacon in the popup's style.
      const hostile = {
        profiles: [{
          ...PROFILE, region: 'cn-north-4', endpoint: 'https://collector.attacker.example',
          colour: 'url(https://tracker.attacker.example/p.png)', extra: 'not a field the core knows',
        }], deleted: null, conflicts: [],
      };
      const backup = recordUnder(BACKUP_PASSPHRASE, WEAK_KDF, hostile);
      const restored = await send(control, 'vault.restore', { envelope: backup, passphrase: BACKUP_PASSPHRASE, newPassphrase: OWN_PASSPHRASE, confirmation: OWN_PASSPHRASE });
      assert.equal(restored.added.length, 1);
      const [profile] = (await send(control, 'profiles.view')).profiles;
      assert.deepEqual([profile.name, profile.endpoint, profile.colour, profile.extra], [PROFILE.name, undefined, undefined, undefined]);
      const origins = await send(control, 'flow.origins', { kind: 'key-check', profileId: profile.id });
      assert.ok(origins.every((o) => o.endsWith('.myhuaweicloud.com/*')), `the check goes to the catalog only: ${origins}`);
      const stored = await currentRecord(control);
      const text = core.vaultOpen(core.vaultDeriveKey(OWN_PASSPHRASE, stored.kdf), stored);
      assert.ok(!text.includes('attacker.example') && !text.includes('not a field'), 'nothing of it is stored');
    });

    it('a console tab reloading by itself does not keep the vault unlocked past its idle deadline', async () => {
      await emptyVault(control);
      await seedProfile(browser, PROFILE);
      const target = `https://${HOSTS.huawei}/modelarts-vue.html`;
      const consoleTab = await browser.open(target);
      const tabId = await tabIdOf(control, target);
      const badge = () => control.evaluate((id) => (globalThis.browser ?? chrome).action.getBadgeText({ tabId: id }), tabId);
      // The badge follows the tab's events: it shows there is a profile for this console.
      assert.equal(await eventually(badge, (text) => text !== ''), '•');

      // The idle deadline, a few seconds away (the shortest setting is a minute). Written straight into
      // session storage: no message, so no user action; nothing the user does happens from here on.
      const deadline = Date.now() + 4000;
      await control.evaluate((at) => (globalThis.browser ?? chrome).storage.session.set({ 'vault.lockAt': at }), deadline);
      const reloads = [];
      while (Date.now() < deadline + 4000) {
        await consoleTab.evaluate(() => void setTimeout(() => location.reload(), 0)); // the page reloads itself
        reloads.push((await storageOf(control, 'session'))['vault.lockAt']);
        await new Promise((r) => setTimeout(r, 1000));
      }
      const session = await eventually(() => storageOf(control, 'session'), (s) => !('vault.key' in s));
      assert.equal('vault.key' in session, false, `still unlocked; the deadline after each reload: ${reloads.map((at) => at - deadline).join(', ')} ms past the one set`);
      assert.equal(await eventually(badge, (text) => text === ''), '', 'a locked vault shows no fill badge');
      await consoleTab.close();
    });
  });
}

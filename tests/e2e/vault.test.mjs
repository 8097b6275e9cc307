// The encrypted vault end to end: saving an import, locking, and what reaches the disk (nothing in
// clear: every file of the browser profile is searched); a worker stopped in the middle of saves;
// wrong passphrases and altered records change nothing; auto-lock across worker restarts.
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { E2E_EXTENSION, ROOT, eventually, launchChromium, launchFirefox, stopBackground } from './lib/browsers.mjs';
import { E2E_PASSPHRASE, listProfiles, send, unlockVault } from './lib/profiles.mjs';

const SK = 'Zq8vJ3kP0rT6wY2eN5hB9mC1xL4sD7fG0aK3uV6i';
const API_KEY = 'e2eVaultApiKey_Q9w8E7r6T5y4U3i2O1p0AsDfGhJkL'; // 44 characters, as IBM's
const AK = 'HPUAE2EVAULTTEST0001';
const NAMES = ['Huawei Cloud alice …0001', 'ci-deployer'];

/** The two downloads a user would import: credentials.csv (Huawei) and apiKey.json (IBM), in a temporary folder. */
function credentialFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'credfill-vault-import-'));
  const files = { csv: join(dir, 'credentials.csv'), json: join(dir, 'apiKey.json') };
  writeFileSync(files.csv, `User Name,Access Key Id,Secret Access Key\nalice,${AK},${SK}\n`);
  writeFileSync(files.json, JSON.stringify({ name: 'ci-deployer', description: '', createdAt: '2020-01-01T00:00+0000', apikey: API_KEY }));
  return { ...files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Import section → "save as profile": the file is parsed by the worker, shown, then handed to the vault. */
async function importAndSave(popup, file) {
  // Marks what the section shows now, to wait for the new file's result rather than the last one.
  await popup.evaluate(() => document.querySelector('#import-result')?.firstElementChild?.setAttribute('data-shown-before', ''));
  await popup.setFile('#import-file', file);
  await popup.waitFor('#import-result > .summary.ok:not([data-shown-before])');
  await popup.click('#import-save');
}

const profileNames = (popup) => popup.evaluate(() => [...document.querySelectorAll('.profile-name')].map((n) => n.textContent));


const vaultStorage = (page) =>
  page.evaluate(async () => Object.fromEntries(Object.entries(await (globalThis.browser ?? chrome).storage.local.get(null))
    .filter(([k]) => k.startsWith('vault.'))));

async function submitPassphrase(popup, passphrase, { confirm = false } = {}) {
  await popup.fill('#vault-passphrase', passphrase);
  if (confirm) await popup.fill('#vault-confirm', passphrase);
  await popup.click('#vault-submit');
}

/** Every file under `dir` that holds one of `needles` (UTF-8 and UTF-16 forms): `file: name` lines. */
function filesHolding(dir, needles) {
  const forms = Object.entries(needles).flatMap(([name, text]) =>
    [['utf8', 'UTF-8'], ['utf16le', 'UTF-16']].map(([encoding, label]) => [`${name} (${label})`, Buffer.from(text, encoding)]));
  const found = [];
  const walk = (path) => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else if (stat?.isFile()) {
      let bytes;
      try {
        bytes = readFileSync(path);
      } catch {
        return; // a file removed while walking
      }
      for (const [name, needle] of forms) if (bytes.includes(needle)) found.push(`${path}: ${name}`);
    }
  };
  walk(dir);
  return found;
}

/** The core in Node (the same pkg/ the extension loads). */
async function nodeCore() {
  const core = await import(join(ROOT, 'pkg/credfill.js'));
  core.initSync({ module: readFileSync(join(ROOT, 'pkg/credfill_bg.wasm')) });
  return core;
}

/** Opens an exported record outside the browser: the vault must decrypt to exactly what was imported. */
async function openRecord(envelope, passphrase) {
  const core = await nodeCore();
  return JSON.parse(core.vaultOpen(core.vaultDeriveKey(passphrase, envelope.kdf), envelope));
}

/**
 * A record as the first builds wrote it (format 1: `{version: 1, kdf, nonce, ciphertext}`, the
 * Argon2id output as the AES-256-GCM key, "credfill-vault-v1" as associated data), sealed here with
 * WebCrypto rather than with the code under test.
 */
async function formatOneRecord(document, passphrase) {
  const kdf = { alg: 'argon2id', mKib: 64, t: 1, p: 1, salt: Buffer.from('format one salt!').toString('base64') };
  const raw = Buffer.from((await nodeCore()).vaultDeriveKey(passphrase, kdf), 'base64');
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: Buffer.from('credfill-vault-v1') },
    key, Buffer.from(JSON.stringify(document)));
  return { version: 1, kdf, nonce: Buffer.from(nonce).toString('base64'), ciphertext: Buffer.from(sealed).toString('base64') };
}

const secretsIn = (document) => document.profiles.flatMap((p) => p.credentials).map((c) => c.secretAccessKey ?? c.apiKey);

describe('chromium: encrypted vault', () => {
  let browser;
  before(async () => (browser = await launchChromium({ extDir: E2E_EXTENSION.chromium })));
  after(async () => browser?.close());

  it('import → save → lock: no secret anywhere in the profile directory; unlock after a restart: intact', async (t) => {
    const files = credentialFiles();
    t.after(files.remove);
    let popup = await browser.open('popup.html');
    await importAndSave(popup, files.csv);
    await popup.waitFor('#vault-pending'); // the first save asks for a passphrase
    await submitPassphrase(popup, E2E_PASSPHRASE, { confirm: true });
    await popup.waitFor('#vault-saved li[data-action="created"]');
    await importAndSave(popup, files.json);
    assert.deepEqual(await eventually(() => profileNames(popup), (n) => n.length === 2), NAMES);
    assert.equal(await popup.attr('#profile-list .key-age[data-stale="true"]', 'data-stale'), 'true');
    assert.equal(await popup.evaluate(() => chrome.action.getBadgeText({})), '1');

    await importAndSave(popup, files.csv); // the same AK again: that profile is updated, no twin
    await popup.waitFor('#vault-saved li[data-action="updated"]');
    assert.equal((await listProfiles(popup)).length, 2);

    await popup.click('#vault-lock');
    await popup.waitFor('#vault-section[data-state="locked"]');
    const needles = { SK, 'API key': API_KEY, passphrase: E2E_PASSPHRASE };
    assert.deepEqual(filesHolding(browser.profile, needles), [], 'while the browser runs');
    await browser.context.close();
    assert.deepEqual(filesHolding(browser.profile, needles), [], 'after the browser closed');

    browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, profile: browser.profile });
    popup = await browser.open('popup.html');
    await popup.waitFor('#vault-section[data-state="locked"]'); // the key was in memory only
    await submitPassphrase(popup, E2E_PASSPHRASE);
    await popup.waitFor('#vault-section[data-state="unlocked"]');
    await popup.waitFor('#profile-list .profile');
    const profiles = await listProfiles(popup);
    assert.deepEqual(profiles.map((p) => p.name), NAMES);
    assert.equal(JSON.stringify(profiles).includes(SK), false, 'pages never get secrets');
    assert.deepEqual(secretsIn(await openRecord(await send(popup, 'vault.export'), E2E_PASSPHRASE)), [SK, API_KEY]);
  });

  it('the popup edits, reorders, deletes and undoes', async () => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    await popup.raw.reload();
    const names = () => profileNames(popup);
    await popup.waitFor('#profile-list .profile');
    const [, second] = await names();

    await popup.click('.profile .edit');
    await popup.fill('.profile-edit [name="name"]', 'Prod (Paris)');
    await popup.fill('.profile-edit [name="region"]', 'eu-west-0');
    await popup.raw.selectOption('.profile-edit [name="provider"]', 'flexible-engine');
    await popup.click('.profile-edit button[type="submit"]');
    await eventually(names, (n) => n[0] === 'Prod (Paris)');
    const [edited] = await listProfiles(popup);
    assert.deepEqual([edited.name, edited.region, edited.provider], ['Prod (Paris)', 'eu-west-0', 'flexible-engine']);
    // One endpoint field per service of the provider: ModelArts alone moves, OBS and IAM stay the catalog's.
    await popup.click(`.profile[data-id="${edited.id}"] .edit`);
    assert.deepEqual(await popup.evaluate(() => [...document.querySelectorAll('.profile-edit .profile-endpoints input')].map((i) => i.name)),
      ['endpoint-obs', 'endpoint-iam', 'endpoint-modelarts']);
    await popup.fill('.profile-edit [name="endpoint-modelarts"]', 'https://modelarts.private.example');
    await popup.click('.profile-edit button[type="submit"]');
    await eventually(async () => (await listProfiles(popup)).find((p) => p.id === edited.id).endpoint,
      (endpoint) => JSON.stringify(endpoint) === JSON.stringify({ modelarts: 'https://modelarts.private.example' }));

    await popup.click('.profile .moveDown');
    assert.deepEqual((await eventually(names, (n) => n[0] === second)).slice(0, 2), [second, 'Prod (Paris)']);
    await popup.click(`.profile[data-id="${edited.id}"] .moveUp`);
    await eventually(names, (n) => n[0] === 'Prod (Paris)');

    await popup.click(`.profile[data-id="${edited.id}"] .delete`);
    await popup.waitFor('#profile-undo');
    assert.deepEqual(await names(), [second]);
    await popup.click('#profile-undo');
    assert.deepEqual(await eventually(names, (n) => n.length === 2), ['Prod (Paris)', second]);
  });

  it('a worker stopped in the middle of saves leaves a vault that opens, with the old or the new content', async (t) => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    let stops = 0;
    const outcomes = [];
    const itemsOf = (round) => Array.from({ length: 20 }, (_, i) => ({
      kind: 'aksk', accessKeyId: `HPUASTOP${String(round * 100 + i).padStart(12, '0')}`, secretAccessKey: SK, issuer: 'huawei',
    }));
    // A save that finished before the stop is there after it, with the profiles it made.
    const first = (await listProfiles(popup)).length;
    const saved = await send(popup, 'profiles.import', { items: itemsOf(10) });
    assert.equal(saved.outcome.saved.length, 20, JSON.stringify(saved.outcome));
    assert.ok(await stopBackground(browser, popup), 'the worker did not stop');
    const reopened = await eventually(() => listProfiles(popup).catch((e) => e), Array.isArray);
    assert.equal(reopened.length, first + 20);
    const kept = new Set(saved.outcome.saved.map((s) => s.profileId));
    assert.equal(reopened.filter((p) => kept.has(p.id)).length, 20, 'the saved profiles are the ones the vault opens with');
    for (let round = 0; round < 10; round++) {
      const before = (await listProfiles(popup)).length;
      const items = itemsOf(round);
      const saving = send(popup, 'profiles.import', { items }).then((saved) => (saved?.outcome.saved.length ? 'saved' : 'cut off'), () => 'cut off');
      await new Promise((r) => setTimeout(r, round && 5 * 2 ** round)); // 0 to 2.5 s: before, during and after the save
      if (await stopBackground(browser, popup)) stops++;
      const reply = await saving;
      const afterwards = await eventually(() => listProfiles(popup).catch((e) => e), Array.isArray)
        .catch((e) => assert.fail(`round ${round}: the vault does not open: ${e.message}`));
      assert.ok([before, before + items.length].includes(afterwards.length), `round ${round}: ${before} → ${afterwards.length}`);
      if (reply === 'saved') assert.equal(afterwards.length, before + items.length, `round ${round}: a confirmed save was lost`);
      outcomes.push(`${reply}/${afterwards.length === before ? 'old' : 'new'}`);
    }
    t.diagnostic(`save reply / content after the stop, per round: ${outcomes.join(' ')}; worker stopped ${stops} times`);
    assert.ok(stops > 0, 'the service worker was never stopped');
    assert.ok(outcomes.some((o) => o.startsWith('saved')), 'some saves must succeed: a vault that refuses every save passes nothing');
  });

  it('a wrong passphrase is refused and changes nothing', async () => {
    const popup = await browser.open('popup.html');
    await send(popup, 'vault.lock');
    await popup.raw.reload();
    await popup.waitFor('#vault-section[data-state="locked"]');
    const stored = await vaultStorage(popup);
    await submitPassphrase(popup, 'not the passphrase at all');
    await popup.waitFor('#vault-unlock .error[data-code="wrong-passphrase"]');
    await assert.rejects(send(popup, 'vault.changePassphrase', { current: 'wrong wrong wrong', passphrase: 'a new long passphrase', confirmation: 'a new long passphrase' }),
      { code: 'wrong-passphrase' });
    assert.deepEqual(await vaultStorage(popup), stored);
    assert.equal((await send(popup, 'vault.status')).state, 'locked');
  });

  it('an altered record is reported, never overwritten, and the previous copy can be opened', async () => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    const [first] = await listProfiles(popup);
    await send(popup, 'profiles.edit', { id: first.id, edits: { note: 'kept in the previous copy' } });
    await send(popup, 'profiles.edit', { id: first.id, edits: { note: 'the latest note' } });
    await popup.evaluate(async () => { // flip one byte of the current record's ciphertext
      const { 'vault.current': gen } = await chrome.storage.local.get('vault.current');
      const { [`vault.gen.${gen}`]: record } = await chrome.storage.local.get(`vault.gen.${gen}`);
      const bytes = Uint8Array.from(atob(record.ciphertext), (c) => c.charCodeAt(0));
      bytes[5] ^= 1;
      record.ciphertext = btoa(String.fromCharCode(...bytes));
      await chrome.storage.local.set({ [`vault.gen.${gen}`]: record });
    });
    const altered = await vaultStorage(popup);
    await assert.rejects(send(popup, 'profiles.edit', { id: first.id, edits: { note: 'x' } }), { code: 'tampered' });
    await assert.rejects(listProfiles(popup), { code: 'tampered' });
    assert.deepEqual(await vaultStorage(popup), altered, 'nothing written over it');

    await send(popup, 'vault.lock');
    await popup.raw.reload();
    await submitPassphrase(popup, E2E_PASSPHRASE);
    await popup.waitFor('#vault-unlock .error[data-code="tampered"]');
    await popup.click('#vault-recover');
    await popup.waitFor('#vault-section[data-state="unlocked"]');
    const recovered = await listProfiles(popup);
    assert.equal(recovered.find((p) => p.id === first.id).note, 'kept in the previous copy');
  });

  it('a passphrase change re-encrypts: the new passphrase opens the vault, the old one no longer does', async () => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    const count = (await listProfiles(popup)).length;
    const next = 'a brand new passphrase';
    await send(popup, 'vault.changePassphrase', { current: E2E_PASSPHRASE, passphrase: next, confirmation: next });
    await send(popup, 'vault.lock');
    await assert.rejects(send(popup, 'vault.unlock', { passphrase: E2E_PASSPHRASE }), { code: 'wrong-passphrase' });
    await send(popup, 'vault.unlock', { passphrase: next });
    assert.equal((await listProfiles(popup)).length, count);
    await send(popup, 'vault.changePassphrase', { current: next, passphrase: E2E_PASSPHRASE, confirmation: E2E_PASSPHRASE });
  });

  it('restoring a backup merges: a deleted profile comes back, a changed one is a conflict the user settles', async (t) => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    const backup = await send(popup, 'vault.export');
    const [first, second] = await listProfiles(popup);
    await send(popup, 'profiles.delete', { id: first.id });
    await send(popup, 'profiles.edit', { id: second.id, edits: { note: 'changed after the backup' } });
    const count = (await listProfiles(popup)).length;

    const dir = mkdtempSync(join(tmpdir(), 'credfill-backup-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'backup.json');
    writeFileSync(file, JSON.stringify(backup));
    const options = await browser.open('options.html');
    await options.setFile('#vault-restore-backupFile', file);
    await options.fill('#vault-restore-backupPassphrase', 'not the passphrase at all');
    await options.click('#vault-restore button[type="submit"]');
    await options.waitFor('#vault-restore .error[data-code="wrong-passphrase"]');
    await options.fill('#vault-restore-backupPassphrase', E2E_PASSPHRASE);
    await options.click('#vault-restore button[type="submit"]');
    await options.waitFor('#vault-restore .ok');
    await options.waitFor('#vault-conflicts .conflict');

    const afterRestore = await listProfiles(popup);
    assert.equal(afterRestore.length, count + 1, 'only the deleted profile was added');
    assert.equal(afterRestore.find((p) => p.id === second.id).note, 'changed after the backup', 'nothing replaced silently');
    await options.click('#vault-conflicts [data-choice="theirs"]');
    await eventually(() => options.evaluate(() => document.querySelectorAll('#vault-conflicts .conflict').length), (n) => n === 0);
    assert.equal((await listProfiles(popup)).find((p) => p.id === second.id).note, undefined, "the backup's version, as chosen");
  });

  it('auto-lock holds across worker restarts: a passed deadline locks on wake-up', async () => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    // The popup's own requests after the unlock use the key, which pushes the deadline back: set it in
    // the past until it stays there (read back after those requests had time to land).
    const pastDeadline = await eventually(async () => {
      await popup.evaluate(() => chrome.storage.session.set({ 'vault.lockAt': Date.now() - 1 }));
      await new Promise((r) => setTimeout(r, 300));
      return popup.evaluate(async () => (await chrome.storage.session.get('vault.lockAt'))['vault.lockAt'] < Date.now());
    }, (past) => past);
    assert.ok(pastDeadline, 'the deadline could not be put in the past');
    assert.ok(await stopBackground(browser, popup), 'the worker did not stop');
    await send(popup, 'core.version'); // wakes the worker without touching the vault
    const session = await eventually(() => popup.evaluate(() => chrome.storage.session.get(null)), (s) => !('vault.key' in s));
    assert.equal('vault.key' in session, false);
    assert.equal((await send(popup, 'vault.status')).state, 'locked');
  });

  it('a vault in the first format opens with its passphrase and is rewritten in the current one', async () => {
    const popup = await browser.open('popup.html');
    const legacy = { profiles: [{ id: 'legacy', name: 'Legacy profile', provider: 'huawei',
      credentials: [{ kind: 'aksk', accessKeyId: 'LEGACYAK000000000001', secretAccessKey: SK }] }] };
    const record = await formatOneRecord(legacy, E2E_PASSPHRASE);
    await popup.evaluate(async (v1) => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('vault.'));
      await chrome.storage.local.remove(keys);
      await chrome.storage.local.set({ 'vault.gen.1': v1, 'vault.current': 1 });
    }, record);
    await send(popup, 'vault.lock');
    await send(popup, 'vault.unlock', { passphrase: E2E_PASSPHRASE });
    assert.deepEqual((await listProfiles(popup)).map((p) => p.name), ['Legacy profile']);
    const stored = await vaultStorage(popup);
    assert.equal(stored['vault.current'], 2);
    assert.equal(stored['vault.gen.2'].format, 2);
    assert.deepEqual(secretsIn(await openRecord(stored['vault.gen.2'], E2E_PASSPHRASE)), [SK]);
  });

  it('a backup restored where there is no vault yet becomes the vault, under a new passphrase of the user\'s own', async () => {
    const popup = await browser.open('popup.html');
    await unlockVault(popup);
    const backup = await send(popup, 'vault.export');
    const names = (await listProfiles(popup)).map((p) => p.name);
    await send(popup, 'vault.lock');
    await popup.evaluate(async () => chrome.storage.local.remove(Object.keys(await chrome.storage.local.get(null))));
    assert.equal((await send(popup, 'vault.status')).state, 'empty');
    const own = { newPassphrase: 'a passphrase of my own', confirmation: 'a passphrase of my own' };
    await assert.rejects(send(popup, 'vault.restore', { envelope: backup, passphrase: 'not the passphrase at all', ...own }), { code: 'wrong-passphrase' });
    assert.equal((await send(popup, 'vault.status')).state, 'empty');
    const restored = await send(popup, 'vault.restore', { envelope: backup, passphrase: E2E_PASSPHRASE, ...own });
    assert.deepEqual([restored.added.length, restored.unchanged.length, restored.conflicts], [names.length, 0, 0]);
    assert.deepEqual((await listProfiles(popup)).map((p) => p.name), names);
    await send(popup, 'vault.lock');
    await send(popup, 'vault.unlock', { passphrase: own.newPassphrase });
  });
});

describe('firefox: encrypted vault', () => {
  let browser;
  before(async () => (browser = await launchFirefox({ extDir: E2E_EXTENSION.firefox })));
  after(async () => browser?.close());

  it('save, lock, unlock', async (t) => {
    const files = credentialFiles();
    t.after(files.remove);
    const popup = await browser.open('popup.html');
    // First run: nothing asks for a passphrase before there is something to keep.
    await popup.waitFor('#vault-section[data-state="empty"] #vault-first-run');
    assert.equal(await popup.evaluate(() => document.querySelector('#vault-passphrase')), null);
    await importAndSave(popup, files.csv);
    await popup.waitFor('#vault-pending');
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'vault-passphrase');
    await submitPassphrase(popup, E2E_PASSPHRASE, { confirm: true });
    await popup.waitFor('#vault-saved li');
    await importAndSave(popup, files.json);
    assert.deepEqual(await eventually(() => profileNames(popup), (n) => n.length === 2), NAMES);
    await popup.click('#vault-lock');
    await popup.waitFor('#vault-section[data-state="locked"]');
    await assert.rejects(listProfiles(popup), { code: 'locked' });
    await submitPassphrase(popup, 'not the passphrase at all');
    await popup.waitFor('#vault-unlock .error[data-code="wrong-passphrase"]');
    await submitPassphrase(popup, E2E_PASSPHRASE);
    await popup.waitFor('#vault-section[data-state="unlocked"]');
    assert.deepEqual((await listProfiles(popup)).map((p) => p.name), NAMES);
  });
});

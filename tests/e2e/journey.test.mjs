// The user's whole journey, in both browsers, with the real built extension against the console
// replicas (served under the consoles' real host names) and the local cloud stand-ins: each step
// starts from what the previous one stored, so a data shape that drifts between two capabilities
// breaks here. Import → save → Test keys → fill → re-import → rotate the key → Test keys → fill → the
// key past the reminder (Test keys read when IAM made it) rotated from it: the two-key limit, create,
// Test keys, the old key deactivated and deleted, the ModelArts dialog filled with the new key →
// Prepare ModelArts with the new key → authorize → lock → refused → unlock → fill, with the key of an IAM user of the
// account that may not read IAM (the IAM stand-in's IAM_SUB_USER: the project ID comes from the
// projects the user may use); the same on Huawei Cloud; one IBM profile for every OpenScale
// form; its OpenScale IDs found from the API key and one filled in; the IBM key past the key-age
// reminder rotated from it (*Rotate this key*), the form then filled with the new key; backup →
// restore into a fresh browser → fill; the downloaded key file deleted from disk.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, answerPermissionPrompt, eventually } from './lib/browsers.mjs';
import { chooseSnippet, fireClearAlarm, readClipboard } from './lib/code.mjs';
import { HOSTS, launchWithConsoles } from './lib/consoles.mjs';
import { downloadKeyFile } from './lib/downloads.mjs';
import { runFill, slotsOf } from './lib/fill.mjs';
import { probe, tabIdOf } from './lib/tabs.mjs';
import { E2E_PASSPHRASE, listProfiles, send } from './lib/profiles.mjs';
import { click, settled } from './lib/modelarts.mjs';
import { startServer } from './servers/launch.mjs';

const TIMEOUT = 30_000;
const url = (host, path) => `https://${host}/${path}`;

/** The files a user downloads, written to a temporary folder. */
function downloads(keys, ibm) {
  const dir = mkdtempSync(join(tmpdir(), 'credfill-journey-'));
  const write = (name, text) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const csv = (key) => `User Name,Access Key Id,Secret Access Key\nalice,${key.accessKeyId},${key.secretAccessKey}\n`;
  return {
    first: write('credentials.csv', csv(keys[0])),
    rotated: write('credentials (1).csv', csv(keys[1])),
    huawei: write('credentials-huawei.csv', csv({ accessKeyId: 'HPUAJOURNEYHUAWEI001', secretAccessKey: 'hwJourneySecret0000000000000000000000001' })),
    apiKey: write('apiKey.json', JSON.stringify({ name: 'openscale-key', description: '', createdAt: '2026-11-01T08:00+0000', apikey: ibm.apiKey })),
    // As `ibmcloud resource service-instance` prints it, the CRN elided as in IBM's own docs.
    instance: `Name:          openscale\nID:            crn:v1:ibmcloud:public:aiopenscale:us-south:a/c2f2xxxxxxxxxxxx867::\nGUID:          ${ibm.instanceId}\nLocation:      us-south\n`,
    wml: write('wml-credentials.json', JSON.stringify({ apikey: 'journeyWmlKey_0123456789abcdefghijklmnopqrst', instance_id: 'fa1ef00d-0000-4000-8000-0000000000b2', url: 'https://us-south.ml.cloud.ibm.com', iam_apikey_name: 'wml-credentials' })),
    aws: write('aws-access-keys.csv', 'Access key ID,Secret access key\nAKIAJOURNEY000000001,journey/Aws+SecretAccessKey000000Example\n'),
    azure: write('azure-sp.json', JSON.stringify({ appId: 'fa1ef00d-0000-4000-8000-0000000000a1', displayName: 'credfill-openscale', password: 'journey~Azure.Client_Secret-00000Example', tenant: 'fa1ef00d-0000-4000-8000-0000000000a2' })),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A <select>'s value, set as a user would (both browsers). */
const choose = (page, selector, value) => page.evaluate(({ s, v }) => {
  const select = document.querySelector(s);
  select.value = v;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}, { s: selector, v: value });

const valueOf = (page, selector) => page.evaluate((s) => document.querySelector(s)?.value ?? null, selector);

/** The popup for the tab showing `target`, as the toolbar button opens it there. */
async function popupFor(browser, control, target) {
  const popup = await browser.open(`popup.html?tab=${await tabIdOf(control, target)}`);
  await popup.waitFor('#vault-section[data-state]');
  return popup;
}

/** Import section: a file (or pasted text) read and shown; then the save options appear. */
async function importFile(popup, file) {
  await popup.evaluate(() => document.querySelector('#import-result')?.firstElementChild?.setAttribute('data-shown-before', ''));
  if (file.includes('\n')) {
    await popup.evaluate((text) => {
      document.querySelector('#import-paste').value = text;
      document.querySelector('#import-paste-read').click();
    }, file);
  } else {
    await popup.setFile('#import-file', file);
  }
  const shown = await eventually(() => popup.evaluate(() => {
    const now = document.querySelector('#import-result > :not([data-shown-before])');
    return now && (now.matches('.summary.ok') ? 'ok' : now.textContent);
  }), (v) => v, TIMEOUT);
  assert.equal(shown, 'ok', `the import of ${file.slice(0, 60)} shows`);
  await eventually(() => popup.evaluate(() => !document.querySelector('#import-save').hidden), (shown) => shown);
}

/** Saves what the import section shows; resolves to the saved line's action. */
async function save(popup) {
  await popup.evaluate(() => document.querySelector('#vault-saved')?.setAttribute('data-seen', ''));
  await popup.click('#import-save');
  const next = await eventually(() => popup.evaluate(() => (document.querySelector('#vault-pending') ? 'passphrase'
    : document.querySelector('#vault-saved:not([data-seen]) li') ? 'saved' : null)), (v) => v !== null, TIMEOUT);
  if (next === 'passphrase') {
    await popup.fill('#vault-passphrase', E2E_PASSPHRASE);
    if (await popup.evaluate(() => Boolean(document.querySelector('#vault-confirm')))) await popup.fill('#vault-confirm', E2E_PASSPHRASE);
    await popup.click('#vault-submit');
  }
  await popup.waitFor('#vault-saved:not([data-seen]) li', { timeout: TIMEOUT });
  return popup.attr('#vault-saved:not([data-seen]) li', 'data-action');
}

/**
 * Test keys as from the toolbar popup: one click, then the popup goes away (as it does behind the
 * browser's permission prompt). The worker runs the check and records it; resolves to that record.
 */
async function testKeysAndClose(browser, control, profileId) {
  const previous = (await listProfiles(control)).find((p) => p.id === profileId)?.lastCheck?.at;
  const popup = await browser.open('popup.html');
  await popup.click('#check-section summary.check-title');
  await popup.waitFor(`.check-profile[data-profile-id="${profileId}"] button.check-run`);
  await popup.click(`.check-profile[data-profile-id="${profileId}"] button.check-run`);
  await popup.close();
  const check = await eventually(async () => (await listProfiles(control)).find((p) => p.id === profileId)?.lastCheck,
    (c) => c && c.at !== previous, TIMEOUT);
  assert.ok(check && check.at !== previous, 'the worker recorded the check after the popup closed');
  return check;
}

/**
 * *Rotate this key* from the stale key's reminder in the popup's row of profile `id`: the reminder's
 * words, and the rotation panel's `press(button)` (once enabled: a write's request is on screen first)
 * and `said(code)` (waits for the line).
 */
async function rotateFromReminder(popup, id) {
  const row = `li.profile[data-id="${id}"]`;
  await popup.waitFor(`${row} .key-age[data-stale="true"]`, { timeout: TIMEOUT });
  const reminder = await popup.text(`${row} .key-age`);
  await popup.click(`${row} details.rotation summary`);
  await popup.click(`${row} .rotate-open`);
  const panel = `.rotate-panel[data-profile-id="${id}"]`;
  const press = async (button) => {
    await popup.waitFor(`${panel} ${button}:not([disabled])`, { timeout: TIMEOUT });
    await popup.click(`${panel} ${button}`);
  };
  const said = (code) => popup.waitFor(`${panel} .rotate-said li[data-code="${code}"]`, { timeout: TIMEOUT });
  return { reminder, panel, press, said };
}

const stepsOf = (check) => Object.fromEntries(check.results.map((r) => [r.step, r.status]));

for (const [name] of BROWSERS) {
  describe(`${name}: the user's journey`, () => {
    let consoles, browser, control, moto, obs, iam, ibm, files;
    const pages = [];
    const state = async (target, submit) => (await probe(control, target, 'submit', submit))[0];

    async function open(target, ready) {
      const page = await browser.open(target);
      pages.push(page);
      await page.waitFor(ready);
      return page;
    }

    async function fill(target, profileId) {
      const reply = await runFill(control, target, profileId ? { profileId } : {});
      return reply.ok ?? { error: reply.error };
    }

    before(async () => {
      [moto, ibm] = await Promise.all([startServer('moto_s3.py'), startServer('ibm_cloud.py')]);
      // OBS as Prepare ModelArts sees it, verifying OBS signatures (moto answers Test keys' SigV4 ListBuckets).
      const [, key] = moto.huaweiKeys;
      obs = await startServer('huawei_obs.py', ['eu-west-0'], { env: { HUAWEI_AK: key.accessKeyId, HUAWEI_SK: key.secretAccessKey } });
      // IAM holds the user's two keys (the limit). The first key was authorized for ModelArts before it was
      // rotated (that authorization stays). A key IAM makes or deletes signs, or stops signing, on both OBS
      // stand-ins: one account, one key table.
      const [first] = moto.huaweiKeys;
      iam = await startServer('huawei_iam.py', [], {
        env: {
          HUAWEI_AK: first.accessKeyId, HUAWEI_SK: first.secretAccessKey, HUAWEI_KEYS: JSON.stringify([key]),
          IAM_SUB_USER: '1', MODELARTS_AUTHORIZED: first.accessKeyId, KEY_FOLLOWERS: [moto.url, obs.url].join(','),
        },
      });
      files = downloads(moto.huaweiKeys, ibm);
      ({ server: consoles, browser } = await launchWithConsoles(name, null, { prompts: true }));
      control = await browser.open('popup.html');
    });
    after(async () => {
      await browser?.close();
      await consoles?.close();
      await Promise.all([moto, obs, iam, ibm].map((s) => s?.stop()));
      files?.remove();
    });

    let orange;
    const modelarts = url(HOSTS.orange, 'modelarts-angular.html?region=eu-west-0');

    it('Flexible Engine: import on the Orange console, save, Test keys, fill', async () => {
      await open(modelarts, '#sk-input');
      const popup = await popupFor(browser, control, modelarts);
      await importFile(popup, files.first);
      // The file cannot tell the two clouds apart: the console tab and its URL answer first.
      assert.equal(await valueOf(popup, '#import-cloud'), 'flexible-engine');
      assert.equal(await valueOf(popup, '#import-region'), 'eu-west-0');
      assert.equal(await save(popup), 'created'); // the first save asks for the passphrase
      const [profile] = await listProfiles(popup);
      assert.deepEqual([profile.provider, profile.region], ['flexible-engine', 'eu-west-0']);
      assert.equal(await popup.evaluate(() => document.querySelector('#import-result').children.length), 0, 'the import card is cleared');
      await popup.close();
      orange = profile.id;

      // The catalog's Orange hosts are not reachable from a test: the profile's own endpoints stand in.
      await send(control, 'profiles.edit', { id: orange, edits: { endpoint: { obs: moto.url, iam: iam.url } } });
      const check = await testKeysAndClose(browser, control, orange);
      assert.deepEqual(stepsOf(check), { 'obs.list-buckets': 'ok', 'iam.projects': 'ok' });
      const saved = (await listProfiles(control)).find((p) => p.id === orange);
      assert.equal(saved.projectId, iam.projectId);
      // The key's own record says when IAM made it (120 days ago): the reminder counts from then.
      const record = `/v3.0/OS-CREDENTIAL/credentials/${moto.huaweiKeys[0].accessKeyId}`;
      assert.deepEqual(iam.requests().map((r) => r.path), ['/v3/auth/projects', record], 'the IAM user reads only what it may');
      assert.deepEqual([saved.keyAge.since, saved.keyAge.ageDays, saved.keyAge.stale], ['created', 120, true]);

      const filled = await fill(modelarts);
      assert.deepEqual([filled.status, slotsOf(filled.filled)], ['filled', ['accessKeyId', 'secretAccessKey']], JSON.stringify(filled));
      assert.deepEqual(await state(modelarts, '#agree'), { ...moto.huaweiKeys.map((k) => ({ ak: k.accessKeyId, sk: k.secretAccessKey }))[0], agreed: false });
    });

    it('Flexible Engine: copy the key into code — the ModelArts client with the project ID Test keys found, the SK only on request', async () => {
      const popup = await browser.open('popup.html');
      await chooseSnippet(popup, orange, 'modelarts-python');
      const { accessKeyId, secretAccessKey } = moto.huaweiKeys[0];
      await eventually(() => popup.text('.code-text'), (text) => text?.includes(accessKeyId));
      // The first copy with the secret offers to clear the clipboard afterwards; the user allows it.
      await popup.click('.code-copy-secret');
      await popup.click('.code-confirm-go');
      await popup.click('.code-allow-clipboard');
      await answerPermissionPrompt(browser, true);
      // The panel says when the grant is in; reading the clipboard before then is refused.
      await eventually(() => popup.attr('.code-status', 'class'), (c) => c?.split(' ').includes('ok'));
      await popup.click('.code-copy');
      const copied = await eventually(() => readClipboard(popup), (text) => text?.includes(accessKeyId));
      assert.ok(copied.includes(`BasicCredentials('${accessKeyId}', os.environ['HUAWEICLOUD_SDK_SK'], '${iam.projectId}')`), copied);
      assert.ok(copied.includes(".with_endpoint('https://modelarts.eu-west-0.prod-cloud-ocb.orange-business.com')"), copied);
      assert.ok(!copied.includes(secretAccessKey));
      await popup.click('.code-copy-secret');
      await popup.click('.code-confirm-go');
      await eventually(() => readClipboard(popup), (text) => text?.includes(secretAccessKey));
      await fireClearAlarm(popup);
      assert.equal(await eventually(() => readClipboard(popup), (text) => text === ''), '', 'the clipboard is cleared');

      // An hour's temporary key instead (offered on Flexible Engine, not its default): IAM issues it
      // on one previewed request, and the clipboard holds it, never the permanent key.
      await chooseSnippet(popup, orange, 'modelarts-python', '3600');
      await popup.waitFor('.code-get-temporary:not([disabled])');
      await popup.click('.code-get-temporary');
      await popup.waitFor('.code-confirm-go');
      await popup.click('.code-confirm-go');
      const temporary = await eventually(() => readClipboard(popup), (text) => Boolean(text?.includes('with_security_token(')));
      assert.ok(!temporary.includes(secretAccessKey) && !temporary.includes(accessKeyId), 'no permanent key on the clipboard');
      assert.equal(iam.requests().filter((r) => r.path === '/v3.0/OS-CREDENTIAL/securitytokens').length, 1);
      await popup.close();
    });

    it('Flexible Engine: re-import, then a new key for the same user replaces the old one', async () => {
      const popup = await popupFor(browser, control, modelarts);
      await importFile(popup, files.first);
      assert.equal(await save(popup), 'updated');
      assert.equal((await listProfiles(popup)).length, 1, 'no twin');

      const [old, rotated] = moto.huaweiKeys;
      const tail = (key) => `…${key.accessKeyId.slice(-4)}`;
      await importFile(popup, files.rotated);
      // One question, whose answers are where the new key may go (the cloud, from the tab, is asked
      // beside it; a region is a new profile's only).
      const questions = await popup.evaluate(() => [...document.querySelectorAll('#import-options select')]
        .map((s) => ({ id: s.id, options: [...s.options].map((o) => o.value), value: s.value })));
      assert.deepEqual(questions.filter((q) => q.id !== 'import-cloud'),
        [{ id: 'import-replace', options: ['replace', 'add', ''], value: 'replace' }], JSON.stringify(questions));
      assert.equal(await save(popup), 'replaced');
      let profile = (await listProfiles(popup)).find((p) => p.id === orange);
      assert.deepEqual([profile.credentials.length, profile.retired.length], [1, 1]);
      assert.equal(profile.credentials[0].accessKeyId, rotated.accessKeyId);
      assert.equal(profile.keyAge.ageDays, 0, 'the age runs from the new key');
      assert.ok(profile.name.endsWith(tail(rotated)), `the name credfill made follows the key: ${profile.name}`);
      const row = `#profile-list .profile[data-id="${orange}"]`;
      assert.equal(await eventually(() => popup.text(`${row} .retired-key`), (text) => text?.includes(old.accessKeyId)),
        `Old key ${old.accessKeyId} kept until the new one passes Test keys.`);
      assert.doesNotMatch(await popup.text('#vault-saved'), /old key/i, 'the saved line says nothing that turns stale');
      await popup.close();

      const check = await testKeysAndClose(browser, control, orange);
      assert.deepEqual(stepsOf(check), { 'obs.list-buckets': 'ok', 'iam.projects': 'ok' });
      profile = (await listProfiles(control)).find((p) => p.id === orange);
      assert.equal(profile.retired.length, 0, 'the old key goes once the new one passed');

      const filled = await fill(modelarts);
      assert.equal(filled.status, 'filled');
      assert.deepEqual(await state(modelarts, '#agree'), { ak: rotated.accessKeyId, sk: rotated.secretAccessKey, agreed: false });
    });

    /** The key the rotation below makes: `{ accessKeyId, secretAccessKey }`. */
    let made;
    it('Flexible Engine: the key past the reminder is rotated from it; the ModelArts dialog then gets the new key', async () => {
      const [first, old] = moto.huaweiKeys;
      const popup = await popupFor(browser, control, modelarts);
      const { reminder, panel, press, said } = await rotateFromReminder(popup, orange);
      // Test keys read the key's record: IAM made it 120 days ago, past the 90-day reminder.
      assert.match(reminder, /Key age: 120 days \(since created\)/);
      const keys = () => popup.evaluate((panel) => [...document.querySelectorAll(`${panel} .rotate-keys > li`)]
        .map((li) => [li.dataset.accessKey, li.dataset.role]), panel);
      await press('.rotate-read');
      // The user never deleted the key the re-import replaced: at IAM's two-key limit, that one goes first.
      await said('two-keys');
      assert.deepEqual(await keys(), [[first.accessKeyId, 'other'], [old.accessKeyId, 'in-use']]);
      const other = `.rotate-key[data-access-key="${first.accessKeyId}"]`;
      await popup.click(`${panel} ${other} details.rotate-remove summary`);
      await press(`${other} .rotate-delete`);
      await said('deleted');
      // The create's request is on screen before its button is enabled; one click sends it.
      await press('.rotate-create');
      await said('created');
      const held = await (await fetch(`${iam.url}/e2e/keys`)).json();
      const [access] = Object.keys(held).filter((k) => k !== old.accessKeyId);
      made = { accessKeyId: access, secretAccessKey: held[access].secret };
      assert.deepEqual(await keys(), [[old.accessKeyId, 'replaced'], [made.accessKeyId, 'in-use']]);
      // Test keys with the new key: OBS (one key table with IAM) and IAM take it.
      await press('.rotate-test');
      await popup.waitFor(`${panel} .rotate-new-key-test[data-test="passed"]`, { timeout: TIMEOUT });
      const replaced = `.rotate-key[data-access-key="${old.accessKeyId}"]`;
      await press(`${replaced} .rotate-deactivate`);
      await said('deactivated');
      await press(`${replaced} .rotate-delete`);
      await said('deleted');
      assert.deepEqual(await keys(), [[made.accessKeyId, 'in-use']]);
      await popup.close();

      assert.deepEqual(Object.keys(await (await fetch(`${iam.url}/e2e/keys`)).json()), [made.accessKeyId], 'IAM holds the new key only');
      // The key writes (the earlier step's temporary key for code is not one).
      const writes = iam.requests().filter((r) => r.method !== 'GET' && r.path.startsWith('/v3.0/OS-CREDENTIAL/credentials'));
      assert.deepEqual(writes.map((r) => [r.method, r.headers.authorization.match(/Access=(\w+)/)[1]]),
        [['DELETE', old.accessKeyId], ['POST', old.accessKeyId], ['PUT', made.accessKeyId], ['DELETE', made.accessKeyId]]);
      const profile = (await listProfiles(control)).find((p) => p.id === orange);
      assert.deepEqual([profile.credentials[0].accessKeyId, profile.retired.length], [made.accessKeyId, 0]);
      assert.deepEqual([profile.keyAge.since, profile.keyAge.ageDays, profile.keyAge.stale], ['created', 0, false]);

      const filled = await fill(modelarts);
      assert.equal(filled.status, 'filled', JSON.stringify(filled));
      assert.deepEqual(await state(modelarts, '#agree'), { ak: made.accessKeyId, sk: made.secretAccessKey, agreed: false });
    });

    it('Flexible Engine: Prepare ModelArts makes the bucket ready and authorizes the rotated key in three clicks', async () => {
      // The catalog's Orange hosts stand in as before; OBS here is a stand-in verifying OBS signatures,
      // which knows the key the rotation made from IAM.
      const key = made;
      try {
        await send(control, 'profiles.edit', { id: orange, edits: { endpoint: { obs: obs.url, iam: iam.url, modelarts: iam.url } } });
        const popup = await browser.open('popup.html');
        await popup.waitFor('#modelarts-section summary.modelarts-title[data-ready]');
        const clicks = ['open'];
        await popup.click('#modelarts-section summary.modelarts-title');
        const row = `.modelarts-profile[data-profile-id="${orange}"]`;
        let p = await settled(popup, orange, (q) => q.bucketInput === 'e2e-standard' && q.plan.length === 3);
        assert.deepEqual(p.plan, ['put-folder', 'put-folder', 'put-folder'], 'the fit bucket is reused; data/ exists');
        p = await click(popup, orange, `${row} .modelarts-create`, clicks);
        p = await settled(popup, orange, (q) => q.log.filter((l) => l.code === 'folder-created').length === 3
          && q.previews.some((text) => text.startsWith('POST ')));
        p = await click(popup, orange, `${row} .modelarts-authorize`, clicks);
        p = await settled(popup, orange, (q) => q.authorized);
        assert.equal(clicks.length, 3, `${clicks}`);
        assert.ok(p.authorizations.some((a) => a.includes(key.accessKeyId)));
        const authorized = iam.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/authorizations'));
        assert.deepEqual(authorized.map((r) => [JSON.parse(r.body).content, r.headers.authorization.match(/Access=(\w+)/)[1]]),
          [[key.accessKeyId, key.accessKeyId]], 'ModelArts authorized the new key, signed with it');
        // The authorization made with the key before its rotation is still there, and says so.
        assert.equal(await popup.evaluate(() => document.querySelector('#profile-list .retired-key')), null, 'no retired key left');
        const whose = await popup.evaluate((row) => Object.fromEntries([...document.querySelectorAll(`${row} .modelarts-authorizations > li`)]
          .map((li) => [li.dataset.key, li.querySelector('.modelarts-authorization-key').textContent])), row);
        assert.deepEqual(Object.keys(whose).sort(), ['other', 'this']);
        assert.match(whose.other, /^made with another key than this profile's \(an old key, if you replaced it\)/);
        assert.ok(p.authorizations.some((a) => a.includes(moto.huaweiKeys[0].accessKeyId) && a.includes(whose.other)));
        await popup.close();
      } finally {
        await send(control, 'profiles.edit', { id: orange, edits: { endpoint: { obs: moto.url, iam: iam.url } } });
      }
    });

    it('Flexible Engine: locked, the fill is refused with a clear message; unlocked, it fills', async () => {
      // The form still holds the last fill's key: emptied first (as typing would), so a fill is seen.
      await control.evaluate(async (tabId) => (globalThis.browser ?? chrome).scripting.executeScript({
        target: { tabId }, func: () => document.querySelectorAll('input:not([type=checkbox])').forEach((input) => {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      }), await tabIdOf(control, modelarts));
      const empty = { ak: '', sk: '', agreed: false };
      assert.deepEqual(await state(modelarts, '#agree'), empty);
      await send(control, 'vault.lock');
      const refused = await fill(modelarts);
      assert.equal(refused.error?.code, 'locked');
      assert.deepEqual(await state(modelarts, '#agree'), empty, 'nothing filled while locked');
      const popup = await popupFor(browser, control, modelarts);
      await popup.waitFor('#fill-result[data-state=locked]'); // no fill to press: the vault section asks
      await popup.fill('#vault-passphrase', E2E_PASSPHRASE);
      await popup.click('#vault-submit');
      await popup.waitFor('#fill-run:not([hidden])');
      await popup.click('#fill-run');
      await popup.waitFor('#fill-result[data-state=filled] .fill-filled');
      await popup.close();
      assert.deepEqual(await state(modelarts, '#agree'), { ak: made.accessKeyId, sk: made.secretAccessKey, agreed: false });
    });

    it('Huawei Cloud: the cloud and the region come from the console tab and its URL', async () => {
      const target = url(HOSTS.huawei, 'modelarts-vue.html?region=ap-southeast-3');
      await open(target, 'input[type=password]');
      const popup = await popupFor(browser, control, target);
      await importFile(popup, files.huawei);
      assert.deepEqual([await valueOf(popup, '#import-cloud'), await valueOf(popup, '#import-region')], ['huawei', 'ap-southeast-3']);
      assert.equal(await save(popup), 'created');
      const tabId = await tabIdOf(control, target);
      const huawei = (await send(popup, 'profiles.view', { tabId })).profiles.find((p) => p.provider === 'huawei');
      assert.deepEqual([huawei.region, huawei.matchesTab], ['ap-southeast-3', 2], 'its console and region');
      // The profile that fits this tab comes first in the popup's list.
      assert.equal(await eventually(() => popup.attr('#profile-list .profile', 'data-id'), (id) => id === huawei.id), huawei.id);
      // Test keys asks for Huawei Cloud's hosts; refused, the popup names them and nothing is sent.
      const check = `.check-profile[data-profile-id="${huawei.id}"]`;
      await popup.click('#check-section summary.check-title');
      await popup.click(`${check} .check-run`);
      await answerPermissionPrompt(browser, false);
      await popup.waitFor(`${check} .check-result[data-status="permission-refused"]`);
      assert.match(await popup.text(`${check} .check-result`),
        /^Access to https:\/\/[a-z0-9.*-]+\.ap-southeast-3\.myhuaweicloud\.com\/\*.* was not allowed, so nothing was sent\.$/);
      await popup.close();
      const filled = await fill(target);
      assert.equal(filled.status, 'filled', JSON.stringify(filled));
      assert.deepEqual(await state(target, '#agree'), { ak: 'HPUAJOURNEYHUAWEI001', sk: 'hwJourneySecret0000000000000000000000001', decoy: '', agreed: false });
    });

    let ibmId;
    it('IBM: one profile takes the API key, the instance, WML credentials, an AWS key and an Azure principal', async () => {
      const setup = url(HOSTS.openscale, 'openscale-react.html#setup');
      await open(setup, '#save');
      const popup = await popupFor(browser, control, setup);
      await importFile(popup, files.apiKey);
      assert.equal(await save(popup), 'created');
      ibmId = (await listProfiles(popup)).find((p) => p.provider === 'ibm').id;
      // On the OpenScale tab, with one IBM profile, each goes into it without being asked.
      for (const file of [files.instance, files.wml, files.aws, files.azure]) {
        await importFile(popup, file);
        assert.equal(await valueOf(popup, '#import-target'), ibmId, file);
        assert.equal(await save(popup), 'added', file);
      }
      const profile = (await listProfiles(popup)).find((p) => p.id === ibmId);
      assert.deepEqual(profile.credentials.map((c) => c.kind), ['ibm-api-key', 'ibm-instance', 'ibm-service', 'aksk', 'azure-sp']);
      assert.equal(profile.openscaleGuid, ibm.instanceId, 'the GUID was kept although the CRN was elided');
      assert.equal((await listProfiles(popup)).length, 3, 'nothing went to a profile of its own');
      await popup.close();

      await send(control, 'profiles.edit', { id: ibmId, edits: { endpoint: ibm.url } });
      const check = await testKeysAndClose(browser, control, ibmId);
      assert.deepEqual(stepsOf(check), { 'ibm.token': 'ok', 'openscale.data-mart': 'ok' });
    });

    const FORMS = [
      ['setup', () => ({ apikey: ibm.apiKey, instance: ibm.instanceId })],
      ['wml', () => ({ apikey: 'journeyWmlKey_0123456789abcdefghijklmnopqrst', instance: 'fa1ef00d-0000-4000-8000-0000000000b2', url: 'https://us-south.ml.cloud.ibm.com' })],
      ['sagemaker', () => ({ access: 'AKIAJOURNEY000000001', secret: 'journey/Aws+SecretAccessKey000000Example', region: 'us-east-1' })],
      ['azure', () => ({ client: 'fa1ef00d-0000-4000-8000-0000000000a1', secret: 'journey~Azure.Client_Secret-00000Example', tenant: 'fa1ef00d-0000-4000-8000-0000000000a2', subscription: '' })],
    ];
    for (const [form, expected] of FORMS) {
      it(`IBM: the OpenScale ${form} form gets its own credential`, async () => {
        const target = url(HOSTS.openscale, `openscale-react.html?${form}#${form}`);
        await open(target, '#save');
        const filled = await fill(target, ibmId);
        assert.equal(filled.status, 'filled', JSON.stringify(filled));
        assert.deepEqual(await state(target, '#save'), expected());
      });
    }

    it('IBM: find OpenScale IDs from the API key alone, keep the instance, fill a subscription ID into the form', async () => {
      const target = url(HOSTS.openscale, 'openscale-react.html?ids#ids');
      await open(target, '#save');
      const popup = await popupFor(browser, control, target);
      await popup.click('#openscale-ids summary');
      await popup.waitFor('#openscale-profile');
      await choose(popup, '#openscale-profile', ibmId);
      const status = () => popup.evaluate(() => document.getElementById('openscale-status').dataset.state);
      const ended = (state) => ['done', 'failed', 'error'].includes(state);
      await popup.evaluate(() => (document.getElementById('openscale-status').dataset.state = 'clicked'));
      await popup.click('#openscale-find');
      assert.equal(await eventually(status, ended, TIMEOUT), 'done');
      const instance = `.openscale-instance[data-guid="${ibm.instanceId}"]`;
      // The instance imported from `ibmcloud resource service-instance` is the one the profile uses.
      assert.ok(await popup.evaluate((s) => Boolean(document.querySelector(`${s} .openscale-in-use`)), instance));
      await popup.evaluate(() => (document.getElementById('openscale-status').dataset.state = 'clicked'));
      await popup.click(`${instance} .openscale-read`);
      assert.equal(await eventually(status, ended, TIMEOUT), 'done');
      await popup.click(`.openscale-subscription .openscale-id[data-id="${ibm.subscriptionId}"] .openscale-fill`);
      await eventually(() => popup.evaluate(() => document.getElementById('openscale-feedback').dataset.filled ?? null), (v) => v === 'true');
      await popup.close();
      assert.deepEqual(await state(target, '#save'), { dataMart: ibm.instanceId, subscription: ibm.subscriptionId, deployment: '', binding: '' });
    });

    it('IBM: the key past the reminder is rotated from it, the old key deleted; the setup form then gets the new key', async () => {
      // apiKey.json says the key was created on 2026-11-01: a 30-day reminder finds it old.
      await send(control, 'vault.setSettings', { settings: { maxKeyAgeDays: 30 } });
      const setup = url(HOSTS.openscale, 'openscale-react.html?rotated#setup');
      await open(setup, '#save');
      const popup = await popupFor(browser, control, setup);
      const { press, said } = await rotateFromReminder(popup, ibmId);
      await press('.rotate-read');
      // Each write's request is on screen before its button is enabled.
      await press('.rotate-create');
      await said('new-key-works');
      await press('.rotate-delete');
      await said('deleted');
      await popup.close();
      const keys = (await (await fetch(`${ibm.url}/e2e/api-keys`)).json())['IBMid-apiKey'];
      assert.equal(keys.length, 1, 'IAM holds one key for the user: the new one');
      assert.notEqual(keys[0].apikey, ibm.apiKey);
      const filled = await fill(setup, ibmId);
      assert.equal(filled.status, 'filled', JSON.stringify(filled));
      assert.deepEqual(await state(setup, '#save'), { apikey: keys[0].apikey, instance: ibm.instanceId });
    });

    it('backup → restore into a fresh browser → fill', async (t) => {
      const backup = await send(control, 'vault.export');
      const dir = mkdtempSync(join(tmpdir(), 'credfill-journey-backup-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'credfill-vault.json');
      writeFileSync(file, JSON.stringify(backup));

      const fresh = await launchWithConsoles(name, consoles);
      t.after(() => fresh.browser.close());
      const options = await fresh.browser.open('options.html');
      await options.setFile('#vault-restore-backupFile', file);
      await options.fill('#vault-restore-backupPassphrase', E2E_PASSPHRASE);
      // No vault in this browser yet: the restored one is sealed under a passphrase of the user's own.
      await options.waitFor('#vault-restore-newPassphrase', { state: 'visible' });
      await options.fill('#vault-restore-newPassphrase', 'a passphrase for this browser');
      await options.fill('#vault-restore-confirmPassphrase', 'a passphrase for this browser');
      await options.click('#vault-restore button[type="submit"]');
      await options.waitFor('#vault-restore .ok', { timeout: TIMEOUT });
      const restored = await listProfiles(options);
      assert.deepEqual(restored.map((p) => p.name).sort(), (await listProfiles(control)).map((p) => p.name).sort());
      assert.ok(restored.every((p) => !p.endpoint), 'endpoints are never taken from a backup');

      const freshControl = await fresh.browser.open('popup.html');
      const page = await fresh.browser.open(modelarts);
      await page.waitFor('#sk-input');
      const reply = await runFill(freshControl, modelarts);
      assert.equal(reply.ok?.status, 'filled', JSON.stringify(reply));
      const [filled] = await probe(freshControl, modelarts, 'submit', '#agree');
      assert.equal(filled.ak, made.accessKeyId);
    });

    it('the key file downloaded from the console is deleted from disk once its key is saved', async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'credfill-journey-downloads-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const path = await downloadKeyFile(browser, dir);
      const popup = await browser.open('popup.html');
      await importFile(popup, path);
      await save(popup);
      await popup.waitFor('#import-download #download-delete', { timeout: TIMEOUT });
      await popup.click('#download-delete');
      await answerPermissionPrompt(browser, true);
      await popup.waitFor('#import-download p[data-code="deleted"]', { timeout: TIMEOUT });
      assert.equal(existsSync(path), false, 'no credentials.csv left on disk');
      await popup.close();
    });
  });
}

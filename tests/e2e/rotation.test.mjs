// *Rotate this key* end to end, in both browsers, against the IAM stand-in (huawei_iam.py) that keeps one
// IAM user's keys and verifies every signature with huaweicloudsdkcore's Signer: from the profile's menu,
// read the keys → create the new key (its secret goes to the vault, never to the page or the session
// storage) → the profile holds the new key, the old one retired → deactivating the old key right away
// meets IAM's propagation delay and says so (nothing retried) → deactivate, then delete, signed with the
// new key → the stand-in holds exactly the new key. Then what blocks a rotation, each losing nothing:
// the two-key limit (the key in use is never offered for deletion) and the account's access-key
// protection.
//
// The same for an IBM Cloud API key, against the IBM stand-in (ibm_cloud.py) that keeps each user's API
// keys on IAM Identity: read the key (locked, and said so) → create the new key (its value to the vault
// only; the same click proves it with a token) → unlock, then delete, the old key with the new key's
// token → the stand-in holds exactly the new key, which the profile holds. An account that restricts API
// key creation: IAM's refusal in plain words, its own code shown, nothing lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION } from './lib/browsers.mjs';
import { listProfiles, seedProfile } from './lib/profiles.mjs';
import { settle } from './lib/settle.mjs';
import { startServer } from './servers/launch.mjs';

const TIMEOUT = 30_000;
const PROPAGATION_SECONDS = 3;

/** The keys the stand-in holds, with their secrets (its test-only `/e2e/keys`). */
const keysOf = async (server) => (await fetch(`${server.url}/e2e/keys`)).json();

/** What the rotation panel of `id` shows. */
function panel(popup, id) {
  return popup.evaluate((id) => {
    const root = document.querySelector(`.rotate-panel[data-profile-id="${id}"]`);
    if (!root) return null;
    const all = (sel, read) => [...root.querySelectorAll(sel)].map(read);
    return {
      busy: root.getAttribute('aria-busy') === 'true',
      said: all('.rotate-said li', (li) => li.dataset.code),
      saidWords: all('.rotate-said li', (li) => li.textContent),
      keys: all('.rotate-keys > li', (li) => ({ accessKey: li.dataset.accessKey, role: li.dataset.role, status: li.dataset.status })),
      create: root.querySelector('.rotate-create:not([disabled])') != null,
      previews: all('.rotate-preview', (p) => p.textContent),
      error: root.querySelector('.rotate-error')?.textContent ?? '',
      page: document.documentElement.outerHTML,
    };
  }, id);
}

const settled = (popup, id, accept) => settle(() => panel(popup, id), accept, `rotation panel ${id}`);

const row = (id) => `li.profile[data-id="${id}"]`;

/** The IBM keys the rotation panel of `id` lists: `[id, role, locked]`. */
const ibmKeys = (popup, id) => popup.evaluate((id) => [...document.querySelectorAll(`.rotate-panel[data-profile-id="${id}"] .rotate-keys > li`)]
  .map((li) => [li.dataset.keyId, li.dataset.role, li.dataset.locked]), id);

/** Opens the panel from the profile's menu and reads the keys. */
async function readKeys(popup, id) {
  await popup.waitFor(`${row(id)} button.rotate_key`, { timeout: TIMEOUT });
  await popup.click(`${row(id)} button.rotate_key`);
  await popup.waitFor(`.rotate-panel[data-profile-id="${id}"] .rotate-read:not([disabled])`, { timeout: TIMEOUT });
  await popup.click(`.rotate-panel[data-profile-id="${id}"] .rotate-read`);
  return settled(popup, id, (p) => p.keys.length > 0 || p.said.length > 0 || p.error);
}

/** Clicks `selector` in the panel once its button is enabled (its request is on screen), then waits for what it said. */
async function clickWrite(popup, id, selector) {
  const button = `.rotate-panel[data-profile-id="${id}"] ${selector}`;
  await popup.waitFor(`${button}:not([disabled])`, { timeout: TIMEOUT });
  await popup.click(button);
  return settled(popup, id, (p) => p.said.length > 0 || p.error);
}

/** Stand-ins of their own for each browser: a rotation changes the keys they hold. */
async function startServers() {
  const [rotating, twoKeys, protectedAccount] = await Promise.all([
    startServer('huawei_iam.py', [], { env: { KEY_PROPAGATION_SECONDS: String(PROPAGATION_SECONDS) } }),
    startServer('huawei_iam.py', [], { env: { HUAWEI_KEYS: JSON.stringify([{ accessKeyId: 'E2EOTHERKEY000000000', secretAccessKey: 'x'.repeat(40) }]) } }),
    startServer('huawei_iam.py', [], { env: { ACCESS_KEY_PROTECTION: '1' } }),
  ]);
  return { rotating, twoKeys, protectedAccount };
}

describe('Rotate this key against an IAM stand-in that keeps the keys and verifies the signatures', () => {
  // OBS on a port nothing listens on: Test keys reads it too, and only IAM matters here.
  const profileOn = (server, name) => ({
    name, provider: 'huawei', region: 'cn-north-4', endpoint: { iam: server.url, obs: 'http://127.0.0.1:9' },
    credentials: [{ kind: 'aksk', accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey }],
  });

  for (const [name, launch] of BROWSERS) {
    describe(name, () => {
      let browser, popup, servers;
      const ids = {};
      before(async () => {
        servers = await startServers();
        browser = await launch({ extDir: E2E_EXTENSION[name] });
        for (const [key, server] of Object.entries(servers)) ids[key] = await seedProfile(browser, { id: `${key}-${name}`, ...profileOn(server, `Rotate ${key}`) });
        popup = await browser.open('popup.html');
      });
      after(async () => Promise.all([browser?.close(), ...Object.values(servers ?? {}).map((s) => s?.stop())]));

      it('rotates: new key in the vault, old key deactivated then deleted with the new one, one key left', async () => {
        const server = servers.rotating;
        const id = ids.rotating;
        const old = server.accessKeyId;
        let p = await readKeys(popup, id);
        assert.deepEqual(p.keys, [{ accessKey: old, role: 'in-use', status: 'active' }]);
        p = await settled(popup, id, (q) => q.create && q.previews.length === 1);
        assert.match(p.previews[0], /^POST http:\/\/127\.0\.0\.1:\d+\/v3\.0\/OS-CREDENTIAL\/credentials\n/);
        assert.match(p.previews[0], /X-Domain-Id: [0-9a-f]{32}/);
        assert.doesNotMatch(p.previews[0], /Authorization|Signature=/);

        p = await clickWrite(popup, id, '.rotate-create');
        assert.deepEqual(p.said, ['created']);
        const held = await keysOf(server);
        const made = Object.keys(held).find((k) => k !== old);
        assert.ok(made, 'the stand-in made a second key');
        // The profile holds the new key; the old one is kept as retired.
        const profile = (await listProfiles(popup)).find((q) => q.id === id);
        assert.equal(profile.credentials[0].accessKeyId, made);
        assert.deepEqual(profile.retired.map((c) => c.accessKeyId), [old]);
        // The new secret reached neither the page nor the session storage.
        const session = await popup.evaluate(async () => JSON.stringify(await (globalThis.browser ?? chrome).storage.session.get(null)));
        for (const text of [p.page, session]) assert.equal(text.includes(held[made].secret), false);
        assert.deepEqual(p.keys.map((k) => [k.accessKey, k.role]), [[old, 'replaced'], [made, 'in-use']]);

        // Test keys right away: IAM does not know the new key yet, and the panel says so.
        assert.equal(await popup.attr(`.rotate-panel[data-profile-id="${id}"] .rotate-new-key-test`, 'data-test'), 'untested');
        await popup.waitFor(`.rotate-panel[data-profile-id="${id}"] .rotate-test:not([disabled])`, { timeout: TIMEOUT });
        await popup.click(`.rotate-panel[data-profile-id="${id}"] .rotate-test`);
        await popup.waitFor(`.rotate-panel[data-profile-id="${id}"] .rotate-new-key-test[data-test="not-accepted-yet"]`, { timeout: TIMEOUT });

        // Nor does it take the new key's signature on a write yet: said so, nothing changed or retried.
        const sentBefore = server.requests().length;
        p = await clickWrite(popup, id, `.rotate-key[data-access-key="${old}"] .rotate-deactivate`);
        assert.deepEqual(p.said, ['not-propagated']);
        assert.equal(server.requests().length, sentBefore + 1, 'one request, not retried');
        assert.equal((await keysOf(server))[old].status, 'active');

        await new Promise((r) => setTimeout(r, PROPAGATION_SECONDS * 1000 + 500));
        p = await clickWrite(popup, id, `.rotate-key[data-access-key="${old}"] .rotate-deactivate`);
        assert.deepEqual(p.said, ['deactivated']);
        assert.equal((await keysOf(server))[old].status, 'inactive');
        p = await clickWrite(popup, id, `.rotate-key[data-access-key="${old}"] .rotate-delete`);
        assert.deepEqual(p.said, ['deleted']);
        assert.deepEqual(Object.keys(await keysOf(server)), [made]);
        // Every key action was signed with the new key once it existed, for the account.
        const writes = server.requests().filter((r) => r.method !== 'GET' && r.path.startsWith('/v3.0/'));
        assert.deepEqual(writes.map((r) => r.method), ['POST', 'PUT', 'PUT', 'DELETE']);
        assert.ok(writes.slice(1).every((r) => r.headers.authorization.includes(`Access=${made}`)));
        assert.ok(writes.every((r) => r.headers['x-domain-id'] === server.domainId));
        assert.deepEqual(p.keys.map((k) => [k.accessKey, k.role]), [[made, 'in-use']]);
      });

      it('at the two-key limit, says so and offers only the key not in use; nothing is created', async () => {
        const server = servers.twoKeys;
        const id = ids.twoKeys;
        const p = await readKeys(popup, id);
        assert.deepEqual(p.said, ['two-keys']);
        assert.deepEqual(p.keys.map((k) => [k.accessKey, k.role]), [[server.accessKeyId, 'in-use'], ['E2EOTHERKEY000000000', 'other']]);
        assert.equal(p.create, false);
        const offered = await popup.evaluate((id) => [...document.querySelectorAll(`.rotate-panel[data-profile-id="${id}"] .rotate-key`)]
          .map((li) => [li.dataset.accessKey, li.querySelector('.rotate-delete') != null]), id);
        assert.deepEqual(offered, [[server.accessKeyId, false], ['E2EOTHERKEY000000000', true]]);
        assert.equal(Object.keys(await keysOf(server)).length, 2);
      });

      it('with access-key protection on, the create is refused in plain words and the profile keeps its key', async () => {
        const server = servers.protectedAccount;
        const id = ids.protectedAccount;
        let p = await readKeys(popup, id);
        assert.deepEqual(p.keys.map((k) => k.role), ['in-use']);
        p = await clickWrite(popup, id, '.rotate-create');
        assert.deepEqual(p.said, ['protected']);
        assert.match(p.saidWords[0], /administrator|管理员/);
        assert.deepEqual(Object.keys(await keysOf(server)), [server.accessKeyId]);
        const profile = (await listProfiles(popup)).find((q) => q.id === id);
        assert.equal(profile.credentials[0].accessKeyId, server.accessKeyId);
        assert.deepEqual(profile.retired ?? [], []);
      });
    });
  }
});

describe('Rotate this key for an IBM Cloud API key against an IAM Identity stand-in that keeps the keys', () => {
  const ibmProfile = (server, name, apiKey) => ({
    name, provider: 'ibm', region: 'us-south', endpoint: server.url, credentials: [{ kind: 'ibm-api-key', apiKey }],
  });
  /** The stand-in's keys of one user: `[{id, name, locked, apikey}]`. */
  const apiKeysOf = async (server, user) => (await (await fetch(`${server.url}/e2e/api-keys`)).json())[`IBMid-${user}`];

  for (const [name, launch] of BROWSERS) {
    describe(name, () => {
      let browser, popup, ibm;
      const ids = {};
      before(async () => {
        ibm = await startServer('ibm_cloud.py');
        browser = await launch({ extDir: E2E_EXTENSION[name] });
        ids.rotate = await seedProfile(browser, { id: `ibm-rotate-${name}`, ...ibmProfile(ibm, 'IBM rotate', ibm.rotateApiKey) });
        ids.restricted = await seedProfile(browser, { id: `ibm-restricted-${name}`, ...ibmProfile(ibm, 'IBM restricted', ibm.restrictedApiKey) });
        popup = await browser.open('popup.html');
      });
      after(async () => Promise.all([browser?.close(), ibm?.stop()]));

      it('rotates: new key in the vault and proven, old key unlocked then deleted with the new key, one key left', async () => {
        const id = ids.rotate;
        const [old] = await apiKeysOf(ibm, 'rotateApiKey');
        let p = await readKeys(popup, id);
        assert.deepEqual(p.said, ['locked']);
        assert.deepEqual(await ibmKeys(popup, id), [[old.id, 'in-use', 'true']]);
        p = await settled(popup, id, (q) => q.create && q.previews.length === 1);
        assert.match(p.previews[0], /^POST http:\/\/127\.0\.0\.1:\d+\/v1\/apikeys\n/);
        assert.match(p.previews[0], /"iam_id":"IBMid-rotateApiKey"/);
        assert.doesNotMatch(p.previews[0], /Authorization|Bearer/);

        p = await clickWrite(popup, id, '.rotate-create');
        assert.deepEqual(p.said, ['created', 'new-key-works', 'halfway']);
        const held = await apiKeysOf(ibm, 'rotateApiKey');
        const made = held.find((k) => k.id !== old.id);
        assert.ok(made, 'the stand-in made a second key');
        // The profile holds the new key; the old one is kept as retired.
        const profile = (await listProfiles(popup)).find((q) => q.id === id);
        assert.equal(profile.credentials[0].id, made.id);
        assert.equal(profile.retired.length, 1);
        // The new key's value reached neither the page nor the session storage.
        const session = await popup.evaluate(async () => JSON.stringify(await (globalThis.browser ?? chrome).storage.session.get(null)));
        for (const text of [p.page, session]) assert.equal(text.includes(made.apikey), false);
        // The same click proved the new key: a token for it, then its own record read with it.
        const tokenFor = (key) => ibm.requests().filter((r) => r.path === '/identity/token' && r.body.includes(`apikey=${encodeURIComponent(key)}`));
        assert.equal(tokenFor(made.apikey).length, 1);
        assert.deepEqual(await ibmKeys(popup, id), [[made.id, 'in-use', 'false'], [old.id, 'replaced', 'true']]);

        // The old key is locked: unlocked first (its own click), then deleted.
        assert.equal(await popup.evaluate((id) => document.querySelector(`.rotate-panel[data-profile-id="${id}"] .rotate-delete`), id), null);
        p = await clickWrite(popup, id, '.rotate-unlock');
        assert.deepEqual(p.said, ['unlocked']);
        p = await clickWrite(popup, id, '.rotate-delete');
        assert.deepEqual(p.said, ['deleted']);
        assert.deepEqual((await apiKeysOf(ibm, 'rotateApiKey')).map((k) => k.id), [made.id]);
        // Each write went with a token of the new key: the token asked for just before it was the new key's.
        const sent = ibm.requests().filter((r) => r.path === '/identity/token' || r.method === 'DELETE' || r.path === '/v1/apikeys');
        const writes = sent.map((r, at) => [r, sent[at - 1]]).filter(([r]) => r.method === 'DELETE');
        assert.deepEqual(writes.map(([r]) => r.path), [`/v1/apikeys/${old.id}/lock`, `/v1/apikeys/${old.id}`]);
        assert.ok(writes.every(([, token]) => token.body.includes(`apikey=${encodeURIComponent(made.apikey)}`)));
        assert.deepEqual(await ibmKeys(popup, id), [[made.id, 'in-use', 'false']]);
        // The vault holds the new key: reading again reads its record with it.
        await popup.click(`.rotate-panel[data-profile-id="${id}"] .rotate-read`);
        p = await settled(popup, id, (q) => !q.busy && q.said.length === 0);
        assert.equal(p.error, '');
        assert.deepEqual(await ibmKeys(popup, id), [[made.id, 'in-use', 'false']]);
        const details = ibm.requests().filter((r) => r.path === '/v1/apikeys/details');
        assert.equal(details.at(-1).headers['iam-apikey'], made.apikey);
      });

      it('in an account that restricts API key creation, says so with IAM\'s own code and the profile keeps its key', async () => {
        const id = ids.restricted;
        const before = await apiKeysOf(ibm, 'restrictedApiKey');
        await readKeys(popup, id);
        assert.deepEqual(await ibmKeys(popup, id), [[before[0].id, 'in-use', 'false']]);
        const p = await clickWrite(popup, id, '.rotate-create');
        assert.deepEqual(p.said, ['creation-refused']);
        assert.match(p.saidWords[0], /E2E-RESTRICTED/);
        assert.match(p.saidWords[0], /Restrict API key creation|限制 API 密钥创建|Restreindre la création/);
        assert.deepEqual(await apiKeysOf(ibm, 'restrictedApiKey'), before);
        const profile = (await listProfiles(popup)).find((q) => q.id === id);
        assert.deepEqual(profile.retired ?? [], []);
        await settled(popup, id, (q) => q.create); // nothing lost: the rotation can be tried again
      });
    });
  }
});

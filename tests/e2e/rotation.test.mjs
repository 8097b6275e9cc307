// *Rotate this key* end to end, in both browsers, against the IAM stand-in (huawei_iam.py) that keeps one
// IAM user's keys and verifies every signature with huaweicloudsdkcore's Signer: from the profile's menu,
// read the keys → create the new key (its secret goes to the vault, never to the page or the session
// storage) → the profile holds the new key, the old one retired → deactivating the old key right away
// meets IAM's propagation delay and says so (nothing retried) → deactivate, then delete, signed with the
// new key → the stand-in holds exactly the new key. Then what blocks a rotation, each losing nothing:
// the two-key limit (the key in use is never offered for deletion) and the account's access-key
// protection.
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

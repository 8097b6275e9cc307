// The auto-lock's rule of activity, against in-memory storage: reading the key never pushes the
// deadline back; a user action does, only while unlocked; handlers content scripts may call are no
// user action.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { FakeStorage } from '../../tests/js/fake-storage.mjs';

const alarms = new Map();
const storageListeners = [];
globalThis.browser = {
  storage: {
    session: new FakeStorage(),
    local: new FakeStorage(),
    onChanged: { addListener: (listener) => storageListeners.push(listener) },
  },
  alarms: {
    create: async (name, { when }) => void alarms.set(name, when),
    clear: async (name) => alarms.delete(name),
  },
};
const session = globalThis.browser.storage.session;
const { VAULT_KEY, asUserActions, lockDeadline, noteActivity, onVaultLocked, rememberKey, useKey } = await import('./vault-lock.js');

const MINUTE = 60_000;
const KEY = 'a2V5';

describe('auto-lock activity', () => {
  beforeEach(() => {
    session.items = {};
    alarms.clear();
  });

  it('using the key is not activity: the deadline stays', async () => {
    await rememberKey(KEY);
    await session.set({ 'vault.lockAt': Date.now() + 5000 });
    const deadline = await lockDeadline();
    assert.equal(await useKey(), KEY);
    assert.equal(await lockDeadline(), deadline);
  });

  it('the key is stored with its deadline, in one write: no reader ever finds a key without one (and locks)', async () => {
    const writes = [];
    const set = session.set.bind(session);
    session.set = async (entries) => {
      writes.push(Object.keys(entries).sort());
      return set(entries);
    };
    try {
      await rememberKey(KEY);
    } finally {
      delete session.set;
    }
    assert.deepEqual(writes, [['vault.key', 'vault.lockAt']]);
    assert.ok((await lockDeadline()) > Date.now());
  });

  it('a user action pushes the deadline back by the idle minutes, and the alarm with it', async () => {
    await rememberKey(KEY);
    await session.set({ 'vault.lockAt': Date.now() + 5000 });
    await noteActivity();
    const deadline = await lockDeadline();
    assert.ok(deadline > Date.now() + 14 * MINUTE, 'the default is 15 idle minutes');
    assert.equal(alarms.get('vault-auto-lock'), deadline);
  });

  it('a user action after the deadline locks rather than reopening; none unlocks a locked vault', async () => {
    await rememberKey(KEY);
    await session.set({ 'vault.lockAt': Date.now() - 1 });
    await noteActivity();
    assert.deepEqual(session.items, {});
    await assert.rejects(useKey(), { code: 'locked' });
    await noteActivity();
    assert.equal(await lockDeadline(), null);
  });

  it('only handlers that just the extension\'s own pages may call count as user actions', async () => {
    await rememberKey(KEY);
    const soon = Date.now() + 5000;
    const calls = [];
    const handlers = asUserActions({
      page: {
        from: ['extension'],
        async run(m) {
          calls.push(m.n);
          return 'page';
        },
      },
      content: { from: ['content'], run: async () => 'content' },
      both: { from: ['extension', 'content'], run: async () => 'both' },
    });
    // As the router runs them (extension/lib/router.js).
    const run = async (handler, message) => {
      await handler.before?.(message);
      return handler.run(message);
    };
    for (const type of ['content', 'both']) {
      await session.set({ 'vault.lockAt': soon });
      assert.equal(await run(handlers[type], {}), type);
      assert.equal(await lockDeadline(), soon, type);
    }
    assert.equal(await run(handlers.page, { n: 1 }), 'page');
    assert.deepEqual(calls, [1]);
    assert.ok((await lockDeadline()) > soon);
    assert.deepEqual(handlers.page.from, ['extension']);
  });
});

describe('onVaultLocked', () => {
  it('calls back when the key leaves session storage, and for nothing else', () => {
    let locks = 0;
    onVaultLocked(() => { locks += 1; });
    const changed = (changes, area) => storageListeners.forEach((listener) => listener(changes, area));
    changed({ [VAULT_KEY]: { newValue: KEY } }, 'session'); // unlocked
    changed({ [VAULT_KEY]: { oldValue: KEY } }, 'local'); // another area
    changed({ 'vault.lockAt': { oldValue: 1 } }, 'session'); // another key
    assert.equal(locks, 0);
    changed({ [VAULT_KEY]: { oldValue: KEY } }, 'session'); // locked
    assert.equal(locks, 1);
  });
});

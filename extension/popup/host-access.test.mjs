// The popup's one way to ask for host permissions in a click: the button waits until the hosts are
// known (a click before would open no prompt), and a refused or impossible prompt comes back as our
// own code with the hosts, never as the browser's words.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

const HOSTS = ['http://127.0.0.1/*'];
const permissions = { granted: false, answer: async () => false, asked: [] };
globalThis.browser = {
  permissions: {
    contains: async () => permissions.granted,
    request: ({ origins }) => {
      permissions.asked.push(origins);
      return permissions.answer();
    },
  },
};
const { hostAccess } = await import('./host-access.js');

/** A stand-in for a <button>: its `disabled` flag and its attributes. */
function fakeButton() {
  const attributes = new Map();
  return {
    disabled: false,
    attributes,
    setAttribute: (name, value) => attributes.set(name, value),
    removeAttribute: (name) => attributes.delete(name),
  };
}

/** A promise resolved from outside: the worker's answer, when the test says. */
function later() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

describe('hostAccess', () => {
  beforeEach(() => {
    Object.assign(permissions, { granted: false, answer: async () => false, asked: [] });
  });

  it('keeps the button disabled until the hosts are known, then enables it', async () => {
    const button = fakeButton();
    const origins = later();
    const access = hostAccess(button, () => origins.promise);
    assert.equal(button.disabled, true, 'a click now could not ask for the hosts');
    assert.equal(access.known(), false);
    origins.resolve(HOSTS);
    await access.learned;
    assert.equal(button.disabled, false);
  });

  it('asks for the missing hosts in the click and says which were refused', async () => {
    const button = fakeButton();
    const access = hostAccess(button, async () => HOSTS);
    await access.learned;
    const started = access.start(async () => ({ waiting: true }));
    assert.deepEqual(permissions.asked, [HOSTS], 'asked synchronously, within the click');
    assert.deepEqual([button.disabled, button.attributes.get('aria-busy')], [true, 'true'], 'busy while it starts');
    await assert.rejects(started, { code: 'permission-refused', params: { hosts: HOSTS } });
    assert.equal(button.attributes.has('aria-busy'), false, 'no longer busy once answered');
  });

  it('a prompt the browser will not open is said in our words, with the hosts', async () => {
    permissions.answer = async () => {
      throw new Error('Only permissions specified in the manifest may be requested.');
    };
    const access = hostAccess(fakeButton(), async () => HOSTS);
    await access.learned;
    const error = await access.start(async () => ({ waiting: true })).catch((e) => e);
    assert.deepEqual(error, { code: 'permission-unavailable', params: { hosts: HOSTS } });
  });

  it('a task that waits for the prompt shows its result once the worker has it', async () => {
    permissions.answer = async () => true;
    const access = hostAccess(fakeButton(), async () => HOSTS);
    await access.learned;
    const answers = [null, null, 'result'];
    assert.equal(await access.start(async () => ({ waiting: true }), async () => answers.shift()), 'result');
    assert.deepEqual(answers, [], 'asked until it came');
    assert.deepEqual(await access.start(async () => ({ waiting: true })), { waiting: true }, 'without later(), the waiting itself');
  });

  it('granted hosts are not asked for again, and the task answers', async () => {
    permissions.granted = true;
    const access = hostAccess(null, async () => HOSTS);
    await access.learned;
    assert.deepEqual(await access.start(async () => 'done'), 'done');
    assert.deepEqual(permissions.asked, []);
  });
});

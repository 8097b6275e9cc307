import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createListener, senderKind, toPlainError } from './router.js';

const runtime = { id: 'own-id', getURL: (p) => `chrome-extension://own-id/${p}` };

function call(listener, message, sender) {
  return new Promise((resolve) => assert.equal(listener(message, sender, resolve), true));
}

describe('senderKind', () => {
  it('knows our pages, our content script, and nobody else', () => {
    assert.equal(senderKind({ id: 'own-id', url: 'chrome-extension://own-id/popup.html' }, runtime), 'extension');
    assert.equal(senderKind({ id: 'own-id', url: 'chrome-extension://own-id/popup.html', tab: { id: 3 } }, runtime), 'extension');
    assert.equal(senderKind({ id: 'own-id', url: 'https://console.huaweicloud.com/x', tab: { id: 3 } }, runtime), 'content');
    assert.equal(senderKind({ id: 'other', url: 'chrome-extension://other/popup.html' }, runtime), null);
    assert.equal(senderKind({ id: 'own-id', url: 'https://evil.example/' }, runtime), null); // no tab: not a content script
    assert.equal(senderKind({ id: 'own-id', url: 'not a url', tab: { id: 1 } }, runtime), null);
    assert.equal(senderKind(undefined, runtime), null);
  });
});

describe('createListener', () => {
  const handlers = {
    echo: { from: ['extension'], run: (m) => m.value },
    boom: { from: ['extension'], run: () => { throw { code: 'bad-thing', message: 'it broke', secret: 'S3CR3T' }; } },
    crash: { from: ['extension'], run: () => { throw new TypeError('oops'); } },
    page: { from: ['content'], run: () => 'page ok' },
  };
  const listener = createListener({ handlers, runtime, ready: () => Promise.resolve() });
  const popup = { id: 'own-id', url: 'chrome-extension://own-id/popup.html' };
  const content = { id: 'own-id', url: 'https://console.huaweicloud.com/', tab: { id: 7 } };

  it('runs a handler for an allowed sender', async () => {
    assert.deepEqual(await call(listener, { type: 'echo', value: 42 }, popup), { ok: 42 });
    assert.deepEqual(await call(listener, { type: 'page' }, content), { ok: 'page ok' });
  });

  it('refuses unknown types, inherited names and wrong senders', async () => {
    for (const [msg, sender] of [[{ type: 'nope' }, popup], [{ type: 'toString' }, popup], [{ type: 'echo' }, content], [{ type: 'page' }, popup], [null, popup]]) {
      assert.equal((await call(listener, msg, sender)).error.code, 'refused');
    }
  });

  it('passes errors on as {code, message} only', async () => {
    assert.deepEqual(await call(listener, { type: 'boom' }, popup), { error: { code: 'bad-thing', message: 'it broke' } });
    assert.deepEqual(await call(listener, { type: 'crash' }, popup), { error: { code: 'internal', message: 'oops' } });
  });
});

describe('the core', () => {
  it('is ready before every handler but those that never call it', async () => {
    let instantiated = false;
    let finish;
    const ready = () => new Promise((resolve) => { finish = () => { instantiated = true; resolve(); }; });
    const sawCore = () => instantiated;
    const noted = [];
    const before = async (m) => { noted.push(m.type); };
    const listener = createListener({
      handlers: { needs: { from: ['extension'], before, run: sawCore }, storageOnly: { from: ['extension'], core: false, before, run: sawCore } },
      runtime,
      ready,
    });
    const popup = { id: 'own-id', url: 'chrome-extension://own-id/popup.html' };
    assert.deepEqual(await call(listener, { type: 'storageOnly' }, popup), { ok: false });
    const answer = call(listener, { type: 'needs' }, popup);
    finish();
    assert.deepEqual(await answer, { ok: true });
    assert.deepEqual(noted, ['storageOnly', 'needs'], 'before() runs for both, whether the core is needed or not');
  });
});

describe('toPlainError', () => {
  it('keeps params, line and column, drops everything else', () => {
    assert.deepEqual(toPlainError({ code: 'x', message: 'm', line: 3, column: 0, apiKey: 'k' }), { code: 'x', message: 'm', line: 3, column: 0 });
    assert.deepEqual(toPlainError({ code: 'bad-secret', params: { length: 39 }, line: 2, stack: 's' }),
      { code: 'bad-secret', message: 'bad-secret', params: { length: 39 }, line: 2 });
  });
});

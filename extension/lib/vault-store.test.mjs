import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeStorage } from '../../tests/js/fake-storage.mjs';
import { CURRENT, genKey, readCurrent, readPrevious, writeNext } from './vault-store.js';

// Envelopes are opaque here; `verify` stands for "open it with the key and compare".
const env = (content) => ({ format: 2, ciphertext: content });
const verifyIs = (content) => async (stored) => {
  if (stored.ciphertext !== content) throw { code: 'tampered', message: 'read back differs' };
};

async function storeWith(...contents) {
  const storage = new FakeStorage();
  for (const c of contents) await writeNext(storage, env(c), verifyIs(c));
  return storage;
}

describe('vault store', () => {
  it('has no vault until the first write', async () => {
    assert.equal(await readCurrent(new FakeStorage()), null);
  });

  it('writes generations, keeps the previous one and drops older ones', async () => {
    const storage = await storeWith('one', 'two', 'three');
    assert.deepEqual(await readCurrent(storage), { gen: 3, envelope: env('three') });
    assert.deepEqual(await readPrevious(storage), { gen: 2, envelope: env('two') });
    assert.deepEqual(Object.keys(storage.items).sort(), [CURRENT, genKey(2), genKey(3)]);
  });

  it('drops the previous generation when asked (passphrase change)', async () => {
    const storage = await storeWith('old passphrase');
    await writeNext(storage, env('new passphrase'), verifyIs('new passphrase'), { keepPrevious: false });
    assert.deepEqual(Object.keys(storage.items).sort(), [CURRENT, genKey(2)]);
    assert.equal(await readPrevious(storage), null);
  });

  it('leaves the previous vault current when the worker stops at any write of a save', async () => {
    for (let writes = 0; writes < 3; writes++) {
      const storage = await storeWith('older', 'old'); // so the save has all three writes: new, pointer, prune
      storage.dieAfterWrites(writes);
      await assert.rejects(writeNext(storage, env('new'), verifyIs('new')), /worker stopped/);
      const { envelope } = await readCurrent(storage);
      // Before the pointer moves the old content is current; after, the new one (already verified).
      assert.equal(envelope.ciphertext, writes < 2 ? 'old' : 'new', `stopped after ${writes} writes`);
    }
  });

  it('overwrites the leftover of a stopped save on the next one, and prunes it', async () => {
    const storage = await storeWith('old');
    storage.dieAfterWrites(1); // the new generation is written, the pointer is not moved
    await assert.rejects(writeNext(storage, env('lost'), verifyIs('lost')));
    storage.dieAfterWrites(Infinity);
    await writeNext(storage, env('next'), verifyIs('next'));
    assert.deepEqual(await readCurrent(storage), { gen: 2, envelope: env('next') });
    assert.deepEqual(Object.keys(storage.items).sort(), [CURRENT, genKey(1), genKey(2)]);
  });

  it('does not switch to a generation that fails verification, and removes it', async () => {
    const storage = await storeWith('good');
    await assert.rejects(writeNext(storage, env('bad'), verifyIs('something else')), { code: 'tampered' });
    assert.deepEqual(await readCurrent(storage), { gen: 1, envelope: env('good') });
    assert.equal(genKey(2) in storage.items, false);
  });

  it('reports a pointer to a missing record as damaged', async () => {
    const storage = new FakeStorage({ [CURRENT]: 4 });
    await assert.rejects(readCurrent(storage), { code: 'tampered' });
  });

  it('leaves other keys in storage alone', async () => {
    const storage = new FakeStorage({ 'settings.vault': { autoLockMinutes: 5 } });
    await writeNext(storage, env('a'), verifyIs('a'));
    await writeNext(storage, env('b'), verifyIs('b'));
    await writeNext(storage, env('c'), verifyIs('c'));
    assert.deepEqual(storage.items['settings.vault'], { autoLockMinutes: 5 });
  });
});

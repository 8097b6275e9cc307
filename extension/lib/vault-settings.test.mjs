import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeStorage } from '../../tests/js/fake-storage.mjs';
import { DEFAULT_SETTINGS, normalizeSettings, readSettings, writeSettings } from './vault-settings.js';

describe('vault settings', () => {
  it('defaults to a 15 minute auto-lock and 90 day keys', () => {
    assert.deepEqual(normalizeSettings(undefined), { autoLockMinutes: 15, maxKeyAgeDays: 90 });
  });

  it('keeps the default for a stored value that makes no sense', () => {
    assert.deepEqual(normalizeSettings({ autoLockMinutes: 0, maxKeyAgeDays: 'soon' }), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ autoLockMinutes: 2.5, maxKeyAgeDays: 30 }), { autoLockMinutes: 15, maxKeyAgeDays: 30 });
  });

  it('refuses a typed value out of range and stores nothing', async () => {
    const storage = new FakeStorage();
    await assert.rejects(writeSettings(storage, { autoLockMinutes: -3 }), { code: 'bad-setting' });
    assert.deepEqual(storage.items, {});
  });

  it('changes one field and keeps the other', async () => {
    const storage = new FakeStorage();
    await writeSettings(storage, { maxKeyAgeDays: 30 });
    await writeSettings(storage, { autoLockMinutes: '5' });
    assert.deepEqual(await readSettings(storage), { autoLockMinutes: 5, maxKeyAgeDays: 30 });
  });
});

// The vault exports through WASM, as the extension calls them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initSync, vaultNewKdf, vaultDeriveKey, vaultKdfBelowFloor, vaultSeal, vaultOpen, vaultMigrate,
  profilesUpsert, profilesMerge, profileKeyAge,
} from '../../pkg/credfill.js';

initSync({ module: readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)) });

// Stored-record parameters far below the floor keep the test fast; vaultNewKdf refuses them.
const FAST_KDF = { alg: 'argon2id', mKib: 64, t: 1, p: 1, salt: 'AAECAwQFBgcICQoLDA0ODw==' };
const DOC = JSON.stringify({ profiles: [{ secret: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' }] });

const codeOf = (fn) => {
  try { fn(); } catch (e) { return e.code; }
  return 'no error';
};

test('vaultNewKdf gives the defaults with a fresh salt and refuses weak costs', () => {
  const a = vaultNewKdf();
  const b = vaultNewKdf();
  assert.equal(a.alg, 'argon2id');
  assert.ok(a.mKib >= 19456 && a.t >= 2 && a.p >= 1);
  assert.notEqual(a.salt, b.salt);
  assert.equal(vaultNewKdf({ mKib: 65536, t: 3, p: 1 }).mKib, 65536);
  assert.equal(codeOf(() => vaultNewKdf({ mKib: 1024, t: 1, p: 1 })), 'weak-kdf');
});

test('stored parameters: below the floor is told apart; above the ceiling is refused before deriving', () => {
  assert.equal(vaultKdfBelowFloor(FAST_KDF), true);
  assert.equal(vaultKdfBelowFloor(vaultNewKdf()), false);
  assert.equal(codeOf(() => vaultKdfBelowFloor({ nope: 1 })), 'bad-envelope');
  const started = performance.now();
  assert.equal(codeOf(() => vaultDeriveKey('pw', { ...FAST_KDF, mKib: 4 * 1024 * 1024 })), 'kdf-too-costly');
  assert.ok(performance.now() - started < 100);
  assert.equal(codeOf(() => vaultNewKdf({ mKib: 4 * 1024 * 1024, t: 3, p: 1 })), 'kdf-too-costly');
});

test('seal and open through a passphrase, wrong passphrase, tampering', () => {
  const key = vaultDeriveKey('correct horse', FAST_KDF);
  assert.equal(typeof key, 'string');
  const envelope = vaultSeal(key, FAST_KDF, 'vault', DOC);
  assert.deepEqual(Object.keys(envelope).sort(), ['ciphertext', 'format', 'id', 'kdf', 'nonce', 'verifier']);
  assert.equal(envelope.format, 2);
  assert.ok(!JSON.stringify(envelope).includes('MFyf'));

  // What storage.local gives back is JSON-cloned.
  const stored = JSON.parse(JSON.stringify(envelope));
  assert.equal(vaultOpen(vaultDeriveKey('correct horse', stored.kdf), stored), DOC);
  assert.equal(codeOf(() => vaultOpen(vaultDeriveKey('wrong horse', stored.kdf), stored)), 'wrong-passphrase');

  const bytes = Buffer.from(stored.ciphertext, 'base64');
  bytes[5] ^= 0x80;
  const tampered = { ...stored, ciphertext: bytes.toString('base64') };
  assert.equal(codeOf(() => vaultOpen(key, tampered)), 'tampered');
  assert.equal(codeOf(() => vaultOpen(key, { ...stored, id: 'other' })), 'tampered');
  assert.equal(codeOf(() => vaultOpen(key, { ...stored, format: 9 })), 'unsupported-format');
  assert.equal(codeOf(() => vaultOpen(key, { nope: 1 })), 'bad-envelope');
  assert.equal(codeOf(() => vaultOpen('c2hvcnQ=', stored)), 'bad-key');

  const migrated = vaultMigrate(key, stored);
  assert.deepEqual(migrated, stored);
});

test('errors carry a message and no secret', () => {
  try {
    vaultOpen(vaultDeriveKey('hunter2-secret-pass', FAST_KDF), vaultSeal(vaultDeriveKey('other', FAST_KDF), FAST_KDF, 'vault', DOC));
    assert.fail('opened');
  } catch (e) {
    assert.equal(e.code, 'wrong-passphrase');
    assert.ok(e.message.length > 0);
    assert.ok(!e.message.includes('hunter2') && !e.message.includes('MFyf'));
  }
  const bad = { kind: 'aksk', accessKeyId: 7, secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
  try {
    profilesUpsert([], bad, 0);
    assert.fail('accepted');
  } catch (e) {
    assert.equal(e.code, 'bad-item');
    assert.ok(!e.message.includes('MFyf'));
  }
});

test('profiles: upsert without twins, merge, key age', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  const item = { kind: 'aksk', accessKeyId: 'HPUAL2JOQF8TCAVKWXYZ', secretAccessKey: 'a'.repeat(40) };
  const first = profilesUpsert([], item, now);
  assert.equal(first.updated, false);
  const again = profilesUpsert(first.profiles, { ...item, secretAccessKey: 'b'.repeat(40) }, now + 1000);
  assert.equal(again.updated, true);
  assert.equal(again.profileId, first.profileId);
  assert.equal(again.profiles.length, 1);
  assert.equal(again.profiles[0].credentials[0].secretAccessKey, 'b'.repeat(40));

  const renamed = { ...again.profiles[0], name: 'renamed' };
  const merged = profilesMerge(again.profiles, [renamed]);
  assert.equal(merged.profiles.length, 1);
  assert.deepEqual(merged.conflicts.map((c) => c.fields), [['name']]);

  const age = profileKeyAge(again.profiles[0], now + 91 * 86400000);
  assert.equal(age.ageDays, 91);
  assert.equal(age.stale, true);
  assert.equal(age.since, 'imported');
  assert.ok(age.rotationSteps.length > 0);
  assert.equal(profileKeyAge(again.profiles[0], now + 91 * 86400000, 180).stale, false);
});

// The vault exports through WASM, as the extension calls them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initSync, vaultNewKdf, vaultDeriveKey, vaultKdfBelowFloor, vaultSeal, vaultOpen, vaultMigrate,
  documentOpen, documentEmpty, documentApply, documentView, importPreview,
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
  const bad = { kind: 'aksk', accessKeyId: 7, secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', issuer: 'huawei' };
  try {
    documentApply(documentEmpty(), { op: 'import', items: [bad] }, 0, {});
    assert.fail('accepted');
  } catch (e) {
    assert.equal(e.code, 'bad-operation');
    assert.ok(!e.message.includes('MFyf'));
  }
});

test('the document: operations in, the new document and a secret-free view out', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  const item = { kind: 'aksk', accessKeyId: 'HPUAL2JOQF8TCAVKWXYZ', secretAccessKey: 'a'.repeat(40), issuer: 'huawei' };
  const first = documentApply(documentEmpty(), { op: 'import', items: [item], provider: 'flexible-engine', region: 'eu-west-0' }, now, {});
  assert.deepEqual(first.outcome.saved.map((s) => s.action), ['created']);
  assert.equal(first.document.profiles[0].provider, 'flexible-engine');
  const preview = importPreview(first.document, [{ ...item, secretAccessKey: 'b'.repeat(40) }]);
  assert.equal(preview[0].storedIn.id, first.document.profiles[0].id);
  const again = documentApply(first.document, { op: 'import', items: [{ ...item, secretAccessKey: 'b'.repeat(40) }] }, now + 1000, {});
  assert.deepEqual(again.outcome.saved.map((s) => s.action), ['updated']);
  assert.equal(again.document.profiles.length, 1);
  assert.equal(again.document.profiles[0].credentials[0].secretAccessKey, 'b'.repeat(40));
  // What is sealed is what documentOpen reads back.
  assert.deepEqual(documentOpen(JSON.stringify(again.document)), again.document);

  const view = documentView(again.document, now + 91 * 86400000, 90, { provider: 'flexible-engine', region: 'eu-west-0' });
  assert.ok(!JSON.stringify(view).includes('b'.repeat(40)), 'no secret in the view');
  const [profile] = view.profiles;
  assert.equal(profile.matchesTab, 2);
  assert.equal(profile.keyAge.ageDays, 91);
  assert.equal(profile.keyAge.stale, true);
  assert.equal(documentView(again.document, now + 91 * 86400000, 180).profiles[0].keyAge.stale, false);

  try {
    documentApply(again.document, { op: 'edit', id: profile.id, edits: { colour: 'url(x)' } }, now, {});
    assert.fail('accepted');
  } catch (e) {
    assert.equal(e.code, 'bad-colour');
  }
});

// Reading and changing the sealed vault document: one change at a time, each sealed under the
// unlocked key and written as a new generation (lib/vault-store.js) that is verified before it
// becomes current. A current record that does not open (tampered) stops every write: the error is
// reported and the record is left as it is.
import { api } from '../lib/browser.js';
import { checkNewPassphrase } from '../lib/passphrase.js';
import { documentApply, documentEmpty } from '../pkg/credfill.js';
import { readCurrent, readPrevious, writeNext } from '../lib/vault-store.js';
import { noteProfiles } from './vault-badge.js';
import { readManaged } from './policy.js';
import { CURRENT_FORMAT, deriveKey, kdfBelowFloor, migrate, newKdf, open, seal } from './vault-crypto.js';
import { lockDeadline, rememberKey, useKey } from './vault-lock.js';

const storage = () => api.storage.local;
const noVault = () => ({ code: 'no-vault', message: 'No vault yet: set a passphrase first.' });

/** @type {Promise<unknown>} */
let queue = Promise.resolve();
/**
 * Messages interleave at every await: read-modify-write sequences run one after the other.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
function oneAtATime(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/** 'empty' (no passphrase yet), 'locked' or 'unlocked'. */
export async function vaultState() {
  const { 'vault.current': gen } = await storage().get('vault.current');
  if (gen == null) return 'empty';
  return (await lockDeadline()) ? 'unlocked' : 'locked';
}

async function currentEnvelope() {
  const current = await readCurrent(storage());
  if (!current) throw noVault();
  return current.envelope;
}

/** The document, opened with the session's key (throws locked / no-vault / tampered). */
export async function readDocument() {
  const envelope = await currentEnvelope();
  return open(await useKey(), envelope).document;
}

/** Writes `sealed` as the next generation; it becomes current only if it reads back and opens to `text`. */
function writeVerified(key, sealed, text, options) {
  return writeNext(storage(), sealed, (stored) => {
    if (open(key, stored).text !== text) throw { code: 'tampered', message: 'The vault did not read back as written.' };
  }, options);
}

async function writeDocument(key, kdf, document, options) {
  await writeVerified(key, seal(key, kdf, document), JSON.stringify(document), options);
  await noteProfiles(document);
}

/**
 * Applies one core operation (`crate::profile::Operation`: import, edit, delete, recordCheck, …) and
 * stores the document the core returns. Resolves to `{document, outcome}`; a refused operation
 * throws the core's `{code, message}` and writes nothing.
 */
export function applyOperation(operation) {
  return oneAtATime(async () => {
    const envelope = await currentEnvelope();
    const key = await useKey();
    // The organisation's policy refuses what the change would save (a custom endpoint it forbids).
    const applied = documentApply(open(key, envelope).document, operation, Date.now(), await readManaged());
    await writeDocument(key, envelope.kdf, applied.document);
    return applied;
  });
}

/** First save: a new vault under `passphrase`, unlocked. */
export function createVault(passphrase, confirmation) {
  checkNewPassphrase(passphrase, confirmation);
  return oneAtATime(async () => {
    if (await readCurrent(storage())) throw { code: 'vault-exists', message: 'The vault already has a passphrase.' };
    const kdf = newKdf(await readManaged());
    const key = deriveKey(passphrase, kdf);
    await writeDocument(key, kdf, documentEmpty());
    await rememberKey(key);
  });
}

/**
 * Opens the vault with `passphrase`. A record with key derivation below the floor (an old vault, a
 * restored weak backup, or the organisation's floor raised) is sealed again under fresh parameters,
 * same passphrase; one in an older format is rewritten in the current one.
 */
export function unlock(passphrase) {
  return oneAtATime(async () => {
    const envelope = await currentEnvelope();
    let key = deriveKey(passphrase, envelope.kdf);
    const { text, document } = open(key, envelope);
    const policy = await readManaged();
    if (kdfBelowFloor(envelope.kdf, policy)) {
      const kdf = newKdf(policy);
      key = deriveKey(passphrase, kdf);
      // The weak record is not kept as the previous copy: it would stay cheap to guess on disk.
      await writeVerified(key, seal(key, kdf, document), JSON.stringify(document), { keepPrevious: false });
    } else if (envelope.format !== CURRENT_FORMAT) await writeVerified(key, migrate(key, envelope), text);
    await rememberKey(key);
    await noteProfiles(document);
  });
}

/**
 * Re-encrypts everything under a new passphrase (new salt) in one generation write. A wrong
 * current passphrase changes nothing; the previous generation is dropped so the old passphrase
 * opens nothing afterwards.
 */
export function changePassphrase(currentPassphrase, passphrase, confirmation) {
  checkNewPassphrase(passphrase, confirmation);
  return oneAtATime(async () => {
    const envelope = await currentEnvelope();
    const { document } = open(deriveKey(currentPassphrase, envelope.kdf), envelope);
    const kdf = newKdf(await readManaged());
    const key = deriveKey(passphrase, kdf);
    await writeDocument(key, kdf, document, { keepPrevious: false });
    await rememberKey(key);
  });
}

/** The current envelope as stored (ciphertext only), once it has been checked to open. */
export async function exportEnvelope() {
  await readDocument();
  return currentEnvelope();
}

/**
 * Opens a backup with its own passphrase and merges it into the vault (the core's `restore`
 * operation: new profiles added, conflicts kept for the user, endpoints never taken over), sealed
 * under the vault's key. With no vault yet, the vault gets `newPassphrase` (checked as any new one)
 * and fresh default parameters: never the backup's passphrase, which whoever sent the file knows,
 * nor its parameters, which they chose. Resolves to the core's summary.
 */
/**
 * @param {import('../pkg/credfill.js').Envelope | import('../pkg/credfill.js').EnvelopeV1} envelope
 * @param {string} passphrase
 * @param {{ newPassphrase?: string, confirmation?: string }} [newVault]
 */
export function restoreEnvelope(envelope, passphrase, { newPassphrase, confirmation } = {}) {
  return oneAtATime(async () => {
    const current = await readCurrent(storage());
    if (!current) checkNewPassphrase(newPassphrase, confirmation);
    const backupKey = deriveKey(passphrase, envelope?.kdf);
    const backup = open(backupKey, envelope).document;
    const kdf = current ? current.envelope.kdf : newKdf(await readManaged());
    const key = current ? await useKey() : deriveKey(newPassphrase, kdf);
    const stored = current ? open(key, current.envelope).document : documentEmpty();
    const { document, outcome } = documentApply(stored, { op: 'restore', backup }, Date.now(), await readManaged());
    await writeDocument(key, kdf, document);
    if (!current) await rememberKey(key);
    return outcome.restored;
  });
}

/**
 * When the current record is damaged: brings back the generation kept before it, under the same
 * passphrase, as a new generation (the damaged one stays, as the previous generation, untouched).
 */
export function recoverPrevious(passphrase) {
  return oneAtATime(async () => {
    const previous = await readPrevious(storage());
    if (!previous) throw { code: 'no-previous', message: 'No earlier copy of the vault is kept.' };
    const key = deriveKey(passphrase, previous.envelope.kdf);
    const { document } = open(key, previous.envelope);
    await writeDocument(key, previous.envelope.kdf, document);
    await rememberKey(key);
  });
}

// The worker's only door to the core's vault crypto: the document goes in and out as JSON text,
// keys travel as base64 (the form kept in storage.session). Errors keep the core's codes
// ('wrong-passphrase', 'tampered', 'unsupported-format', 'bad-envelope', …).
import { documentOpen, policyKdfCost, vaultDeriveKey, vaultKdfBelowFloor, vaultMigrate, vaultNewKdf, vaultOpen, vaultSeal } from '../pkg/credfill.js';

/** Bound into every envelope: a record sealed for something else does not open as the vault. */
const RECORD_ID = 'vault';
/** The envelope format this build writes; older ones are migrated on unlock. */
export const CURRENT_FORMAT = 2;

/** Fresh KDF parameters (new salt; the default cost, or the organisation's floor when higher) for a new passphrase. */
export const newKdf = (policy) => vaultNewKdf(policyKdfCost(policy));

/** Argon2id, the slow step of unlocking: `kdf` comes from the envelope being opened (refused above the core's ceiling). */
export const deriveKey = (passphrase, kdf) => vaultDeriveKey(passphrase, kdf);

/** Whether a stored record's parameters are below the OWASP floor or the organisation's (`policy`), so it must be sealed again under fresh ones. */
export const kdfBelowFloor = (kdf, policy) => vaultKdfBelowFloor(kdf, policy);

export function seal(key, kdf, document) {
  return vaultSeal(key, kdf, RECORD_ID, JSON.stringify(document));
}

/**
 * The document in `envelope` as the core reads it (documents of older builds converted), and the
 * exact text it was sealed from (to compare a read-back).
 */
export function open(key, envelope) {
  const text = vaultOpen(key, envelope);
  return { text, document: documentOpen(text) };
}

/** The same content in the current format, under the same key. */
export const migrate = (key, envelope) => vaultMigrate(key, envelope);

// What a new vault passphrase must be. Argon2id makes each guess slow; length is what makes the
// number of guesses large, so a minimum length is the one rule (as Bitwarden's master password).

export const MIN_PASSPHRASE_LENGTH = 12;

/** Throws `{code}` when `passphrase` cannot become the vault's passphrase; `confirmation` must repeat it. */
export function checkNewPassphrase(passphrase, confirmation) {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw { code: 'passphrase-too-short', params: { min: MIN_PASSPHRASE_LENGTH }, message: `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  if (passphrase !== confirmation) {
    throw { code: 'passphrase-mismatch', message: 'The two passphrases differ.' };
  }
}

//! Why opening, sealing or deriving failed, as a stable code the extension can branch on.
//! Messages never carry key material, passphrases or plaintext.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    /// The key does not match the record: wrong passphrase, or a damaged salt / KDF
    /// parameters (which derive a different key, so the two cannot be told apart).
    WrongPassphrase,
    /// The key is right but the record was altered (ciphertext, nonce, id, KDF or verifier).
    Tampered,
    /// A format version or algorithm this build does not know.
    UnsupportedFormat(String),
    /// The record is not an envelope at all: missing field, bad base64, wrong length.
    BadEnvelope(String),
    /// KDF parameters below the OWASP floor were asked for a new vault.
    WeakKdf(String),
    /// Stored KDF parameters above the ceiling (a hostile or damaged record): refused before
    /// anything is derived.
    KdfTooCostly(String),
    /// The key handed in is not 32 bytes of base64.
    BadKey,
    /// The system random source failed (no `crypto.getRandomValues`).
    NoRandomness,
}

impl VaultError {
    /// Every code, for the locale tests: the words are `vault_error_<code>` in `_locales`.
    pub const CODES: [&'static str; 8] = [
        "wrong-passphrase",
        "tampered",
        "unsupported-format",
        "bad-envelope",
        "weak-kdf",
        "kdf-too-costly",
        "bad-key",
        "no-randomness",
    ];

    /// The `code` the JS side sees.
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::WrongPassphrase => "wrong-passphrase",
            VaultError::Tampered => "tampered",
            VaultError::UnsupportedFormat(_) => "unsupported-format",
            VaultError::BadEnvelope(_) => "bad-envelope",
            VaultError::WeakKdf(_) => "weak-kdf",
            VaultError::KdfTooCostly(_) => "kdf-too-costly",
            VaultError::BadKey => "bad-key",
            VaultError::NoRandomness => "no-randomness",
        }
    }
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VaultError::WrongPassphrase => f.write_str("wrong passphrase: the vault did not open"),
            VaultError::Tampered => f.write_str(
                "the vault record was altered or damaged; it was not opened and nothing was changed",
            ),
            VaultError::UnsupportedFormat(what) => write!(f, "unsupported vault format: {what}"),
            VaultError::BadEnvelope(what) => write!(f, "not a vault record: {what}"),
            VaultError::WeakKdf(what) => {
                write!(f, "key derivation parameters below the OWASP floor: {what}")
            }
            VaultError::KdfTooCostly(what) => {
                write!(f, "key derivation parameters above what credfill allows: {what}")
            }
            VaultError::BadKey => f.write_str("the vault key must be 32 bytes in base64"),
            VaultError::NoRandomness => f.write_str("no secure random source available"),
        }
    }
}

impl std::error::Error for VaultError {}

#[cfg(test)]
mod tests {
    use super::VaultError::{self, *};

    #[test]
    fn every_code_is_listed() {
        let all = [
            WrongPassphrase,
            Tampered,
            UnsupportedFormat(String::new()),
            BadEnvelope(String::new()),
            WeakKdf(String::new()),
            KdfTooCostly(String::new()),
            BadKey,
            NoRandomness,
        ];
        for error in &all {
            // Exhaustive, so that a new variant is added to `all` (and to CODES) too.
            match error {
                WrongPassphrase | Tampered | UnsupportedFormat(_) | BadEnvelope(_) | WeakKdf(_)
                | KdfTooCostly(_) | BadKey | NoRandomness => {}
            }
            assert!(VaultError::CODES.contains(&error.code()), "{error:?}");
        }
        assert_eq!(all.len(), VaultError::CODES.len());
    }
}

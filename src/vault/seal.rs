//! AES-256-GCM, the one cipher of the vault: ciphertext and 16-byte tag out, and on the way
//! back either the exact plaintext or nothing.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use zeroize::Zeroizing;

use super::key::KEY_LEN;
use super::random::random_bytes;
use super::VaultError;

pub const NONCE_LEN: usize = 12;
pub const TAG_LEN: usize = 16;

/// Decodes a stored record's base64 nonce and ciphertext; an undecodable one was damaged in storage.
pub fn decode_stored(
    nonce: &str,
    ciphertext: &str,
) -> Result<([u8; NONCE_LEN], Vec<u8>), VaultError> {
    use base64::{engine::general_purpose::STANDARD as BASE64, Engine};
    let nonce = BASE64
        .decode(nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or(VaultError::Tampered)?;
    let sealed = BASE64
        .decode(ciphertext)
        .map_err(|_| VaultError::Tampered)?;
    Ok((nonce, sealed))
}

/// A nonce is never reused under one key: 96 random bits per write (NIST SP 800-38D §8.2.2;
/// a vault writes far fewer than 2^32 records per key).
pub fn fresh_nonce() -> Result<[u8; NONCE_LEN], VaultError> {
    random_bytes::<NONCE_LEN>()
}

/// `ciphertext || tag`.
pub fn encrypt(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, VaultError> {
    cipher(key)
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| VaultError::BadEnvelope("plaintext too large".to_owned()))
}

/// `None` when the tag does not verify: wrong key, or altered nonce, AAD or ciphertext.
pub fn decrypt(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    sealed: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    cipher(key)
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
        .map(Zeroizing::new)
}

fn cipher(key: &[u8; KEY_LEN]) -> Aes256Gcm {
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
}

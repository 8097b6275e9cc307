//! Format 2, the record the vault is written as:
//! `{ format: 2, id, kdf, verifier, nonce, ciphertext }`, binary fields in base64.
//!
//! - `verifier` = HMAC-SHA256(key, "credfill vault key check") tells a wrong key from an
//!   altered record: wrong key → verifier and tag both fail; altered record → one of them fails.
//! - The AES key is a sub-key (HMAC of the vault key with its own label), so the verifier
//!   reveals nothing about it.
//! - The associated data binds the format, the record id and the KDF description, so none of
//!   them can be swapped without the tag failing.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::Mac;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::KdfParams;
use super::key::VaultKey;
use super::seal::{self, NONCE_LEN, TAG_LEN};
use super::VaultError;
use tsify_next::Tsify;

pub const FORMAT_V2: u32 = 2;
const KEY_CHECK_LABEL: &[u8] = b"credfill vault key check";
const ENCRYPTION_KEY_LABEL: &[u8] = b"credfill vault v2 encryption key";
const AAD_DOMAIN: &[u8] = b"credfill vault record";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Envelope {
    pub format: u32,
    pub id: String,
    pub kdf: KdfParams,
    pub verifier: String,
    pub nonce: String,
    pub ciphertext: String,
}

impl Envelope {
    /// Encrypts `plaintext` under `key` with a fresh random nonce. `kdf` must be the
    /// parameters `key` was derived with: it is stored so the passphrase can unlock it again.
    pub fn seal(
        key: &VaultKey,
        kdf: &KdfParams,
        id: &str,
        plaintext: &[u8],
    ) -> Result<Self, VaultError> {
        Self::seal_with_nonce(key, kdf, id, plaintext, &seal::fresh_nonce()?)
    }

    fn seal_with_nonce(
        key: &VaultKey,
        kdf: &KdfParams,
        id: &str,
        plaintext: &[u8],
        nonce: &[u8; NONCE_LEN],
    ) -> Result<Self, VaultError> {
        let aad = associated_data(FORMAT_V2, id, kdf);
        let sealed = seal::encrypt(&key.subkey(ENCRYPTION_KEY_LABEL), nonce, &aad, plaintext)?;
        Ok(Envelope {
            format: FORMAT_V2,
            id: id.to_owned(),
            kdf: kdf.clone(),
            verifier: BASE64.encode(key_check(key).finalize().into_bytes()),
            nonce: BASE64.encode(nonce),
            ciphertext: BASE64.encode(sealed),
        })
    }

    pub fn open(&self, key: &VaultKey) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        if self.format != FORMAT_V2 {
            return Err(VaultError::UnsupportedFormat(format!(
                "format {}",
                self.format
            )));
        }
        // Undecodable fields inside a well-formed record mean it was damaged in storage.
        let verifier = BASE64
            .decode(&self.verifier)
            .map_err(|_| VaultError::Tampered)?;
        let (nonce, sealed) = seal::decode_stored(&self.nonce, &self.ciphertext)?;
        if sealed.len() < TAG_LEN {
            return Err(VaultError::Tampered);
        }

        let key_matches = key_check(key).verify_slice(&verifier).is_ok();
        let aad = associated_data(self.format, &self.id, &self.kdf);
        let plaintext = seal::decrypt(&key.subkey(ENCRYPTION_KEY_LABEL), &nonce, &aad, &sealed);
        match (key_matches, plaintext) {
            (true, Some(plaintext)) => Ok(plaintext),
            // Right key, altered record; or the tag verified, so the key is right and the
            // verifier itself was altered.
            (true, None) | (false, Some(_)) => Err(VaultError::Tampered),
            (false, None) => Err(VaultError::WrongPassphrase),
        }
    }
}

fn key_check(key: &VaultKey) -> hmac::Hmac<sha2::Sha256> {
    let mut mac = key.mac();
    mac.update(KEY_CHECK_LABEL);
    mac
}

/// Length-prefixed fields, so no two different headers give the same bytes.
fn associated_data(format: u32, id: &str, kdf: &KdfParams) -> Vec<u8> {
    let mut aad = Vec::new();
    for field in [
        AAD_DOMAIN,
        &format.to_be_bytes(),
        id.as_bytes(),
        kdf.alg.as_bytes(),
        &kdf.m_kib.to_be_bytes(),
        &kdf.t.to_be_bytes(),
        &kdf.p.to_be_bytes(),
        kdf.salt.as_bytes(),
    ] {
        aad.extend_from_slice(&(field.len() as u32).to_be_bytes());
        aad.extend_from_slice(field);
    }
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kdf() -> KdfParams {
        KdfParams {
            alg: "argon2id".into(),
            m_kib: 64,
            t: 1,
            p: 1,
            salt: "c29tZXNhbHQ=".into(),
        }
    }

    #[test]
    fn same_nonce_same_record_different_nonce_different_ciphertext() {
        let key = VaultKey::from_bytes([9; 32]);
        let a = Envelope::seal_with_nonce(&key, &kdf(), "vault", b"x", &[1; 12]).unwrap();
        let b = Envelope::seal_with_nonce(&key, &kdf(), "vault", b"x", &[1; 12]).unwrap();
        let c = Envelope::seal_with_nonce(&key, &kdf(), "vault", b"x", &[2; 12]).unwrap();
        assert_eq!(a, b);
        assert_ne!(a.ciphertext, c.ciphertext);
        assert_eq!(a.verifier, c.verifier);
    }

    #[test]
    fn associated_data_fields_cannot_run_into_each_other() {
        let k = kdf();
        assert_ne!(
            associated_data(2, "ab", &k),
            associated_data(
                2,
                "a",
                &KdfParams {
                    alg: "bargon2id".into(),
                    ..k.clone()
                }
            )
        );
    }
}

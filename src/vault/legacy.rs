//! Format 1, as the first builds wrote it: `{ version: 1, kdf, nonce, ciphertext }`, the
//! Argon2id output used directly as the AES-256-GCM key, and only the version as associated
//! data (no record id, no key check). It is read, never written: [`super::migrate`] turns
//! it into format 2.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::KdfParams;
use super::key::VaultKey;
use super::seal;
use super::VaultError;
use tsify_next::Tsify;

pub const FORMAT_V1: u32 = 1;
pub const V1_ASSOCIATED_DATA: &[u8] = b"credfill-vault-v1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeV1 {
    pub version: u32,
    pub kdf: KdfParams,
    pub nonce: String,
    pub ciphertext: String,
}

impl EnvelopeV1 {
    /// Format 1 has no key check, so a failed tag is reported as the likelier cause,
    /// a wrong passphrase (an altered record fails the same way and is not opened either).
    pub fn open(&self, key: &VaultKey) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        let (nonce, sealed) = seal::decode_stored(&self.nonce, &self.ciphertext)?;
        seal::decrypt(key.bytes(), &nonce, V1_ASSOCIATED_DATA, &sealed)
            .ok_or(VaultError::WrongPassphrase)
    }
}

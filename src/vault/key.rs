//! The unlocked vault key: 32 bytes from Argon2id, wiped on drop, carried by the extension
//! as base64 in `storage.session`.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fmt;
use zeroize::Zeroizing;

use super::VaultError;
use crate::secret::Secret;

pub const KEY_LEN: usize = 32;

pub struct VaultKey(Zeroizing<[u8; KEY_LEN]>);

impl VaultKey {
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        VaultKey(Zeroizing::new(bytes))
    }

    pub fn from_base64(encoded: &str) -> Result<Self, VaultError> {
        let decoded = Zeroizing::new(
            BASE64
                .decode(encoded.trim())
                .map_err(|_| VaultError::BadKey)?,
        );
        let bytes: [u8; KEY_LEN] = decoded
            .as_slice()
            .try_into()
            .map_err(|_| VaultError::BadKey)?;
        Ok(Self::from_bytes(bytes))
    }

    pub fn to_base64(&self) -> Secret {
        Secret::new(BASE64.encode(self.0.as_ref()))
    }

    pub(crate) fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// A keyed MAC over `message`, also used to derive sub-keys: one key, several
    /// independent uses (key check, encryption) without one revealing the other.
    pub(crate) fn mac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as Mac>::new_from_slice(self.0.as_ref()).expect("HMAC takes any key length")
    }

    pub(crate) fn subkey(&self, label: &[u8]) -> Zeroizing<[u8; KEY_LEN]> {
        let mut mac = self.mac();
        mac.update(label);
        Zeroizing::new(mac.finalize().into_bytes().into())
    }
}

impl fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VaultKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip_and_length_check() {
        let key = VaultKey::from_bytes([7; KEY_LEN]);
        let encoded = key.to_base64();
        assert_eq!(
            VaultKey::from_base64(encoded.expose()).unwrap().bytes(),
            &[7; KEY_LEN]
        );
        assert_eq!(
            VaultKey::from_base64("AAAA").unwrap_err(),
            VaultError::BadKey
        );
        assert_eq!(
            VaultKey::from_base64("not base64!").unwrap_err(),
            VaultError::BadKey
        );
        assert!(!format!("{key:?}").contains("Bwc"));
    }

    #[test]
    fn subkeys_differ_by_label() {
        let key = VaultKey::from_bytes([1; KEY_LEN]);
        assert_ne!(*key.subkey(b"a"), *key.subkey(b"b"));
        assert_eq!(*key.subkey(b"a"), *key.subkey(b"a"));
    }
}

//! Passphrase → vault key with Argon2id. The parameters travel with the record, so they
//! can be raised for new vaults while older records still open.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::key::{VaultKey, KEY_LEN};
use super::random::random_bytes;
use super::VaultError;
use crate::secret::Secret;

pub const ALG_ARGON2ID: &str = "argon2id";
pub(crate) const ALGORITHM: Algorithm = Algorithm::Argon2id;
pub(crate) const VERSION: Version = Version::V0x13;
pub const SALT_LEN: usize = 16;

/// The OWASP Password Storage Cheat Sheet floor for Argon2id: 19 MiB, 2 passes, 1 lane.
pub const FLOOR: KdfCost = KdfCost {
    m_kib: 19_456,
    t: 2,
    p: 1,
};

/// What a new vault gets; see `benches/vault.rs` for its unlock time.
pub const DEFAULT_COST: KdfCost = FLOOR;

/// Bounds for *stored* parameters: a tampered record must not make unlock allocate
/// gigabytes or spin for minutes before it fails.
const CEILING: KdfCost = KdfCost {
    m_kib: 1 << 20,
    t: 64,
    p: 16,
};

/// Argon2id's cost knobs: memory in KiB, passes, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KdfCost {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

/// The KDF description stored in every envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KdfParams {
    pub alg: String,
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
    /// Base64 (standard, padded).
    pub salt: String,
}

impl KdfParams {
    /// Parameters for a new vault with a fresh random salt; refuses anything below the floor.
    pub fn create(cost: KdfCost) -> Result<Self, VaultError> {
        Self::create_with_salt(cost, random_bytes::<SALT_LEN>()?)
    }

    pub fn create_with_salt(cost: KdfCost, salt: [u8; SALT_LEN]) -> Result<Self, VaultError> {
        if cost.m_kib < FLOOR.m_kib || cost.t < FLOOR.t || cost.p < FLOOR.p {
            return Err(VaultError::WeakKdf(format!(
                "asked m={} KiB, t={}, p={}; the floor is m={} KiB, t={}, p={}",
                cost.m_kib, cost.t, cost.p, FLOOR.m_kib, FLOOR.t, FLOOR.p
            )));
        }
        Ok(KdfParams {
            alg: ALG_ARGON2ID.to_owned(),
            m_kib: cost.m_kib,
            t: cost.t,
            p: cost.p,
            salt: BASE64.encode(salt),
        })
    }

    pub fn cost(&self) -> KdfCost {
        KdfCost {
            m_kib: self.m_kib,
            t: self.t,
            p: self.p,
        }
    }

    /// Checks stored parameters before they are spent: known algorithm, sane bounds, a salt.
    fn argon2(&self) -> Result<(Argon2<'static>, Vec<u8>), VaultError> {
        if self.alg != ALG_ARGON2ID {
            return Err(VaultError::UnsupportedFormat(format!(
                "key derivation `{}`",
                self.alg
            )));
        }
        if self.m_kib > CEILING.m_kib || self.t > CEILING.t || self.p > CEILING.p {
            return Err(VaultError::BadEnvelope(
                "key derivation parameters out of range".to_owned(),
            ));
        }
        let salt = BASE64
            .decode(&self.salt)
            .map_err(|_| VaultError::BadEnvelope("salt is not base64".to_owned()))?;
        let params = Params::new(self.m_kib, self.t, self.p, Some(KEY_LEN))
            .map_err(|e| VaultError::BadEnvelope(format!("key derivation parameters: {e}")))?;
        Ok((Argon2::new(ALGORITHM, VERSION, params), salt))
    }
}

/// The slow step of unlocking: Argon2id(passphrase, salt) with the record's parameters.
pub fn derive_key(passphrase: &Secret, params: &KdfParams) -> Result<VaultKey, VaultError> {
    let (argon2, salt) = params.argon2()?;
    let mut key = [0u8; KEY_LEN];
    let derived = argon2.hash_password_into(passphrase.expose().as_bytes(), &salt, &mut key);
    let key = VaultKey::from_bytes(key);
    derived.map_err(|e| VaultError::BadEnvelope(format!("key derivation: {e}")))?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 9106 §5.3 (Argon2id, v0x13, m=32 KiB, t=3, p=4, with secret and associated data):
    /// pins the algorithm and version constants `derive_key` uses.
    #[test]
    fn rfc9106_argon2id_vector() {
        let params = argon2::ParamsBuilder::new()
            .m_cost(32)
            .t_cost(3)
            .p_cost(4)
            .data(argon2::AssociatedData::new(&[0x04; 12]).unwrap())
            .build()
            .unwrap();
        let argon2 = Argon2::new_with_secret(&[0x03; 8], ALGORITHM, VERSION, params).unwrap();
        let mut tag = [0u8; 32];
        argon2
            .hash_password_into(&[0x01; 32], &[0x02; 16], &mut tag)
            .unwrap();
        assert_eq!(
            hex::encode(tag),
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
        );
    }

    #[test]
    fn creation_refuses_params_below_the_owasp_floor() {
        for weak in [
            KdfCost {
                m_kib: 19_455,
                ..FLOOR
            },
            KdfCost { t: 1, ..FLOOR },
            KdfCost { p: 0, ..FLOOR },
        ] {
            let err = KdfParams::create_with_salt(weak, [0; SALT_LEN]).unwrap_err();
            assert_eq!(err.code(), "weak-kdf");
        }
        let params = KdfParams::create(DEFAULT_COST).unwrap();
        assert_eq!(params.cost(), FLOOR);
        assert_eq!(BASE64.decode(&params.salt).unwrap().len(), SALT_LEN);
        assert_ne!(params.salt, KdfParams::create(DEFAULT_COST).unwrap().salt);
    }

    #[test]
    fn stored_params_are_bounded_and_checked() {
        let stored = |alg: &str, m_kib, salt: &str| KdfParams {
            alg: alg.to_owned(),
            m_kib,
            t: 1,
            p: 1,
            salt: salt.to_owned(),
        };
        let pass = Secret::new("pw");
        let code = |p: &KdfParams| derive_key(&pass, p).unwrap_err().code();
        assert_eq!(
            code(&stored("scrypt", 64, "c29tZXNhbHQ=")),
            "unsupported-format"
        );
        assert_eq!(
            code(&stored(ALG_ARGON2ID, 1 << 30, "c29tZXNhbHQ=")),
            "bad-envelope"
        );
        assert_eq!(code(&stored(ALG_ARGON2ID, 64, "%%%")), "bad-envelope");
        assert_eq!(code(&stored(ALG_ARGON2ID, 64, "c2FsdA==")), "bad-envelope"); // 4-byte salt
                                                                                 // Below today's floor but stored: still opens, so old vaults can be re-keyed later.
        assert!(derive_key(&pass, &stored(ALG_ARGON2ID, 64, "c29tZXNhbHQ=")).is_ok());
    }
}

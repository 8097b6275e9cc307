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
use tsify_next::Tsify;

pub const ALG_ARGON2ID: &str = "argon2id";
pub(crate) const ALGORITHM: Algorithm = Algorithm::Argon2id;
pub(crate) const VERSION: Version = Version::V0x13;
pub const SALT_LEN: usize = 16;

/// The OWASP floor for Argon2id: 19 MiB, 2 passes, 1 lane
/// (<https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id>).
/// A stored record below it is re-keyed the next time its passphrase opens it.
pub const FLOOR: KdfCost = KdfCost {
    m_kib: 19_456,
    t: 2,
    p: 1,
};

/// What a new vault, a restored backup and a re-keyed record get: RFC 9106's second recommended
/// option, 64 MiB and 3 passes (<https://www.rfc-editor.org/rfc/rfc9106#section-4>), on one lane
/// (WASM runs lanes one after another). In headless Chromium's WASM it unlocks in about a quarter
/// of a second, 5–6× the floor's time (`bench/vault-unlock.mjs`; `make bench` writes BENCHMARKS.md).
pub const DEFAULT_COST: KdfCost = KdfCost {
    m_kib: 64 * 1024,
    t: 3,
    p: 1,
};

/// The most a *stored* record may ask for, checked before anything is derived: a hostile backup
/// file or an altered record must not make unlock allocate gigabytes or run for minutes. Memory
/// is bounded on its own (WASM memory never shrinks back) and so is the work, memory × passes,
/// which the time grows with (lanes run one after another in WASM).
const CEILING: KdfCost = KdfCost {
    m_kib: 256 * 1024,
    t: 16,
    p: 16,
};
const MAX_WORK_KIB_PASSES: u64 = 1024 * 1024;

/// Argon2id's cost knobs: memory in KiB, passes, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct KdfCost {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfCost {
    pub fn is_below_floor(&self) -> bool {
        self.m_kib < FLOOR.m_kib || self.t < FLOOR.t || self.p < FLOOR.p
    }

    pub(crate) fn is_above_ceiling(&self) -> bool {
        self.m_kib > CEILING.m_kib
            || self.t > CEILING.t
            || self.p > CEILING.p
            || u64::from(self.m_kib) * u64::from(self.t) > MAX_WORK_KIB_PASSES
    }

    fn describe(&self) -> String {
        format!("m={} KiB, t={}, p={}", self.m_kib, self.t, self.p)
    }
}

/// The KDF description stored in every envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
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
    /// Parameters for a new vault with a fresh random salt; refuses anything below the floor or
    /// above the ceiling (a vault that could never be opened again).
    pub fn create(cost: KdfCost) -> Result<Self, VaultError> {
        Self::create_with_salt(cost, random_bytes::<SALT_LEN>()?)
    }

    pub fn create_with_salt(cost: KdfCost, salt: [u8; SALT_LEN]) -> Result<Self, VaultError> {
        if cost.is_below_floor() {
            return Err(VaultError::WeakKdf(format!(
                "asked {}; the floor is {}",
                cost.describe(),
                FLOOR.describe()
            )));
        }
        check_ceiling(&cost)?;
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

    /// Below the floor: the record opens, then is sealed again under fresh default parameters.
    pub fn is_below_floor(&self) -> bool {
        self.cost().is_below_floor()
    }

    /// Checks stored parameters before they are spent: known algorithm, at most the ceiling, a salt.
    fn argon2(&self) -> Result<(Argon2<'static>, Vec<u8>), VaultError> {
        if self.alg != ALG_ARGON2ID {
            return Err(VaultError::UnsupportedFormat(format!(
                "key derivation `{}`",
                self.alg
            )));
        }
        check_ceiling(&self.cost())?;
        let salt = BASE64
            .decode(&self.salt)
            .map_err(|_| VaultError::BadEnvelope("salt is not base64".to_owned()))?;
        let params = Params::new(self.m_kib, self.t, self.p, Some(KEY_LEN))
            .map_err(|e| VaultError::BadEnvelope(format!("key derivation parameters: {e}")))?;
        Ok((Argon2::new(ALGORITHM, VERSION, params), salt))
    }
}

fn check_ceiling(cost: &KdfCost) -> Result<(), VaultError> {
    if cost.is_above_ceiling() {
        return Err(VaultError::KdfTooCostly(format!(
            "asked {}; the most is {} and m × t ≤ {MAX_WORK_KIB_PASSES} KiB",
            cost.describe(),
            CEILING.describe()
        )));
    }
    Ok(())
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
        assert_eq!(params.cost(), DEFAULT_COST);
        assert_eq!(BASE64.decode(&params.salt).unwrap().len(), SALT_LEN);
        assert_ne!(params.salt, KdfParams::create(DEFAULT_COST).unwrap().salt);
    }

    #[test]
    fn stored_params_are_checked() {
        let stored = |alg: &str, salt: &str| KdfParams {
            alg: alg.to_owned(),
            m_kib: 64,
            t: 1,
            p: 1,
            salt: salt.to_owned(),
        };
        let pass = Secret::new("pw");
        let code = |p: &KdfParams| derive_key(&pass, p).unwrap_err().code();
        assert_eq!(
            code(&stored("scrypt", "c29tZXNhbHQ=")),
            "unsupported-format"
        );
        assert_eq!(code(&stored(ALG_ARGON2ID, "%%%")), "bad-envelope");
        assert_eq!(code(&stored(ALG_ARGON2ID, "c2FsdA==")), "bad-envelope"); // 4-byte salt
                                                                             // Below the floor but stored: still opens, so an old record or backup can be re-keyed.
        let weak = stored(ALG_ARGON2ID, "c29tZXNhbHQ=");
        assert!(weak.is_below_floor());
        assert!(derive_key(&pass, &weak).is_ok());
    }

    /// A hostile backup asking for 4 GiB (or endless passes) is refused before anything is
    /// allocated: the test would run out of memory or time otherwise.
    #[test]
    fn stored_params_above_the_ceiling_are_refused_before_deriving() {
        let pass = Secret::new("pw");
        let ceiling_hit = |cost: KdfCost| {
            let params = KdfParams::create_with_salt(FLOOR, [1; SALT_LEN]).unwrap();
            let stored = KdfParams {
                m_kib: cost.m_kib,
                t: cost.t,
                p: cost.p,
                ..params
            };
            derive_key(&pass, &stored).map(drop).unwrap_err().code()
        };
        let four_gib = 4 * 1024 * 1024;
        for hostile in [
            KdfCost {
                m_kib: four_gib,
                ..FLOOR
            },
            KdfCost {
                m_kib: u32::MAX,
                t: u32::MAX,
                p: u32::MAX,
            },
            KdfCost {
                m_kib: CEILING.m_kib + 1,
                ..FLOOR
            },
            KdfCost {
                t: CEILING.t + 1,
                ..FLOOR
            },
            KdfCost {
                p: CEILING.p + 1,
                ..FLOOR
            },
            // Memory and passes each allowed, their product not.
            KdfCost {
                m_kib: CEILING.m_kib,
                t: CEILING.t,
                p: 1,
            },
        ] {
            assert_eq!(ceiling_hit(hostile), "kdf-too-costly", "{hostile:?}");
        }
    }

    #[test]
    fn the_bounds_are_ordered_floor_default_ceiling() {
        let at_most_work = KdfCost {
            m_kib: CEILING.m_kib,
            t: (MAX_WORK_KIB_PASSES / u64::from(CEILING.m_kib)) as u32,
            p: 1,
        };
        for within in [FLOOR, DEFAULT_COST, at_most_work] {
            assert!(!within.is_below_floor(), "{within:?}");
            assert!(!within.is_above_ceiling(), "{within:?}");
        }
        assert!(KdfCost {
            t: at_most_work.t + 1,
            ..at_most_work
        }
        .is_above_ceiling());
        let weak = KdfCost {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        assert!(weak.is_below_floor());
        assert!(KdfCost { t: 1, ..FLOOR }.is_below_floor());
    }

    #[test]
    fn creation_refuses_a_vault_that_could_not_be_opened_again() {
        let err = KdfParams::create_with_salt(
            KdfCost {
                m_kib: CEILING.m_kib + 1,
                ..FLOOR
            },
            [0; SALT_LEN],
        )
        .unwrap_err();
        assert_eq!(err.code(), "kdf-too-costly");
    }
}

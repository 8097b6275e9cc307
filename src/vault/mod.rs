//! The encrypted vault: a passphrase-derived key (Argon2id) and the whole vault document sealed
//! as one AES-256-GCM record. What the document holds is `crate::profile`'s; this module only
//! derives, seals and opens. Sans-IO: the extension stores records and keeps the unlocked key.

mod envelope;
mod error;
mod format;
mod kdf;
mod key;
mod legacy;
mod random;
pub mod seal;

pub use envelope::{Envelope, FORMAT_V2};
pub use error::VaultError;
pub use format::{Record, V1_RECORD_ID};
pub use kdf::{derive_key, KdfCost, KdfParams, ALG_ARGON2ID, DEFAULT_COST, FLOOR, SALT_LEN};
pub use key::{VaultKey, KEY_LEN};
pub use legacy::{EnvelopeV1, FORMAT_V1, V1_ASSOCIATED_DATA};

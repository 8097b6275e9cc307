//! Any stored record, whatever its format version: read it, open it, bring it to format 2.

use serde::de::DeserializeOwned;
use serde_json::Value;
use zeroize::Zeroizing;

use super::envelope::{Envelope, FORMAT_V2};
use super::kdf::KdfParams;
use super::key::VaultKey;
use super::legacy::{EnvelopeV1, FORMAT_V1};
use super::VaultError;
use crate::secret::Secret;

/// The id a format-1 record gets on migration: format 1 held only the one vault record.
pub const V1_RECORD_ID: &str = "vault";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    V1(EnvelopeV1),
    V2(Envelope),
}

impl Record {
    /// Format 2 says `format: 2`; format 1 said `version: 1`.
    pub fn from_json(value: Value) -> Result<Self, VaultError> {
        let number = |field: &str| value.get(field).map(|v| v.as_u64().unwrap_or(0));
        match (number("format"), number("version")) {
            (Some(n), _) if n == u64::from(FORMAT_V2) => parse(value).map(Record::V2),
            (None, Some(n)) if n == u64::from(FORMAT_V1) => parse(value).map(Record::V1),
            (Some(n), _) | (None, Some(n)) => {
                Err(VaultError::UnsupportedFormat(format!("format {n}")))
            }
            (None, None) => Err(VaultError::BadEnvelope(
                "no `format` field: not a credfill vault record".to_owned(),
            )),
        }
    }

    pub fn kdf(&self) -> &KdfParams {
        match self {
            Record::V1(record) => &record.kdf,
            Record::V2(record) => &record.kdf,
        }
    }

    pub fn open(&self, key: &VaultKey) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        match self {
            Record::V1(record) => record.open(key),
            Record::V2(record) => record.open(key),
        }
    }

    /// The plaintext as text (the vault document is JSON).
    pub fn open_text(&self, key: &VaultKey) -> Result<Secret, VaultError> {
        let mut plaintext = self.open(key)?;
        String::from_utf8(std::mem::take(&mut *plaintext))
            .map(Secret::from)
            .map_err(|_| VaultError::BadEnvelope("the plaintext is not UTF-8".to_owned()))
    }

    /// The same content as a format-2 record, under the same key and KDF parameters (so
    /// the unlocked key stays valid). A format-2 record is returned as is once it opens.
    pub fn migrate(self, key: &VaultKey) -> Result<Envelope, VaultError> {
        let plaintext = self.open(key)?;
        match self {
            Record::V2(record) => Ok(record),
            Record::V1(record) => Envelope::seal(key, &record.kdf, V1_RECORD_ID, &plaintext),
        }
    }
}

fn parse<T: DeserializeOwned>(value: Value) -> Result<T, VaultError> {
    serde_json::from_value(value).map_err(|e| VaultError::BadEnvelope(e.to_string()))
}

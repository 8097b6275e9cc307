//! Profiles: one per account, region and purpose, holding the credentials imported for it.
//! Plain data (serde camelCase, the shape the extension stores inside the sealed vault
//! document) and pure functions over lists of them; the caller passes `now`.

mod age;
mod credential;
mod merge;
mod rotation;
mod timestamp;
mod upsert;

use serde::{Deserialize, Serialize};

pub use age::{key_age, KeyAge, KeyAgeSince, DEFAULT_MAX_KEY_AGE_DAYS};
pub use credential::Credential;
pub use merge::{merge_backup, Conflict, Merged};
pub use rotation::rotation_steps;
pub use upsert::{upsert_from_import, Upserted};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provider {
    Huawei,
    FlexibleEngine,
    Ibm,
    Aws,
    Azure,
}

impl Provider {
    /// The provider's name as users know it (messages and default profile names).
    pub fn name(self) -> &'static str {
        match self {
            Provider::Huawei => "Huawei Cloud",
            Provider::FlexibleEngine => "Flexible Engine",
            Provider::Ibm => "IBM Cloud",
            Provider::Aws => "AWS",
            Provider::Azure => "Azure",
        }
    }
}

/// The outcome of the last "test this key" run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LastCheck {
    pub ok: bool,
    pub summary: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub provider: Provider,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default)]
    pub credentials: Vec<Credential>,
    /// Filled in by the IAM check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openscale_guid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_mart_id: Option<String>,
    /// When the cloud created the key, if the import said (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_created_at: Option<String>,
    /// When the key was first imported (RFC 3339); re-importing the same key keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_check: Option<LastCheck>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A CSS colour for the popup's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
}

impl Profile {
    /// The stored credential that is the same key as `item`, if any.
    pub fn find_key(&self, item: &Credential) -> Option<usize> {
        self.credentials.iter().position(|c| c.same_key(item))
    }
}

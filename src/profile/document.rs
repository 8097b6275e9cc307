//! The document sealed in the vault: the profiles in the user's order, the last deletion (for
//! undo) and the backup conflicts waiting for the user's choice. Versioned: documents written by
//! older builds are converted when read, so no stored profile is ever stranded.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{AkIssuer, CheckLine, Endpoint, LastCheck, Profile, ProfileError};
use tsify_next::Tsify;

/// Version 1 (no `version` field) was the JavaScript document of credfill 0.1: AK/SK credentials
/// carried `provider` instead of `issuer`, and a check stored either `{ok, summary, at}` or
/// `{at, bucket, results}` as `lastCheck`.
pub const DOCUMENT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub version: u32,
    pub profiles: Vec<Profile>,
    /// The last deletion, kept (encrypted) for undo until `UNDO_MS` have passed.
    #[serde(default)]
    pub deleted: Option<Deleted>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Deleted {
    pub profile: Profile,
    /// Where it stood, to put it back there.
    pub index: usize,
    /// Unix ms.
    pub at: i64,
}

/// A backup profile that holds a key an existing profile holds too, with other details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub existing_id: String,
    pub incoming: Profile,
    /// camelCase names of the fields that differ.
    pub fields: Vec<String>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: DOCUMENT_VERSION,
            profiles: Vec::new(),
            deleted: None,
            conflicts: Vec::new(),
        }
    }
}

impl Document {
    /// Reads a stored document of any version this build knows, converting older ones.
    pub fn from_json(text: &str) -> Result<Document, ProfileError> {
        let value: Value = serde_json::from_str(text).map_err(|_| ProfileError::BadDocument)?;
        Document::from_value(value)
    }

    pub fn from_value(mut value: Value) -> Result<Document, ProfileError> {
        let version = match value.get("version") {
            None => 1,
            Some(v) => v.as_u64().ok_or(ProfileError::BadDocument)?,
        };
        if version > u64::from(DOCUMENT_VERSION) {
            return Err(ProfileError::NewerDocument);
        }
        if version == 1 {
            upgrade_v1(&mut value)?;
        }
        let mut document: Document =
            serde_json::from_value(value).map_err(|_| ProfileError::BadDocument)?;
        document.version = DOCUMENT_VERSION;
        document.drop_unfit_regions();
        Ok(document)
    }

    /// Every way a document comes in (the vault opened, a backup restored) drops a region that is
    /// no plain region name ([`super::is_region_name`]): the editor never let one through, so only
    /// a crafted file holds one, and it would reach hosts and snippets.
    fn drop_unfit_regions(&mut self) {
        let profiles = self
            .profiles
            .iter_mut()
            .chain(self.deleted.as_mut().map(|d| &mut d.profile))
            .chain(self.conflicts.iter_mut().map(|c| &mut c.incoming));
        for profile in profiles {
            if profile
                .region
                .as_deref()
                .is_some_and(|r| !super::is_region_name(r))
            {
                profile.region = None;
            }
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a document always serialises")
    }

    pub(crate) fn index_of(&self, id: &str) -> Result<usize, ProfileError> {
        self.profiles
            .iter()
            .position(|p| p.id == id)
            .ok_or(ProfileError::NoProfile)
    }
}

/// Version 1 → 2, on the JSON value, every profile wherever it stands.
fn upgrade_v1(document: &mut Value) -> Result<(), ProfileError> {
    let object = document.as_object_mut().ok_or(ProfileError::BadDocument)?;
    object.insert("version".into(), DOCUMENT_VERSION.into());
    for profile in object
        .get_mut("profiles")
        .and_then(Value::as_array_mut)
        .ok_or(ProfileError::BadDocument)?
    {
        upgrade_profile_v1(profile);
    }
    if let Some(deleted) = object.get_mut("deleted").and_then(|d| d.get_mut("profile")) {
        upgrade_profile_v1(deleted);
    }
    for conflict in object
        .get_mut("conflicts")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if let Some(incoming) = conflict.get_mut("incoming") {
            upgrade_profile_v1(incoming);
        }
    }
    Ok(())
}

fn upgrade_profile_v1(profile: &mut Value) {
    let Some(profile) = profile.as_object_mut() else {
        return;
    };
    let provider = profile
        .get("provider")
        .and_then(|p| serde_json::from_value::<super::Provider>(p.clone()).ok());
    for credential in profile
        .get_mut("credentials")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        upgrade_credential_v1(credential, provider);
    }
    // The editor removed empty optional text; anything else it let through is checked again now.
    for field in ["region", "note", "colour"] {
        if profile.get(field).and_then(Value::as_str) == Some("") {
            profile.remove(field);
        }
    }
    if let Some(colour) = profile.get("colour").and_then(Value::as_str) {
        if super::Colour::try_from(colour.to_owned()).is_err() {
            profile.remove("colour");
        }
    }
    if let Some(endpoint) = profile.get("endpoint") {
        if serde_json::from_value::<Endpoint>(endpoint.clone()).is_err() {
            profile.remove("endpoint");
        }
    }
    let last_check = profile.remove("lastCheck");
    if let Some(check) = last_check.and_then(|c| upgrade_last_check_v1(&c)) {
        profile.insert("lastCheck".into(), check);
    }
}

/// An AK/SK that did not say whose it is belongs to its profile's cloud; only in a profile of
/// neither kind (IBM's) does the key's own shape decide.
fn upgrade_credential_v1(credential: &mut Value, provider: Option<super::Provider>) {
    let Some(credential) = credential.as_object_mut() else {
        return;
    };
    if credential.get("kind").and_then(Value::as_str) != Some("aksk") {
        return;
    }
    let stated = credential.remove("provider");
    let issuer = match (stated.as_ref().and_then(Value::as_str), provider) {
        (Some("aws"), _) => AkIssuer::Aws,
        (Some(_), _) => AkIssuer::Huawei,
        (None, Some(p)) if p.takes_huawei_keys() => AkIssuer::Huawei,
        (None, Some(super::Provider::Aws)) => AkIssuer::Aws,
        (None, _) => AkIssuer::of_access_key(
            credential
                .get("accessKeyId")
                .and_then(Value::as_str)
                .unwrap_or(""),
        ),
    };
    credential.insert(
        "issuer".into(),
        serde_json::to_value(issuer).expect("an enum"),
    );
}

/// `{at, bucket, results: [diagnosis]}` (the check's own record) or `{ok, summary, at}` (the
/// shape the 0.1 core expected and nothing wrote); anything unreadable is dropped: a check is
/// cheap to run again, a profile is not.
fn upgrade_last_check_v1(check: &Value) -> Option<Value> {
    let at = check.get("at")?.as_str()?.to_owned();
    let upgraded = match check.get("results").and_then(Value::as_array) {
        // A diagnosis's other fields (`message`, `stop`) are not kept.
        Some(results) => {
            let lines = results
                .iter()
                .map(|r| serde_json::from_value::<CheckLine>(r.clone()).ok())
                .collect::<Option<Vec<_>>>()?;
            let bucket = check
                .get("bucket")
                .and_then(Value::as_str)
                .map(str::to_owned);
            LastCheck::recorded(at, bucket, lines)
        }
        None => LastCheck {
            at,
            bucket: None,
            passed: check.get("ok")?.as_bool()?,
            results: Vec::new(),
        },
    };
    serde_json::to_value(upgraded).ok()
}

/// Backups are read like stored documents, but what they say about where keys are sent is not
/// believed: whoever made the file could point a profile's endpoint at their own server.
pub(crate) fn without_endpoints(mut document: Document) -> (Document, usize) {
    let mut dropped = 0;
    for profile in &mut document.profiles {
        dropped += usize::from(profile.endpoint.take().is_some());
    }
    (document, dropped)
}

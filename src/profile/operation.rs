//! Every change to the stored document, as one typed operation: what the extension sends, and
//! the only way profiles change. An operation that fails leaves the document as it was.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::import::{accepts, save_import, ImportChoice};
use super::is_guid;
use super::merge::{merge_backup, Restored};
use super::timestamp::{format_ms, parse_ms};
use super::{
    CheckLine, Colour, Credential, Document, Endpoint, LastCheck, Profile, ProfileError, Provider,
    Saved,
};
use tsify_next::Tsify;

/// How long a deleted profile can be brought back.
pub const UNDO_MS: i64 = 5 * 60 * 1000;

#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(
    tag = "op",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Operation {
    /// Save what one file held (see `import::save_import`).
    Import {
        items: Vec<Credential>,
        #[serde(default)]
        target: Option<String>,
        #[serde(default)]
        provider: Option<Provider>,
        #[serde(default)]
        region: Option<String>,
        #[serde(default)]
        replace: bool,
        #[serde(default)]
        new_profile: bool,
        /// The words of each item's default name (`ImportPreview::default_name`), by position.
        #[serde(default)]
        names: Option<Vec<Option<String>>>,
    },
    Edit {
        id: String,
        edits: Edits,
    },
    Delete {
        id: String,
    },
    UndoDelete,
    /// `ids` names every profile once, in the new order.
    Reorder {
        ids: Vec<String>,
    },
    /// A finished key check, as the check diagnosed each answer.
    RecordCheck {
        id: String,
        #[serde(default)]
        bucket: Option<String>,
        results: Vec<CheckLine>,
    },
    /// When the cloud made the profile's key, as the key's own record said (a flow's `keyCreated`):
    /// the key-age reminder counts from it. About a key the profile no longer uses, it changes
    /// nothing.
    KeyCreated {
        id: String,
        access_key: String,
        created_at: String,
    },
    /// The OpenScale instance the profile's forms and checks use; `region`, the instance's as
    /// Resource Controller gave it, becomes the profile's (its OpenScale host is that region's).
    SetOpenscaleInstance {
        id: String,
        guid: String,
        #[serde(default)]
        region: Option<String>,
    },
    ResolveConflict {
        index: usize,
        choice: ConflictChoice,
    },
    /// Merge an opened backup document (of any version this build reads).
    Restore {
        #[tsify(type = "unknown")]
        backup: Value,
    },
}

/// What the user may edit; absent fields stay as they are, an empty text removes an optional one.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Edits {
    #[tsify(optional)]
    pub name: Option<String>,
    #[tsify(optional)]
    pub provider: Option<Provider>,
    #[tsify(optional)]
    pub region: Option<String>,
    #[tsify(optional)]
    pub note: Option<String>,
    #[tsify(optional)]
    pub colour: Option<String>,
    /// An origin, `{service: origin}`, or "" to go back to the catalog.
    #[tsify(optional, type = "string | Partial<Record<Service, string>>")]
    pub endpoint: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictChoice {
    /// Keep the stored profile.
    Mine,
    /// Take the backup's.
    Theirs,
}

/// What an operation has to tell besides the new document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saved: Option<Vec<Saved>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restored: Option<Restored>,
}

impl Document {
    /// Applies `operation` at `now_ms`; on error `self` is unchanged. A deletion past its undo
    /// time is forgotten at every change, so the deleted secret leaves the vault at the next write.
    pub fn apply(&mut self, operation: Operation, now_ms: i64) -> Result<Outcome, ProfileError> {
        let mut next = self.clone();
        if next
            .deleted
            .as_ref()
            .is_some_and(|d| now_ms - d.at > UNDO_MS)
        {
            next.deleted = None;
        }
        let outcome = next.change(operation, now_ms)?;
        *self = next;
        Ok(outcome)
    }

    fn change(&mut self, operation: Operation, now_ms: i64) -> Result<Outcome, ProfileError> {
        match operation {
            Operation::Import {
                items,
                target,
                provider,
                region,
                replace,
                new_profile,
                names,
            } => {
                let choice = ImportChoice {
                    target: target.as_deref(),
                    provider,
                    region: region.as_deref(),
                    replace,
                    new_profile,
                    names: names.as_deref().unwrap_or_default(),
                };
                let saved = save_import(self, items, &choice, now_ms)?;
                return Ok(Outcome {
                    saved: Some(saved),
                    ..Outcome::default()
                });
            }
            Operation::Edit { id, edits } => {
                let at = self.index_of(&id)?;
                self.profiles[at] = edited(&self.profiles[at], edits)?;
            }
            Operation::Delete { id } => {
                let index = self.index_of(&id)?;
                let profile = self.profiles.remove(index);
                self.deleted = Some(super::Deleted {
                    profile,
                    index,
                    at: now_ms,
                });
            }
            Operation::UndoDelete => {
                let deleted = self.deleted.take().ok_or(ProfileError::NothingToUndo)?;
                if self.index_of(&deleted.profile.id).is_ok() {
                    return Err(ProfileError::NothingToUndo);
                }
                let at = deleted.index.min(self.profiles.len());
                self.profiles.insert(at, deleted.profile);
            }
            Operation::Reorder { ids } => {
                let mut reordered = Vec::with_capacity(ids.len());
                for id in &ids {
                    let at = self.index_of(id).map_err(|_| ProfileError::BadOrder)?;
                    if reordered.iter().any(|p: &Profile| &p.id == id) {
                        return Err(ProfileError::BadOrder);
                    }
                    reordered.push(self.profiles[at].clone());
                }
                if reordered.len() != self.profiles.len() {
                    return Err(ProfileError::BadOrder);
                }
                self.profiles = reordered;
            }
            Operation::RecordCheck {
                id,
                bucket,
                results,
            } => {
                let at = self.index_of(&id)?;
                let profile = &mut self.profiles[at];
                if let Some(project) = results.iter().find_map(|l| l.details.project_id.clone()) {
                    profile.project_id = Some(project);
                }
                let when = format_ms(now_ms).ok_or(ProfileError::BadOperation)?;
                let check = LastCheck::recorded(when, bucket, results);
                if check.passed {
                    profile.retired.clear();
                }
                profile.last_check = Some(check);
            }
            Operation::KeyCreated {
                id,
                access_key,
                created_at,
            } => {
                let at = self.index_of(&id)?;
                parse_ms(&created_at).ok_or(ProfileError::BadOperation)?;
                let profile = &mut self.profiles[at];
                let in_use = profile.credentials.iter().find_map(Credential::aksk);
                if in_use.is_some_and(|key| key.access_key_id == access_key) {
                    profile.key_created_at = Some(created_at);
                }
            }
            Operation::SetOpenscaleInstance { id, guid, region } => {
                let at = self.index_of(&id)?;
                let profile = &mut self.profiles[at];
                if profile.provider != Provider::Ibm || !is_guid(&guid) {
                    return Err(ProfileError::BadOperation);
                }
                if let Some(region) = region {
                    if !profile.takes_region(&region) {
                        return Err(ProfileError::BadRegion);
                    }
                    profile.region = Some(region);
                }
                let guid = guid.to_ascii_lowercase();
                if profile.data_mart_id.is_none() || profile.data_mart_id == profile.openscale_guid
                {
                    profile.data_mart_id = Some(guid.clone());
                }
                profile.openscale_guid = Some(guid);
            }
            Operation::ResolveConflict { index, choice } => {
                if index >= self.conflicts.len() {
                    return Err(ProfileError::NoConflict);
                }
                let conflict = self.conflicts.remove(index);
                if choice == ConflictChoice::Theirs {
                    let at = self.index_of(&conflict.existing_id)?;
                    // The stored profile's id and endpoint stay: a backup never says where keys go.
                    let stored = &self.profiles[at];
                    self.profiles[at] = Profile {
                        id: stored.id.clone(),
                        endpoint: stored.endpoint.clone(),
                        ..conflict.incoming
                    };
                }
            }
            Operation::Restore { backup } => {
                let backup = Document::from_value(backup)?;
                return Ok(Outcome {
                    restored: Some(merge_backup(self, backup)),
                    ..Outcome::default()
                });
            }
        }
        Ok(Outcome::default())
    }
}

/// `profile` with the user's `edits`, each checked.
fn edited(profile: &Profile, edits: Edits) -> Result<Profile, ProfileError> {
    let mut next = profile.clone();
    let optional = |text: String| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    if let Some(name) = edits.name {
        next.name = optional(name).ok_or(ProfileError::BadName)?;
        // From now on the name is the user's: a rotation leaves it alone.
        next.name_from_key &= next.name == profile.name;
    }
    if let Some(provider) = edits.provider {
        if !next.credentials.iter().all(|c| accepts(provider, c)) {
            return Err(ProfileError::WrongProvider);
        }
        next.provider = provider;
    }
    if let Some(note) = edits.note {
        next.note = note.trim().to_owned();
    }
    if let Some(colour) = edits.colour {
        next.colour = optional(colour).map(Colour::try_from).transpose()?;
    }
    if let Some(endpoint) = edits.endpoint {
        next.endpoint = match endpoint {
            Value::String(text) if text.trim().is_empty() => None,
            value => Some(
                serde_json::from_value::<Endpoint>(value).map_err(|_| ProfileError::BadEndpoint)?,
            ),
        };
    }
    if let Some(region) = edits.region {
        next.region = optional(region);
    }
    // A region outside the catalog only makes sense with the profile's own endpoints.
    let region_changed = next.region != profile.region || next.provider != profile.provider;
    if let Some(region) = next.region.as_deref() {
        if region_changed && !next.takes_region(region) {
            return Err(ProfileError::BadRegion);
        }
    }
    Ok(next)
}

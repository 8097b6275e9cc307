//! Restoring a backup: new profiles are added, copies already present are skipped, and a profile
//! holding a key that is already stored with other details becomes a conflict for the user to
//! settle. Nothing stored is replaced here, and a backup's endpoints are never taken over.

use serde::Serialize;

use super::document::without_endpoints;
use super::import::unique_id;
use super::{Conflict, Document, Profile};
use tsify_next::Tsify;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// Ids of the profiles taken from the backup.
    pub added: Vec<String>,
    /// Ids of backup profiles identical to one already stored.
    pub unchanged: Vec<String>,
    /// How many conflicts now wait for the user.
    pub conflicts: usize,
    /// Custom endpoints the backup named and that were left out.
    pub endpoints_dropped: usize,
}

pub fn merge_backup(document: &mut Document, backup: Document) -> Restored {
    let (backup, endpoints_dropped) = without_endpoints(backup);
    let mut restored = Restored {
        added: Vec::new(),
        unchanged: Vec::new(),
        conflicts: 0,
        endpoints_dropped,
    };
    for mut profile in backup.profiles {
        let same = |stored: &Profile| {
            Profile {
                endpoint: None,
                ..stored.clone()
            } == profile
        };
        if document.profiles.iter().any(same) {
            restored.unchanged.push(profile.id);
            continue;
        }
        let shares_a_key = document.profiles.iter().find(|stored| {
            profile
                .credentials
                .iter()
                .any(|c| stored.find_key(c).is_some())
        });
        if let Some(stored) = shares_a_key {
            document.conflicts.push(Conflict {
                existing_id: stored.id.clone(),
                fields: differing_fields(stored, &profile),
                incoming: profile,
            });
            restored.conflicts += 1;
            continue;
        }
        // Same id, different keys: two unrelated profiles. Keep both.
        if document
            .profiles
            .iter()
            .any(|stored| stored.id == profile.id)
        {
            profile.id = unique_id(&document.profiles, &profile.id);
        }
        restored.added.push(profile.id.clone());
        document.profiles.push(profile);
    }
    restored
}

fn differing_fields(a: &Profile, b: &Profile) -> Vec<String> {
    [
        ("id", a.id != b.id),
        ("name", a.name != b.name),
        ("provider", a.provider != b.provider),
        ("region", a.region != b.region),
        ("credentials", a.credentials != b.credentials),
        ("retired", a.retired != b.retired),
        ("projectId", a.project_id != b.project_id),
        ("openscaleGuid", a.openscale_guid != b.openscale_guid),
        ("dataMartId", a.data_mart_id != b.data_mart_id),
        ("keyCreatedAt", a.key_created_at != b.key_created_at),
        ("importedAt", a.imported_at != b.imported_at),
        ("lastCheck", a.last_check != b.last_check),
        ("note", a.note != b.note),
        ("colour", a.colour != b.colour),
    ]
    .into_iter()
    .filter(|(_, differs)| *differs)
    .map(|(field, _)| field.to_owned())
    .collect()
}

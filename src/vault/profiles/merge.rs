//! Restoring a backup into a vault that already has profiles: new profiles are added, copies
//! already present are skipped, and a profile holding a key that is already stored with other
//! details is reported as a conflict for the user to settle. Nothing is replaced here.

use serde::Serialize;

use super::upsert::unique_id;
use super::Profile;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Merged {
    /// `existing`, unchanged, followed by the added profiles.
    pub profiles: Vec<Profile>,
    /// Ids (in `profiles`) of the profiles taken from the backup.
    pub added: Vec<String>,
    /// Ids of backup profiles identical to one already stored.
    pub unchanged: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// A backup profile that holds a key an existing profile holds too, with other details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub existing_id: String,
    pub incoming: Profile,
    /// camelCase names of the fields that differ.
    pub fields: Vec<&'static str>,
}

pub fn merge_backup(existing: Vec<Profile>, incoming: Vec<Profile>) -> Merged {
    let mut merged = Merged {
        profiles: existing,
        added: Vec::new(),
        unchanged: Vec::new(),
        conflicts: Vec::new(),
    };
    for mut profile in incoming {
        if merged.profiles.contains(&profile) {
            merged.unchanged.push(profile.id);
            continue;
        }
        let shares_a_key = merged.profiles.iter().find(|stored| {
            profile
                .credentials
                .iter()
                .any(|c| stored.find_key(c).is_some())
        });
        if let Some(stored) = shares_a_key {
            merged.conflicts.push(Conflict {
                existing_id: stored.id.clone(),
                fields: differing_fields(stored, &profile),
                incoming: profile,
            });
            continue;
        }
        // Same id, different keys: two unrelated profiles. Keep both.
        if merged.profiles.iter().any(|stored| stored.id == profile.id) {
            profile.id = unique_id(&merged.profiles, &profile.id);
        }
        merged.added.push(profile.id.clone());
        merged.profiles.push(profile);
    }
    merged
}

fn differing_fields(a: &Profile, b: &Profile) -> Vec<&'static str> {
    [
        ("id", a.id != b.id),
        ("name", a.name != b.name),
        ("provider", a.provider != b.provider),
        ("region", a.region != b.region),
        ("credentials", a.credentials != b.credentials),
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
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

//! "Save as profile": an imported credential either updates the profile that already holds
//! that key (no twins) or starts a new profile.

use serde::Serialize;

use super::timestamp::format_ms;
use super::{Credential, Profile, Provider};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Upserted {
    pub profiles: Vec<Profile>,
    /// The profile that now holds the item.
    pub profile_id: String,
    /// True when the key was already stored and its profile was updated in place.
    pub updated: bool,
}

/// Stores `item`: in the profile that already holds the same key (replacing the stored copy:
/// a re-import brings a new secret, token or expiry), else in `target` when given, else in a
/// new profile appended to the list. `now_ms` stamps `importedAt` of new keys only, so a
/// re-import does not make an old key look fresh.
pub fn upsert_from_import(
    mut profiles: Vec<Profile>,
    item: Credential,
    now_ms: i64,
    target: Option<&str>,
) -> Upserted {
    let twin = profiles
        .iter()
        .enumerate()
        .find_map(|(p, profile)| Some((p, profile.find_key(&item)?)));
    if let Some((p, c)) = twin {
        let profile = &mut profiles[p];
        note_key_facts(profile, &item);
        profile.credentials[c] = item;
        let profile_id = profile.id.clone();
        return Upserted {
            profiles,
            profile_id,
            updated: true,
        };
    }

    let imported_at = format_ms(now_ms);
    let profile_id = match target.and_then(|id| profiles.iter_mut().find(|p| p.id == id)) {
        Some(profile) => {
            note_key_facts(profile, &item);
            if profile.imported_at.is_none() {
                profile.imported_at = imported_at;
            }
            profile.credentials.push(item);
            profile.id.clone()
        }
        None => {
            let mut profile = new_profile(
                &item,
                unique_id(&profiles, &format!("p-{now_ms}")),
                imported_at,
            );
            note_key_facts(&mut profile, &item);
            profile.credentials.push(item);
            let id = profile.id.clone();
            profiles.push(profile);
            id
        }
    };
    Upserted {
        profiles,
        profile_id,
        updated: false,
    }
}

/// Copies what the item tells about its account into the profile's own fields.
fn note_key_facts(profile: &mut Profile, item: &Credential) {
    match item {
        Credential::IbmApiKey {
            created_at: Some(created_at),
            ..
        } => profile.key_created_at = Some(created_at.clone()),
        // The OpenScale instance GUID is also its data mart id.
        Credential::IbmInstance { guid, location, .. } => {
            profile.openscale_guid = Some(guid.clone());
            profile.data_mart_id.get_or_insert_with(|| guid.clone());
            if profile.region.is_none() {
                profile.region = location.clone();
            }
        }
        _ => {}
    }
}

fn new_profile(item: &Credential, id: String, imported_at: Option<String>) -> Profile {
    let (provider, name) = match item {
        Credential::Aksk {
            access_key_id,
            user_name,
            provider,
            ..
        } => {
            let provider = match provider.as_deref() {
                Some("aws") => Provider::Aws,
                _ => Provider::Huawei,
            };
            let label = provider.name();
            let tail = access_key_id
                .char_indices()
                .rev()
                .nth(3)
                .map_or(access_key_id.as_str(), |(at, _)| &access_key_id[at..]);
            let name = match user_name {
                Some(user) => format!("{label} {user} …{tail}"),
                None => format!("{label} …{tail}"),
            };
            (provider, name)
        }
        Credential::IbmApiKey { name, .. } => (Provider::Ibm, or(name, "IBM Cloud API key")),
        Credential::IbmService { name, .. } => (Provider::Ibm, or(name, "IBM service credentials")),
        Credential::IbmInstance {
            name, service_name, ..
        } => (
            Provider::Ibm,
            or(
                name,
                service_name.as_deref().unwrap_or("IBM service instance"),
            ),
        ),
        Credential::AzureSp { display_name, .. } => {
            (Provider::Azure, or(display_name, "Azure service principal"))
        }
    };
    Profile {
        id,
        name,
        provider,
        region: None,
        credentials: Vec::new(),
        project_id: None,
        openscale_guid: None,
        data_mart_id: None,
        key_created_at: None,
        imported_at,
        last_check: None,
        note: String::new(),
        colour: None,
    }
}

fn or(name: &Option<String>, fallback: &str) -> String {
    name.clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

/// `base`, or `base-2`, `base-3`… whichever no profile has yet.
pub(super) fn unique_id(profiles: &[Profile], base: &str) -> String {
    let taken = |id: &str| profiles.iter().any(|p| p.id == id);
    (1..)
        .map(|n| match n {
            1 => base.to_owned(),
            n => format!("{base}-{n}"),
        })
        .find(|id| !taken(id))
        .expect("an unbounded range always has a free id")
}

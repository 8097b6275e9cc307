//! "Save" after an import: each credential updates the profile that already holds that key (no
//! twins), joins the profile the user chose, replaces the key it rotates there, or starts a new
//! profile of the cloud the user said the key is for.

use serde::Serialize;

use crate::words::{message_codes, Params};

use super::timestamp::format_ms;
use super::{AkIssuer, Credential, Document, Profile, ProfileError, Provider};
use tsify_next::Tsify;

/// What saving did with one credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum ImportAction {
    /// The same key was stored already: its profile's copy was refreshed.
    Updated,
    /// Added to an existing profile.
    Added,
    /// Took the place of the key it rotates, which is kept as retired until the new one passes a check.
    Replaced,
    /// A new profile.
    Created,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    pub profile_id: String,
    pub name: String,
    pub action: ImportAction,
}

/// A profile named to the user before they save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProfileRef {
    pub id: String,
    pub name: String,
}

/// What saving one credential would do, for the popup to ask what it must before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// The profile that holds this very key already (saving refreshes it there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored_in: Option<ProfileRef>,
    /// A profile holding an older key of the same identity: saving may replace it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces_in: Option<ProfileRef>,
    /// The file cannot tell Huawei Cloud from Flexible Engine: a new profile for it needs the
    /// user's choice.
    pub asks_cloud: bool,
    /// The profiles this credential may be saved into.
    pub fits: Vec<ProfileRef>,
    /// The profile saving it into is preset to, rather than a new profile ([`companion_of`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<ProfileRef>,
    /// How a new profile for it would be named, in words of the user's language, when the file
    /// names nothing (`profile_name_<code>`); the popup sends the words back with the save.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_name: Option<DefaultName>,
}

message_codes! {
    /// A new profile's name when its file gives none; the words are `profile_name_<code>`.
    pub enum DefaultNameCode {
        KeyOfUser = "key-of-user" [provider, user, keyTail],
        Key = "key" [provider, keyTail],
        IbmApiKey = "ibm-api-key" [],
        IbmService = "ibm-service" [],
        IbmInstance = "ibm-instance" [],
        AzureSp = "azure-sp" [],
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct DefaultName {
    pub code: DefaultNameCode,
    pub params: Params,
    /// The name when the caller sends no words (one without `_locales`, e.g. a test).
    #[serde(skip)]
    in_english: String,
}

/// Whether a profile of `provider` may hold `item`. An IBM profile also holds the AWS key and the
/// Azure service principal that its OpenScale machine-learning provider forms ask for.
pub fn accepts(provider: Provider, item: &Credential) -> bool {
    match item {
        Credential::AkSk(key) => match key.issuer {
            AkIssuer::Huawei => provider.takes_huawei_keys(),
            AkIssuer::Aws => matches!(provider, Provider::Aws | Provider::Ibm),
        },
        Credential::IbmApiKey(_) | Credential::IbmService(_) | Credential::IbmInstance(_) => {
            provider == Provider::Ibm
        }
        Credential::AzureSp(_) => matches!(provider, Provider::Azure | Provider::Ibm),
    }
}

/// Whether `profile` may take `item` as the next key of an identity it holds: the same kind of
/// identity (`Credential::is_rotated_by`) in the cloud the user chose for a Huawei-format key
/// (a Huawei Cloud user and a Flexible Engine user of the same name are two people).
fn rotates(profile: &Profile, item: &Credential, cloud: Option<Provider>) -> bool {
    let same_cloud = match item {
        Credential::AkSk(key) if key.issuer == AkIssuer::Huawei => {
            profile.provider == huawei_cloud(cloud)
        }
        _ => true,
    };
    same_cloud
        && accepts(profile.provider, item)
        && profile.credentials.iter().any(|c| c.is_rotated_by(item))
}

/// `cloud`: the cloud the user chose (or the console tab shows) for a Huawei-format key; any
/// other provider says nothing about one.
pub fn preview_import(
    document: &Document,
    items: &[Credential],
    target: Option<&str>,
    cloud: Option<Provider>,
) -> Vec<ImportPreview> {
    let reference = |p: &Profile| ProfileRef {
        id: p.id.clone(),
        name: p.name.clone(),
    };
    items
        .iter()
        .map(|item| {
            let stored_in = document
                .profiles
                .iter()
                .find(|p| p.find_key(item).is_some());
            let rotating = |p: &&Profile| rotates(p, item, cloud);
            let replaces_in = match target {
                Some(id) => document
                    .profiles
                    .iter()
                    .find(|p| p.id == id)
                    .filter(rotating),
                None => document.profiles.iter().find(rotating),
            };
            let into = companion_of(document, item, cloud)
                .filter(|_| stored_in.is_none() && replaces_in.is_none());
            ImportPreview {
                into: into.map(reference),
                stored_in: stored_in.map(reference),
                replaces_in: replaces_in.filter(|_| stored_in.is_none()).map(reference),
                asks_cloud: target.is_none()
                    && matches!(item, Credential::AkSk(key) if key.issuer == AkIssuer::Huawei),
                fits: document
                    .profiles
                    .iter()
                    .filter(|p| accepts(p.provider, item))
                    .map(reference)
                    .collect(),
                default_name: new_provider(item, cloud)
                    .ok()
                    .and_then(|provider| name_of(item, provider).err()),
            }
        })
        .collect()
}

/// The IBM profile a credential that an OpenScale form asks for joins, when there is one IBM
/// profile: WML service credentials and an IBM service instance always (their use is IBM's), an
/// AWS key or an Azure service principal when the tab shows IBM's console (elsewhere such a key is
/// more likely for its own cloud). Several IBM profiles: the user says which.
fn companion_of<'d>(
    document: &'d Document,
    item: &Credential,
    cloud: Option<Provider>,
) -> Option<&'d Profile> {
    let on_ibm_tab = cloud == Some(Provider::Ibm);
    let for_openscale = match item {
        Credential::IbmService(_) | Credential::IbmInstance(_) => true,
        Credential::AkSk(key) => key.issuer == AkIssuer::Aws && on_ibm_tab,
        Credential::AzureSp(_) => on_ibm_tab,
        Credential::IbmApiKey(_) => false,
    };
    let mut ibm = document
        .profiles
        .iter()
        .filter(|p| p.provider == Provider::Ibm);
    match (for_openscale, ibm.next(), ibm.next()) {
        (true, Some(only), None) => Some(only),
        _ => None,
    }
}

/// The user's choices for one import.
#[derive(Debug, Clone, Default)]
pub struct ImportChoice<'a> {
    /// Save into this profile rather than a new one.
    pub target: Option<&'a str>,
    /// The cloud of a new profile for a Huawei-family key (Huawei Cloud or Flexible Engine).
    pub provider: Option<Provider>,
    pub region: Option<&'a str>,
    /// Put the key in place of the one it rotates in `target` (or the profile the preview named).
    pub replace: bool,
    /// Start a new profile even for a key already stored: one key, several profiles (a Huawei
    /// Cloud key works in every region, and a user may keep one profile per region).
    pub new_profile: bool,
    /// The words of each item's [`DefaultName`], by position: a new profile's name when its file
    /// gives none. Without them the name is in English.
    pub names: &'a [Option<String>],
}

/// Saves `items` (one file's worth) into `document`. Items after the first that need a new profile
/// join the one this import created, unless it already holds a credential of their kind.
pub fn save_import(
    document: &mut Document,
    items: Vec<Credential>,
    choice: &ImportChoice,
    now_ms: i64,
) -> Result<Vec<Saved>, ProfileError> {
    if items.is_empty() {
        return Err(ProfileError::NoItems);
    }
    let mut created: Option<String> = None;
    let mut saved = Vec::new();
    for (at, item) in items.into_iter().enumerate() {
        let name = choice.names.get(at).cloned().flatten();
        let outcome = save_one(document, item, choice, created.as_deref(), name, now_ms)?;
        if outcome.action == ImportAction::Created {
            created = Some(outcome.profile_id.clone());
        }
        saved.push(outcome);
    }
    Ok(saved)
}

fn save_one(
    document: &mut Document,
    item: Credential,
    choice: &ImportChoice,
    created: Option<&str>,
    name: Option<String>,
    now_ms: i64,
) -> Result<Saved, ProfileError> {
    let imported_at = format_ms(now_ms);
    let done = |profile: &Profile, action| Saved {
        profile_id: profile.id.clone(),
        name: profile.name.clone(),
        action,
    };

    let twin = document
        .profiles
        .iter()
        .enumerate()
        .filter(|_| !choice.new_profile)
        .find_map(|(p, profile)| Some((p, profile.find_key(&item)?)));
    if let Some((p, c)) = twin {
        let profile = &mut document.profiles[p];
        note_key_facts(profile, &item);
        profile.credentials[c] = item;
        return Ok(done(profile, ImportAction::Updated));
    }

    let target = match choice.target {
        Some(_) if choice.new_profile => return Err(ProfileError::BadOperation),
        Some(id) => Some(document.index_of(id)?),
        None if choice.replace => document
            .profiles
            .iter()
            .position(|p| rotates(p, &item, choice.provider)),
        None => created.and_then(|id| {
            let at = document.index_of(id).ok()?;
            let profile = &document.profiles[at];
            let same_kind = profile
                .credentials
                .iter()
                .any(|c| std::mem::discriminant(c) == std::mem::discriminant(&item));
            (accepts(profile.provider, &item) && !same_kind).then_some(at)
        }),
    };
    let Some(at) = target else {
        if choice.replace {
            return Err(ProfileError::NothingToReplace);
        }
        let provider = new_provider(&item, choice.provider)?;
        let region = match choice.region.map(str::trim).filter(|r| !r.is_empty()) {
            Some(region) if crate::profile::region::region_known(provider, region) => {
                Some(region.to_owned())
            }
            Some(_) => return Err(ProfileError::BadRegion),
            None => None,
        };
        let id = unique_id(&document.profiles, &format!("p-{now_ms}"));
        let mut profile = new_profile(&item, provider, id, imported_at, name);
        profile.region = region;
        note_key_facts(&mut profile, &item);
        profile.credentials.push(item);
        document.profiles.push(profile);
        let profile = document.profiles.last().expect("just pushed");
        return Ok(done(profile, ImportAction::Created));
    };

    let profile = &mut document.profiles[at];
    if !accepts(profile.provider, &item) {
        return Err(ProfileError::WrongProvider);
    }
    note_key_facts(profile, &item);
    if choice.replace {
        let old = profile
            .credentials
            .iter()
            .position(|c| c.is_rotated_by(&item))
            .ok_or(ProfileError::NothingToReplace)?;
        if profile.name_from_key {
            if let Some(name) = renamed_for_key(&profile.name, &profile.credentials[old], &item) {
                profile.name = name;
            }
        }
        let retired = std::mem::replace(&mut profile.credentials[old], item);
        profile.retired.push(retired);
        // The key's age now runs from the new key.
        profile.imported_at = imported_at;
        if !matches!(&profile.credentials[old], Credential::IbmApiKey(k) if k.created_at.is_some())
        {
            profile.key_created_at = None;
        }
        return Ok(done(profile, ImportAction::Replaced));
    }
    if profile.imported_at.is_none() {
        profile.imported_at = imported_at;
    }
    profile.credentials.push(item);
    Ok(done(profile, ImportAction::Added))
}

/// The cloud of a Huawei-format key: the user's choice (or the console tab's), Huawei Cloud when
/// neither says.
fn huawei_cloud(chosen: Option<Provider>) -> Provider {
    chosen
        .filter(|p| p.takes_huawei_keys())
        .unwrap_or(Provider::Huawei)
}

/// The provider of a new profile for `item`: Huawei-family keys take the user's cloud choice.
fn new_provider(item: &Credential, chosen: Option<Provider>) -> Result<Provider, ProfileError> {
    Ok(match item {
        Credential::AkSk(key) if key.issuer == AkIssuer::Aws => Provider::Aws,
        Credential::AkSk(_) => match chosen {
            Some(p) if !p.takes_huawei_keys() => return Err(ProfileError::WrongProvider),
            chosen => huawei_cloud(chosen),
        },
        Credential::IbmApiKey(_) | Credential::IbmService(_) | Credential::IbmInstance(_) => {
            Provider::Ibm
        }
        Credential::AzureSp(_) => Provider::Azure,
    })
}

/// Copies what the item tells about its account into the profile's own fields.
fn note_key_facts(profile: &mut Profile, item: &Credential) {
    match item {
        Credential::IbmApiKey(key) if key.created_at.is_some() => {
            profile.key_created_at = key.created_at.clone();
        }
        // The OpenScale instance GUID is also its data mart id.
        Credential::IbmInstance(instance) => {
            profile.openscale_guid = Some(instance.guid.clone());
            profile
                .data_mart_id
                .get_or_insert_with(|| instance.guid.clone());
            if profile.region.is_none() {
                profile.region = instance
                    .location
                    .clone()
                    .filter(|location| profile.takes_region(location));
            }
        }
        _ => {}
    }
}

fn new_profile(
    item: &Credential,
    provider: Provider,
    id: String,
    imported_at: Option<String>,
    words: Option<String>,
) -> Profile {
    let words = words.filter(|w| !w.trim().is_empty());
    let (name, name_from_key) = match name_of(item, provider) {
        Ok(given) => (given, false),
        Err(default) => (
            words.unwrap_or(default.in_english),
            default.params.contains_key(KEY_TAIL),
        ),
    };
    Profile {
        imported_at,
        name_from_key,
        ..Profile::new(id, name, provider)
    }
}

/// The param of a default name that holds the key's last characters.
const KEY_TAIL: &str = "keyTail";

/// The last four characters of an access key ID, which default names end with (after `…`).
fn key_tail(access_key_id: &str) -> &str {
    access_key_id
        .char_indices()
        .rev()
        .nth(3)
        .map_or(access_key_id, |(at, _)| &access_key_id[at..])
}

/// A name credfill made from `old`'s tail, moved to `new`'s; `None` when it does not end with it
/// (the words of every language end `…{keyTail}`).
fn renamed_for_key(name: &str, old: &Credential, new: &Credential) -> Option<String> {
    let (Credential::AkSk(old), Credential::AkSk(new)) = (old, new) else {
        return None;
    };
    let stem = name.strip_suffix(&format!("…{}", key_tail(&old.access_key_id)))?;
    Some(format!("{stem}…{}", key_tail(&new.access_key_id)))
}

/// The name the file gives the credential, or the [`DefaultName`] to put into words.
fn name_of(item: &Credential, provider: Provider) -> Result<String, DefaultName> {
    let given = |name: &Option<String>| name.clone().filter(|n| !n.trim().is_empty());
    let unnamed = |code, in_english: &str| DefaultName {
        code,
        params: Params::new(),
        in_english: in_english.to_owned(),
    };
    match item {
        Credential::AkSk(key) => {
            let tail = key_tail(&key.access_key_id);
            let mut params = Params::from([("provider", provider.term()), (KEY_TAIL, tail.into())]);
            let label = provider.name();
            Err(match &key.user_name {
                Some(user) => {
                    params.insert("user", user.as_str().into());
                    DefaultName {
                        code: DefaultNameCode::KeyOfUser,
                        params,
                        in_english: format!("{label} {user} …{tail}"),
                    }
                }
                None => DefaultName {
                    code: DefaultNameCode::Key,
                    params,
                    in_english: format!("{label} …{tail}"),
                },
            })
        }
        Credential::IbmApiKey(key) => {
            given(&key.name).ok_or_else(|| unnamed(DefaultNameCode::IbmApiKey, "IBM Cloud API key"))
        }
        Credential::IbmService(service) => given(&service.name)
            .ok_or_else(|| unnamed(DefaultNameCode::IbmService, "IBM service credentials")),
        Credential::IbmInstance(instance) => given(&instance.name)
            .or_else(|| given(&instance.service_name))
            .ok_or_else(|| unnamed(DefaultNameCode::IbmInstance, "IBM service instance")),
        Credential::AzureSp(sp) => given(&sp.display_name)
            .ok_or_else(|| unnamed(DefaultNameCode::AzureSp, "Azure service principal")),
    }
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

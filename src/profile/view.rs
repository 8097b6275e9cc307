//! What the extension's pages may see of the document: everything but the secrets, which never
//! leave the worker, plus each profile's key age.

use serde::Serialize;
use serde_json::Value;

use super::{key_age, Credential, Document, KeyAge, Profile};
use tsify_next::Tsify;

/// A profile as pages see it: its stored fields with secret values left out, and its key age.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    /// Typed as the stored profile (`crate::profile::Profile`), its secret values left out.
    #[serde(flatten)]
    #[tsify(type = "Profile")]
    pub profile: Value,
    pub key_age: KeyAge,
    /// How well it fits the tab the page was opened on: 0 another console (or none), 1 this
    /// console's provider, 2 its provider and the region the tab's URL names.
    pub matches_tab: u8,
}

/// The console the popup's tab shows, as `fill::tab_console` reads it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, Tsify)]
pub struct Tab {
    pub provider: super::Provider,
    #[serde(default)]
    pub region: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    pub profiles: Vec<ProfileView>,
    /// Backup conflicts: `{existingId, incoming, fields}` with the incoming profile's secrets left out.
    #[tsify(type = "Conflict[]")]
    pub conflicts: Vec<Value>,
    /// A deletion can still be undone.
    pub can_undo: bool,
}

pub fn document_view(
    document: &Document,
    now_ms: i64,
    max_key_age_days: u32,
    tab: Option<&Tab>,
) -> DocumentView {
    let matches_tab = |p: &Profile| match tab {
        Some(tab) if tab.provider == p.provider => {
            1 + u8::from(tab.region.is_some() && tab.region == p.region)
        }
        _ => 0,
    };
    DocumentView {
        profiles: document
            .profiles
            .iter()
            .map(|p| ProfileView {
                profile: public_profile(p),
                key_age: key_age(p, now_ms, max_key_age_days),
                matches_tab: matches_tab(p),
            })
            .collect(),
        conflicts: document
            .conflicts
            .iter()
            .map(|c| {
                serde_json::json!({
                    "existingId": c.existing_id,
                    "incoming": public_profile(&c.incoming),
                    "fields": c.fields,
                })
            })
            .collect(),
        can_undo: document
            .deleted
            .as_ref()
            .is_some_and(|d| now_ms - d.at <= super::UNDO_MS),
    }
}

fn public_profile(profile: &Profile) -> Value {
    let mut value = serde_json::to_value(profile).expect("a profile serialises");
    value["credentials"] = profile.credentials.iter().map(public_credential).collect();
    value["retired"] = profile.retired.iter().map(public_credential).collect();
    value
}

/// The credential's fields, its secret ones left out.
fn public_credential(credential: &Credential) -> Value {
    let secrets: &[&str] = match credential {
        Credential::AkSk(_) => &["secretAccessKey", "securityToken"],
        Credential::IbmApiKey(_) | Credential::IbmService(_) => &["apiKey"],
        Credential::IbmInstance(_) => &[],
        Credential::AzureSp(_) => &["clientSecret"],
    };
    let mut value = serde_json::to_value(credential).expect("a credential serialises");
    if let Some(fields) = value.as_object_mut() {
        fields.retain(|name, _| !secrets.contains(&name.as_str()));
    }
    value
}

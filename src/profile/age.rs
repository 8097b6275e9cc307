//! Key-age reminders: how old a profile's key is, whether it is due for rotation, and
//! whether temporary credentials have run out.

use serde::Serialize;

use super::rotation::rotation_steps;
use super::timestamp::parse_ms;
use super::Profile;
use tsify_next::Tsify;

pub const DEFAULT_MAX_KEY_AGE_DAYS: u32 = 90;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum KeyAgeSince {
    /// The cloud's creation date of the key.
    Created,
    /// Creation date unknown: the first import.
    Imported,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct KeyAge {
    /// Whole days; `None` when the profile has no readable date.
    pub age_days: Option<i64>,
    pub since: Option<KeyAgeSince>,
    /// Older than the configured maximum (long-lived keys only).
    pub stale: bool,
    /// Holds credentials that expire by themselves.
    pub temporary: bool,
    /// The earliest expiry of its temporary credentials, as stored.
    pub expires_at: Option<String>,
    /// That expiry as an instant (ms since the epoch), when readable: pages write it in the user's language.
    pub expires_at_ms: Option<i64>,
    pub expired: bool,
    /// Codes of the provider's rotation steps (`rotation_<code>` in `_locales`).
    pub rotation_steps: Vec<String>,
}

pub fn key_age(profile: &Profile, now_ms: i64, max_age_days: u32) -> KeyAge {
    let created = profile.key_created_at.as_deref().and_then(parse_ms);
    let imported = profile.imported_at.as_deref().and_then(parse_ms);
    let (since, from_ms) = match (created, imported) {
        (Some(at), _) => (Some(KeyAgeSince::Created), Some(at)),
        (None, Some(at)) => (Some(KeyAgeSince::Imported), Some(at)),
        (None, None) => (None, None),
    };
    let age_ms = from_ms.map(|from| now_ms.saturating_sub(from).max(0));

    let expiry = profile
        .credentials
        .iter()
        .filter_map(|c| c.expires_at())
        .map(|text| (parse_ms(text), text))
        .min_by_key(|(ms, _)| ms.unwrap_or(i64::MAX));
    let temporary = expiry.is_some();

    KeyAge {
        age_days: age_ms.map(|ms| ms / DAY_MS),
        since,
        stale: !temporary
            && age_ms.is_some_and(|ms| ms > i64::from(max_age_days).saturating_mul(DAY_MS)),
        temporary,
        expires_at: expiry.map(|(_, text)| text.to_owned()),
        expires_at_ms: expiry.and_then(|(ms, _)| ms),
        expired: expiry.is_some_and(|(ms, _)| ms.is_some_and(|at| at <= now_ms)),
        rotation_steps: rotation_steps(profile.provider, temporary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expiry_is_given_as_stored_and_as_an_instant() {
        let profile: Profile = serde_json::from_value(serde_json::json!({
            "id": "p", "name": "p", "provider": "huawei", "region": "cn-north-4",
            "credentials": [{"kind": "aksk", "issuer": "huawei", "accessKeyId": "HPUAL2JOQF8TCAVK0042",
                "secretAccessKey": "s".repeat(40), "securityToken": "t",
                "expiresAt": "2026-01-01T12:00:00.000000Z"}],
        }))
        .unwrap();
        let age = key_age(&profile, 0, 90);
        assert!(age.temporary && !age.expired);
        assert_eq!(
            age.expires_at.as_deref(),
            Some("2026-01-01T12:00:00.000000Z")
        );
        assert_eq!(age.expires_at_ms, Some(1_767_268_800_000));
    }
}

//! Profiles: import without twins, backup merges that never replace, key ages.

use serde_json::json;

use credfill::vault::profiles::{
    key_age, merge_backup, upsert_from_import, Credential, KeyAgeSince, Profile, Provider,
    DEFAULT_MAX_KEY_AGE_DAYS,
};

const DAY_MS: i64 = 86_400_000;
/// 2026-01-01T12:00:00Z.
const NOON: i64 = 1_767_268_800_000;

fn item(value: serde_json::Value) -> Credential {
    serde_json::from_value(value).unwrap()
}

fn huawei(ak: &str, sk: &str) -> Credential {
    item(json!({"kind": "aksk", "accessKeyId": ak, "secretAccessKey": sk, "userName": "alice"}))
}

const AK: &str = "HPUAL2JOQF8TCAVKWXYZ";

#[test]
fn reimporting_an_ak_updates_its_profile_instead_of_making_a_twin() {
    let first = upsert_from_import(Vec::new(), huawei(AK, "a".repeat(40).as_str()), NOON, None);
    assert!(!first.updated);
    assert_eq!(first.profiles.len(), 1);
    let profile = &first.profiles[0];
    assert_eq!(
        (profile.id.as_str(), profile.provider),
        ("p-1767268800000", Provider::Huawei)
    );
    assert_eq!(profile.name, "Huawei Cloud alice …WXYZ");
    assert_eq!(profile.imported_at.as_deref(), Some("2026-01-01T12:00:00Z"));

    let mut edited = first.profiles;
    edited[0].name = "prod eu-west-0".into();
    let later = NOON + 30 * DAY_MS;
    let second = upsert_from_import(edited, huawei(AK, "b".repeat(40).as_str()), later, None);
    assert!(second.updated);
    assert_eq!(second.profile_id, "p-1767268800000");
    assert_eq!(second.profiles.len(), 1, "no twin");
    let profile = &second.profiles[0];
    assert_eq!(profile.name, "prod eu-west-0", "the user's edits stay");
    assert_eq!(
        profile.credentials,
        [huawei(AK, "b".repeat(40).as_str())],
        "new secret stored"
    );
    assert_eq!(
        profile.imported_at.as_deref(),
        Some("2026-01-01T12:00:00Z"),
        "age not reset"
    );

    let third = upsert_from_import(
        second.profiles,
        huawei("HPUAOTHERKEY00000001", "c"),
        NOON,
        None,
    );
    assert!(!third.updated);
    assert_eq!(third.profiles.len(), 2);
    assert_eq!(
        third.profile_id, "p-1767268800000-2",
        "same millisecond, distinct id"
    );
}

#[test]
fn an_import_can_go_into_a_chosen_profile() {
    let api_key = item(
        json!({"kind": "ibm-api-key", "apiKey": "k".repeat(44), "name": "openscale-key",
                              "createdAt": "2025-06-01T08:00+0000"}),
    );
    let made = upsert_from_import(Vec::new(), api_key, NOON, None);
    let profile = &made.profiles[0];
    assert_eq!(
        (profile.provider, profile.name.as_str()),
        (Provider::Ibm, "openscale-key")
    );
    assert_eq!(
        profile.key_created_at.as_deref(),
        Some("2025-06-01T08:00+0000")
    );

    let instance = item(
        json!({"kind": "ibm-instance", "guid": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        "crn": "crn:v1:bluemix:public:aiopenscale:eu-de:a/123::", "location": "eu-de"}),
    );
    let added = upsert_from_import(made.profiles, instance, NOON + 1, Some(&made.profile_id));
    assert!(!added.updated);
    assert_eq!(added.profiles.len(), 1);
    let profile = &added.profiles[0];
    assert_eq!(profile.credentials.len(), 2);
    assert_eq!(
        profile.openscale_guid.as_deref(),
        Some("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
    );
    assert_eq!(profile.data_mart_id, profile.openscale_guid);
    assert_eq!(profile.region.as_deref(), Some("eu-de"));
}

#[test]
fn profiles_are_plain_camel_case_json_and_secrets_stay_out_of_debug() {
    let made = upsert_from_import(
        Vec::new(),
        huawei(AK, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
        NOON,
        None,
    );
    let json = serde_json::to_value(&made.profiles[0]).unwrap();
    assert_eq!(
        json["credentials"][0]["secretAccessKey"],
        "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
    );
    assert_eq!(json["importedAt"], "2026-01-01T12:00:00Z");
    let back: Profile = serde_json::from_value(json).unwrap();
    assert_eq!(back, made.profiles[0]);
    assert!(!format!("{back:?}").contains("MFyf"));
}

fn profile(id: &str, ak: &str) -> Profile {
    upsert_from_import(Vec::new(), huawei(ak, "s"), NOON, None)
        .profiles
        .into_iter()
        .map(|p| Profile { id: id.into(), ..p })
        .next()
        .unwrap()
}

#[test]
fn restoring_a_backup_adds_skips_and_reports_conflicts_but_never_replaces() {
    let existing = vec![profile("a", AK), profile("b", "HPUABBBBBBBBBBBBBBBB")];
    let renamed = Profile {
        name: "renamed in the backup".into(),
        ..existing[0].clone()
    };
    let unrelated_same_id = profile("b", "HPUACCCCCCCCCCCCCCCC");
    let brand_new = profile("c", "HPUADDDDDDDDDDDDDDDD");
    let incoming = vec![
        existing[1].clone(),
        renamed.clone(),
        unrelated_same_id,
        brand_new,
    ];

    let merged = merge_backup(existing.clone(), incoming);
    assert_eq!(
        merged.profiles[..2],
        existing[..],
        "existing profiles untouched"
    );
    assert_eq!(merged.unchanged, ["b"]);
    assert_eq!(merged.added, ["b-2", "c"]);
    assert_eq!(merged.profiles.len(), 4);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.existing_id, "a");
    assert_eq!(conflict.incoming, renamed);
    assert_eq!(conflict.fields, ["name"]);
}

#[test]
fn key_age_counts_from_creation_else_import_and_flags_past_the_limit() {
    let mut p = profile("a", AK); // imported at NOON
    let age = |p: &Profile, days: i64| key_age(p, NOON + days * DAY_MS, DEFAULT_MAX_KEY_AGE_DAYS);

    let fresh = age(&p, 90);
    assert_eq!(
        (fresh.age_days, fresh.since, fresh.stale),
        (Some(90), Some(KeyAgeSince::Imported), false)
    );
    let old = age(&p, 91);
    assert!(old.stale && !old.temporary && !old.expired);
    assert_eq!(old.rotation_steps.len(), 5);
    assert!(old.rotation_steps[0].contains("two are allowed"));

    p.key_created_at = Some("2025-10-01T12:00:00Z".into()); // 92 days before NOON
    let by_creation = age(&p, 0);
    assert_eq!(
        (by_creation.age_days, by_creation.since),
        (Some(92), Some(KeyAgeSince::Created))
    );
    assert!(by_creation.stale);
    assert!(!key_age(&p, NOON, 365).stale, "the limit is configurable");
}

#[test]
fn temporary_credentials_expire_and_are_never_merely_stale() {
    let token = item(
        json!({"kind": "aksk", "accessKeyId": "TEMPAKTEMPAKTEMPAK01", "secretAccessKey": "s",
        "securityToken": "t", "expiresAt": "2026-01-01T13:00:00.000000Z"}),
    );
    let p = &upsert_from_import(Vec::new(), token, NOON, None).profiles[0];
    let before = key_age(p, NOON + 59 * 60_000, DEFAULT_MAX_KEY_AGE_DAYS);
    assert!(before.temporary && !before.expired && !before.stale);
    assert_eq!(
        before.expires_at.as_deref(),
        Some("2026-01-01T13:00:00.000000Z")
    );
    let after = key_age(p, NOON + 60 * 60_000, DEFAULT_MAX_KEY_AGE_DAYS);
    assert!(after.expired);
    assert!(!key_age(p, NOON + 400 * DAY_MS, 90).stale);
    assert!(after.rotation_steps[0].contains("temporary"));
}

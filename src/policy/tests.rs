use super::*;
use serde_json::json;

fn read(raw: Value) -> ManagedPolicy {
    ManagedPolicy::read(&raw)
}

fn codes(policy: &ManagedPolicy) -> Vec<&'static str> {
    policy.problems.iter().map(|p| p.code.as_str()).collect()
}

const USER: VaultSettings = VaultSettings {
    auto_lock_minutes: 60,
    max_key_age_days: 90,
};

#[test]
fn no_policy_leaves_every_setting_the_users() {
    for raw in [json!({}), Value::Null] {
        let policy = read(raw);
        assert_eq!(policy, ManagedPolicy::default());
        assert_eq!(policy.vault_settings(USER), USER);
        assert_eq!(policy.new_kdf_cost(), DEFAULT_COST);
        assert!(policy.check_secret_use(SecretUse::CopyWithSecret).is_ok());
        assert!(policy.check_user_console_host().is_ok());
        for (write, _) in SetupWrite::ALL {
            assert!(policy.check_write(write).is_ok());
        }
    }
}

#[test]
fn every_key_is_read() {
    let policy = read(json!({
        "consoleHosts": [{"host": "Console.HCS.Example.com", "provider": "huawei"}],
        "allowUserConsoleHosts": false,
        "maxAutoLockMinutes": 10,
        "keyAgeReminderDays": 30,
        "kdfFloor": {"mKib": 131072, "t": 2, "p": 1},
        "allowCopyWithSecret": false,
        "allowDownload": false,
        "allowCustomEndpoints": true,
        "allowedEndpointOrigins": ["https://obs.private.example.com:8443/"],
        "allowedWrites": {"createBucket": true, "authorize": false, "addProvider": false, "rotateKey": true},
    }));
    assert_eq!(policy.problems, vec![]);
    assert_eq!(policy.managed, KEYS);
    assert_eq!(
        policy.console_hosts,
        [ExtraHost {
            host: "console.hcs.example.com".into(),
            provider: Provider::Huawei
        }]
    );
    assert!(!policy.allow_user_console_hosts);
    assert_eq!(policy.max_auto_lock_minutes, Some(10));
    assert_eq!(policy.key_age_reminder_days, Some(30));
    assert_eq!(
        policy.kdf_floor,
        Some(KdfCost {
            m_kib: 131072,
            t: 2,
            p: 1
        })
    );
    assert!(!policy.allow_copy_with_secret && !policy.allow_download);
    assert!(policy.allow_custom_endpoints);
    assert_eq!(
        policy.allowed_endpoint_origins.as_deref(),
        Some(&["https://obs.private.example.com:8443".to_owned()][..])
    );
    assert_eq!(
        policy.allowed_writes,
        AllowedWrites {
            create_bucket: true,
            authorize: false,
            add_provider: false,
            rotate_key: true,
            temporary_key: true
        }
    );
}

#[test]
fn a_bad_value_is_refused_with_its_code_and_gives_the_stricter_choice() {
    let policy = read(json!({
        "consoleHosts": [
            {"host": "console.hcs.example.com", "provider": "huawei"},
            {"host": "*.example.com", "provider": "huawei"},
            {"host": "console.aws.example.com", "provider": "aws"},
            {"host": "cloud.ibm.com", "provider": "ibm"},
            "console.example.org",
        ],
        "allowUserConsoleHosts": "yes",
        "maxAutoLockMinutes": "30",
        "keyAgeReminderDays": 0,
        "kdfFloor": {"mKib": 1024, "t": 1, "p": 1},
        "allowCopyWithSecret": 1,
        "allowDownload": null,
        "allowCustomEndpoints": "true",
        "allowedEndpointOrigins": ["http://obs.example.com", "https://ok.example.com"],
        "allowedWrites": {"createBucket": "no", "rotateKey": true, "deleteBucket": true},
        "colour": "blue",
    }));
    assert_eq!(
        policy
            .console_hosts
            .iter()
            .map(|h| h.host.as_str())
            .collect::<Vec<_>>(),
        ["console.hcs.example.com"],
        "the bad entries dropped, the built-in one left to the built-in list"
    );
    assert!(!policy.allow_user_console_hosts);
    assert_eq!(policy.max_auto_lock_minutes, Some(AUTO_LOCK_MINUTES.0));
    assert_eq!(policy.key_age_reminder_days, Some(KEY_AGE_DAYS.0));
    assert_eq!(policy.kdf_floor, Some(STRICTEST_KDF));
    assert!(!policy.allow_copy_with_secret && !policy.allow_download);
    assert!(!policy.allow_custom_endpoints);
    assert_eq!(
        policy.allowed_endpoint_origins,
        Some(vec!["https://ok.example.com".to_owned()])
    );
    assert_eq!(
        policy.allowed_writes,
        AllowedWrites {
            create_bucket: false,
            authorize: true,
            add_provider: true,
            rotate_key: true,
            temporary_key: true
        }
    );
    let mut found = codes(&policy);
    found.sort_unstable();
    let mut expected = vec![
        "bad-console-host",
        "bad-console-host",
        "bad-console-host",
        "not-a-boolean",
        "not-a-whole-number",
        "not-a-whole-number",
        "bad-kdf",
        "not-a-boolean",
        "not-a-boolean",
        "not-a-boolean",
        "bad-origin",
        "not-a-boolean",
        "unknown-key",
        "unknown-key",
    ];
    expected.sort_unstable();
    assert_eq!(found, expected);
    // The options page names the key and, for a number, its range; never a value beyond the host
    // or origin an administrator wrote.
    let number = policy
        .problems
        .iter()
        .find(|p| p.params.get("key") == Some(&Param::from("maxAutoLockMinutes")))
        .unwrap();
    assert_eq!(number.code, ProblemCode::NotAWholeNumber);
    assert_eq!(
        serde_json::to_value(&number.params).unwrap(),
        json!({"key": "maxAutoLockMinutes", "min": 1, "max": 1440})
    );
    assert!(policy
        .problems
        .iter()
        .any(|p| p.params.get("key") == Some(&Param::from("allowedWrites.deleteBucket"))));
}

#[test]
fn a_policy_that_is_not_an_object_refuses_everything_it_could_allow() {
    for raw in [json!("allow everything"), json!([1, 2]), json!(true)] {
        let policy = read(raw);
        assert_eq!(codes(&policy), ["not-an-object"]);
        assert!(!policy.allow_user_console_hosts && !policy.allow_custom_endpoints);
        assert!(!policy.allow_copy_with_secret && !policy.allow_download);
        assert_eq!(policy.max_auto_lock_minutes, Some(1));
        assert_eq!(policy.allowed_endpoint_origins, Some(vec![]));
        for (write, _) in SetupWrite::ALL {
            assert!(policy.check_write(write).is_err(), "{write:?}");
        }
        assert_eq!(policy.managed, KEYS);
    }
}

#[test]
fn numbers_out_of_range_or_not_whole_are_refused() {
    for bad in [json!(0), json!(1441), json!(-5), json!(2.5), json!(1e12)] {
        let policy = read(json!({ "maxAutoLockMinutes": bad }));
        assert_eq!(codes(&policy), ["not-a-whole-number"], "{bad}");
        assert_eq!(policy.max_auto_lock_minutes, Some(1));
    }
    assert_eq!(
        read(json!({"maxAutoLockMinutes": 1440})).max_auto_lock_minutes,
        Some(1440)
    );
}

#[test]
fn kdf_floors_outside_the_vaults_range_take_the_costliest() {
    for bad in [
        json!({"mKib": 2_000_000, "t": 3, "p": 1}),
        json!({"mKib": 65536, "t": 3}),
        json!(65536),
    ] {
        let policy = read(json!({ "kdfFloor": bad }));
        assert_eq!(codes(&policy), ["bad-kdf"], "{bad}");
        assert_eq!(policy.new_kdf_cost(), STRICTEST_KDF);
    }
}

#[test]
fn the_user_console_hosts_count_only_when_the_policy_lets_users_add_them() {
    let user = [ExtraHost {
        host: "console.mine.example.com".into(),
        provider: Provider::Ibm,
    }];
    let managed = json!([{"host": "console.hcs.example.com", "provider": "flexible-engine"}]);
    let open = read(json!({ "consoleHosts": managed }));
    let hosts: Vec<_> = open
        .console_hosts(&user)
        .into_iter()
        .map(|h| h.host)
        .collect();
    assert_eq!(
        hosts,
        ["console.hcs.example.com", "console.mine.example.com"]
    );
    let closed = read(json!({ "consoleHosts": managed, "allowUserConsoleHosts": false }));
    let hosts: Vec<_> = closed
        .console_hosts(&user)
        .into_iter()
        .map(|h| h.host)
        .collect();
    assert_eq!(hosts, ["console.hcs.example.com"]);
    let refused = closed.check_user_console_host().unwrap_err();
    assert_eq!(refused.code, PolicyRefusal::Forbids);
    assert_eq!(
        serde_json::to_value(&refused.params).unwrap(),
        json!({"what": {"term": "managed_what_user_console_hosts"}})
    );
    // The same host named by both: the organisation's provider wins.
    let twin = [ExtraHost {
        host: "console.hcs.example.com".into(),
        provider: Provider::Huawei,
    }];
    assert_eq!(open.console_hosts(&twin), closed.console_hosts(&[]));
}

#[test]
fn a_managed_host_fills_through_the_origin_policy() {
    let policy =
        read(json!({"consoleHosts": [{"host": "console.hcs.example.com", "provider": "huawei"}]}));
    let page = "https://console.hcs.example.com/modelarts/";
    let hosts = policy.console_hosts(&[]);
    assert_eq!(
        crate::fill::match_console(page, &hosts).map(|m| m.provider),
        Some(Provider::Huawei)
    );
}

#[test]
fn the_auto_lock_maximum_clamps_the_users_setting_and_refuses_a_longer_one() {
    let policy = read(json!({"maxAutoLockMinutes": 15}));
    assert_eq!(policy.vault_settings(USER).auto_lock_minutes, 15);
    let short = VaultSettings {
        auto_lock_minutes: 5,
        ..USER
    };
    assert_eq!(policy.vault_settings(short), short);
    assert!(policy.check_vault_settings(short).is_ok());
    let refused = policy.check_vault_settings(USER).unwrap_err();
    assert_eq!(refused.code.as_str(), "policy-lock-maximum");
    assert_eq!(refused.params.get("max"), Some(&Param::Number(15)));
}

#[test]
fn the_key_age_reminder_is_the_organisations() {
    let policy = read(json!({"keyAgeReminderDays": 30}));
    assert_eq!(policy.vault_settings(USER).max_key_age_days, 30);
    let refused = policy.check_vault_settings(USER).unwrap_err();
    assert_eq!(refused.code, PolicyRefusal::KeyAgeSet);
    let kept = VaultSettings {
        max_key_age_days: 30,
        ..USER
    };
    assert!(policy.check_vault_settings(kept).is_ok());
}

#[test]
fn the_kdf_floor_raises_a_new_passphrases_cost_never_lowers_it() {
    let higher = read(json!({"kdfFloor": {"mKib": 131072, "t": 2, "p": 2}}));
    assert_eq!(
        higher.new_kdf_cost(),
        KdfCost {
            m_kib: 131072,
            t: DEFAULT_COST.t,
            p: 2
        }
    );
    let lower = read(json!({"kdfFloor": {"mKib": 19456, "t": 2, "p": 1}}));
    assert_eq!(lower.new_kdf_cost(), DEFAULT_COST);
}

#[test]
fn a_stored_record_below_the_organisations_floor_is_re_keyed() {
    let default = DEFAULT_COST;
    assert!(!read(json!({})).below_kdf_floor(default));
    let owasp = crate::vault::FLOOR;
    assert!(!read(json!({})).below_kdf_floor(owasp));
    let raised = read(json!({"kdfFloor": {"mKib": 131072, "t": 3, "p": 1}}));
    assert!(
        raised.below_kdf_floor(default),
        "less memory than the floor"
    );
    assert!(!raised.below_kdf_floor(raised.new_kdf_cost()));
    let weak = KdfCost { t: 1, ..owasp };
    assert!(
        read(json!({})).below_kdf_floor(weak),
        "the vault's own floor still holds"
    );
}

#[test]
fn copy_with_secret_and_download_are_refused_when_forbidden() {
    let policy = read(json!({"allowCopyWithSecret": false}));
    let refused = policy
        .check_secret_use(SecretUse::CopyWithSecret)
        .unwrap_err();
    assert_eq!(
        serde_json::to_value(&refused).unwrap(),
        json!({"code": "policy-forbids", "params": {"what": {"term": "managed_what_copy_with_secret"}}})
    );
    assert!(policy.check_secret_use(SecretUse::Download).is_ok());
    let policy = read(json!({"allowDownload": false}));
    assert!(policy.check_secret_use(SecretUse::Download).is_err());
}

#[test]
fn each_setup_write_is_refused_when_the_policy_names_it_false() {
    for (write, name) in SetupWrite::ALL {
        let policy = read(json!({ "allowedWrites": { name: false } }));
        for (other, _) in SetupWrite::ALL {
            assert_eq!(policy.check_write(other).is_err(), other == write, "{name}");
        }
    }
    let policy = read(json!({"allowedWrites": false}));
    assert_eq!(codes(&policy), ["not-writes"]);
    assert!(policy.check_write(SetupWrite::RotateKey).is_err());
}

fn profile_with(endpoint: Value) -> Profile {
    serde_json::from_value(json!({
        "id": "p1", "name": "n", "provider": "huawei", "region": "x-1", "endpoint": endpoint,
        "credentials": [],
    }))
    .unwrap()
}

#[test]
fn custom_endpoints_are_refused_unless_allowed_and_listed() {
    let private = profile_with(json!("https://obs.private.example.com"));
    let split = profile_with(
        json!({"obs": "https://obs.private.example.com", "iam": "https://iam.other.example.com"}),
    );
    let plain: Profile = serde_json::from_value(
        json!({"id": "p2", "name": "n", "provider": "huawei", "region": "eu-west-0", "credentials": []}),
    )
    .unwrap();
    assert!(read(json!({})).check_endpoints(&private).is_ok());
    let closed = read(json!({"allowCustomEndpoints": false}));
    assert_eq!(
        closed.check_endpoints(&private).unwrap_err(),
        Refused::forbids("custom-endpoints")
    );
    assert!(
        closed.check_endpoints(&plain).is_ok(),
        "the catalog's endpoints are not custom"
    );
    let listed = read(json!({"allowedEndpointOrigins": ["https://obs.private.example.com"]}));
    assert!(listed.check_endpoints(&private).is_ok());
    let refused = listed.check_endpoints(&split).unwrap_err();
    assert_eq!(refused.code, PolicyRefusal::ForbidsEndpoint);
    assert_eq!(
        refused.params.get("origin"),
        Some(&Param::from("https://iam.other.example.com"))
    );
}

#[test]
fn a_saved_profile_may_not_take_custom_endpoints_the_policy_forbids() {
    let document = |profiles: Vec<Profile>| Document {
        version: crate::profile::DOCUMENT_VERSION,
        profiles,
        deleted: None,
        conflicts: vec![],
    };
    let catalog = profile_with(Value::Null);
    let allowed = profile_with(json!("https://obs.private.example.com"));
    let other = profile_with(json!("https://obs.other.example.com"));
    let listed = read(json!({"allowedEndpointOrigins": ["https://obs.private.example.com"]}));
    let save = |from: &Profile, to: &Profile| {
        listed.check_saved(&document(vec![from.clone()]), &document(vec![to.clone()]))
    };
    assert!(save(&catalog, &allowed).is_ok());
    let refused = save(&catalog, &other).unwrap_err();
    assert_eq!(refused.code, PolicyRefusal::ForbidsEndpointSaved);
    assert_eq!(
        refused.params.get("origin"),
        Some(&Param::from("https://obs.other.example.com"))
    );
    assert!(save(&other, &catalog).is_ok(), "back to the catalog");
    assert!(
        save(&other, &other).is_ok(),
        "an endpoint saved before the policy is refused when used, not at every edit"
    );
    let closed = read(json!({"allowCustomEndpoints": false}));
    assert_eq!(
        closed
            .check_saved(&document(vec![catalog.clone()]), &document(vec![allowed]))
            .unwrap_err(),
        Refused::forbids("custom-endpoints")
    );
    let mut deleted = document(vec![]);
    deleted.deleted = Some(crate::profile::Deleted {
        profile: other.clone(),
        index: 0,
        at: 0,
    });
    assert!(
        listed.check_saved(&deleted, &document(vec![other])).is_ok(),
        "a deletion undone"
    );
}

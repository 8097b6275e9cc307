//! `plan_fill` on descriptor sets shaped like the consoles' forms.

use credfill::fill::{plan_fill, FillPlan, PlanInput, RefusalCode, SkipReason, Slot};
use serde_json::{json, Value};

const MODELARTS: &str =
    "https://console.huaweicloud.com/modelarts/?region=cn-north-4#/dashboard/settings";
const ORANGE: &str =
    "https://console.prod-cloud-ocb.orange-business.com/modelarts/?region=eu-west-0#/settings";
const OPENSCALE: &str = "https://aiopenscale.cloud.ibm.com/aiopenscale/#/setup";
// Example key pair from Huawei Cloud's API documentation style; any strings do here.
const AK: &str = "QTWAOYTTINDUT2QVKYUC";
const SK: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

/// A visible, editable text input with the given extra properties.
fn field(id: &str, extra: Value) -> Value {
    let mut f = json!({"id": id, "tag": "INPUT", "type": "text", "visible": true, "readOnly": false, "disabled": false});
    f.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    f
}

/// A profile as the vault stores it.
fn stored(provider: &str, credentials: Value, extra: Value) -> Value {
    let mut p =
        json!({"id": "p1", "name": "Test", "provider": provider, "credentials": credentials});
    p.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    p
}

fn aksk() -> Value {
    json!([{"kind": "aksk", "accessKeyId": AK, "secretAccessKey": SK, "issuer": "huawei"}])
}

fn huawei_profile() -> Value {
    stored("huawei", aksk(), json!({}))
}

fn plan(url: &str, fields: Vec<Value>, profile: Value) -> FillPlan {
    plan_with(json!({"topUrl": url, "fields": fields, "profile": profile}))
}

/// Plans `input`; a field that names no frame is given the top frame (the tab's URL), as the
/// worker does for the top frame's fields.
fn plan_with(mut input: Value) -> FillPlan {
    let top = input["topUrl"].clone();
    for field in input["fields"].as_array_mut().unwrap() {
        let field = field.as_object_mut().unwrap();
        field.entry("frameUrl").or_insert(top.clone());
        field.entry("frameSandboxed").or_insert(json!(false));
    }
    let input: PlanInput = serde_json::from_value(input).expect("valid input");
    plan_fill(&input)
}

fn modelarts_dialog() -> Vec<Value> {
    vec![
        field(
            "f1",
            json!({"labels": ["AK"], "placeholder": "Enter an AK"}),
        ),
        field("f2", json!({"labels": ["SK"], "type": "password"})),
        field(
            "f3",
            json!({"type": "checkbox", "labels": ["I have read and agree to the ModelArts Service Statement"]}),
        ),
        field(
            "f4",
            json!({"tag": "button", "type": "submit", "nearbyText": "Agree"}),
        ),
        field("f5", json!({"labels": ["Search"], "type": "search"})),
    ]
}

fn filled(plan: &FillPlan) -> Vec<(&str, Slot, &str)> {
    plan.fills
        .iter()
        .map(|f| (f.field_id.as_str(), f.slot, f.value.expose()))
        .collect()
}

fn skipped(plan: &FillPlan) -> Vec<(&str, SkipReason, Slot)> {
    plan.skipped
        .iter()
        .map(|s| (s.field_id.as_str(), s.reason, s.slot))
        .collect()
}

#[test]
fn modelarts_add_authorization_dialog_gets_ak_and_sk_and_nothing_else() {
    let plan = plan(MODELARTS, modelarts_dialog(), huawei_profile());
    let wire = serde_json::to_value(&plan).unwrap();
    assert_eq!(
        wire,
        json!({
            "console": {"provider": "huawei", "host": "console.huaweicloud.com"},
            "fills": [
                {"fieldId": "f1", "slot": "accessKeyId", "label": "AK", "value": AK, "confidence": 0.9},
                {"fieldId": "f2", "slot": "secretAccessKey", "label": "SK", "value": SK, "confidence": 0.9}
            ],
            "skipped": [],
            "missing": []
        })
    );
}

#[test]
fn chinese_and_french_dialogs() {
    let zh = vec![
        field("a", json!({"nearbyText": "访问密钥ID"})),
        field(
            "b",
            json!({"placeholder": "请输入秘密访问密钥", "type": "password"}),
        ),
    ];
    let fr = vec![
        field("a", json!({"ariaLabel": "Clé d’accès"})),
        field("b", json!({"labels": ["Clé d'accès secrète :"]})),
    ];
    for fields in [zh, fr] {
        let plan = plan(MODELARTS, fields, huawei_profile());
        assert_eq!(
            filled(&plan),
            [
                ("a", Slot::AccessKeyId, AK),
                ("b", Slot::SecretAccessKey, SK)
            ]
        );
    }
}

#[test]
fn flexible_engine_takes_flexible_engine_profiles_only() {
    let fe = stored("flexible-engine", aksk(), json!({}));
    assert_eq!(filled(&plan(ORANGE, modelarts_dialog(), fe)).len(), 2);
    let refused = plan(ORANGE, modelarts_dialog(), huawei_profile());
    assert_eq!(
        refused.refused.as_ref().unwrap().code,
        RefusalCode::ProviderMismatch
    );
    assert!(refused.fills.is_empty());
}

#[test]
fn keys_never_cross_between_huawei_and_ibm() {
    let ibm = stored(
        "ibm",
        json!([{"kind": "ibm-api-key", "apiKey": SK}]),
        json!({}),
    );
    for (url, profile) in [(MODELARTS, ibm), (OPENSCALE, huawei_profile())] {
        let plan = plan(url, modelarts_dialog(), profile);
        let refusal = plan.refused.as_ref().expect("refused");
        assert_eq!(refusal.code, RefusalCode::ProviderMismatch);
        assert!(plan.console.is_some());
        assert!(plan.fills.is_empty() && plan.skipped.is_empty());
        assert!(!format!("{:?}", refusal.params).contains(SK));
    }
}

#[test]
fn aws_and_azure_profiles_fill_no_console() {
    for provider in ["aws", "azure"] {
        for url in [MODELARTS, OPENSCALE] {
            let plan = plan(url, modelarts_dialog(), stored(provider, aksk(), json!({})));
            let refusal = plan.refused.as_ref().expect("refused");
            assert_eq!(
                refusal.code,
                RefusalCode::ProviderMismatch,
                "{provider} {url}"
            );
            assert!(plan.fills.is_empty());
        }
    }
}

#[test]
fn look_alike_pages_are_refused_before_any_field_is_looked_at() {
    for url in [
        "https://console.huaweicloud.com.evil.example/modelarts/",
        "http://console.huaweicloud.com/modelarts/",
        "https://сonsole.huaweicloud.com/modelarts/",
    ] {
        let plan = plan(url, modelarts_dialog(), huawei_profile());
        assert_eq!(
            plan.refused.as_ref().unwrap().code,
            RefusalCode::NotAConsole,
            "{url}"
        );
        assert!(plan.console.is_none() && plan.fills.is_empty());
    }
}

#[test]
fn the_top_url_decides_not_the_frame_url() {
    let fields = modelarts_dialog()
        .into_iter()
        .map(|mut f| {
            f["frameUrl"] = json!(MODELARTS);
            f
        })
        .collect::<Vec<_>>();
    let plan = plan_with(json!({
        "topUrl": "https://evil.example/", "fields": fields, "profile": huawei_profile()
    }));
    assert_eq!(plan.refused.unwrap().code, RefusalCode::NotAConsole);
}

#[test]
fn read_only_disabled_and_hidden_fields_are_reported_not_filled() {
    let fields = vec![
        field("ro", json!({"labels": ["AK"], "readOnly": true})),
        field("off", json!({"labels": ["AK"], "disabled": true})),
        field("hid", json!({"labels": ["SK"], "visible": false})),
        field("ok", json!({"labels": ["AK"]})),
        // An unlabelled hidden input says nothing and is not reported.
        field(
            "csrf",
            json!({"name": "csrf_token", "type": "hidden", "visible": false}),
        ),
    ];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert_eq!(filled(&plan), [("ok", Slot::AccessKeyId, AK)]);
    assert_eq!(
        skipped(&plan),
        [
            ("ro", SkipReason::ReadOnly, Slot::AccessKeyId),
            ("off", SkipReason::Disabled, Slot::AccessKeyId),
            ("hid", SkipReason::Hidden, Slot::SecretAccessKey),
        ]
    );
}

#[test]
fn checkboxes_and_other_controls_are_never_planned() {
    let fields = vec![
        field("cb", json!({"type": "checkbox", "labels": ["AK"]})),
        field("radio", json!({"type": "radio", "labels": ["SK"]})),
        field("sel", json!({"tag": "select", "labels": ["AK"]})),
        field("file", json!({"type": "file", "labels": ["SK"]})),
    ];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert!(plan.fills.is_empty() && plan.skipped.is_empty() && plan.refused.is_none());
}

#[test]
fn unsure_matches_are_left_empty_and_reported() {
    let fields = vec![field("k", json!({"nearbyText": "key id"}))];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert!(plan.fills.is_empty());
    assert_eq!(
        skipped(&plan),
        [("k", SkipReason::LowConfidence, Slot::AccessKeyId)]
    );
}

#[test]
fn one_field_per_slot_and_one_slot_per_field() {
    let fields = vec![
        field("a1", json!({"labels": ["Access Key ID"]})),
        field("a2", json!({"placeholder": "access key"})),
        field("s", json!({"labels": ["Secret Access Key"]})),
    ];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert_eq!(
        filled(&plan),
        [
            ("a1", Slot::AccessKeyId, AK),
            ("s", Slot::SecretAccessKey, SK)
        ]
    );
    assert_eq!(
        skipped(&plan),
        [("a2", SkipReason::SlotTaken, Slot::AccessKeyId)]
    );
}

/// One IBM profile with every identity the OpenScale forms ask for.
fn openscale_profile() -> Value {
    stored(
        "ibm",
        json!([
            {"kind": "ibm-api-key", "apiKey": "platform-api-key"},
            {"kind": "ibm-service", "apiKey": "wml-api-key", "instanceId": "wml-instance-guid",
             "url": "https://us-south.ml.cloud.ibm.com"},
        ]),
        json!({"openscaleGuid": "1a2b3c4d-0000-4000-8000-000000000000"}),
    )
}

#[test]
fn the_openscale_setup_takes_the_platform_key_and_the_openscale_instance() {
    let fields = vec![
        field("key", json!({"labels": ["API key"], "type": "password"})),
        field("guid", json!({"labels": ["Service instance ID"]})),
    ];
    let plan = plan(OPENSCALE, fields, openscale_profile());
    assert_eq!(
        filled(&plan),
        [
            ("key", Slot::ApiKey, "platform-api-key"),
            (
                "guid",
                Slot::InstanceId,
                "1a2b3c4d-0000-4000-8000-000000000000"
            )
        ]
    );
}

#[test]
fn the_wml_provider_form_takes_the_wml_service_credentials_not_the_openscale_guid() {
    let fields = vec![
        field("key", json!({"labels": ["API key"], "type": "password"})),
        field("guid", json!({"labels": ["Service instance ID"]})),
        field("url", json!({"labels": ["URL"], "type": "url"})),
    ];
    let wml = plan(OPENSCALE, fields.clone(), openscale_profile());
    assert_eq!(
        filled(&wml),
        [
            ("key", Slot::ApiKey, "wml-api-key"),
            ("guid", Slot::InstanceId, "wml-instance-guid"),
            ("url", Slot::Url, "https://us-south.ml.cloud.ibm.com"),
        ]
    );
    // WML's URL comes prefilled and read-only: the form is still WML's.
    let mut read_only_url = fields.clone();
    read_only_url[2] = field(
        "url",
        json!({"labels": ["URL"], "type": "url", "readOnly": true}),
    );
    let wml = plan(OPENSCALE, read_only_url, openscale_profile());
    assert_eq!(
        filled(&wml)[0],
        ("key", Slot::ApiKey, "wml-api-key"),
        "a read-only URL still tells the form"
    );
    // Without WML service credentials nothing of another identity is put in its place.
    let platform_only = stored(
        "ibm",
        json!([{"kind": "ibm-api-key", "apiKey": "platform-api-key"}]),
        json!({"openscaleGuid": "1a2b3c4d-0000-4000-8000-000000000000"}),
    );
    let wml = plan(OPENSCALE, fields, platform_only);
    assert!(wml.fills.is_empty());
    assert_eq!(wml.missing, [Slot::ApiKey, Slot::InstanceId, Slot::Url]);
}

/// WML credentials as IBM hands them out now (`{url, apikey}`, no `instance_id`): the key and the
/// URL are filled, with or without an instance field on the form, and the instance field is left
/// to the user, never given the OpenScale instance.
#[test]
fn wml_credentials_without_an_instance_id_fill_the_key_and_the_url() {
    let profile = stored(
        "ibm",
        json!([
            {"kind": "ibm-api-key", "apiKey": "platform-api-key"},
            {"kind": "ibm-service", "apiKey": "wml-api-key", "url": "https://eu-de.ml.cloud.ibm.com"},
        ]),
        json!({"openscaleGuid": "1a2b3c4d-0000-4000-8000-000000000000"}),
    );
    let key_and_url = vec![
        field("key", json!({"labels": ["API key"], "type": "password"})),
        field("url", json!({"labels": ["URL"], "type": "url"})),
    ];
    let expected = [
        ("key", Slot::ApiKey, "wml-api-key"),
        ("url", Slot::Url, "https://eu-de.ml.cloud.ibm.com"),
    ];
    assert_eq!(
        filled(&plan(OPENSCALE, key_and_url.clone(), profile.clone())),
        expected
    );
    let mut with_instance = key_and_url;
    with_instance.push(field("guid", json!({"labels": ["Instance ID"]})));
    let wml = plan(OPENSCALE, with_instance, profile);
    assert_eq!(filled(&wml), expected);
    assert_eq!(wml.missing, [Slot::InstanceId]);
}

#[test]
fn azure_and_sagemaker_provider_forms() {
    let azure = vec![
        field("c", json!({"name": "client_id"})),
        field(
            "s",
            json!({"labels": ["Client secret"], "type": "password"}),
        ),
        field("t", json!({"labels": ["ID de locataire"]})),
        field("sub", json!({"placeholder": "Subscription ID"})),
    ];
    // An Azure service principal file names no subscription: the form's field is reported missing.
    let profile = stored(
        "ibm",
        json!([{"kind": "azure-sp", "clientId": "cid", "clientSecret": "csecret", "tenantId": "tid"}]),
        json!({}),
    );
    let azure_plan = plan(OPENSCALE, azure, profile);
    assert_eq!(
        filled(&azure_plan),
        [
            ("c", Slot::ClientId, "cid"),
            ("s", Slot::ClientSecret, "csecret"),
            ("t", Slot::TenantId, "tid"),
        ]
    );
    assert_eq!(azure_plan.missing, [Slot::SubscriptionId]);
    let sagemaker = vec![
        field("ak", json!({"labels": ["Access key ID"]})),
        field(
            "sk",
            json!({"labels": ["Secret access key"], "type": "password"}),
        ),
        field("r", json!({"labels": ["Region"]})),
    ];
    // The AWS key of an IBM profile; the profile's region is IBM's, so the AWS region is asked of the user.
    let aws = json!([{"kind": "aksk", "accessKeyId": "AKIAFAKE0000EXAMPLE1", "secretAccessKey": SK, "issuer": "aws"}]);
    let profile = stored("ibm", aws, json!({"region": "us-south"}));
    let plan = plan(OPENSCALE, sagemaker, profile);
    assert_eq!(
        filled(&plan),
        [
            ("ak", Slot::AccessKeyId, "AKIAFAKE0000EXAMPLE1"),
            ("sk", Slot::SecretAccessKey, SK),
        ]
    );
    assert_eq!(plan.missing, [Slot::Region]);
    // A Huawei key in the profile never answers the SageMaker form.
    let plan = plan_with(
        json!({"url": OPENSCALE, "topUrl": OPENSCALE, "profile": stored("ibm", aksk(), json!({})),
        "fields": [field("ak", json!({"labels": ["Access key ID"]})), field("sk", json!({"labels": ["Secret access key"], "type": "password"}))]}),
    );
    assert!(plan.fills.is_empty());
}

#[test]
fn huawei_pages_take_only_ak_and_sk() {
    let fields = vec![field(
        "p",
        json!({"labels": ["Password"], "type": "password"}),
    )];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert!(plan.fills.is_empty() && plan.skipped.is_empty());
}

/// `fields` moved into the frame at `frame_url`.
fn in_frame(frame_url: &str, fields: Vec<Value>) -> Vec<Value> {
    fields
        .into_iter()
        .map(|mut f| {
            f["frameUrl"] = json!(frame_url);
            f
        })
        .collect()
}

#[test]
fn a_cross_origin_frame_of_the_same_provider_is_filled_once_confirmed() {
    let frame = "https://auth.huaweicloud.com/dialog";
    let input = |confirmed: Value| json!({"topUrl": MODELARTS, "fields": in_frame(frame, modelarts_dialog()), "profile": huawei_profile(), "confirmedFrameOrigin": confirmed});
    let asked = plan_with(input(Value::Null));
    assert!(asked.refused.is_none());
    assert_eq!(
        asked.confirm_frame.as_deref(),
        Some("https://auth.huaweicloud.com")
    );
    assert!(asked.fills.is_empty());
    assert_eq!(
        skipped(&asked),
        [
            ("f1", SkipReason::FrameNeedsConfirmation, Slot::AccessKeyId),
            (
                "f2",
                SkipReason::FrameNeedsConfirmation,
                Slot::SecretAccessKey
            ),
        ]
    );

    let wrong = plan_with(input(json!("https://evil.example")));
    assert!(wrong.fills.is_empty() && wrong.confirm_frame.is_some());
    let confirmed = plan_with(input(json!("https://auth.huaweicloud.com")));
    assert_eq!(confirmed.confirm_frame, None);
    assert_eq!(confirmed.fills.len(), 2);
}

/// A bait SK field with an exact id rule (1.0, against the dialog's 0.9 label match) in a frame:
/// of another site it is refused; of the console's site it never takes a slot the console's own
/// field takes. Either way the console's form is filled at once, confirmed or not, and nothing is asked.
#[test]
fn a_cross_origin_frame_never_blocks_the_console_form_nor_takes_its_slots() {
    for (frame, reason) in [
        ("https://widgets.evil.example", SkipReason::FrameRefused),
        (
            "https://console-intl.huaweicloud.com",
            SkipReason::SlotTaken,
        ),
    ] {
        let mut fields = modelarts_dialog();
        fields.extend(in_frame(
            &format!("{frame}/sk"),
            vec![field("bait", json!({"htmlId": "sk", "type": "password"}))],
        ));
        for confirmed in [Value::Null, json!(frame)] {
            let plan = plan_with(
                json!({"topUrl": MODELARTS, "fields": fields, "profile": huawei_profile(), "confirmedFrameOrigin": confirmed}),
            );
            assert_eq!(
                filled(&plan),
                [
                    ("f1", Slot::AccessKeyId, AK),
                    ("f2", Slot::SecretAccessKey, SK)
                ],
                "{frame} {confirmed}"
            );
            assert_eq!(plan.confirm_frame, None, "{frame} {confirmed}");
            assert_eq!(skipped(&plan), [("bait", reason, Slot::SecretAccessKey)]);
        }
    }
}

#[test]
fn only_a_slot_no_same_origin_field_takes_waits_for_the_frame() {
    let fields = vec![
        field("ak", json!({"labels": ["AK"]})),
        field(
            "sk",
            json!({"labels": ["SK"], "type": "password", "frameUrl": "https://auth.huaweicloud.com/x"}),
        ),
    ];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert_eq!(filled(&plan), [("ak", Slot::AccessKeyId, AK)]);
    assert_eq!(
        plan.confirm_frame.as_deref(),
        Some("https://auth.huaweicloud.com")
    );
}

#[test]
fn sandboxed_frames_are_refused() {
    let fields = modelarts_dialog()
        .into_iter()
        .map(|mut f| {
            f["frameSandboxed"] = json!(true);
            f
        })
        .collect::<Vec<_>>();
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert!(plan.fills.is_empty() && plan.confirm_frame.is_none());
    assert_eq!(
        skipped(&plan),
        [
            ("f1", SkipReason::FrameRefused, Slot::AccessKeyId),
            ("f2", SkipReason::FrameRefused, Slot::SecretAccessKey),
        ]
    );
}

#[test]
fn fields_from_child_frames_pass_the_frame_policy_one_by_one() {
    let fields = vec![
        field(
            "same",
            json!({"labels": ["AK"], "frameUrl": "https://console.huaweicloud.com/iframe.html"}),
        ),
        field(
            "cross",
            json!({"labels": ["SK"], "frameUrl": "https://evil.example/x"}),
        ),
        field(
            "boxed",
            json!({"labels": ["SK"], "frameUrl": "https://console.huaweicloud.com/box", "frameSandboxed": true}),
        ),
    ];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert_eq!(filled(&plan), [("same", Slot::AccessKeyId, AK)]);
    assert_eq!(
        skipped(&plan),
        [
            ("cross", SkipReason::FrameRefused, Slot::SecretAccessKey),
            ("boxed", SkipReason::FrameRefused, Slot::SecretAccessKey),
        ]
    );
}

#[test]
fn secrets_go_only_into_text_password_and_textarea_fields() {
    for (tag, kind) in [
        ("input", "search"),
        ("input", "email"),
        ("input", "url"),
        ("input", "tel"),
    ] {
        let fields = vec![
            field("ak", json!({"labels": ["AK"]})),
            field(
                "sk",
                json!({"tag": tag, "type": kind, "htmlId": "sk", "labels": ["SK"]}),
            ),
        ];
        let plan = plan(MODELARTS, fields, huawei_profile());
        assert_eq!(filled(&plan), [("ak", Slot::AccessKeyId, AK)], "{kind}");
        assert!(plan.skipped.is_empty(), "{kind}");
    }
    for (tag, kind) in [
        ("textarea", Value::Null),
        ("input", json!("text")),
        ("input", Value::Null),
    ] {
        let fields = vec![field(
            "sk",
            json!({"tag": tag, "type": kind, "labels": ["SK"]}),
        )];
        let plan = plan(MODELARTS, fields, huawei_profile());
        assert_eq!(
            filled(&plan),
            [("sk", Slot::SecretAccessKey, SK)],
            "{tag} {kind}"
        );
    }
}

#[test]
fn a_search_box_captioned_by_page_text_gets_no_secret() {
    let fields = vec![
        field("ak", json!({"labels": ["Access Key ID"]})),
        field("search", json!({"nearbyText": "secret access key"})),
        field(
            "search2",
            json!({"type": "search", "nearbyText": "Secret Access Key"}),
        ),
    ];
    let plan = plan(MODELARTS, fields, huawei_profile());
    assert_eq!(filled(&plan), [("ak", Slot::AccessKeyId, AK)]);
    // The text box is still no SK field for the plan, but the user hears that it stayed empty; the
    // search box may not take a secret at all.
    assert_eq!(
        skipped(&plan),
        [(
            "search",
            SkipReason::CaptionIsPageText,
            Slot::SecretAccessKey
        )]
    );
}

#[test]
fn a_secret_field_captioned_only_by_page_text_is_reported_when_the_form_got_the_rest() {
    // A table form: each caption is a cell before the field's, which the page describes as nearby
    // text; only the AK field has a label of its own.
    let form = || {
        vec![
            field("ak", json!({"labels": ["Access Key ID"]})),
            field(
                "sk",
                json!({"type": "password", "nearbyText": "Secret Access Key"}),
            ),
            field("note", json!({"nearbyText": "Description"})),
        ]
    };
    let plan = plan(MODELARTS, form(), huawei_profile());
    assert_eq!(filled(&plan), [("ak", Slot::AccessKeyId, AK)]);
    assert_eq!(
        skipped(&plan),
        [("sk", SkipReason::CaptionIsPageText, Slot::SecretAccessKey)],
        "the SK field is named, the description is not"
    );
    // A masked field with no caption at all is the form's missing secret too.
    let bare = vec![
        field("ak", json!({"labels": ["AK"]})),
        field("sk", json!({"type": "password"})),
    ];
    assert_eq!(
        skipped(&plan_fn(bare)),
        [("sk", SkipReason::CaptionIsPageText, Slot::SecretAccessKey)]
    );
    // Nothing filled: nothing to report (the page may be no form of ours).
    let nothing = vec![field(
        "sk",
        json!({"type": "password", "nearbyText": "Secret Access Key"}),
    )];
    let plan = plan_fn(nothing);
    assert!(
        plan.fills.is_empty() && plan.skipped.is_empty(),
        "{:?}",
        skipped(&plan)
    );
    // A masked field of another frame is another form.
    let mut other_frame = form();
    other_frame[1]["frameUrl"] = json!("https://console.huaweicloud.com/other-frame.html");
    assert!(plan_fn(other_frame).skipped.is_empty());
}

fn plan_fn(fields: Vec<Value>) -> FillPlan {
    plan(MODELARTS, fields, huawei_profile())
}

#[test]
fn user_added_console_hosts() {
    let url = "https://console.example-partner.com/modelarts/";
    let input = json!({"topUrl": url, "fields": modelarts_dialog(), "profile": huawei_profile(),
        "extraHosts": [{"host": "console.example-partner.com", "provider": "huawei"}]});
    assert_eq!(plan_with(input).fills.len(), 2);
}

#[test]
fn plans_never_show_secrets_in_debug_output() {
    let plan = plan(MODELARTS, modelarts_dialog(), huawei_profile());
    let shown = format!("{plan:?}");
    assert!(!shown.contains(SK) && !shown.contains(AK), "{shown}");
}

#[test]
fn malformed_input_is_rejected() {
    for bad in [
        json!({"topUrl": MODELARTS, "fields": [], "profile": stored("oracle", aksk(), json!({}))}),
        json!({"topUrl": MODELARTS, "fields": [], "profile": stored("huawei", json!([{"kind": "pin", "pin": "1"}]), json!({}))}),
        // The old `{provider, values}` shape is not a stored profile.
        json!({"topUrl": MODELARTS, "fields": [], "profile": {"provider": "huawei", "values": {"accessKeyId": AK}}}),
        // A field without its visibility flags is never assumed fillable.
        json!({"topUrl": MODELARTS, "fields": [{"id": "x", "tag": "input", "frameUrl": MODELARTS, "frameSandboxed": false}], "profile": huawei_profile()}),
        // Nor one that does not say which frame it is in.
        json!({"topUrl": MODELARTS, "fields": [{"id": "x", "tag": "input", "visible": true, "readOnly": false, "disabled": false}], "profile": huawei_profile()}),
    ] {
        assert!(
            serde_json::from_value::<PlanInput>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn an_id_picked_in_the_openscale_ids_tree_fills_the_form_that_asks_for_it() {
    let guid = "1a2b3c4d-0000-4000-8000-000000000000";
    let ids_form = || {
        vec![
            field("dm", json!({"labels": ["Data mart ID"]})),
            field(
                "sub",
                json!({"name": "subscription_id", "labels": ["Subscription ID"]}),
            ),
            field("dep", json!({"labels": ["Deployment ID"]})),
            field("bind", json!({"labels": ["Binding ID"]})),
        ]
    };
    let profile = stored(
        "ibm",
        json!([{"kind": "ibm-api-key", "apiKey": "platform-api-key"}]),
        json!({"openscaleGuid": guid}),
    );
    // Without a choice: the data mart is the profile's instance, the others are the user's to pick.
    let plain = plan(OPENSCALE, ids_form(), profile.clone());
    assert_eq!(filled(&plain), [("dm", Slot::InstanceId, guid)]);
    assert_eq!(
        plain.missing,
        [
            Slot::OpenscaleSubscriptionId,
            Slot::DeploymentId,
            Slot::BindingId
        ]
    );
    // A subscription ID sent from the tree: its field, not Azure's alike-named slot, takes it; a
    // chosen secret (the API key) is not taken, and would not have a field here anyway.
    let chosen = plan_with(json!({
        "topUrl": OPENSCALE, "fields": ids_form(), "profile": profile,
        "chosen": {"openscaleSubscriptionId": "5e1f0a9b-2222-4333-8444-555566667777", "apiKey": "not-from-the-vault"},
    }));
    assert_eq!(
        filled(&chosen),
        [
            ("dm", Slot::InstanceId, guid),
            (
                "sub",
                Slot::OpenscaleSubscriptionId,
                "5e1f0a9b-2222-4333-8444-555566667777"
            ),
        ]
    );
}

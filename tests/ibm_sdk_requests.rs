//! The OpenScale ID lookup's, an API key's rotation's and *Use in code*'s IBM key that ends' requests against those IBM's own SDKs
//! build for the same actions: ibm-platform-services (Resource Controller, IAM Identity) and
//! ibm-watson-openscale (data marts, service providers, subscriptions), recorded by `tests/differential/ibm_requests.py` into
//! `tests/.cache/ibm-requests.json` (`make test` runs it first). Method, URL (query in the SDK's
//! order), `Authorization`, `Accept`, `Content-Type` and the JSON body (a provider's addition, from
//! the same credentials) must be the same; the SDKs add only their `User-Agent`.

use credfill::cloud::catalog;
use credfill::cloud::ibm::api_key_details;
use credfill::cloud::ibm::iam_token::HeldToken;
use credfill::cloud::ibm::resource_instances::{self, Page};
use credfill::cloud::openscale::{data_marts, service_providers, subscriptions};
use credfill::cloud::Request;
use credfill::flows::flow::{self, Flow};
use credfill::flows::openscale::add_provider::{AddCall, AddLookup, AddProvider, Added};
use credfill::flows::rotate_ibm_key::{Call, IbmRotation, RotateIbm, RotateIbmKey};
use credfill::flows::temporary_key::{Call as TemporaryCall, Issue, Issuing, TemporaryKey};
use credfill::profile::Provider;
use credfill::secret::Secret;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Recorded {
    token: String,
    /// The credentials the SDK's provider additions were given.
    provider: BTreeMap<String, String>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    action: String,
    #[serde(default)]
    resource_id: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    instance: String,
    #[serde(default)]
    service_type: String,
    /// The WML credentials hold no `instance_id` (`{url, apikey}`, as IBM hands them out now).
    #[serde(default)]
    without_instance_id: bool,
    /// The API key a rotation's profile holds.
    #[serde(default)]
    api_key: String,
    /// A key that ends: when it was asked for, and for how long.
    #[serde(default)]
    timestamp: String,
    #[serde(default)]
    seconds: u32,
    expected: Expected,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    method: String,
    url: String,
    /// Names in lower case.
    headers: BTreeMap<String, String>,
    #[serde(default)]
    body: Option<serde_json::Value>,
}

fn recorded() -> Recorded {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/.cache/ibm-requests.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!("{path} is missing: run .venv/bin/python tests/differential/ibm_requests.py first")
    });
    serde_json::from_str(&text).expect("the recorder's JSON")
}

/// The core's request adding `case.service_type`'s provider from a profile holding the same
/// credentials as the SDK was given, with a held token.
fn added_provider(recorded: &Recorded, case: &Case) -> Request {
    let p = |name: &str| recorded.provider[name].as_str();
    let mut wml =
        serde_json::json!({"kind": "ibm-service", "apiKey": p("wmlApiKey"), "url": p("wmlUrl")});
    if !case.without_instance_id {
        wml["instanceId"] = p("wmlInstance").into();
    }
    let profile = serde_json::json!({"id": "p", "name": "p", "provider": "ibm", "credentials": [
        {"kind": "ibm-api-key", "apiKey": "k".repeat(44)},
        wml,
        {"kind": "aksk", "issuer": "aws", "accessKeyId": p("awsKeyId"), "secretAccessKey": p("awsSecret")},
        {"kind": "azure-sp", "clientId": p("azureClient"), "clientSecret": p("azureSecret"), "tenantId": p("azureTenant")}]});
    let lookup: AddLookup = serde_json::from_value(serde_json::json!({
        "profile": profile, "now": 0,
        "token": {"accessToken": recorded.token, "expiration": 3600},
        "guid": case.instance, "region": case.region, "provider": {
            "serviceType": case.service_type, "name": format!("{} provider", case.service_type),
            "region": "us-east-1", "subscriptionId": "sub-1"},
    }))
    .expect("a lookup");
    // The click's turn, with a held token: the addition itself.
    let click = vec![AddCall::AddProvider];
    let turn = flow::write::<AddProvider>(lookup, Added::default(), click).expect("a turn");
    let [sent] = <[_; 1]>::try_from(turn.send).unwrap_or_else(|_| panic!("the addition alone"));
    sent.request
}

/// The rotation's request for `case`, from a profile holding its API key, with a held token, after
/// the key's record (the documented answer) was read.
fn rotation(case: &Case, token: &str) -> Request {
    let input: RotateIbm = serde_json::from_value(serde_json::json!({
        "profile": {"id": "p", "name": "p", "provider": "ibm", "region": "us-south",
            "credentials": [{"kind": "ibm-api-key", "apiKey": case.api_key}]},
    }))
    .expect("an input");
    let input = RotateIbm {
        token: Some(HeldToken {
            access_token: Secret::new(token),
            expiration: 3600,
        }),
        ..input
    };
    let details = include_str!("fixtures/cloud-answers/ibm/api_key_details.json");
    let key = api_key_details::parse(details).expect("the documented record");
    let old = || key.id.clone();
    let call = match case.action.as_str() {
        "api_key_details" => Call::Details,
        "create_api_key" => Call::CreateKey,
        "unlock_api_key" => Call::UnlockKey { id: old() },
        "delete_api_key" => Call::DeleteKey { id: old() },
        other => panic!("no action {other}"),
    };
    let state = IbmRotation {
        key: Some(key),
        ..IbmRotation::default()
    };
    RotateIbmKey::request(&input, &state, &call).expect("a request")
}

/// *Use in code*'s key that ends for `case`, from the same profile and token as a rotation, once the
/// key's record was read.
fn expiring_key(case: &Case, token: &str) -> Request {
    let issue: Issue = serde_json::from_value(serde_json::json!({
        "profile": {"id": "p", "name": "p", "provider": "ibm", "region": "us-south",
            "credentials": [{"kind": "ibm-api-key", "apiKey": case.api_key}]},
        "timestamp": case.timestamp,
        "token": {"accessToken": token, "expiration": 3600},
    }))
    .expect("an input");
    let details = include_str!("fixtures/cloud-answers/ibm/api_key_details.json");
    let state = Issuing {
        ibm_key: api_key_details::parse(details),
        ..Issuing::default()
    };
    let call = TemporaryCall::Issue {
        seconds: case.seconds,
    };
    TemporaryKey::request(&issue, &state, &call).expect("a request")
}

fn ours<'a>(case: &'a Case, token: &Secret) -> Request {
    let found = catalog::of(Provider::Ibm, &case.region);
    let openscale = || found.openscale.clone().expect("an OpenScale region");
    match case.action.as_str() {
        "resource_instances" => {
            let origin = found
                .resource_controller
                .clone()
                .expect("Resource Controller");
            let given = |value: &'a String| Some(value.as_str()).filter(|v| !v.is_empty());
            let first = Page::First {
                resource_id: given(&case.resource_id),
                state: given(&case.state),
            };
            resource_instances::request(&origin, token, &first).unwrap()
        }
        "data_marts" => data_marts::request(token, &openscale(), &case.instance, None).unwrap(),
        "service_providers" => {
            service_providers::request(&openscale(), &case.instance, token).unwrap()
        }
        "subscriptions" => subscriptions::request(&openscale(), &case.instance, token).unwrap(),
        other => panic!("no action {other}"),
    }
}

#[test]
fn every_read_is_the_request_ibms_sdks_build() {
    let recorded = recorded();
    let token = Secret::new(recorded.token.as_str());
    assert!(recorded.cases.len() >= 23, "{} cases", recorded.cases.len());
    for case in &recorded.cases {
        let request = match case.action.as_str() {
            "add_provider" => added_provider(&recorded, case),
            "create_expiring_api_key" => expiring_key(case, &recorded.token),
            action if action.contains("api_key") => rotation(case, &recorded.token),
            _ => ours(case, &token),
        };
        let body = request
            .body
            .as_ref()
            .map(|b| serde_json::from_str(b.sent.expose()).expect("a JSON body"));
        let got = Expected {
            method: request.method.to_owned(),
            url: request.url.clone(),
            headers: request
                .headers
                .iter()
                .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
                .collect(),
            body,
        };
        assert_eq!(got, case.expected, "{} {}", case.action, case.region);
    }
}

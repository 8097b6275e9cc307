//! The OpenScale ID lookup's requests against those IBM's own SDKs build for the same reads:
//! ibm-platform-services (Resource Controller) and ibm-watson-openscale (data marts, service
//! providers, subscriptions), recorded by `tests/differential/ibm_requests.py` into
//! `tests/.cache/ibm-requests.json` (`make test` runs it first). Method, URL (query in the SDK's
//! order), `Authorization` and `Accept` must be the same; the SDKs add only their `User-Agent`.

use credfill::cloud::catalog;
use credfill::cloud::ibm::resource_instances::{self, Page};
use credfill::cloud::openscale::{data_marts, service_providers, subscriptions};
use credfill::cloud::Request;
use credfill::profile::Provider;
use credfill::secret::Secret;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Recorded {
    token: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    action: String,
    #[serde(default)]
    resource_id: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    instance: String,
    expected: Expected,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    method: String,
    url: String,
    headers: BTreeMap<String, String>,
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

fn ours(case: &Case, token: &Secret) -> Request {
    let found = catalog::of(Provider::Ibm, &case.region);
    let openscale = || found.openscale.clone().expect("an OpenScale region");
    match case.action.as_str() {
        "resource_instances" => {
            let origin = found
                .resource_controller
                .clone()
                .expect("Resource Controller");
            let first = Page::First {
                resource_id: &case.resource_id,
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
    assert!(recorded.cases.len() >= 11, "{} cases", recorded.cases.len());
    for case in &recorded.cases {
        let request = ours(case, &token);
        let got = Expected {
            method: request.method.to_owned(),
            url: request.url.clone(),
            headers: request.headers.iter().cloned().collect(),
        };
        assert_eq!(got, case.expected, "{} {}", case.action, case.region);
    }
}

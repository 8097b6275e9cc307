//! Resource Controller `GET /v2/resource_instances`: the service instances a token can see, of
//! one offering or in one state, a page at a time (`next_url`).
//!
//! Sources: IBM/platform-services-python-sdk `ibm_platform_services/resource_controller_v2.py`
//! (`list_resource_instances`: query `resource_id`, `type`, `limit`, `start`, and one `state`,
//! without which "instances in state `active` and `provisioning` are returned"; answer
//! `ResourceInstancesList {rows_count, next_url, resources}`), as
//! https://cloud.ibm.com/apidocs/resource-controller/resource-controller#list-resource-instances
//! documents it; the offering IDs are the global catalog's, as
//! IBM/ibm-watson-openscale-python-sdk `ibm_watson_openscale/utils/utils.py`
//! (`get_instance_guid`) matches OpenScale's.

use super::{bearer_headers, read_json, ReadFailure};
use crate::cloud::{Answer, Origin, Request};
use crate::secret::Secret;
use crate::words::locale_key;
use serde::{Deserialize, Serialize};

/// Watson OpenScale (now watsonx.governance) in IBM's global catalog.
pub const OPENSCALE: &str = "2ad019f3-0fd6-4c25-966d-f3952481a870";
/// Watson Machine Learning (`pm-20`) in IBM's global catalog.
pub const MACHINE_LEARNING: &str = "51c53b72-918f-4869-b834-2d99eb28422a";

/// Plans shown in words (`plan_<name>` in `_locales`), by their global catalog ID: those IBM's
/// ai-openscale CLI provisions OpenScale and WML with (`ibm-ai-openscale-cli`,
/// `ibm_ai_openscale_cli/setup_classes/setup_ibmcloud_services_rest.py`: `WOS_PLAN_*`,
/// `WML_PLAN_*`). Any other plan is shown by its ID.
pub const PLANS: &[(&str, &str)] = &[
    ("967ba182-c6e0-4adc-92ef-661a822cc1d7", "openscale-lite"),
    ("ba0d185f-b0e3-421f-aea4-15b305136e52", "openscale-standard"),
    (
        "6786f153-64a7-4e47-940a-eff204d0d39b",
        "openscale-standard-v2",
    ),
    ("3f6acf43-ede8-413a-ac69-f8af3bb0cbfe", "wml-lite"),
    ("0f2a3c2c-456b-40f3-9b19-726d2740b11c", "wml-standard"),
    ("b52ce7cf-a5c3-4da8-b368-a4ed3c61918c", "wml-professional"),
    ("a3d2f92f-06f9-48d0-b2e6-a7ba2b4e0577", "wml-v2-standard"),
    (
        "d18d88b9-be7a-46ec-be1e-aff14904f1e9",
        "wml-v2-professional",
    ),
];

/// Resource Controller's instance states (the SDK's `ResourceInstance.StateEnum`), shown in
/// words (`instance_state_<state>`); any other state is shown as IBM names it.
pub const STATES: &[&str] = &[
    "active",
    "inactive",
    "failed",
    "pending_reclamation",
    "provisioning",
    "pre_provisioning",
    "removed",
];

/// The `_locales` keys of the words of the named plans and of the states.
pub fn terms() -> impl Iterator<Item = String> {
    let plans = PLANS.iter().map(|(_, name)| locale_key("plan", name));
    plans.chain(
        STATES
            .iter()
            .map(|state| locale_key("instance_state", state)),
    )
}

const PATH: &str = "/v2/resource_instances";

/// Which page to ask for: the first of a listing (of one offering, in one state, or both; each
/// `None` leaves Resource Controller's default), or the one `next_url` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page<'a> {
    First {
        resource_id: Option<&'a str>,
        state: Option<&'a str>,
    },
    Next {
        next_url: &'a str,
    },
}

/// One service instance, as the user needs to tell it apart and use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Instance {
    pub name: String,
    pub guid: String,
    /// The deployment location, e.g. `eu-de`.
    pub region: String,
    /// `active`, `provisioning`, `inactive`, `failed`, `removed`…
    pub state: String,
    /// The plan's name in [`PLANS`], when it is one of those.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    pub plan_id: String,
    pub resource_group_id: String,
    pub resource_id: String,
    pub crn: String,
}

impl Instance {
    pub fn is_active(&self) -> bool {
        self.state == "active"
    }

    pub fn is_lite(&self) -> bool {
        self.plan.as_deref().is_some_and(|p| p.ends_with("-lite"))
    }
}

/// One page: its instances, and the next page's `next_url` if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub instances: Vec<Instance>,
    pub next_url: Option<String>,
}

/// The request for `page`, sent to Resource Controller with `token`. A `next_url` that is not a
/// path of this same list is refused: the token must not be sent anywhere an answer points to.
pub fn request(origin: &Origin, token: &Secret, page: &Page) -> Result<Request, ReadFailure> {
    let path_and_query = match page {
        Page::First { resource_id, state } => {
            // In the SDK's order: resource_id, type, state.
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            if let Some(resource_id) = resource_id {
                query.append_pair("resource_id", resource_id);
            }
            query.append_pair("type", "service_instance");
            if let Some(state) = state {
                query.append_pair("state", state);
            }
            format!("{PATH}?{}", query.finish())
        }
        Page::Next { next_url } if is_next_page(next_url) => (*next_url).to_owned(),
        Page::Next { .. } => return Err(ReadFailure::Malformed),
    };
    Ok(Request {
        method: "GET",
        url: format!("{}{path_and_query}", origin.base()),
        headers: bearer_headers(token),
        body: None,
    })
}

fn is_next_page(next_url: &str) -> bool {
    next_url
        .strip_prefix(PATH)
        .is_some_and(|rest| rest.starts_with('?'))
        && !next_url.contains(['#', '\\', ' '])
}

/// Reads one page. Instances of other `offerings` (a listing by state holds every offering's;
/// one by `resource_id` is not trusted to hold only that one) and other types are left out.
pub fn parse(answer: &Answer, offerings: &[&str]) -> Result<Listed, ReadFailure> {
    #[derive(Deserialize)]
    struct List {
        #[serde(default)]
        next_url: Option<String>,
        resources: Vec<Resource>,
    }
    #[derive(Deserialize)]
    struct Resource {
        guid: String,
        #[serde(default)]
        name: String,
        #[serde(default)]
        region_id: String,
        #[serde(default)]
        state: String,
        #[serde(default)]
        resource_plan_id: String,
        #[serde(default)]
        resource_group_id: String,
        #[serde(default)]
        resource_id: String,
        #[serde(default)]
        crn: String,
        #[serde(default, rename = "type")]
        kind: Option<String>,
    }
    let list: List = read_json(answer)?;
    let next_url = list.next_url.filter(|n| !n.is_empty());
    if next_url.as_deref().is_some_and(|n| !is_next_page(n)) {
        return Err(ReadFailure::Malformed);
    }
    let instances = list
        .resources
        .into_iter()
        .filter(|r| offerings.contains(&r.resource_id.as_str()))
        .filter(|r| r.kind.as_deref().is_none_or(|k| k == "service_instance"))
        .map(|r| Instance {
            plan: PLANS
                .iter()
                .find(|(id, _)| *id == r.resource_plan_id)
                .map(|(_, name)| (*name).to_owned()),
            name: r.name,
            guid: r.guid,
            region: r.region_id,
            state: r.state,
            plan_id: r.resource_plan_id,
            resource_group_id: r.resource_group_id,
            resource_id: r.resource_id,
            crn: r.crn,
        })
        .collect();
    Ok(Listed {
        instances,
        next_url,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn origin() -> Origin {
        Origin {
            scheme: "https".into(),
            host: "resource-controller.cloud.ibm.com".into(),
            port: None,
            custom: false,
        }
    }

    /// The answer of the SDK's own unit test (`test_list_resource_instances_all_params`).
    const SDK_FIXTURE: &str = r#"{"next_url": "next_url", "resources": [{"id": "id", "guid": "guid", "crn": "crn", "url": "url", "name": "name", "account_id": "account_id", "resource_group_id": "resource_group_id", "resource_group_crn": "resource_group_crn", "resource_id": "resource_id", "resource_plan_id": "resource_plan_id", "target_crn": "target_crn", "parameters": {"mapKey": {"anyKey": "anyValue"}}, "state": "state", "type": "type", "sub_type": "sub_type", "allow_cleanup": false, "locked": true, "last_operation": {"mapKey": {"anyKey": "anyValue"}}, "dashboard_url": "dashboard_url", "plan_history": [{"resource_plan_id": "resource_plan_id", "start_date": "2019-01-01T12:00:00"}], "resource_aliases_url": "resource_aliases_url", "resource_bindings_url": "resource_bindings_url", "resource_keys_url": "resource_keys_url", "created_at": "2019-01-01T12:00:00", "created_by": "created_by", "updated_at": "2019-01-01T12:00:00", "updated_by": "updated_by", "deleted_at": "2019-01-01T12:00:00", "deleted_by": "deleted_by", "scheduled_reclaim_at": "2019-01-01T12:00:00", "scheduled_reclaim_by": "scheduled_reclaim_by", "restored_at": "2019-01-01T12:00:00", "restored_by": "restored_by"}], "rows_count": 10}"#;

    /// A page as Resource Controller sends it for `resource_id=<OpenScale>`.
    pub(crate) fn page(instances: &[(&str, &str, &str, &str)], next_url: Option<&str>) -> Answer {
        let resources: Vec<_> = instances
            .iter()
            .map(|(name, guid, region, state)| {
                serde_json::json!({
                    "id": format!("crn:v1:bluemix:public:aiopenscale:{region}:a/acc:{guid}::"),
                    "guid": guid, "name": name, "region_id": region, "state": state,
                    "crn": format!("crn:v1:bluemix:public:aiopenscale:{region}:a/acc:{guid}::"),
                    "resource_id": OPENSCALE, "type": "service_instance",
                    "resource_plan_id": "967ba182-c6e0-4adc-92ef-661a822cc1d7",
                    "resource_group_id": "0be5ad401ae913d8ff665d92680664ed",
                })
            })
            .collect();
        let body = serde_json::json!({
            "rows_count": resources.len(), "next_url": next_url, "resources": resources,
        });
        Answer::response(200, &[], &body.to_string())
    }

    #[test]
    fn the_first_page_asks_for_one_offering_and_service_instances_only() {
        let token = Secret::new("T");
        let first = request(
            &origin(),
            &token,
            &Page::First {
                resource_id: Some(OPENSCALE),
                state: None,
            },
        )
        .unwrap();
        assert_eq!(first.method, "GET");
        assert_eq!(
            first.url,
            format!("https://resource-controller.cloud.ibm.com/v2/resource_instances?resource_id={OPENSCALE}&type=service_instance")
        );
        assert_eq!(
            first.headers,
            [
                ("Authorization".to_string(), "Bearer T".to_string()),
                ("Accept".to_string(), "application/json".to_string())
            ]
        );
        assert!(first.body.is_none());
        let inactive = Page::First {
            resource_id: None,
            state: Some("inactive"),
        };
        assert_eq!(
            request(&origin(), &token, &inactive).unwrap().url,
            "https://resource-controller.cloud.ibm.com/v2/resource_instances?type=service_instance&state=inactive"
        );
    }

    #[test]
    fn next_pages_follow_next_url_on_the_same_origin_only() {
        let token = Secret::new("T");
        let next = "/v2/resource_instances?limit=100&start=g1AAAA&resource_id=x";
        let second = request(&origin(), &token, &Page::Next { next_url: next }).unwrap();
        assert_eq!(
            second.url,
            format!("https://resource-controller.cloud.ibm.com{next}")
        );
        for elsewhere in [
            "https://evil.example/v2/resource_instances?start=1",
            "//evil.example/v2/resource_instances?start=1",
            "/v2/resource_keys?start=1",
            "/v2/resource_instances",
        ] {
            assert_eq!(
                request(
                    &origin(),
                    &token,
                    &Page::Next {
                        next_url: elsewhere
                    }
                ),
                Err(ReadFailure::Malformed),
                "{elsewhere}"
            );
        }
    }

    #[test]
    fn reads_the_sdk_fixture() {
        let listed = parse(&Answer::response(200, &[], SDK_FIXTURE), &["resource_id"]);
        // The fixture's next_url ("next_url") is no path: a page pointing elsewhere stops the list.
        assert_eq!(listed, Err(ReadFailure::Malformed));
        let fixed = SDK_FIXTURE.replace(r#""next_url": "next_url""#, r#""next_url": null"#);
        let listed = parse(&Answer::response(200, &[], &fixed), &["resource_id"]).unwrap();
        // Its type is "type", not a service instance.
        assert!(listed.instances.is_empty());
        let typed = fixed.replace(r#""type": "type""#, r#""type": "service_instance""#);
        let listed = parse(&Answer::response(200, &[], &typed), &["resource_id"]).unwrap();
        let one = &listed.instances[0];
        assert_eq!((one.name.as_str(), one.guid.as_str()), ("name", "guid"));
        assert_eq!(one.resource_group_id, "resource_group_id");
        assert_eq!(
            (one.plan.as_deref(), one.plan_id.as_str()),
            (None, "resource_plan_id")
        );
        assert_eq!(listed.next_url, None);
    }

    /// A page as Resource Controller answers it (the SDK's `ResourceInstancesList` reads this
    /// very file in tests/differential/ibm_requests.py), and listings by state.
    pub(crate) const PAGE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/ibm/resource_instances.json");
    pub(crate) const INACTIVE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/ibm/resource_instances_inactive.json");
    pub(crate) const FAILED: &str =
        include_str!("../../../tests/fixtures/cloud-answers/ibm/resource_instances_failed.json");

    #[test]
    fn reads_a_full_page_and_its_next_url() {
        let listed = parse(&Answer::response(200, &[], PAGE), &[OPENSCALE]).unwrap();
        let summary: Vec<_> = listed
            .instances
            .iter()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.region.as_str(),
                    i.state.as_str(),
                    i.plan.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "openscale-dallas",
                    "us-south",
                    "active",
                    Some("openscale-lite")
                ),
                (
                    "openscale-frankfurt",
                    "eu-de",
                    "provisioning",
                    Some("openscale-lite")
                )
            ]
        );
        assert_eq!(
            listed.instances[0].resource_group_id,
            "0be5ad401ae913d8ff665d92680664ed"
        );
        assert!(listed.next_url.unwrap().ends_with("&start=g1AAAAA"));
    }

    #[test]
    fn zero_one_and_several_instances_in_several_regions() {
        let none = parse(&page(&[], None), &[OPENSCALE]).unwrap();
        assert!(none.instances.is_empty() && none.next_url.is_none());
        let one = parse(
            &page(&[("wos", "g1", "us-south", "active")], None),
            &[OPENSCALE],
        )
        .unwrap();
        assert_eq!(one.instances[0].region, "us-south");
        assert!(one.instances[0].is_active() && one.instances[0].is_lite());
        let several = parse(
            &page(
                &[
                    ("a", "g1", "us-south", "active"),
                    ("b", "g2", "eu-de", "provisioning"),
                    ("c", "g3", "jp-tok", "inactive"),
                ],
                Some("/v2/resource_instances?start=abc&limit=3"),
            ),
            &[OPENSCALE],
        )
        .unwrap();
        let regions: Vec<_> = several
            .instances
            .iter()
            .map(|i| i.region.as_str())
            .collect();
        assert_eq!(regions, ["us-south", "eu-de", "jp-tok"]);
        assert_eq!(
            several.next_url.as_deref(),
            Some("/v2/resource_instances?start=abc&limit=3")
        );
        assert!(parse(
            &page(&[("a", "g", "us-south", "active")], None),
            &[MACHINE_LEARNING]
        )
        .unwrap()
        .instances
        .is_empty());
    }

    #[test]
    fn listings_by_state_keep_the_offerings_asked_for_with_their_plans_named() {
        let both = [OPENSCALE, MACHINE_LEARNING];
        let inactive = parse(&Answer::response(200, &[], INACTIVE), &both).unwrap();
        // The Cloud Object Storage instance of the same listing is left out.
        let [tokyo] = &inactive.instances[..] else {
            panic!("{:?}", inactive.instances)
        };
        assert_eq!(
            (
                tokyo.name.as_str(),
                tokyo.state.as_str(),
                tokyo.plan.as_deref()
            ),
            ("openscale-tokyo", "inactive", Some("openscale-standard-v2"))
        );
        assert!(!tokyo.is_lite());
        let failed = parse(&Answer::response(200, &[], FAILED), &both).unwrap();
        assert_eq!(
            (
                failed.instances[0].resource_id.as_str(),
                failed.instances[0].plan.as_deref()
            ),
            (MACHINE_LEARNING, Some("wml-v2-standard"))
        );
    }

    #[test]
    fn every_plan_and_state_has_a_term() {
        let terms: Vec<String> = terms().collect();
        assert_eq!(terms.len(), PLANS.len() + STATES.len());
        assert!(terms.contains(&"plan_wml_v2_professional".to_owned()));
        assert!(terms.contains(&"instance_state_pending_reclamation".to_owned()));
    }

    #[test]
    fn failures_say_what_refused() {
        let refused = Answer::response(
            403,
            &[],
            r#"{"message":"You are not authorized","status_code":403}"#,
        );
        assert_eq!(parse(&refused, &[OPENSCALE]), Err(ReadFailure::Forbidden));
        assert_eq!(
            parse(&Answer::response(200, &[], "{}"), &[OPENSCALE]),
            Err(ReadFailure::Malformed)
        );
    }
}

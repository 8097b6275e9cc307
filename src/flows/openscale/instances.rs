//! *OpenScale IDs*, step 1: the OpenScale and Watson Machine Learning instances the key can see
//! (Resource Controller, every page, in every state worth a reason), each with what stands in its
//! way (another region, still provisioning, inactive, failed, Lite plan).

use super::{after_token, begin, failure_words, sending, Lookup, LookupCode, Said};
use crate::cloud::catalog::{endpoints, machine_learning_url};
use crate::cloud::ibm::resource_instances::{self, Instance, Page, MACHINE_LEARNING, OPENSCALE};
use crate::cloud::ibm::ReadFailure;
use crate::cloud::{Answer, Origin, Request};
use crate::flows::flow::{Flow, Turn};
use crate::policy::SetupWrite;
use crate::profile::region::region_param;
use crate::profile::Profile;
use crate::words::Param;
use serde::{Deserialize, Serialize};

/// Resource Controller pages hold up to 100 instances; no account needs more pages than this in
/// one listing, and an answer whose `next_url` never ends must not keep the flow going.
const MAX_PAGES: u32 = 50;

/// One listing of instances: of one offering, in one state (`None`: Resource Controller's default).
struct Listing {
    resource_id: Option<&'static str>,
    state: Option<&'static str>,
}

/// Every instance worth showing, in as few listings as the API allows. Without `state`, Resource
/// Controller returns only `active` and `provisioning` instances, and it takes one `state` per
/// listing (platform-services SDK `list_resource_instances`). So each offering is listed in those
/// default states, then every offering once per other state that has a reason to show (sorted
/// here): 4 listings, each paged, rather than 6, as inactive and failed instances are few in an
/// account. `removed` and `pending_reclamation` (deleted) ones are left out: nothing here can use
/// or mend them.
const LISTINGS: [Listing; 4] = [
    Listing {
        resource_id: Some(OPENSCALE),
        state: None,
    },
    Listing {
        resource_id: Some(MACHINE_LEARNING),
        state: None,
    },
    Listing {
        resource_id: None,
        state: Some("inactive"),
    },
    Listing {
        resource_id: None,
        state: Some("failed"),
    },
];

/// The whole account: no field beside the lookup's own.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Account {}

pub type InstancesLookup = Lookup<Account>;

/// The instances flow.
pub struct OpenscaleInstances;

/// A request of the flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "call",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum InstancesCall {
    Token,
    /// A page of [`LISTINGS`]`[listing]`: its first, or the one `next_url` names.
    Page {
        listing: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_url: Option<String>,
    },
}

/// The instances listed so far (no secret).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    /// Pages read of the current listing (at most [`MAX_PAGES`]).
    pages: u32,
    openscale: Vec<Instance>,
    machine_learning: Vec<Instance>,
    /// Every listing was read to its end.
    done: bool,
}

/// An OpenScale instance with what the user should know before choosing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenscaleInstance {
    #[serde(flatten)]
    pub instance: Instance,
    pub notes: Vec<Said>,
}

/// A Watson Machine Learning instance with the service URL its provider form asks for, and why
/// it cannot serve yet if it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MachineLearningInstance {
    #[serde(flatten)]
    pub instance: Instance,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub notes: Vec<Said>,
}

/// What the panel lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Instances {
    pub openscale: Vec<OpenscaleInstance>,
    pub machine_learning: Vec<MachineLearningInstance>,
    /// About the list as a whole (no instance visible).
    pub notes: Vec<Said>,
}

fn resource_controller(profile: &Profile) -> Option<Origin> {
    endpoints(profile).resource_controller
}

const FIRST_PAGE: InstancesCall = InstancesCall::Page {
    listing: 0,
    next_url: None,
};

impl Flow for OpenscaleInstances {
    type Input = InstancesLookup;
    type State = Listed;
    type Call = InstancesCall;
    type Line = Said;
    type Ask = ();
    type View = Option<Instances>;
    type Error = Said;

    /// IAM and Resource Controller.
    fn origins(lookup: &InstancesLookup) -> Result<Vec<String>, Said> {
        Ok(lookup.origins(resource_controller(&lookup.profile)))
    }

    /// Every run lists afresh.
    fn start(lookup: InstancesLookup, _: Listed) -> Result<Turn<Self>, Said> {
        Ok(begin(&lookup, InstancesCall::Token, vec![FIRST_PAGE]))
    }

    fn read(
        lookup: InstancesLookup,
        mut listed: Listed,
        call: &InstancesCall,
        answer: &Answer,
    ) -> Result<Turn<Self>, Said> {
        let InstancesCall::Page { listing, .. } = call else {
            return Ok(after_token(lookup, listed, answer, vec![FIRST_PAGE]));
        };
        listed.pages += 1;
        let host = resource_controller(&lookup.profile)
            .map(|o| o.host)
            .unwrap_or_default();
        let page = match resource_instances::parse(answer, &[OPENSCALE, MACHINE_LEARNING]) {
            Ok(page) => page,
            Err(failure) => {
                let said = match failure {
                    ReadFailure::Unauthorized => {
                        Said::new(LookupCode::ResourceControllerUnauthorized)
                    }
                    ReadFailure::Forbidden => Said::new(LookupCode::ResourceControllerForbidden),
                    failure => failure_words(failure, &host),
                };
                return Ok(Turn::stopped(listed, vec![said]));
            }
        };
        for instance in page.instances {
            let list = match instance.resource_id == OPENSCALE {
                true => &mut listed.openscale,
                false => &mut listed.machine_learning,
            };
            // An instance whose state changed between two listings shows up once.
            if !list.iter().any(|known| known.guid == instance.guid) {
                list.push(instance);
            }
        }
        let next = match page.next_url {
            Some(_) if listed.pages >= MAX_PAGES => {
                return Ok(Turn::stopped(
                    listed,
                    vec![Said::new(LookupCode::TooManyPages)],
                ))
            }
            Some(next_url) => InstancesCall::Page {
                listing: *listing,
                next_url: Some(next_url),
            },
            None if listing + 1 < LISTINGS.len() => {
                listed.pages = 0;
                InstancesCall::Page {
                    listing: listing + 1,
                    next_url: None,
                }
            }
            None => {
                listed.done = true;
                return Ok(sending(&lookup, listed, vec![]));
            }
        };
        Ok(sending(&lookup, listed, vec![next]))
    }

    fn request(
        lookup: &InstancesLookup,
        _: &Listed,
        call: &InstancesCall,
    ) -> Result<Request, Said> {
        let InstancesCall::Page { listing, next_url } = call else {
            return super::token_request(lookup);
        };
        let origin =
            resource_controller(&lookup.profile).ok_or_else(|| Said::new(LookupCode::NoApiKey))?;
        let unexpected =
            || Said::new(LookupCode::UnexpectedAnswer).with("host", origin.host.as_str());
        let page = match (next_url, LISTINGS.get(*listing)) {
            (Some(next_url), _) => Page::Next { next_url },
            (None, Some(&Listing { resource_id, state })) => Page::First { resource_id, state },
            (None, None) => return Err(unexpected()),
        };
        resource_instances::request(&origin, lookup.token()?, &page).map_err(|_| unexpected())
    }

    fn writes_as(_: &InstancesCall) -> Option<SetupWrite> {
        None
    }

    fn writes(_: &InstancesLookup, _: &Listed, (): ()) -> Result<Vec<InstancesCall>, Said> {
        Ok(vec![])
    }

    /// The lists, once every listing was read.
    fn view(lookup: &InstancesLookup, listed: &Listed) -> Option<Instances> {
        listed.done.then(|| {
            instances_found(
                &lookup.profile,
                listed.openscale.clone(),
                listed.machine_learning.clone(),
            )
        })
    }
}

/// The lists, each OpenScale instance with its notes.
pub fn instances_found(
    profile: &Profile,
    openscale: Vec<Instance>,
    machine_learning: Vec<Instance>,
) -> Instances {
    let notes = match openscale.is_empty() {
        true => vec![Said::new(LookupCode::NoInstance)],
        false => Vec::new(),
    };
    let openscale = openscale
        .into_iter()
        .map(|instance| OpenscaleInstance {
            notes: instance_notes(profile, &instance),
            instance,
        })
        .collect();
    let machine_learning = machine_learning
        .into_iter()
        .map(|instance| MachineLearningInstance {
            url: machine_learning_url(&instance.region),
            notes: state_note(&instance).into_iter().collect(),
            instance,
        })
        .collect();
    Instances {
        openscale,
        machine_learning,
        notes,
    }
}

fn instance_notes(profile: &Profile, instance: &Instance) -> Vec<Said> {
    let mut notes = Vec::new();
    let region = profile.region();
    if !region.is_empty() && region != instance.region {
        notes.push(
            Said::new(LookupCode::OtherRegion)
                .with("region", region_param(region))
                .with("instanceRegion", region_param(&instance.region)),
        );
    }
    notes.extend(state_note(instance));
    if instance.is_lite() {
        notes.push(Said::new(LookupCode::LitePlan));
    }
    notes
}

/// Why an instance that is not active cannot serve (yet), by its Resource Controller state.
fn state_note(instance: &Instance) -> Option<Said> {
    let code = match instance.state.as_str() {
        "active" => return None,
        "provisioning" => LookupCode::InstanceProvisioning,
        "inactive" => LookupCode::InstanceInactive,
        "failed" => LookupCode::InstanceFailed,
        // Named in the user's words when it is one of IBM's documented states.
        other if resource_instances::STATES.contains(&other) => {
            let state = Param::term("instance_state", other);
            return Some(Said::new(LookupCode::NotActive).with("state", state));
        }
        other => return Some(Said::new(LookupCode::NotActive).with("state", other)),
    };
    Some(Said::new(code))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{lookup, run, token_answer_ok, Ended, GUID, NOW};
    use super::*;
    use crate::cloud::ibm::iam_token::HeldToken;
    use crate::cloud::ibm::resource_instances::tests::{page, FAILED, INACTIVE};
    use crate::cloud::key::tests::endpoint;
    use crate::flows::flow;
    use crate::secret::Secret;

    fn account(region: &str) -> InstancesLookup {
        lookup(region, Account {})
    }

    fn found(lookup: &InstancesLookup, ended: &Ended<OpenscaleInstances>) -> Instances {
        assert!(ended.failed.is_none(), "{:?}", ended.failed);
        OpenscaleInstances::view(lookup, &ended.state).expect("every listing read")
    }

    #[test]
    fn the_token_then_every_page_of_both_offerings() {
        let next = "/v2/resource_instances?start=p2&limit=2";
        let (urls, ended) = run(
            account("us-south"),
            vec![
                token_answer_ok(),
                page(
                    &[
                        ("wos-dallas", GUID, "us-south", "active"),
                        (
                            "wos-frankfurt",
                            "11111111-2222-4333-8444-555555555555",
                            "eu-de",
                            "active",
                        ),
                    ],
                    Some(next),
                ),
                page(
                    &[(
                        "wos-tokyo",
                        "99999999-2222-4333-8444-555555555555",
                        "jp-tok",
                        "inactive",
                    )],
                    None,
                ),
                Answer::response(200, &[], r#"{"rows_count":0,"resources":[]}"#),
                Answer::response(200, &[], INACTIVE),
                Answer::response(200, &[], FAILED),
            ],
        );
        assert_eq!(urls[0], "https://iam.cloud.ibm.com/identity/token");
        assert!(urls[1].ends_with(&format!("resource_id={OPENSCALE}&type=service_instance")));
        assert_eq!(
            urls[2],
            format!("https://resource-controller.cloud.ibm.com{next}")
        );
        assert!(urls[3].ends_with(&format!(
            "resource_id={MACHINE_LEARNING}&type=service_instance"
        )));
        // Then every offering's inactive and failed instances, which the default leaves out.
        assert!(urls[4].ends_with("/v2/resource_instances?type=service_instance&state=inactive"));
        assert!(urls[5].ends_with("/v2/resource_instances?type=service_instance&state=failed"));
        let Instances {
            openscale,
            machine_learning,
            notes,
        } = found(&account("us-south"), &ended);
        assert!(notes.is_empty());
        let names: Vec<_> = openscale.iter().map(|i| i.instance.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "wos-dallas",
                "wos-frankfurt",
                "wos-tokyo",
                "openscale-tokyo"
            ]
        );
        let codes = |i: usize| {
            openscale[i]
                .notes
                .iter()
                .map(|n| n.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(0), [LookupCode::LitePlan]);
        assert_eq!(codes(1), [LookupCode::OtherRegion, LookupCode::LitePlan]);
        assert_eq!(
            codes(2),
            [
                LookupCode::OtherRegion,
                LookupCode::InstanceInactive,
                LookupCode::LitePlan
            ]
        );
        assert_eq!(
            codes(3),
            [LookupCode::OtherRegion, LookupCode::InstanceInactive]
        );
        assert_eq!(
            openscale[1].notes[0].params["instanceRegion"],
            Param::Coded {
                term: "region_eu_de".into(),
                code: "eu-de".into()
            }
        );
        let [failed] = machine_learning.as_slice() else {
            panic!("{machine_learning:?}")
        };
        assert_eq!(failed.instance.name, "wml-dallas");
        assert_eq!(failed.notes[0].code, LookupCode::InstanceFailed);
    }

    #[test]
    fn each_state_says_why_an_instance_cannot_serve() {
        let code = |state: &str| {
            let instance = Instance {
                state: state.into(),
                ..resource_instances::parse(
                    &page(&[("a", GUID, "us-south", "active")], None),
                    &[OPENSCALE],
                )
                .unwrap()
                .instances[0]
                    .clone()
            };
            state_note(&instance).map(|said| (said.code, said.params))
        };
        assert_eq!(code("active"), None);
        assert_eq!(
            code("provisioning").unwrap().0,
            LookupCode::InstanceProvisioning
        );
        assert_eq!(code("inactive").unwrap().0, LookupCode::InstanceInactive);
        assert_eq!(code("failed").unwrap().0, LookupCode::InstanceFailed);
        let other = code("pre_provisioning").unwrap();
        assert_eq!(other.0, LookupCode::NotActive);
        assert_eq!(
            other.1["state"],
            Param::term("instance_state", "pre_provisioning")
        );
        assert_eq!(code("paused").unwrap().1["state"], Param::from("paused"));
    }

    #[test]
    fn an_instance_listed_twice_shows_once() {
        let twice = page(&[("wos", GUID, "us-south", "active")], None);
        let answers = vec![
            token_answer_ok(),
            twice.clone(),
            page(&[], None),
            twice,
            page(&[], None),
        ];
        let (_, ended) = run::<OpenscaleInstances, _>(account("us-south"), answers);
        assert_eq!(found(&account("us-south"), &ended).openscale.len(), 1);
    }

    #[test]
    fn zero_instances_say_which_access_is_missing_and_wml_gets_its_url() {
        let mut wml = page(
            &[(
                "wml",
                "22222222-2222-4333-8444-555555555555",
                "eu-gb",
                "active",
            )],
            None,
        );
        if let Answer::Response { body, .. } = &mut wml {
            *body = body.replace(OPENSCALE, MACHINE_LEARNING);
        }
        let answers = vec![
            token_answer_ok(),
            page(&[], None),
            wml,
            page(&[], None),
            page(&[], None),
        ];
        let (_, ended) = run::<OpenscaleInstances, _>(account(""), answers);
        let instances = found(&account(""), &ended);
        assert!(instances.openscale.is_empty());
        assert_eq!(instances.notes[0].code, LookupCode::NoInstance);
        assert_eq!(
            instances.machine_learning[0].url.as_deref(),
            Some("https://eu-gb.ml.cloud.ibm.com")
        );
    }

    #[test]
    fn the_origins_asked_for_at_the_click() {
        assert_eq!(
            OpenscaleInstances::origins(&account("eu-de")).unwrap(),
            [
                "https://iam.cloud.ibm.com/*",
                "https://resource-controller.cloud.ibm.com/*"
            ]
        );
        let mut local = account("eu-de");
        local.profile.endpoint = endpoint("http://127.0.0.1:7000");
        assert_eq!(
            OpenscaleInstances::origins(&local).unwrap(),
            ["http://127.0.0.1/*"]
        );
    }

    #[test]
    fn a_held_token_skips_the_exchange() {
        let mut l = account("eu-de");
        l.token = Some(HeldToken {
            access_token: Secret::new("held"),
            expiration: NOW + 600,
        });
        let turn = flow::start::<OpenscaleInstances>(l.clone(), Listed::default()).unwrap();
        let request = &turn.send[0].request;
        assert!(request
            .url
            .starts_with("https://resource-controller.cloud.ibm.com/"));
        assert_eq!(request.headers[0].1, "Bearer held");
        l.token.as_mut().unwrap().expiration = NOW + 30;
        let turn = flow::start::<OpenscaleInstances>(l, Listed::default()).unwrap();
        assert_eq!(turn.send[0].call, InstancesCall::Token);
    }

    #[test]
    fn each_failure_ends_the_listing_with_what_to_do() {
        for (status, code) in [
            (401, LookupCode::ResourceControllerUnauthorized),
            (403, LookupCode::ResourceControllerForbidden),
            (500, LookupCode::UnexpectedStatus),
        ] {
            let answers = vec![token_answer_ok(), Answer::response(status, &[], "{}")];
            let (_, ended) = run::<OpenscaleInstances, _>(account("us-south"), answers);
            assert_eq!(ended.failed.unwrap().code, code, "{status}");
        }
        let mut no_key = account("us-south");
        no_key.profile.credentials.clear();
        let turn = flow::start::<OpenscaleInstances>(no_key, Listed::default()).unwrap();
        assert!(turn.stop);
        assert_eq!(turn.lines[0].code, LookupCode::NoApiKey);
    }

    #[test]
    fn a_next_url_that_never_ends_stops_after_the_last_allowed_page() {
        let endless = page(&[], Some("/v2/resource_instances?start=again"));
        let mut answers = vec![token_answer_ok()];
        answers.extend(std::iter::repeat_n(endless, MAX_PAGES as usize));
        let (urls, ended) = run::<OpenscaleInstances, _>(account("us-south"), answers);
        assert_eq!(urls.len(), 1 + MAX_PAGES as usize);
        assert_eq!(ended.failed.unwrap().code, LookupCode::TooManyPages);
    }

    #[test]
    fn the_token_never_shows_in_the_state() {
        let answers = vec![
            token_answer_ok(),
            page(&[], None),
            page(&[], None),
            page(&[], None),
            page(&[], None),
        ];
        let (_, ended) = run::<OpenscaleInstances, _>(account("us-south"), answers);
        assert!(!serde_json::to_string(&ended.state)
            .unwrap()
            .contains("eyJ-T"));
    }
}

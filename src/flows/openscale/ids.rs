//! *OpenScale IDs*, step 2: inside the instance the user picked, on its region's OpenScale host,
//! the data mart, the service providers (binding IDs) and the subscriptions (subscription and
//! deployment IDs).

use super::{after_token, begin, sending, Lookup, Said, Target};
use crate::cloud::openscale::data_marts::{self, DataMart};
use crate::cloud::openscale::service_providers::{self, ServiceProvider};
use crate::cloud::openscale::subscriptions::{self, Subscription};
use crate::cloud::{Answer, Request};
use crate::flows::flow::{Flow, Turn};
use crate::policy::SetupWrite;
use serde::{Deserialize, Serialize};

pub type IdsLookup = Lookup<Target>;

/// The IDs flow.
pub struct OpenscaleIds;

/// A request of the flow, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "call", rename_all = "kebab-case")]
pub enum IdsCall {
    Token,
    DataMarts,
    ServiceProviders,
    Subscriptions,
}

/// What was read so far (no secret).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdsRead {
    data_marts: Option<Vec<DataMart>>,
    service_providers: Option<Vec<ServiceProvider>>,
    subscriptions: Option<Vec<Subscription>>,
}

/// The IDs inside an instance. On IBM Cloud its one data mart's ID is its GUID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ids {
    pub guid: String,
    pub region: String,
    pub data_marts: Vec<DataMart>,
    pub service_providers: Vec<ServiceProvider>,
    pub subscriptions: Vec<Subscription>,
}

impl Flow for OpenscaleIds {
    type Input = IdsLookup;
    type State = IdsRead;
    type Call = IdsCall;
    type Line = Said;
    type Ask = ();
    type View = Option<Ids>;
    type Error = Said;

    /// IAM and the instance's OpenScale host.
    fn origins(lookup: &IdsLookup) -> Result<Vec<String>, Said> {
        Ok(lookup.origins(lookup.goal.origin(&lookup.profile).ok()))
    }

    /// Every run reads afresh.
    fn start(lookup: IdsLookup, _: IdsRead) -> Result<Turn<Self>, Said> {
        Ok(begin(&lookup, IdsCall::Token, vec![IdsCall::DataMarts]))
    }

    fn read(
        lookup: IdsLookup,
        mut read: IdsRead,
        call: &IdsCall,
        answer: &Answer,
    ) -> Result<Turn<Self>, Said> {
        let failed = |read, failure| {
            let said = lookup.goal.failure(&lookup.profile, failure);
            Ok(Turn::stopped(read, vec![said]))
        };
        let next = match call {
            IdsCall::Token => {
                return Ok(after_token(lookup, read, answer, vec![IdsCall::DataMarts]))
            }
            IdsCall::DataMarts => match data_marts::parse_list(answer) {
                Ok(found) => {
                    read.data_marts = Some(found);
                    vec![IdsCall::ServiceProviders]
                }
                Err(failure) => return failed(read, failure),
            },
            IdsCall::ServiceProviders => match service_providers::parse(answer) {
                Ok(found) => {
                    read.service_providers = Some(found);
                    vec![IdsCall::Subscriptions]
                }
                Err(failure) => return failed(read, failure),
            },
            IdsCall::Subscriptions => match subscriptions::parse(answer) {
                Ok(found) => {
                    read.subscriptions = Some(found);
                    vec![]
                }
                Err(failure) => return failed(read, failure),
            },
        };
        Ok(sending(&lookup, read, next))
    }

    fn request(lookup: &IdsLookup, _: &IdsRead, call: &IdsCall) -> Result<Request, Said> {
        if *call == IdsCall::Token {
            return super::token_request(lookup);
        }
        let target = &lookup.goal;
        let origin = target.origin(&lookup.profile)?;
        let (guid, token) = (target.guid.as_str(), lookup.token()?);
        // The instance GUID was checked by `origin`: these requests are built.
        let request = match call {
            IdsCall::DataMarts => data_marts::request(token, &origin, guid, None).ok(),
            IdsCall::ServiceProviders => service_providers::request(&origin, guid, token).ok(),
            _ => subscriptions::request(&origin, guid, token).ok(),
        };
        request.ok_or_else(|| target.unknown_region())
    }

    fn writes_as(_: &IdsCall) -> Option<SetupWrite> {
        None
    }

    fn writes(_: &IdsLookup, _: &IdsRead, (): ()) -> Result<Vec<IdsCall>, Said> {
        Ok(vec![])
    }

    /// The IDs, once the subscriptions were read.
    fn view(lookup: &IdsLookup, read: &IdsRead) -> Option<Ids> {
        Some(Ids {
            guid: lookup.goal.guid.clone(),
            region: lookup.goal.region.clone(),
            data_marts: read.data_marts.clone()?,
            service_providers: read.service_providers.clone()?,
            subscriptions: read.subscriptions.clone()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{lookup, run, token_answer_ok, GUID};
    use super::super::LookupCode;
    use super::*;
    use crate::cloud::key::tests::endpoint;
    use crate::cloud::openscale::{data_marts, service_providers, subscriptions};
    use crate::profile::region::region_param;

    fn inside(region: &str, instance_region: &str) -> IdsLookup {
        let target = Target {
            guid: GUID.into(),
            region: instance_region.into(),
        };
        lookup(region, target)
    }

    #[test]
    fn the_ids_inside_the_chosen_instance_on_its_regional_host() {
        let l = inside("us-south", "eu-de");
        let (urls, ended) = run::<OpenscaleIds, _>(
            l.clone(),
            vec![
                token_answer_ok(),
                Answer::response(200, &[], data_marts::tests::LIST),
                Answer::response(200, &[], service_providers::tests::LIST),
                Answer::response(200, &[], subscriptions::tests::LIST),
            ],
        );
        let base = format!("https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2");
        assert_eq!(
            urls[1..],
            [
                format!("{base}/data_marts"),
                format!("{base}/service_providers"),
                format!("{base}/subscriptions")
            ]
        );
        let ids = OpenscaleIds::view(&l, &ended.state).expect("ids");
        assert_eq!(ids.data_marts[0].name, "credit models");
        assert_eq!(ids.service_providers.len(), 2);
        assert_eq!(ids.subscriptions[0].binding_id, ids.service_providers[0].id);
        assert_eq!((ids.guid.as_str(), ids.region.as_str()), (GUID, "eu-de"));
    }

    #[test]
    fn the_origins_are_iam_and_the_instance_host() {
        assert_eq!(
            OpenscaleIds::origins(&inside("eu-de", "au-syd")).unwrap(),
            [
                "https://iam.cloud.ibm.com/*",
                "https://au-syd.api.aiopenscale.cloud.ibm.com/*"
            ]
        );
    }

    #[test]
    fn a_custom_endpoint_serves_every_service_in_every_region() {
        let mut l = inside("us-south", "jp-tok");
        l.profile.endpoint = endpoint("http://127.0.0.1:7000");
        let answers = vec![token_answer_ok(), Answer::response(401, &[], "{}")];
        let (urls, _) = run::<OpenscaleIds, _>(l, answers);
        assert_eq!(urls[0], "http://127.0.0.1:7000/identity/token");
        assert!(urls[1].starts_with(&format!("http://127.0.0.1:7000/openscale/{GUID}/")));
    }

    #[test]
    fn each_failure_ends_the_lookup_with_what_to_do() {
        for (status, code) in [
            (401, LookupCode::OpenscaleUnauthorized),
            (403, LookupCode::OpenscaleForbidden),
            (404, LookupCode::OpenscaleNotFound),
        ] {
            let answers = vec![token_answer_ok(), Answer::response(status, &[], "{}")];
            let said = run::<OpenscaleIds, _>(inside("eu-gb", "eu-gb"), answers)
                .1
                .failed
                .unwrap();
            assert_eq!(
                (said.code, &said.params["region"]),
                (code, &region_param("eu-gb"))
            );
        }
        let mars = run::<OpenscaleIds, _>(inside("us-south", "mars-1"), vec![token_answer_ok()]);
        assert_eq!(mars.1.failed.unwrap().code, LookupCode::UnknownRegion);
    }
}

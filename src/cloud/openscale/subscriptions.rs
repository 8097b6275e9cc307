//! OpenScale `GET /v2/subscriptions`: the monitored deployments of an instance, each with the IDs
//! IBM's payload-logging page asks for (subscription, deployment, and binding: the provider's).
//!
//! Source: IBM/ibm-watson-openscale-python-sdk `ibm_watson_openscale/base_classes/
//! watson_open_scale_v2.py` (`Subscriptions.list`: `GET /v2/subscriptions`; query
//! `data_mart_id`, `service_provider_id`…; `SubscriptionResponseCollection {subscriptions:
//! [{metadata: {id…}, entity: {data_mart_id, service_provider_id, asset: {asset_id, name?…},
//! deployment: {deployment_id?, name?…}}}]}`).

use super::{read_request, Resource};
use crate::cloud::ibm::{read_json, ReadFailure};
use crate::cloud::{Answer, Origin, Request};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    pub id: String,
    /// The deployment's name, else the model's (asset's), else empty.
    pub name: String,
    pub deployment_id: Option<String>,
    pub asset_id: String,
    pub data_mart_id: String,
    /// The service provider's ID, which IBM's pages call the binding ID.
    pub binding_id: String,
}

/// Every subscription of the instance (OpenScale has one data mart per instance on IBM Cloud).
pub fn request(origin: &Origin, instance: &str, token: &Secret) -> Result<Request, ReadFailure> {
    read_request(origin, instance, "subscriptions", token)
}

pub fn parse(answer: &Answer) -> Result<Vec<Subscription>, ReadFailure> {
    #[derive(Deserialize)]
    struct Collection {
        subscriptions: Vec<Resource<Entity>>,
    }
    #[derive(Deserialize)]
    struct Entity {
        data_mart_id: String,
        service_provider_id: String,
        asset: Asset,
        #[serde(default)]
        deployment: Option<Deployment>,
    }
    #[derive(Deserialize)]
    struct Asset {
        asset_id: String,
        #[serde(default)]
        name: Option<String>,
    }
    #[derive(Deserialize)]
    struct Deployment {
        #[serde(default)]
        deployment_id: Option<String>,
        #[serde(default)]
        name: Option<String>,
    }
    let found: Collection = read_json(answer)?;
    Ok(found
        .subscriptions
        .into_iter()
        .map(|s| {
            let deployment = s.entity.deployment;
            let deployment_name = deployment.as_ref().and_then(|d| d.name.clone());
            Subscription {
                id: s.metadata.id,
                name: deployment_name.or(s.entity.asset.name).unwrap_or_default(),
                deployment_id: deployment.and_then(|d| d.deployment_id),
                asset_id: s.entity.asset.asset_id,
                data_mart_id: s.entity.data_mart_id,
                binding_id: s.entity.service_provider_id,
            }
        })
        .collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::openscale::tests::{origin, INSTANCE};

    /// A list as OpenScale answers it, in the SDK's `SubscriptionResponse` shape (its models read this
    /// very file in tests/differential/ibm_requests.py).
    pub(crate) const LIST: &str =
        include_str!("../../../tests/fixtures/cloud-answers/openscale/subscriptions.json");

    #[test]
    fn the_request_is_the_sdks() {
        let r = request(&origin(), INSTANCE, &Secret::new("T")).unwrap();
        assert_eq!(
            r.url,
            format!(
                "https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{INSTANCE}/v2/subscriptions"
            )
        );
    }

    #[test]
    fn reads_the_ids_payload_logging_asks_for() {
        let found = parse(&Answer::response(200, &[], LIST)).unwrap();
        assert_eq!(
            found[0],
            Subscription {
                id: "5e1f0a9b-2222-4333-8444-555566667777".into(),
                name: "credit-risk-deployment".into(),
                deployment_id: Some("1a2b3c4d-5555-4666-8777-888899990000".into()),
                asset_id: "7c8d9e0f-3333-4444-8555-666677778888".into(),
                data_mart_id: INSTANCE.into(),
                binding_id: "6b0e8c3a-94a3-4b3c-9c4f-0cbd8e5a1c21".into(),
            }
        );
        // No deployment name: the model's; no deployment ID: none shown.
        assert_eq!(
            (found[1].name.as_str(), found[1].deployment_id.as_deref()),
            ("churn", None)
        );
        assert_eq!(
            parse(&Answer::response(401, &[], "{}")),
            Err(ReadFailure::Unauthorized)
        );
    }
}

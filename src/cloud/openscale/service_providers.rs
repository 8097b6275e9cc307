//! OpenScale `GET /v2/service_providers`: the machine-learning providers (Watson Machine
//! Learning, SageMaker, Azure ML, custom) bound to an instance. A provider's ID is the
//! *binding ID* IBM's payload-logging page asks for.
//!
//! Source: IBM/ibm-watson-openscale-python-sdk `ibm_watson_openscale/base_classes/
//! watson_open_scale_v2.py` (`ServiceProviders.list`: `GET /v2/service_providers`,
//! `Accept: application/json`; `ServiceProviderResponseCollection {service_providers:
//! [{metadata: {id…}, entity: {name, service_type, instance_id?, status?…}}]}`).

use super::{read_request, Resource};
use crate::cloud::ibm::{read_json, ReadFailure};
use crate::cloud::{Answer, Origin, Request};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceProvider {
    pub id: String,
    pub name: String,
    /// `watson_machine_learning`, `amazon_sagemaker`, `azure_machine_learning`…
    pub service_type: String,
}

pub fn request(origin: &Origin, instance: &str, token: &Secret) -> Result<Request, ReadFailure> {
    read_request(origin, instance, "service_providers", token)
}

/// The providers, without their (already cleaned) credentials, which are never read.
pub fn parse(answer: &Answer) -> Result<Vec<ServiceProvider>, ReadFailure> {
    #[derive(Deserialize)]
    struct Collection {
        service_providers: Vec<Resource<Entity>>,
    }
    #[derive(Deserialize)]
    struct Entity {
        name: String,
        service_type: String,
    }
    let found: Collection = read_json(answer)?;
    Ok(found
        .service_providers
        .into_iter()
        .map(|p| ServiceProvider {
            id: p.metadata.id,
            name: p.entity.name,
            service_type: p.entity.service_type,
        })
        .collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::openscale::tests::{origin, INSTANCE};

    /// A list as OpenScale answers it, in the SDK's `ServiceProviderResponse` shape (its models read this
    /// very file in tests/differential/ibm_requests.py).
    pub(crate) const LIST: &str =
        include_str!("../../../tests/fixtures/ibm/service_providers.json");

    #[test]
    fn the_request_is_the_sdks() {
        let r = request(&origin(), INSTANCE, &Secret::new("T")).unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(
            r.url,
            format!("https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{INSTANCE}/v2/service_providers")
        );
        assert!(r.body.is_none());
    }

    #[test]
    fn reads_name_type_and_id_and_never_the_credentials() {
        let providers = parse(&Answer::response(200, &[], LIST)).unwrap();
        assert_eq!(
            providers[0],
            ServiceProvider {
                id: "6b0e8c3a-94a3-4b3c-9c4f-0cbd8e5a1c21".into(),
                name: "WML production".into(),
                service_type: "watson_machine_learning".into(),
            }
        );
        assert_eq!(providers[1].service_type, "amazon_sagemaker");
        assert!(!format!("{providers:?}").contains("secret_id"));
        assert_eq!(
            parse(&Answer::response(200, &[], r#"{"service_providers": []}"#)).unwrap(),
            []
        );
        assert_eq!(
            parse(&Answer::response(
                404,
                &[],
                r#"{"errors":[{"code":"AIQGT0004E"}]}"#
            )),
            Err(ReadFailure::NotFound)
        );
    }
}

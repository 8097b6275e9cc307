//! OpenScale `GET /v2/service_providers`: the machine-learning providers (Watson Machine
//! Learning, SageMaker, Azure ML, custom) bound to an instance. A provider's ID is the
//! *binding ID* IBM's payload-logging page asks for. `POST /v2/service_providers` adds one: a
//! write, with the provider's secrets in its body, shown masked before it is sent.
//!
//! Source: IBM/ibm-watson-openscale-python-sdk `ibm_watson_openscale/base_classes/
//! watson_open_scale_v2.py` (`ServiceProviders.list`: `GET /v2/service_providers`,
//! `Accept: application/json`; `ServiceProviderResponseCollection {service_providers:
//! [{metadata: {id…}, entity: {name, service_type, instance_id?, status?…}}]}`;
//! `ServiceProviders.add`: body `{name, service_type, credentials, operational_space_id?,
//! deployment_space_id?}`, `content-type: application/json`, answer `ServiceProviderResponse`).

use super::{read_request, Resource};
use crate::cloud::ibm::{read_json, ReadFailure};
use crate::cloud::{Answer, Body, Origin, Request, MASK};
use crate::secret::Secret;
use crate::words::{locale_key, Param};
use serde::{Deserialize, Serialize};

/// The kinds of provider OpenScale binds, shown in words (`service_type_<type>` in `_locales`):
/// the SDK's `ServiceProviderResponseEntity.ServiceTypeEnum`, and `azure_machine_learning_service`,
/// which IBM Docs' "Supported machine learning providers" sample sends for Azure ML Service
/// (https://dataplatform.cloud.ibm.com/docs/content/wsj/model/wos-frameworks-ovr.html).
pub const SERVICE_TYPES: &[&str] = &[
    "watson_machine_learning",
    "amazon_sagemaker",
    "azure_machine_learning",
    "azure_machine_learning_service",
    "custom_machine_learning",
    "spss_collaboration_and_deployment_services",
];

/// The `_locales` keys of the service types' words.
pub fn terms() -> impl Iterator<Item = String> {
    SERVICE_TYPES
        .iter()
        .map(|service_type| locale_key("service_type", service_type))
}

/// A service type as a param: its words when OpenScale documents it, else as the user typed it.
pub fn service_type_param(service_type: &str) -> Param {
    if SERVICE_TYPES.contains(&service_type) {
        Param::term("service_type", service_type)
    } else {
        Param::from(service_type)
    }
}

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

/// A provider to add: its credentials as OpenScale takes them for its `service_type`, each
/// field marked when it is a secret (shown as [`MASK`] before sending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProvider {
    pub name: String,
    pub service_type: String,
    pub credentials: Vec<CredentialField>,
    pub operational_space_id: Option<String>,
    pub deployment_space_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialField {
    pub name: &'static str,
    pub value: Secret,
    pub secret: bool,
}

impl NewProvider {
    /// The JSON body, with the secrets as they are or masked.
    fn body(&self, masked: bool) -> String {
        #[derive(Serialize)]
        struct Sent<'a> {
            name: &'a str,
            service_type: &'a str,
            credentials: serde_json::Map<String, serde_json::Value>,
            #[serde(skip_serializing_if = "Option::is_none")]
            operational_space_id: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            deployment_space_id: Option<&'a str>,
        }
        let credentials = self
            .credentials
            .iter()
            .map(|f| {
                let value = if masked && f.secret {
                    MASK
                } else {
                    f.value.expose()
                };
                (f.name.to_owned(), value.into())
            })
            .collect();
        serde_json::to_string(&Sent {
            name: &self.name,
            service_type: &self.service_type,
            credentials,
            operational_space_id: self.operational_space_id.as_deref(),
            deployment_space_id: self.deployment_space_id.as_deref(),
        })
        .expect("strings serialize")
    }
}

/// `POST /v2/service_providers` in `instance`: sent once, after the user saw its preview.
pub fn add_request(
    origin: &Origin,
    instance: &str,
    token: &Secret,
    provider: &NewProvider,
) -> Result<Request, ReadFailure> {
    let mut request = read_request(origin, instance, "service_providers", token)?;
    request.method = "POST";
    request
        .headers
        .push(("Content-Type".into(), "application/json".into()));
    request.body = Some(Body {
        sent: Secret::new(provider.body(false)),
        shown: provider.body(true),
    });
    Ok(request)
}

/// The provider OpenScale made (`ServiceProviderResponse`).
pub fn parse_added(answer: &Answer) -> Result<ServiceProvider, ReadFailure> {
    let added: Resource<Entity> = read_json(answer)?;
    Ok(ServiceProvider {
        id: added.metadata.id,
        name: added.entity.name,
        service_type: added.entity.service_type,
    })
}

#[derive(Deserialize)]
struct Entity {
    name: String,
    service_type: String,
}

/// The providers, without their (already cleaned) credentials, which are never read.
pub fn parse(answer: &Answer) -> Result<Vec<ServiceProvider>, ReadFailure> {
    #[derive(Deserialize)]
    struct Collection {
        service_providers: Vec<Resource<Entity>>,
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
        include_str!("../../../tests/fixtures/cloud-answers/openscale/service_providers.json");

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

    pub(crate) fn sagemaker() -> NewProvider {
        let field = |name, value: &str, secret| CredentialField {
            name,
            value: Secret::new(value),
            secret,
        };
        NewProvider {
            name: "SageMaker".into(),
            service_type: "amazon_sagemaker".into(),
            credentials: vec![
                field("access_key_id", "AKIAIOSFODNN7EXAMPLE", false),
                field(
                    "secret_access_key",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    true,
                ),
                field("region", "us-east-1", false),
            ],
            operational_space_id: Some("production".into()),
            deployment_space_id: None,
        }
    }

    #[test]
    fn adding_a_provider_posts_its_credentials_and_shows_them_masked() {
        let r = add_request(&origin(), INSTANCE, &Secret::new("T"), &sagemaker()).unwrap();
        assert_eq!(r.method, "POST");
        assert!(r.url.ends_with("/v2/service_providers"));
        let sent: serde_json::Value =
            serde_json::from_str(r.body.as_ref().unwrap().sent.expose()).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({"name": "SageMaker", "service_type": "amazon_sagemaker",
                "credentials": {"access_key_id": "AKIAIOSFODNN7EXAMPLE",
                    "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region": "us-east-1"},
                "operational_space_id": "production"})
        );
        let preview = serde_json::to_string(&r.preview()).unwrap();
        assert!(!preview.contains("wJalrXUtnFEMI") && !preview.contains("Bearer"));
        assert!(preview.contains("AKIAIOSFODNN7EXAMPLE") && preview.contains(MASK));
        let added = parse_added(&Answer::response(
            201,
            &[],
            r#"{"metadata": {"id": "0f0e0d0c-1111-4222-8333-444455556666"}, "entity": {"name": "SageMaker", "service_type": "amazon_sagemaker", "credentials": {"secret_id": "s"}}}"#,
        ))
        .unwrap();
        assert_eq!(added.id, "0f0e0d0c-1111-4222-8333-444455556666");
        assert_eq!(
            parse_added(&Answer::response(400, &[], "{}")),
            Err(ReadFailure::Status(400))
        );
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

//! *Add a machine-learning provider* to the chosen OpenScale instance, from the profile's
//! credentials: a write, shown first (secrets masked, no token), sent once from the click.

use super::{after_token, sending, Lookup, LookupCode, Said, Target};
use crate::cloud::ibm::ReadFailure;
use crate::cloud::openscale::service_providers::{
    self, service_type_param, CredentialField, NewProvider, ServiceProvider,
};
use crate::cloud::{Answer, Request};
use crate::flows::flow::{Flow, Turn};
use crate::policy::SetupWrite;
use crate::profile::{AkIssuer, Credential, Profile};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// The instance, and the provider the user asked for.
#[derive(Debug, Clone, Deserialize)]
pub struct Addition {
    #[serde(flatten)]
    pub target: Target,
    pub provider: ProviderChoice,
}

pub type AddLookup = Lookup<Addition>;

/// The provider the user asked for, and what the profile cannot say for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderChoice {
    /// `watson_machine_learning`, `amazon_sagemaker`, `azure_machine_learning` or
    /// `azure_machine_learning_service` (IBM Docs, "Supported machine learning providers").
    pub service_type: String,
    pub name: String,
    /// SageMaker's region.
    #[serde(default)]
    pub region: Option<String>,
    /// Azure's subscription (a service principal's file does not name one).
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// The WML deployment space OpenScale should watch.
    #[serde(default)]
    pub deployment_space_id: Option<String>,
}

/// The add-provider flow.
pub struct AddProvider;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "call", rename_all = "kebab-case")]
pub enum AddCall {
    Token,
    /// `POST /v2/service_providers`: the write.
    AddProvider,
}

/// The provider OpenScale added (no secret).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Added {
    provider: Option<ServiceProvider>,
}

/// What the panel shows once it is added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderAdded {
    pub provider: ServiceProvider,
}

impl Flow for AddProvider {
    type Input = AddLookup;
    type State = Added;
    type Call = AddCall;
    type Line = Said;
    type Ask = ();
    type View = Option<ProviderAdded>;
    type Error = Said;

    /// IAM and the instance's OpenScale host.
    fn origins(lookup: &AddLookup) -> Result<Vec<String>, Said> {
        Ok(lookup.origins(lookup.goal.target.origin(&lookup.profile).ok()))
    }

    /// Nothing is read before the click.
    fn start(_: AddLookup, added: Added) -> Result<Turn<Self>, Said> {
        Ok(Turn::plain(added, vec![], vec![], false))
    }

    /// The click's write: at once with a held token, else after the token exchange.
    fn write(lookup: AddLookup, added: Added, calls: Vec<AddCall>) -> Result<Turn<Self>, Said> {
        let calls = match lookup.held_token() {
            Some(_) => calls,
            None => vec![AddCall::Token],
        };
        Ok(sending(&lookup, added, calls))
    }

    fn read(
        lookup: AddLookup,
        mut added: Added,
        call: &AddCall,
        answer: &Answer,
    ) -> Result<Turn<Self>, Said> {
        if *call == AddCall::Token {
            return Ok(after_token(
                lookup,
                added,
                answer,
                vec![AddCall::AddProvider],
            ));
        }
        let said = match service_providers::parse_added(answer) {
            Ok(provider) => {
                added.provider = Some(provider);
                return Ok(sending(&lookup, added, vec![]));
            }
            // OpenScale refused the provider itself (its credentials, a duplicate name…).
            Err(ReadFailure::Status(status)) => {
                Said::new(LookupCode::ProviderRefused).with("httpStatus", usize::from(status))
            }
            Err(failure) => lookup.goal.target.failure(&lookup.profile, failure),
        };
        Ok(Turn::stopped(added, vec![said]))
    }

    /// The addition as it is sent; without a held token (a preview) its bearer is empty, and a
    /// preview leaves the header out anyway.
    fn request(lookup: &AddLookup, _: &Added, call: &AddCall) -> Result<Request, Said> {
        if *call == AddCall::Token {
            return super::token_request(lookup);
        }
        let Addition { target, provider } = &lookup.goal;
        let origin = target.origin(&lookup.profile)?;
        let new = new_provider(&lookup.profile, provider)?;
        let none = Secret::new("");
        let token = lookup.held_token().unwrap_or(&none);
        service_providers::add_request(&origin, &target.guid, token, &new)
            .map_err(|_| target.unknown_region())
    }

    fn writes_as(call: &AddCall) -> Option<SetupWrite> {
        (*call == AddCall::AddProvider).then_some(SetupWrite::AddProvider)
    }

    fn writes(_: &AddLookup, _: &Added, (): ()) -> Result<Vec<AddCall>, Said> {
        Ok(vec![AddCall::AddProvider])
    }

    fn view(_: &AddLookup, added: &Added) -> Option<ProviderAdded> {
        let provider = added.provider.clone()?;
        Some(ProviderAdded { provider })
    }
}

/// The provider's credentials from the profile, in the fields OpenScale's SDK sends for its type
/// (`WMLCredentialsCloud`, `SageMakerCredentials`, `AzureCredentials` in
/// `base_classes/watson_open_scale_v2.py`).
fn new_provider(profile: &Profile, choice: &ProviderChoice) -> Result<NewProvider, Said> {
    let field = |name, value: &str, secret| CredentialField {
        name,
        value: Secret::new(value),
        secret,
    };
    let missing = || {
        Said::new(LookupCode::NoProviderCredential)
            .with("serviceType", service_type_param(&choice.service_type))
    };
    let credentials = &profile.credentials;
    let mut deployment_space_id = None;
    let fields = match choice.service_type.as_str() {
        "watson_machine_learning" => {
            let service = credentials
                .iter()
                .find_map(|c| match c {
                    Credential::IbmService(s) => Some(s),
                    _ => None,
                })
                .ok_or_else(missing)?;
            let Some(url) = &service.url else {
                return Err(missing());
            };
            deployment_space_id = choice.deployment_space_id.clone();
            // IBM now hands WML credentials out as `{url, apikey}` (watsonx.ai's "Setup on IBM
            // Cloud"); `WMLCredentialsCloud.to_dict` then leaves `instance_id` out, as here.
            let mut fields = vec![
                field("apikey", service.api_key.expose(), true),
                field("url", url, false),
            ];
            fields.extend(
                service
                    .instance_id
                    .as_deref()
                    .map(|id| field("instance_id", id, false)),
            );
            fields
        }
        "amazon_sagemaker" => {
            let key = credentials
                .iter()
                .filter_map(Credential::aksk)
                .find(|k| k.issuer == AkIssuer::Aws)
                .ok_or_else(missing)?;
            let mut fields = vec![
                field("access_key_id", &key.access_key_id, false),
                field("secret_access_key", key.secret_access_key.expose(), true),
            ];
            fields.extend(choice.region.as_deref().map(|r| field("region", r, false)));
            fields
        }
        "azure_machine_learning" | "azure_machine_learning_service" => {
            let sp = credentials
                .iter()
                .find_map(|c| match c {
                    Credential::AzureSp(sp) => Some(sp),
                    _ => None,
                })
                .ok_or_else(missing)?;
            let mut fields = vec![
                field("client_id", &sp.client_id, false),
                field("client_secret", sp.client_secret.expose(), true),
                field("tenant", &sp.tenant_id, false),
            ];
            let subscription = choice.subscription_id.as_deref();
            fields.extend(subscription.map(|s| field("subscription_id", s, false)));
            fields
        }
        _ => return Err(missing()),
    };
    Ok(NewProvider {
        name: choice.name.clone(),
        service_type: choice.service_type.clone(),
        credentials: fields,
        // IBM's samples bind providers to the production space unless told otherwise.
        operational_space_id: Some("production".into()),
        deployment_space_id: deployment_space_id.filter(|d| !d.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{lookup, run_from, token_answer_ok, GUID};
    use super::*;
    use crate::flows::flow;
    use crate::words::Param;

    fn add_provider(service_type: &str) -> AddLookup {
        let mut l = lookup(
            "us-south",
            Addition {
                target: Target {
                    guid: GUID.into(),
                    region: "eu-gb".into(),
                },
                provider: ProviderChoice {
                    service_type: service_type.into(),
                    name: "models".into(),
                    region: Some("us-east-1".into()),
                    subscription_id: None,
                    deployment_space_id: Some("".into()),
                },
            },
        );
        let aws: Credential = serde_json::from_value(serde_json::json!({"kind": "aksk",
            "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "issuer": "aws"}))
        .unwrap();
        l.profile.credentials.push(aws);
        l
    }

    fn preview(l: &AddLookup) -> Result<crate::cloud::Preview, Said> {
        let shown = flow::preview::<AddProvider>(l, &Added::default(), ())?;
        Ok(shown.into_iter().next().expect("one write").preview)
    }

    /// The click's run: the token, then the write it previewed.
    fn send(
        l: AddLookup,
        answers: Vec<Answer>,
    ) -> (Vec<String>, super::super::tests::Ended<AddProvider>) {
        let click = vec![AddCall::AddProvider];
        let turn = flow::write::<AddProvider>(l.clone(), Added::default(), click.clone()).unwrap();
        run_from(l, turn, answers, &click)
    }

    #[test]
    fn a_provider_is_added_as_previewed_once_the_user_sends_it() {
        let l = add_provider("amazon_sagemaker");
        let shown = preview(&l).unwrap();
        assert_eq!(shown.method, "POST");
        assert_eq!(
            shown.url,
            format!(
                "https://eu-gb.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2/service_providers"
            )
        );
        let body = shown.body.clone().unwrap();
        assert!(body.contains("AKIAIOSFODNN7EXAMPLE") && body.contains(crate::cloud::MASK));
        assert!(!body.contains("wJalrXUtnFEMI") && !body.contains(&"k".repeat(44)));
        let added = r#"{"metadata": {"id": "0f0e0d0c-1111-4222-8333-444455556666"}, "entity": {"name": "models", "service_type": "amazon_sagemaker"}}"#;
        let answers = vec![token_answer_ok(), Answer::response(201, &[], added)];
        let (urls, ended) = send(l.clone(), answers);
        assert_eq!(urls[1], shown.url);
        let provider = AddProvider::view(&l, &ended.state).expect("added").provider;
        assert_eq!(provider.id, "0f0e0d0c-1111-4222-8333-444455556666");
        let answers = vec![token_answer_ok(), Answer::response(400, &[], "{}")];
        let refused = send(l, answers).1.failed.unwrap();
        assert_eq!(refused.code, LookupCode::ProviderRefused);
    }

    #[test]
    fn the_addition_is_never_sent_without_the_click() {
        let l = add_provider("amazon_sagemaker");
        let start = flow::start::<AddProvider>(l.clone(), Added::default()).unwrap();
        assert!(start.send.is_empty(), "nothing is read before the click");
        // Even after a token read, the write goes only with the click's calls.
        let after_token = flow::read::<AddProvider>(
            l.clone(),
            Added::default(),
            &AddCall::Token,
            &token_answer_ok(),
            &[],
        );
        assert_eq!(
            after_token.err(),
            Some(Said::new(LookupCode::WriteNotPreviewed))
        );
        let read = flow::write::<AddProvider>(l, Added::default(), vec![AddCall::Token]);
        assert_eq!(read.err(), Some(Said::new(LookupCode::WriteNotPreviewed)));
    }

    #[test]
    fn a_provider_needs_its_credential_in_the_profile() {
        for service_type in [
            "watson_machine_learning",
            "azure_machine_learning",
            "custom_machine_learning",
        ] {
            let said = preview(&add_provider(service_type)).unwrap_err();
            assert_eq!(
                said.code,
                LookupCode::NoProviderCredential,
                "{service_type}"
            );
            // The type in the user's words, not OpenScale's identifier.
            assert_eq!(
                said.params["serviceType"],
                Param::term("service_type", service_type)
            );
        }
        let unknown = preview(&add_provider("my_engine")).unwrap_err();
        assert_eq!(unknown.params["serviceType"], Param::from("my_engine"));
    }

    #[test]
    fn wml_credentials_without_an_instance_id_make_a_provider() {
        let mut l = add_provider("watson_machine_learning");
        let wml: Credential = serde_json::from_value(serde_json::json!({"kind": "ibm-service",
            "apiKey": "w".repeat(44), "url": "https://eu-de.ml.cloud.ibm.com"}))
        .unwrap();
        l.profile.credentials.push(wml);
        let body: serde_json::Value =
            serde_json::from_str(&preview(&l).unwrap().body.unwrap()).unwrap();
        assert_eq!(
            body["credentials"],
            serde_json::json!({"apikey": crate::cloud::MASK, "url": "https://eu-de.ml.cloud.ibm.com"})
        );
    }
}

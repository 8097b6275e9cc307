//! The named values a console form can ask for.

use crate::profile::{AkIssuer, Credential, Profile, Provider};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tsify_next::Tsify;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Tsify,
)]
#[serde(rename_all = "camelCase")]
pub enum Slot {
    AccessKeyId,
    SecretAccessKey,
    ApiKey,
    /// OpenScale service instance GUID / data mart ID (the same ID on IBM Cloud), WML instance ID.
    InstanceId,
    Url,
    ClientId,
    ClientSecret,
    TenantId,
    SubscriptionId,
    Region,
    Username,
    Password,
    /// An OpenScale subscription (a monitored deployment), not Azure's subscription.
    OpenscaleSubscriptionId,
    /// A model deployment (Watson Machine Learning's, or another provider's).
    DeploymentId,
    /// The OpenScale service provider a subscription is bound to.
    BindingId,
}

impl Slot {
    pub const ALL: [Slot; 15] = [
        Slot::AccessKeyId,
        Slot::SecretAccessKey,
        Slot::ApiKey,
        Slot::InstanceId,
        Slot::Url,
        Slot::ClientId,
        Slot::ClientSecret,
        Slot::TenantId,
        Slot::SubscriptionId,
        Slot::Region,
        Slot::Username,
        Slot::Password,
        Slot::OpenscaleSubscriptionId,
        Slot::DeploymentId,
        Slot::BindingId,
    ];

    /// Slots whose value is a credential a page would mask (`type=password`).
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            Slot::SecretAccessKey | Slot::ApiKey | Slot::ClientSecret | Slot::Password
        )
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Which of a profile's credentials answers a form: each console form asks for one identity's
/// values, and a profile may hold several (an IBM profile keeps the platform API key, the Watson
/// Machine Learning service credentials, an AWS key and an Azure service principal for the forms
/// of OpenScale's machine-learning providers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnsweredBy {
    /// A Huawei Cloud / Flexible Engine AK/SK (ModelArts' access authorization).
    HuaweiKey,
    /// The IBM platform API key and the profile's OpenScale instance (OpenScale setup).
    IbmPlatformKey,
    /// IBM service credentials: the Watson Machine Learning instance's API key, ID and URL.
    IbmServiceCredentials,
    /// An AWS access key (Amazon SageMaker).
    AwsKey,
    /// An Azure service principal (Azure ML).
    AzureServicePrincipal,
    /// A form whose values credfill does not keep (a custom provider's user and password).
    NothingStored,
}

/// The value `profile` gives each slot of a form answered by `source`. The first credential of
/// the right kind answers (the user's order); retired keys never do; empty values answer nothing.
pub fn slot_values(profile: &Profile, source: AnsweredBy) -> BTreeMap<Slot, Secret> {
    let mut values = BTreeMap::new();
    let mut offer = |slot: Slot, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            values.entry(slot).or_insert_with(|| Secret::from(value));
        }
    };
    let credentials = &profile.credentials;
    match source {
        AnsweredBy::HuaweiKey | AnsweredBy::AwsKey => {
            let issuer = match source {
                AnsweredBy::AwsKey => AkIssuer::Aws,
                _ => AkIssuer::Huawei,
            };
            if let Some(key) = credentials
                .iter()
                .filter_map(Credential::aksk)
                .find(|k| k.issuer == issuer)
            {
                offer(Slot::AccessKeyId, Some(&key.access_key_id));
                offer(Slot::SecretAccessKey, Some(key.secret_access_key.expose()));
            }
            // An IBM profile's region is IBM's, not the AWS key's.
            if profile.provider != Provider::Ibm {
                offer(Slot::Region, profile.region.as_deref());
            }
        }
        AnsweredBy::IbmPlatformKey => {
            let api_key = credentials.iter().find_map(|c| match c {
                Credential::IbmApiKey(key) => Some(key.api_key.expose()),
                _ => None,
            });
            let instance = credentials.iter().find_map(|c| match c {
                Credential::IbmInstance(instance) => Some(instance.guid.as_str()),
                _ => None,
            });
            offer(Slot::ApiKey, api_key);
            offer(
                Slot::InstanceId,
                profile.openscale_guid.as_deref().or(instance),
            );
        }
        AnsweredBy::IbmServiceCredentials => {
            if let Some(service) = credentials.iter().find_map(|c| match c {
                Credential::IbmService(service) => Some(service),
                _ => None,
            }) {
                offer(Slot::ApiKey, Some(service.api_key.expose()));
                offer(Slot::InstanceId, service.instance_id.as_deref());
                offer(Slot::Url, service.url.as_deref());
            }
        }
        AnsweredBy::AzureServicePrincipal => {
            if let Some(sp) = credentials.iter().find_map(|c| match c {
                Credential::AzureSp(sp) => Some(sp),
                _ => None,
            }) {
                offer(Slot::ClientId, Some(&sp.client_id));
                offer(Slot::ClientSecret, Some(sp.client_secret.expose()));
                offer(Slot::TenantId, Some(&sp.tenant_id));
            }
        }
        AnsweredBy::NothingStored => {}
    }
    values
}

#[cfg(test)]
mod tests {
    use super::{slot_values, AnsweredBy, Slot};
    use crate::profile::Profile;
    use serde_json::json;

    fn profile(extra: serde_json::Value) -> Profile {
        let mut p = json!({"id": "p1", "name": "test", "provider": "ibm"});
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::from_value(p).expect("a stored profile")
    }

    fn exposed(profile: &Profile, source: AnsweredBy) -> Vec<(Slot, String)> {
        slot_values(profile, source)
            .into_iter()
            .map(|(slot, value)| (slot, value.expose().to_owned()))
            .collect()
    }

    fn ibm_profile() -> Profile {
        profile(
            json!({"region": "us-south", "openscaleGuid": "os-guid", "credentials": [
            {"kind": "ibm-service", "apiKey": "wml-key", "instanceId": "wml-guid", "url": "https://us-south.ml.cloud.ibm.com"},
            {"kind": "ibm-instance", "guid": "other-guid"},
            {"kind": "ibm-api-key", "apiKey": "platform-key"},
            {"kind": "aksk", "accessKeyId": "AKIAEXAMPLE", "secretAccessKey": "aws-secret", "issuer": "aws"},
            {"kind": "azure-sp", "clientId": "cid", "clientSecret": "csec", "tenantId": "tid"}]}),
        )
    }

    #[test]
    fn a_huawei_key_and_the_region() {
        let p = profile(
            json!({"provider": "huawei", "region": "cn-north-4", "credentials": [
            {"kind": "aksk", "accessKeyId": "AK1", "secretAccessKey": "SK1", "issuer": "huawei"},
            {"kind": "aksk", "accessKeyId": "AK2", "secretAccessKey": "SK2", "issuer": "huawei"}],
            "retired": [{"kind": "aksk", "accessKeyId": "OLD", "secretAccessKey": "OLDSK", "issuer": "huawei"}]}),
        );
        assert_eq!(
            exposed(&p, AnsweredBy::HuaweiKey),
            [
                (Slot::AccessKeyId, "AK1".into()),
                (Slot::SecretAccessKey, "SK1".into()),
                (Slot::Region, "cn-north-4".into()),
            ]
        );
    }

    #[test]
    fn each_openscale_form_gets_its_own_identity() {
        let p = ibm_profile();
        assert_eq!(
            exposed(&p, AnsweredBy::IbmPlatformKey),
            [
                (Slot::ApiKey, "platform-key".into()),
                (Slot::InstanceId, "os-guid".into())
            ]
        );
        assert_eq!(
            exposed(&p, AnsweredBy::IbmServiceCredentials),
            [
                (Slot::ApiKey, "wml-key".into()),
                (Slot::InstanceId, "wml-guid".into()),
                (Slot::Url, "https://us-south.ml.cloud.ibm.com".into()),
            ]
        );
        assert_eq!(
            exposed(&p, AnsweredBy::AwsKey),
            [
                (Slot::AccessKeyId, "AKIAEXAMPLE".into()),
                (Slot::SecretAccessKey, "aws-secret".into())
            ]
        );
        assert_eq!(
            exposed(&p, AnsweredBy::AzureServicePrincipal),
            [
                (Slot::ClientId, "cid".into()),
                (Slot::ClientSecret, "csec".into()),
                (Slot::TenantId, "tid".into()),
            ]
        );
        assert_eq!(exposed(&p, AnsweredBy::NothingStored), []);
        // A Huawei-issued key never answers for AWS, nor the other way round.
        assert_eq!(exposed(&p, AnsweredBy::HuaweiKey), []);
    }

    #[test]
    fn an_instance_guid_answers_when_no_openscale_instance_was_chosen() {
        let p = profile(json!({"credentials": [
            {"kind": "ibm-instance", "guid": "the-guid"}]}));
        assert_eq!(
            exposed(&p, AnsweredBy::IbmPlatformKey),
            [(Slot::InstanceId, "the-guid".into())]
        );
    }

    #[test]
    fn empty_values_answer_nothing() {
        let p = profile(json!({"region": "", "openscaleGuid": "", "credentials": [
            {"kind": "ibm-api-key", "apiKey": ""},
            {"kind": "ibm-service", "apiKey": "k", "url": ""}]}));
        assert_eq!(exposed(&p, AnsweredBy::IbmPlatformKey), []);
        assert_eq!(
            exposed(&p, AnsweredBy::IbmServiceCredentials),
            [(Slot::ApiKey, "k".into())]
        );
    }
}

//! The named values a console form can ask for.

use crate::secret::Secret;
use crate::vault::profiles::{Credential, Profile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Slot {
    AccessKeyId,
    SecretAccessKey,
    ApiKey,
    /// OpenScale service instance GUID / data mart ID, WML instance ID.
    InstanceId,
    Url,
    ClientId,
    ClientSecret,
    TenantId,
    SubscriptionId,
    Region,
    Username,
    Password,
}

impl Slot {
    pub const ALL: [Slot; 12] = [
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

/// The value a stored profile gives each slot it can answer. The OpenScale instance the user chose
/// for the profile (`openscaleGuid`) comes first, since that is the one its forms ask for; then the
/// region; then each credential in the profile's order, the first one that has a slot winning.
/// Empty values answer nothing.
pub fn slot_values(profile: &Profile) -> BTreeMap<Slot, Secret> {
    let mut values = BTreeMap::new();
    let mut offer = |slot: Slot, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            values.entry(slot).or_insert_with(|| Secret::from(value));
        }
    };
    offer(Slot::InstanceId, profile.openscale_guid.as_deref());
    offer(Slot::Region, profile.region.as_deref());
    for credential in &profile.credentials {
        for (slot, value) in credential_slots(credential) {
            offer(slot, value);
        }
    }
    values
}

/// Which slot each field of a credential answers.
fn credential_slots(credential: &Credential) -> Vec<(Slot, Option<&str>)> {
    match credential {
        Credential::Aksk {
            access_key_id,
            secret_access_key,
            ..
        } => vec![
            (Slot::AccessKeyId, Some(access_key_id.as_str())),
            (Slot::SecretAccessKey, Some(secret_access_key.expose())),
        ],
        Credential::IbmApiKey { api_key, .. } => vec![(Slot::ApiKey, Some(api_key.expose()))],
        Credential::IbmService {
            api_key,
            instance_id,
            url,
            ..
        } => vec![
            (Slot::ApiKey, Some(api_key.expose())),
            (Slot::InstanceId, instance_id.as_deref()),
            (Slot::Url, url.as_deref()),
        ],
        Credential::IbmInstance { guid, .. } => vec![(Slot::InstanceId, Some(guid.as_str()))],
        Credential::AzureSp {
            client_id,
            client_secret,
            tenant_id,
            ..
        } => vec![
            (Slot::ClientId, Some(client_id.as_str())),
            (Slot::ClientSecret, Some(client_secret.expose())),
            (Slot::TenantId, Some(tenant_id.as_str())),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::{slot_values, Slot};
    use crate::vault::profiles::Profile;
    use serde_json::json;

    fn profile(extra: serde_json::Value) -> Profile {
        let mut p = json!({"id": "p1", "name": "test", "provider": "ibm"});
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::from_value(p).expect("a stored profile")
    }

    fn exposed(profile: &Profile) -> Vec<(Slot, String)> {
        slot_values(profile)
            .into_iter()
            .map(|(slot, value)| (slot, value.expose().to_owned()))
            .collect()
    }

    #[test]
    fn an_aksk_pair_and_the_region() {
        let p = profile(
            json!({"provider": "huawei", "region": "cn-north-4", "credentials": [
            {"kind": "aksk", "accessKeyId": "AK1", "secretAccessKey": "SK1"}]}),
        );
        assert_eq!(
            exposed(&p),
            [
                (Slot::AccessKeyId, "AK1".into()),
                (Slot::SecretAccessKey, "SK1".into()),
                (Slot::Region, "cn-north-4".into()),
            ]
        );
    }

    #[test]
    fn the_first_credential_with_a_slot_wins() {
        let p = profile(json!({"credentials": [
            {"kind": "aksk", "accessKeyId": "A", "secretAccessKey": "S"},
            {"kind": "aksk", "accessKeyId": "B", "secretAccessKey": "T"}]}));
        assert_eq!(
            exposed(&p),
            [
                (Slot::AccessKeyId, "A".into()),
                (Slot::SecretAccessKey, "S".into())
            ]
        );
    }

    #[test]
    fn ibm_items_with_the_chosen_openscale_instance_first() {
        let p = profile(json!({"openscaleGuid": "os-guid", "credentials": [
            {"kind": "ibm-service", "apiKey": "svc-key", "instanceId": "wml-guid", "url": "https://us-south.ml.cloud.ibm.com"},
            {"kind": "ibm-instance", "guid": "other-guid", "crn": "crn:v1:x"},
            {"kind": "ibm-api-key", "apiKey": "platform-key"},
            {"kind": "azure-sp", "clientId": "cid", "clientSecret": "csec", "tenantId": "tid"}]}));
        assert_eq!(
            exposed(&p),
            [
                (Slot::ApiKey, "svc-key".into()),
                (Slot::InstanceId, "os-guid".into()),
                (Slot::Url, "https://us-south.ml.cloud.ibm.com".into()),
                (Slot::ClientId, "cid".into()),
                (Slot::ClientSecret, "csec".into()),
                (Slot::TenantId, "tid".into()),
            ]
        );
    }

    #[test]
    fn an_instance_guid_answers_when_no_openscale_instance_was_chosen() {
        let p = profile(json!({"credentials": [
            {"kind": "ibm-instance", "guid": "the-guid", "crn": "crn:v1:x"}]}));
        assert_eq!(exposed(&p), [(Slot::InstanceId, "the-guid".into())]);
    }

    #[test]
    fn empty_values_answer_nothing() {
        let p = profile(json!({"region": "", "openscaleGuid": "", "credentials": [
            {"kind": "ibm-api-key", "apiKey": ""},
            {"kind": "ibm-service", "apiKey": "k", "url": ""}]}));
        assert_eq!(exposed(&p), [(Slot::ApiKey, "k".into())]);
    }
}

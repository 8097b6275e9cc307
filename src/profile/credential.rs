//! One imported credential: what `parseCredentials` returns and what a profile stores, the same
//! type (`kind`-tagged, camelCase), with every secret in [`Secret`].

use serde::{Deserialize, Serialize};

use crate::secret::Secret;
use tsify_next::Tsify;

/// Whose IAM issued an AK/SK pair. Huawei Cloud and Orange Flexible Engine issue keys of the same
/// format from two separate IAMs, so a file cannot tell them apart: the profile's provider (asked
/// at import) does. AWS keys start `AKIA` (long-term) or `ASIA` (temporary), or come in the AWS
/// console's CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum AkIssuer {
    /// Huawei Cloud or Flexible Engine.
    Huawei,
    Aws,
}

impl AkIssuer {
    pub fn of_access_key(access_key_id: &str) -> AkIssuer {
        if access_key_id.starts_with("AKIA") || access_key_id.starts_with("ASIA") {
            AkIssuer::Aws
        } else {
            AkIssuer::Huawei
        }
    }
}

/// An access key ID and its secret (Huawei Cloud, Flexible Engine or AWS), maybe temporary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AkSk {
    pub access_key_id: String,
    pub secret_access_key: Secret,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_token: Option<Secret>,
    /// Temporary credentials only, as the file states it (e.g. `2026-01-01T12:00:00.000000Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    pub issuer: AkIssuer,
}

/// An IBM Cloud platform API key (`apiKey.json` or `ibmcloud iam api-key-create` output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IbmApiKey {
    pub api_key: Secret,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// IBM Cloud service credentials (a resource key), e.g. Watson Machine Learning's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IbmService {
    pub api_key: Secret,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iam_service_id_crn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iam_role_crn: Option<String>,
}

/// An IBM Cloud service instance (`ibmcloud resource service-instance` output). Its GUID is the
/// OpenScale instance and data mart ID. The CRN is absent when the pasted text elided it (IBM's
/// own documentation prints `crn:v1:…:a/c2f2xxxxxxxxxxxx867::`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IbmInstance {
    pub guid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// An Azure service principal (`az ad sp create-for-rbac` output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AzureServicePrincipal {
    pub client_id: String,
    pub client_secret: Secret,
    pub tenant_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// One credential; `kind` tells which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(tag = "kind")]
pub enum Credential {
    #[serde(rename = "aksk")]
    AkSk(AkSk),
    #[serde(rename = "ibm-api-key")]
    IbmApiKey(IbmApiKey),
    #[serde(rename = "ibm-service")]
    IbmService(IbmService),
    #[serde(rename = "ibm-instance")]
    IbmInstance(IbmInstance),
    #[serde(rename = "azure-sp")]
    AzureSp(AzureServicePrincipal),
}

impl Credential {
    /// Whether both are the same key (the same AK, API key, instance or service principal),
    /// whatever else differs: the test for "already stored".
    pub fn same_key(&self, other: &Credential) -> bool {
        use Credential::*;
        match (self, other) {
            (AkSk(a), AkSk(b)) => a.access_key_id == b.access_key_id,
            (IbmApiKey(a), IbmApiKey(b)) => a.api_key == b.api_key,
            (IbmService(a), IbmService(b)) => a.api_key == b.api_key,
            (IbmInstance(a), IbmInstance(b)) => a.guid.eq_ignore_ascii_case(&b.guid),
            (AzureSp(a), AzureSp(b)) => a.client_id == b.client_id && a.tenant_id == b.tenant_id,
            _ => false,
        }
    }

    /// Whether `self` can be replaced by `new` as the next key of the same identity: an AK/SK of
    /// the same issuer and IAM user, an IBM platform API key, a client secret of the same service
    /// principal. Keys without a known owner (an AK/SK without user name) replace one another too.
    pub fn is_rotated_by(&self, new: &Credential) -> bool {
        use Credential::*;
        match (self, new) {
            (AkSk(old), AkSk(new)) => old.issuer == new.issuer && old.user_name == new.user_name,
            (IbmApiKey(_), IbmApiKey(_)) => true,
            (AzureSp(old), AzureSp(new)) => {
                old.client_id == new.client_id && old.tenant_id == new.tenant_id
            }
            _ => false,
        }
    }

    /// When the credential was made, as its file states it (an IBM API key's `created_at`).
    pub fn created_at(&self) -> Option<&str> {
        match self {
            Credential::IbmApiKey(key) => key.created_at.as_deref(),
            _ => None,
        }
    }

    /// When the credential stops working on its own (temporary credentials).
    pub fn expires_at(&self) -> Option<&str> {
        match self {
            Credential::AkSk(key) => key.expires_at.as_deref(),
            _ => None,
        }
    }

    /// The AK/SK pair, if this is one.
    pub fn aksk(&self) -> Option<&AkSk> {
        match self {
            Credential::AkSk(key) => Some(key),
            _ => None,
        }
    }
}

/// Whether `value` is a GUID as IBM Cloud writes an instance's or a principal's (8-4-4-4-12 hex digits).
pub fn is_guid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, length)| {
            group.len() == length && group.chars().all(|c| c.is_ascii_hexdigit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn credentials_serialize_to_the_js_shapes_and_back() {
        let item = Credential::AkSk(AkSk {
            access_key_id: "QTWAOYTTINDUT2QVKYUC".into(),
            secret_access_key: Secret::new("s"),
            user_name: None,
            security_token: Some(Secret::new("t")),
            expires_at: None,
            issuer: AkIssuer::Huawei,
        });
        let shape = json!({"kind": "aksk", "accessKeyId": "QTWAOYTTINDUT2QVKYUC",
            "secretAccessKey": "s", "securityToken": "t", "issuer": "huawei"});
        assert_eq!(serde_json::to_value(&item).unwrap(), shape);
        assert_eq!(serde_json::from_value::<Credential>(shape).unwrap(), item);
        let item = Credential::IbmInstance(IbmInstance {
            guid: "g".into(),
            crn: None,
            location: None,
            service_name: Some("aiopenscale".into()),
            name: None,
            account_id: None,
        });
        assert_eq!(
            serde_json::to_value(&item).unwrap(),
            json!({"kind": "ibm-instance", "guid": "g", "serviceName": "aiopenscale"})
        );
    }

    #[test]
    fn rotation_is_within_one_identity() {
        let key = |ak: &str, user: Option<&str>, issuer| {
            Credential::AkSk(AkSk {
                access_key_id: ak.into(),
                secret_access_key: Secret::new("s"),
                user_name: user.map(Into::into),
                security_token: None,
                expires_at: None,
                issuer,
            })
        };
        let old = key("A1", Some("alice"), AkIssuer::Huawei);
        assert!(old.is_rotated_by(&key("A2", Some("alice"), AkIssuer::Huawei)));
        assert!(!old.is_rotated_by(&key("A2", Some("bob"), AkIssuer::Huawei)));
        assert!(!old.is_rotated_by(&key("A2", Some("alice"), AkIssuer::Aws)));
        assert!(!old.same_key(&key("A2", Some("alice"), AkIssuer::Huawei)));
        assert!(old.same_key(&key("A1", None, AkIssuer::Aws)));
    }
}

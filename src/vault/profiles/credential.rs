//! One imported credential, exactly as `parseCredentials` hands it over (`kind` tagged,
//! camelCase), with every secret in [`Secret`].

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Credential {
    #[serde(rename_all = "camelCase")]
    Aksk {
        access_key_id: String,
        secret_access_key: Secret,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        user_name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        security_token: Option<Secret>,
        /// Temporary credentials only (RFC 3339).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expires_at: Option<String>,
        /// `"huawei"` or `"aws"`, when the file told.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        provider: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    IbmApiKey {
        api_key: Secret,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        created_at: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    IbmService {
        api_key: Secret,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        instance_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        iam_service_id_crn: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        iam_role_crn: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    IbmInstance {
        guid: String,
        crn: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        location: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        service_name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        account_id: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    AzureSp {
        client_id: String,
        client_secret: Secret,
        tenant_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        display_name: Option<String>,
    },
}

impl Credential {
    /// Whether both are the same key (the same AK, API key, instance or service principal),
    /// whatever else differs: the test for "already stored".
    pub fn same_key(&self, other: &Credential) -> bool {
        use Credential::*;
        match (self, other) {
            (
                Aksk {
                    access_key_id: a, ..
                },
                Aksk {
                    access_key_id: b, ..
                },
            ) => a == b,
            (IbmApiKey { api_key: a, .. }, IbmApiKey { api_key: b, .. }) => a == b,
            (IbmService { api_key: a, .. }, IbmService { api_key: b, .. }) => a == b,
            (IbmInstance { guid: a, .. }, IbmInstance { guid: b, .. }) => a.eq_ignore_ascii_case(b),
            (
                AzureSp {
                    client_id: a,
                    tenant_id: ta,
                    ..
                },
                AzureSp {
                    client_id: b,
                    tenant_id: tb,
                    ..
                },
            ) => a == b && ta == tb,
            _ => false,
        }
    }

    /// When the credential stops working on its own (temporary credentials).
    pub fn expires_at(&self) -> Option<&str> {
        match self {
            Credential::Aksk { expires_at, .. } => expires_at.as_deref(),
            _ => None,
        }
    }
}

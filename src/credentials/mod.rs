//! Credential import: detects and parses every downloaded key file variant.
//!
//! [`parse`] takes the raw bytes of a file (or pasted text) and returns the credentials it
//! holds as [`Item`]s, in file order, plus [`Warning`]s for what it worked around. The format
//! is detected from the bytes: JSON ([`json_keys`]), pasted `ibmcloud` output ([`cli_text`]),
//! otherwise CSV ([`csv_keys`]). The items serialize to the JS shapes of `parseCredentials`.

mod cli_text;
mod csv_keys;
mod decode;
mod error;
mod json_keys;
mod validate;

pub use decode::MAX_INPUT_BYTES;
pub use error::{ErrorCode, ImportError, Warning, WarningCode};

use crate::secret::Secret;
use serde::Serialize;

/// Whose AK/SK pair this is: AWS keys start `AKIA` (long-term) or `ASIA` (temporary), or come
/// in the AWS console's CSV; everything else is Huawei Cloud / Flexible Engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Huawei,
    Aws,
}

impl Provider {
    fn of_access_key(access_key_id: &str) -> Provider {
        if access_key_id.starts_with("AKIA") || access_key_id.starts_with("ASIA") {
            Provider::Aws
        } else {
            Provider::Huawei
        }
    }
}

/// An access key ID and its secret (Huawei Cloud, Flexible Engine or AWS), maybe temporary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AkSk {
    pub access_key_id: String,
    pub secret_access_key: Secret,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_token: Option<Secret>,
    /// As the file states it, e.g. `2026-01-01T12:00:00.000000Z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    pub provider: Provider,
}

/// An IBM Cloud platform API key (`apiKey.json` or `ibmcloud iam api-key-create` output).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IbmApiKey {
    pub api_key: Secret,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// IBM Cloud service credentials (a resource key), e.g. Watson Machine Learning's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IbmService {
    pub api_key: Secret,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iam_service_id_crn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iam_role_crn: Option<String>,
}

/// An IBM Cloud service instance (`ibmcloud resource service-instance` output). Its GUID is
/// the OpenScale instance and data mart ID.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IbmInstance {
    pub guid: String,
    pub crn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// An Azure service principal (`az ad sp create-for-rbac` output).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AzureServicePrincipal {
    pub client_id: String,
    pub client_secret: Secret,
    pub tenant_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// One credential found in the file; `kind` tells which.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum Item {
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

/// What a file held: at least one item (an import without any is an error).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Import {
    pub items: Vec<Item>,
    pub warnings: Vec<Warning>,
}

/// Reads the credentials in `bytes`. `file_name` is only a hint for error messages.
pub fn parse(bytes: &[u8], file_name: Option<&str>) -> Result<Import, ImportError> {
    let decoded = decode::decode(bytes, file_name)?;
    let text = decoded.text.as_str();
    let trimmed = text.trim_start();
    let mut import = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        json_keys::parse(text)?
    } else if cli_text::looks_like_cli_output(text) {
        cli_text::parse(text)?
    } else {
        csv_keys::parse(text)?
    };
    import.warnings.splice(0..0, decoded.warning);
    Ok(import)
}

/// Field names compared the way people vary them: `Access Key Id`, `access_key_id` and
/// `ACCESSKEYID` are all `accesskeyid`.
fn normalized_name(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_serialize_to_the_js_shapes() {
        let item = Item::AkSk(AkSk {
            access_key_id: "QTWAOYTTINDUT2QVKYUC".into(),
            secret_access_key: Secret::new("s"),
            user_name: None,
            security_token: Some(Secret::new("t")),
            expires_at: None,
            provider: Provider::Huawei,
        });
        assert_eq!(
            serde_json::to_value(&item).unwrap(),
            serde_json::json!({"kind": "aksk", "accessKeyId": "QTWAOYTTINDUT2QVKYUC",
                "secretAccessKey": "s", "securityToken": "t", "provider": "huawei"})
        );
        let item = Item::IbmInstance(IbmInstance {
            guid: "g".into(),
            crn: "c".into(),
            location: None,
            service_name: Some("aiopenscale".into()),
            name: None,
            account_id: None,
        });
        assert_eq!(
            serde_json::to_value(&item).unwrap(),
            serde_json::json!({"kind": "ibm-instance", "guid": "g", "crn": "c", "serviceName": "aiopenscale"})
        );
    }

    #[test]
    fn errors_and_warnings_serialize_with_their_codes() {
        let error = ImportError::new(ErrorCode::MissingColumn, "m").at(Some(1), None);
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({"code": "missing-column", "message": "m", "line": 1})
        );
        let warning = Warning::new(WarningCode::SwappedColumns, "w");
        assert_eq!(
            serde_json::to_value(&warning).unwrap(),
            serde_json::json!({"code": "swapped-columns", "message": "w"})
        );
    }

    #[test]
    fn names_are_normalized() {
        assert_eq!(normalized_name(" Access Key Id "), "accesskeyid");
        assert_eq!(normalized_name("SECRET_ACCESS_KEY"), "secretaccesskey");
        assert_eq!(normalized_name("iam_apikey_name"), "iamapikeyname");
    }
}

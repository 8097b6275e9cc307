//! JSON key files: Huawei temporary credentials, IBM `apiKey.json`, IBM service credentials
//! (plain, in an array, or VCAP-wrapped) and Azure service principals. Every object in the
//! document is recognised by the names of its fields (any casing or `_`), so wrappers of any
//! depth work; recognised objects become items in document order.

use super::error::{ErrorCode, ImportError, Warning, WarningCode};
use super::{normalized_name, validate, Import};
use crate::profile::{AkIssuer, AkSk, AzureServicePrincipal, Credential, IbmApiKey, IbmService};
use crate::secret::Secret;
use serde_json::{Map, Value};

pub(crate) fn parse(text: &str) -> Result<Import, ImportError> {
    let document: Value = serde_json::from_str(text).map_err(|error| {
        // Only the position: serde_json's own words are English and not the user's.
        ImportError::new(ErrorCode::BadJson)
            .at(Some(error.line() as u32), Some(error.column() as u32))
    })?;
    let mut import = Import::default();
    collect(&document, None, text, &mut import)?;
    if import.items.is_empty() {
        return Err(ImportError::new(ErrorCode::NoKeys));
    }
    Ok(import)
}

/// `entry_name` is the `name` of a VCAP entry `{"name": …, "credentials": {…}}`.
fn collect(
    value: &Value,
    entry_name: Option<&str>,
    text: &str,
    import: &mut Import,
) -> Result<(), ImportError> {
    match value {
        Value::Array(values) => {
            for value in values {
                collect(value, None, text, import)?;
            }
        }
        Value::Object(object) => {
            let fields = Fields { object, text };
            if let Some(item) = fields.item(entry_name, &mut import.warnings)? {
                import.items.push(item);
                return Ok(());
            }
            for (key, value) in object {
                let name = (normalized_name(key) == "credentials")
                    .then(|| fields.get(&["name"]))
                    .flatten();
                collect(value, name, text, import)?;
            }
        }
        _ => {}
    }
    Ok(())
}

struct Fields<'a> {
    object: &'a Map<String, Value>,
    /// The whole document, to report the line of a bad value.
    text: &'a str,
}

impl<'a> Fields<'a> {
    /// The first non-empty string field whose normalised name is one of `names`.
    fn get(&self, names: &[&str]) -> Option<&'a str> {
        self.object
            .iter()
            .filter(|(key, _)| names.contains(&normalized_name(key).as_str()))
            .find_map(|(_, value)| value.as_str().map(str::trim).filter(|s| !s.is_empty()))
    }

    fn owned(&self, names: &[&str]) -> Option<String> {
        self.get(names).map(str::to_owned)
    }

    /// The line of `value`'s first occurrence: serde_json keeps no positions in a `Value`.
    fn line_of(&self, value: &str) -> Option<u32> {
        let at = self.text.find(value)?;
        Some(self.text[..at].matches('\n').count() as u32 + 1)
    }

    fn checked<T>(&self, value: &str, check: Result<T, ImportError>) -> Result<T, ImportError> {
        check.map_err(|error| error.at(self.line_of(value), None))
    }

    fn item(
        &self,
        entry_name: Option<&str>,
        warnings: &mut Vec<Warning>,
    ) -> Result<Option<Credential>, ImportError> {
        if let (Some(access), Some(secret)) = (
            self.get(&["access", "accesskeyid", "accesskey", "ak"]),
            self.get(&["secret", "secretaccesskey", "secretkey", "sk"]),
        ) {
            return self.aksk(access, secret, warnings).map(Some);
        }
        if let (Some(client_id), Some(client_secret), Some(tenant_id)) = (
            self.get(&["appid", "clientid"]),
            self.get(&["password", "clientsecret"]),
            self.get(&["tenant", "tenantid"]),
        ) {
            self.checked(client_id, validate::guid(client_id, "clientId"))?;
            self.checked(tenant_id, validate::guid(tenant_id, "tenantId"))?;
            return Ok(Some(Credential::AzureSp(AzureServicePrincipal {
                client_id: client_id.to_owned(),
                client_secret: Secret::from(client_secret),
                tenant_id: tenant_id.to_owned(),
                display_name: self.owned(&["displayname", "name"]),
            })));
        }
        let Some(api_key) = self.get(&["apikey"]) else {
            return Ok(None);
        };
        self.checked(api_key, validate::ibm_api_key(api_key))?;
        const SERVICE_FIELDS: [&str; 6] = [
            "iamapikeyname",
            "iamapikeydescription",
            "iamrolecrn",
            "iamserviceidcrn",
            "instanceid",
            "url",
        ];
        if self.get(&SERVICE_FIELDS).is_none() {
            return Ok(Some(Credential::IbmApiKey(IbmApiKey {
                api_key: Secret::from(api_key),
                name: self.owned(&["name"]),
                description: self.owned(&["description"]),
                created_at: self.owned(&["createdat"]),
                id: self.owned(&["id", "uuid"]),
            })));
        }
        let instance_id = self.get(&["instanceid"]);
        if let Some(id) = instance_id.filter(|id| !crate::profile::is_guid(id)) {
            warnings.push(Warning::new(WarningCode::UnusualInstanceId).at(self.line_of(id)));
        }
        let crn = |names: &[&str]| -> Result<Option<String>, ImportError> {
            let Some(crn) = self.get(names) else {
                return Ok(None);
            };
            let malformed = || ImportError::new(ErrorCode::BadCrn);
            self.checked(crn, validate::crn(crn).ok_or_else(malformed))?;
            Ok(Some(crn.to_owned()))
        };
        Ok(Some(Credential::IbmService(IbmService {
            api_key: Secret::from(api_key),
            instance_id: instance_id.map(str::to_owned),
            url: self.owned(&["url"]),
            name: self
                .get(&["iamapikeyname"])
                .or(entry_name)
                .map(str::to_owned),
            iam_service_id_crn: crn(&["iamserviceidcrn"])?,
            iam_role_crn: crn(&["iamrolecrn"])?,
        })))
    }

    fn aksk(
        &self,
        access: &str,
        secret: &str,
        warnings: &mut Vec<Warning>,
    ) -> Result<Credential, ImportError> {
        if let Some(warning) = self.checked(access, validate::access_key(access))? {
            warnings.push(warning.at(self.line_of(access)));
        }
        let issuer = AkIssuer::of_access_key(access);
        self.checked(secret, validate::secret_key(secret, issuer))?;
        Ok(Credential::AkSk(AkSk {
            access_key_id: access.to_owned(),
            secret_access_key: Secret::from(secret),
            user_name: self.owned(&["username"]),
            security_token: self
                .get(&["securitytoken", "sessiontoken"])
                .map(Secret::from),
            expires_at: self.owned(&["expiresat", "expiration"]),
            issuer,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const API_KEY: &str = "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ-012345";

    #[test]
    fn temporary_credentials_keep_token_and_expiry() {
        let text = r#"{"credential": {"access": "QTWAOYTTINDUT2QVKYUC", "secret": "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
            "securitytoken": "gQpjbi1ub3J0aC00", "expires_at": "2026-01-01T12:00:00.000000Z"}}"#;
        let import = parse(text).unwrap();
        let Credential::AkSk(aksk) = &import.items[0] else {
            panic!()
        };
        assert_eq!(
            aksk.security_token.as_ref().unwrap().expose(),
            "gQpjbi1ub3J0aC00"
        );
        assert_eq!(
            aksk.expires_at.as_deref(),
            Some("2026-01-01T12:00:00.000000Z")
        );
        assert_eq!(aksk.issuer, AkIssuer::Huawei);
    }

    #[test]
    fn api_key_file_in_any_casing() {
        let text = format!(r#"{{"Name": "k", "APIKEY": "{API_KEY}", "CreatedAt": "2026"}}"#);
        let Credential::IbmApiKey(key) = &parse(&text).unwrap().items[0] else {
            panic!()
        };
        assert_eq!(
            (key.api_key.expose(), key.name.as_deref()),
            (API_KEY, Some("k"))
        );
        assert_eq!(key.created_at.as_deref(), Some("2026"));
    }

    #[test]
    fn vcap_entry_name_names_the_service_key() {
        let text = format!(
            r#"{{"pm-20": [{{"name": "wml-key", "credentials": {{"apikey": "{API_KEY}", "instance_id": "x"}}}}]}}"#
        );
        let import = parse(&text).unwrap();
        let Credential::IbmService(service) = &import.items[0] else {
            panic!()
        };
        assert_eq!(service.name.as_deref(), Some("wml-key"));
        assert_eq!(import.warnings[0].code, WarningCode::UnusualInstanceId);
    }

    /// Watson Machine Learning credentials as IBM hands them out now: `{url, apikey}`, no
    /// `instance_id` (https://ibm.github.io/watsonx-ai-python-sdk/setup_cloud.html; its
    /// `Credentials` spells the key `api_key`).
    #[test]
    fn wml_credentials_without_an_instance_id() {
        for key in ["apikey", "api_key"] {
            let text =
                format!(r#"{{"url": "https://us-south.ml.cloud.ibm.com", "{key}": "{API_KEY}"}}"#);
            let import = parse(&text).unwrap();
            let Credential::IbmService(service) = &import.items[0] else {
                panic!("{key}: {:?}", import.items)
            };
            assert_eq!(service.api_key.expose(), API_KEY);
            assert_eq!(
                (service.url.as_deref(), service.instance_id.as_deref()),
                (Some("https://us-south.ml.cloud.ibm.com"), None)
            );
            assert!(import.warnings.is_empty());
            // Stored without an instanceId field at all.
            let stored = serde_json::to_value(&import.items[0]).unwrap();
            assert!(stored.get("instanceId").is_none(), "{stored}");
        }
    }

    #[test]
    fn refusals_with_positions() {
        let error = parse("{\n  \"apikey\": \"abc").err().unwrap();
        assert_eq!((error.code, error.line), (ErrorCode::BadJson, Some(2)));
        let error = parse("{\n\"apikey\": \"short\"}").err().unwrap();
        assert_eq!((error.code, error.line), (ErrorCode::BadApiKey, Some(2)));
        assert!(!serde_json::to_string(&error).unwrap().contains("short"));
        assert_eq!(
            parse("{\"a\": [1, {}]}").err().unwrap().code,
            ErrorCode::NoKeys
        );
    }
}

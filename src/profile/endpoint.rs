//! A profile's own service endpoints: for a region the catalog does not list (Flexible Engine
//! regions other than eu-west-0), a private cloud, or a local test server. Keys are sent there
//! signed (and an IBM API key in clear, to its IAM), so only `https:` origins are accepted, and
//! plain `http:` only on the loopback interface (browsers too treat loopback as a secure context:
//! https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy), spelt `127.0.0.1` or
//! `localhost`: the manifest's CSP and optional host permissions name those two, and Chromium's CSP
//! does not honour `http://[::1]:*`, so another spelling could be saved but never reached.

use serde::{Deserialize, Serialize};
use url::Host;

use super::ProfileError;
use tsify_next::Tsify;

// Crosses as the string of `into = "String"`, which tsify does not follow.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_CUSTOM_ORIGIN: &str = "export type CustomOrigin = string;";

/// `scheme://host[:port]`, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CustomOrigin {
    pub scheme: String,
    pub host: String,
    pub port: Option<u16>,
}

impl CustomOrigin {
    pub fn parse(text: &str) -> Result<Self, ProfileError> {
        let bad = || ProfileError::BadEndpoint;
        let url = crate::ascii_url::parse(text.trim()).map_err(|_| bad())?;
        let bare = url.path() == "/"
            && url.query().is_none()
            && url.fragment().is_none()
            && url.username().is_empty()
            && url.password().is_none();
        let host = url.host().ok_or_else(bad)?;
        let loopback = match &host {
            Host::Domain(name) => *name == "localhost",
            Host::Ipv4(ip) => *ip == std::net::Ipv4Addr::LOCALHOST,
            Host::Ipv6(_) => false,
        };
        match url.scheme() {
            "https" if bare => {}
            "http" if bare && loopback => {}
            _ => return Err(bad()),
        }
        Ok(CustomOrigin {
            scheme: url.scheme().into(),
            host: url.host_str().ok_or_else(bad)?.into(),
            port: url.port(),
        })
    }
}

impl TryFrom<String> for CustomOrigin {
    type Error = ProfileError;
    fn try_from(text: String) -> Result<Self, ProfileError> {
        CustomOrigin::parse(&text)
    }
}

impl From<CustomOrigin> for String {
    fn from(origin: CustomOrigin) -> String {
        match origin.port {
            Some(port) => format!("{}://{}:{port}", origin.scheme, origin.host),
            None => format!("{}://{}", origin.scheme, origin.host),
        }
    }
}

/// A service whose origin a profile may replace, named as [`PerService`]'s fields are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Service {
    Obs,
    Iam,
    Modelarts,
    IbmIam,
    ResourceController,
    Openscale,
}

/// One origin for every service, or one per service (the others keep the catalog's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(untagged)]
pub enum Endpoint {
    All(CustomOrigin),
    PerService(Box<PerService>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PerService {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obs: Option<CustomOrigin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iam: Option<CustomOrigin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modelarts: Option<CustomOrigin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ibm_iam: Option<CustomOrigin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_controller: Option<CustomOrigin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openscale: Option<CustomOrigin>,
}

impl Endpoint {
    /// The override for each service, in the order obs, iam, modelarts, ibm_iam,
    /// resource_controller, openscale.
    pub fn per_service(&self) -> PerService {
        match self {
            Endpoint::PerService(each) => (**each).clone(),
            Endpoint::All(origin) => PerService {
                obs: Some(origin.clone()),
                iam: Some(origin.clone()),
                modelarts: Some(origin.clone()),
                ibm_iam: Some(origin.clone()),
                resource_controller: Some(origin.clone()),
                openscale: Some(origin.clone()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        for good in [
            "https://obs.eu-west-1.example.com",
            "https://h:8443/",
            "http://127.0.0.1:9000",
            "http://localhost:1",
        ] {
            assert!(CustomOrigin::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "http://evil.example",
            "http://10.0.0.1",
            // Loopback, but not a spelling the extension's CSP and permissions let it reach.
            "http://[::1]:2",
            "http://127.0.0.2:9000",
            "ftp://h",
            "https://h/path",
            "https://h/?q",
            "not a url",
            "https://u:p@h",
            "https://h#x",
        ] {
            assert_eq!(
                CustomOrigin::parse(bad),
                Err(ProfileError::BadEndpoint),
                "{bad}"
            );
        }
    }

    #[test]
    fn stored_as_text_one_or_per_service() {
        let all: Endpoint = serde_json::from_str(r#""http://127.0.0.1:5000/""#).unwrap();
        assert_eq!(
            serde_json::to_string(&all).unwrap(),
            r#""http://127.0.0.1:5000""#
        );
        let each: Endpoint = serde_json::from_str(r#"{"iam": "https://iam.test"}"#).unwrap();
        assert_eq!(each.per_service().iam.unwrap().host, "iam.test");
        assert!(serde_json::from_str::<Endpoint>(r#""http://evil.example""#).is_err());
        assert!(serde_json::from_str::<Endpoint>(r#"{"iam": "http://evil.example"}"#).is_err());
    }
}

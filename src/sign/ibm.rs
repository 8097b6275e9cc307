//! IBM Cloud: the IAM token request for an API key, its answer, and the Watson OpenScale
//! data-mart request made with the token.

use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const IAM_TOKEN_URL: &str = "https://iam.cloud.ibm.com/identity/token";
const API_KEY_GRANT: &str = "urn:ibm:params:oauth:grant-type:apikey";
/// IBM's SDKs ask for this response type; IAM then answers with the token set parsed below.
const RESPONSE_TYPE: &str = "cloud_iam";
/// OpenScale's regions; `us-south` is served by the host without a region prefix.
pub const OPENSCALE_REGIONS: &[&str] =
    &["us-south", "eu-de", "eu-gb", "au-syd", "ca-tor", "jp-tok"];

/// A request to send as is. The body of the token request holds the API key, hence [`Secret`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Secret>,
}

/// IAM's answer to a good key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct IamToken {
    pub access_token: Secret,
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    pub token_type: String,
    pub expires_in: u64,
    /// Unix seconds.
    pub expiration: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IbmError {
    /// IAM refused, with its own code (`BXNIM0415E`: the API key is unknown).
    Iam {
        code: String,
        message: String,
        status: u16,
    },
    /// An answer that is neither a token nor an IAM error.
    UnexpectedAnswer {
        status: u16,
    },
    UnknownRegion,
    InvalidId(&'static str),
}

impl IbmError {
    /// IAM's own code when it gave one, else a stable code of ours.
    pub fn code(&self) -> &str {
        match self {
            IbmError::Iam { code, .. } => code,
            IbmError::UnexpectedAnswer { .. } => "iam_unexpected_answer",
            IbmError::UnknownRegion => "unknown_region",
            IbmError::InvalidId(_) => "invalid_id",
        }
    }
}

impl fmt::Display for IbmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IbmError::Iam {
                message, status, ..
            } => write!(f, "IAM answered {status}: {message}"),
            IbmError::UnexpectedAnswer { status } => {
                write!(f, "IAM answered {status} with neither a token nor an error")
            }
            IbmError::UnknownRegion => write!(
                f,
                "OpenScale has no region of that name (known: {})",
                OPENSCALE_REGIONS.join(", ")
            ),
            IbmError::InvalidId(field) => write!(f, "`{field}` is not a GUID"),
        }
    }
}

impl std::error::Error for IbmError {}

/// `POST` the API key to IAM as a form (IBM's SDKs send the same, less their `User-Agent`).
pub fn token_request(api_key: &Secret) -> HttpRequest {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", API_KEY_GRANT)
        .append_pair("apikey", api_key.expose())
        .append_pair("response_type", RESPONSE_TYPE)
        .finish();
    HttpRequest {
        method: "POST".to_owned(),
        url: IAM_TOKEN_URL.to_owned(),
        headers: vec![
            (
                "Content-Type".to_owned(),
                "application/x-www-form-urlencoded".to_owned(),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ],
        body: Some(Secret::new(body)),
    }
}

/// Reads IAM's answer: the token on 2xx, IAM's `errorCode`/`errorMessage` otherwise.
pub fn parse_token(status: u16, body: &str) -> Result<IamToken, IbmError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct IamErrorBody {
        error_code: String,
        error_message: String,
    }
    if (200..300).contains(&status) {
        return serde_json::from_str(body).map_err(|_| IbmError::UnexpectedAnswer { status });
    }
    match serde_json::from_str::<IamErrorBody>(body) {
        Ok(e) => Err(IbmError::Iam {
            code: e.error_code,
            message: e.error_message,
            status,
        }),
        Err(_) => Err(IbmError::UnexpectedAnswer { status }),
    }
}

/// `GET` one data mart (`data_mart_id`), or the list of data marts when it is `None`.
pub fn openscale_data_mart_request(
    token: &Secret,
    region: &str,
    instance_id: &str,
    data_mart_id: Option<&str>,
) -> Result<HttpRequest, IbmError> {
    if !OPENSCALE_REGIONS.contains(&region) {
        return Err(IbmError::UnknownRegion);
    }
    check_guid(instance_id, "instanceId")?;
    let host = match region {
        "us-south" => "api.aiopenscale.cloud.ibm.com".to_owned(),
        other => format!("{other}.api.aiopenscale.cloud.ibm.com"),
    };
    let mut url = format!("https://{host}/openscale/{instance_id}/v2/data_marts");
    if let Some(id) = data_mart_id {
        check_guid(id, "dataMartId")?;
        url.push('/');
        url.push_str(id);
    }
    Ok(HttpRequest {
        method: "GET".to_owned(),
        url,
        headers: vec![
            (
                "Authorization".to_owned(),
                format!("Bearer {}", token.expose()),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ],
        body: None,
    })
}

/// `8-4-4-4-12` hex digits; keeps anything else out of the URL path.
fn check_guid(id: &str, field: &'static str) -> Result<(), IbmError> {
    let groups: Vec<&str> = id.split('-').collect();
    let shape_ok = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
    if shape_ok
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        Ok(())
    } else {
        Err(IbmError::InvalidId(field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_answer_and_documented_error() {
        let token = parse_token(
            200,
            r#"{"access_token":"eyJ","refresh_token":"r","token_type":"Bearer","expires_in":3600,"expiration":1700003600}"#,
        )
        .unwrap();
        assert_eq!(token.access_token.expose(), "eyJ");
        assert_eq!(token.expires_in, 3600);
        let err = parse_token(
            400,
            r#"{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found.","context":{}}"#,
        )
        .unwrap_err();
        assert_eq!(err.code(), "BXNIM0415E");
        assert!(err.to_string().contains("could not be found"));
        assert_eq!(
            parse_token(502, "<html>").unwrap_err().code(),
            "iam_unexpected_answer"
        );
        assert_eq!(
            parse_token(200, "{}").unwrap_err().code(),
            "iam_unexpected_answer"
        );
    }

    #[test]
    fn openscale_hosts_and_paths() {
        let token = Secret::new("t");
        let guid = "0123abcd-0000-4000-8000-0123456789ab";
        let list = openscale_data_mart_request(&token, "us-south", guid, None).unwrap();
        assert_eq!(
            list.url,
            format!("https://api.aiopenscale.cloud.ibm.com/openscale/{guid}/v2/data_marts")
        );
        let one = openscale_data_mart_request(&token, "eu-de", guid, Some(guid)).unwrap();
        assert_eq!(
            one.url,
            format!(
                "https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{guid}/v2/data_marts/{guid}"
            )
        );
        assert_eq!(one.headers[0], ("Authorization".into(), "Bearer t".into()));
        assert_eq!(
            openscale_data_mart_request(&token, "mars", guid, None),
            Err(IbmError::UnknownRegion)
        );
        assert_eq!(
            openscale_data_mart_request(&token, "eu-de", "../x", None),
            Err(IbmError::InvalidId("instanceId"))
        );
    }
}

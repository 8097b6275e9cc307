//! IBM Cloud platform actions. IAM exchanges an API key for a token; every other IBM service is
//! then called with it as a bearer token.
//!
//! - [`iam_token`]: the token an API key is exchanged for.
//! - [`resource_instances`]: the service instances a key can see (Resource Controller).
//! - IAM Identity's API-key actions, for a key's rotation: [`api_key_details`],
//!   [`create_api_key`], [`unlock_api_key`], [`delete_api_key`].

pub mod api_key_details;
pub mod create_api_key;
pub mod delete_api_key;
pub mod iam_token;
pub mod resource_instances;
pub mod unlock_api_key;

use std::fmt;

use crate::secret::Secret;

/// The headers of a read made with an IAM token (what IBM's SDKs send, less their `User-Agent`).
pub(crate) fn bearer_headers(token: &Secret) -> Vec<(String, String)> {
    let mut headers = authorization(token);
    headers.push(("Accept".into(), "application/json".into()));
    headers
}

/// The token alone: what IBM's SDKs send with a request that answers nothing (a deletion).
pub(crate) fn authorization(token: &Secret) -> Vec<(String, String)> {
    vec![("Authorization".into(), format!("Bearer {}", token.expose()))]
}

/// The path of the API key `id` (IAM's IDs are `ApiKey-` and a UUID: nothing else is put in a
/// path).
pub(crate) fn key_path(id: &str) -> Result<String, crate::cloud::RequestError> {
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    match !id.is_empty() && id.chars().all(plain) {
        true => Ok(format!("/v1/apikeys/{id}")),
        false => Err(crate::cloud::RequestError::Ibm("invalid API key ID".into())),
    }
}

/// IAM's refusal, in its own words: `errorCode`/`errorMessage` (as IBM/python-sdk-core's tests
/// record IAM's answers), or the `errors[0]` of IBM's API error format
/// (https://cloud.ibm.com/docs/api-handbook?topic=api-handbook-errors).
pub(crate) fn iam_refusal(body: &str) -> Option<(String, String)> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Iam {
        error_code: String,
        #[serde(default)]
        error_message: String,
    }
    #[derive(serde::Deserialize)]
    struct Listed {
        errors: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        code: String,
        #[serde(default)]
        message: String,
    }
    if let Ok(e) = crate::json::from_str::<Iam>(body) {
        return Some((e.error_code, e.error_message));
    }
    let listed = crate::json::from_str::<Listed>(body).ok()?;
    let first = listed.errors.into_iter().next()?;
    Some((first.code, first.message))
}

/// Why a JSON read made with a token gave nothing usable. IBM's services answer 401 to a token
/// they do not accept and 403 to one without the access the read needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFailure {
    Network,
    /// Reads never follow redirects: a token is not sent on to another origin.
    Redirect,
    Unauthorized,
    Forbidden,
    NotFound,
    Status(u16),
    /// A 2xx answer that is not the documented JSON.
    Malformed,
}

/// The JSON body of a 2xx `answer`, read as `T`.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    answer: &crate::cloud::Answer,
) -> Result<T, ReadFailure> {
    use crate::cloud::{Answer, Failure};
    match answer {
        Answer::Failed {
            error: Failure::Network,
        } => Err(ReadFailure::Network),
        Answer::Failed {
            error: Failure::Redirect,
        } => Err(ReadFailure::Redirect),
        Answer::Response { status, body, .. } => match status {
            200..=299 => crate::json::from_str(body).map_err(|_| ReadFailure::Malformed),
            300..=399 => Err(ReadFailure::Redirect),
            401 => Err(ReadFailure::Unauthorized),
            403 => Err(ReadFailure::Forbidden),
            404 => Err(ReadFailure::NotFound),
            other => Err(ReadFailure::Status(*other)),
        },
    }
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
                crate::profile::region::OPENSCALE_REGIONS.join(", ")
            ),
            IbmError::InvalidId(field) => write!(f, "`{field}` is not a GUID"),
        }
    }
}

impl std::error::Error for IbmError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::Answer;

    #[test]
    fn statuses_and_bodies_become_failures() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Rows {
            rows_count: u32,
        }
        let read = |status, body| read_json::<Rows>(&Answer::response(status, &[], body));
        assert_eq!(
            read(200, r#"{"rows_count": 2}"#),
            Ok(Rows { rows_count: 2 })
        );
        assert_eq!(read(200, "<html>"), Err(ReadFailure::Malformed));
        assert_eq!(read(302, ""), Err(ReadFailure::Redirect));
        assert_eq!(read(401, "{}"), Err(ReadFailure::Unauthorized));
        assert_eq!(read(403, "{}"), Err(ReadFailure::Forbidden));
        assert_eq!(read(404, "{}"), Err(ReadFailure::NotFound));
        assert_eq!(read(500, "{}"), Err(ReadFailure::Status(500)));
        let offline: Answer = serde_json::from_str(r#"{"error":"network"}"#).unwrap();
        assert_eq!(read_json::<Rows>(&offline), Err(ReadFailure::Network));
    }

    #[test]
    fn the_token_goes_in_the_bearer_header() {
        let headers = bearer_headers(&Secret::new("T"));
        assert_eq!(headers[0], ("Authorization".into(), "Bearer T".into()));
    }
}

//! Key checks: plans the harmless requests that prove a key works and reads their answers.
//!
//! Sans-IO: [`plan`] turns a profile and the caller's clock into signed requests; the caller
//! sends them (once each: five failed AK/SK checks in a row lock a Huawei key for five
//! minutes, so nothing here ever asks for a retry) and hands each answer to [`diagnose`],
//! which says in plain words what it means and, for a two-step check (IBM: token, then
//! OpenScale), which request comes next.

pub mod diagnose;
pub mod plan;
pub mod presign;

use crate::profile::{Profile, Provider};
use crate::secret::Secret;
use crate::words::{message_codes, Param, Params};
use serde::{Deserialize, Serialize};
use std::fmt;

pub use crate::cloud::catalog::Endpoints;
pub use diagnose::{diagnose, Diagnosis, Status};
pub use diagnose::{Details, Severity};
pub use plan::{origins, plan};
pub use presign::presign_object;

/// One check: the profile, the caller's clock (`YYYYMMDDTHHMMSSZ`, UTC) and, optionally, the
/// bucket ModelArts will use. The same value is given to [`plan`] and to [`diagnose`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyCheck {
    pub profile: Profile,
    /// Not needed to list a check's origins.
    #[serde(default)]
    pub timestamp: String,
    #[serde(default)]
    pub bucket: Option<String>,
}

/// Which request of a check an answer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// OBS / S3 `GET /` (ListBuckets): proves AK and SK.
    #[serde(rename = "obs.list-buckets")]
    ListBuckets,
    /// Huawei IAM `GET /v3/projects?name=<region>` (APIG signature): yields the project ID.
    #[serde(rename = "iam.projects")]
    IamProjects,
    /// `HEAD /<bucket>`: existence, region and storage class of the ModelArts bucket.
    #[serde(rename = "obs.bucket")]
    Bucket,
    /// IBM IAM token exchange for an API key.
    #[serde(rename = "ibm.token")]
    IbmToken,
    /// Watson OpenScale data mart, read with the token.
    #[serde(rename = "openscale.data-mart")]
    OpenScaleDataMart,
}

/// A request to send as is. Only the IBM token request has a body (it holds the API key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckRequest {
    pub id: Step,
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Secret>,
}

/// Why a check could not be planned. It names fields and providers, never their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// The profile has no credential this provider's check can use (its kind, e.g. `aksk`).
    NoCredential(&'static str),
    /// The AK has the shape of a secret key and the SK that of an AK: sending it would put the
    /// secret in the clear in the request's credential scope.
    SwappedKey,
    UnknownRegion,
    Unsupported(Provider),
    InvalidEndpoint,
    InvalidBucket,
    Sign(crate::sign::SignError),
    Ibm(String),
}

message_codes! {
    /// What [`CheckError`] says; the words are `check_error_<code>` in `_locales`.
    pub enum CheckErrorCode {
        NoCredential = "no-credential" [credential],
        SwappedKey = "swapped-key" [],
        UnknownRegion = "unknown-region" [],
        UnsupportedProvider = "unsupported-provider" [provider],
        InvalidEndpoint = "invalid-endpoint" [],
        InvalidBucket = "invalid-bucket" [],
        /// A request the catalog built could not be signed or formed: a bug, not the user's doing.
        InvalidRequest = "invalid-request" [],
    }
}

impl CheckError {
    pub fn code(&self) -> CheckErrorCode {
        match self {
            CheckError::NoCredential(_) => CheckErrorCode::NoCredential,
            CheckError::SwappedKey => CheckErrorCode::SwappedKey,
            CheckError::UnknownRegion => CheckErrorCode::UnknownRegion,
            CheckError::Unsupported(_) => CheckErrorCode::UnsupportedProvider,
            CheckError::InvalidEndpoint => CheckErrorCode::InvalidEndpoint,
            CheckError::InvalidBucket => CheckErrorCode::InvalidBucket,
            CheckError::Sign(_) | CheckError::Ibm(_) => CheckErrorCode::InvalidRequest,
        }
    }

    pub fn params(&self) -> Params {
        match self {
            CheckError::NoCredential(kind) => {
                Params::from([("credential", Param::term("kind", kind))])
            }
            CheckError::Unsupported(provider) => Params::from([("provider", provider.term())]),
            _ => Params::new(),
        }
    }
}

/// For logs and tests only: the user sees the words of [`CheckError::code`].
impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Sign(e) => write!(f, "{}: {e}", self.code()),
            CheckError::Ibm(message) => write!(f, "{}: {message}", self.code()),
            _ => write!(f, "{}", self.code()),
        }
    }
}

impl std::error::Error for CheckError {}

impl From<crate::sign::SignError> for CheckError {
    fn from(e: crate::sign::SignError) -> Self {
        CheckError::Sign(e)
    }
}

//! Key checks: plans the harmless requests that prove a key works and reads their answers.
//!
//! Sans-IO: [`plan`] turns a profile and the caller's clock into signed requests; the caller
//! sends them (once each: five failed AK/SK checks in a row lock a Huawei key for five
//! minutes, so nothing here ever asks for a retry) and hands each answer to [`diagnose`],
//! which says in plain words what it means and, for a two-step check (IBM: token, then
//! OpenScale), which request comes next.

pub mod answer;
pub mod catalog;
pub mod diagnose;
pub mod plan;
pub mod presign;

use crate::profile::{Profile, Provider};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use catalog::Endpoints;
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

/// Why a check could not be planned. Messages name fields, never their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// The profile has no credential this provider's check can use.
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

impl CheckError {
    pub fn code(&self) -> &'static str {
        match self {
            CheckError::NoCredential(_) => "no_credential",
            CheckError::SwappedKey => "swapped_key",
            CheckError::UnknownRegion => "unknown_region",
            CheckError::Unsupported(_) => "unsupported_provider",
            CheckError::InvalidEndpoint => "invalid_endpoint",
            CheckError::InvalidBucket => "invalid_bucket",
            CheckError::Sign(e) => e.code(),
            CheckError::Ibm(_) => "invalid_ibm_request",
        }
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::NoCredential(kind) => write!(f, "the profile has no {kind} to check"),
            CheckError::SwappedKey => f.write_str(
                "the AK looks like a secret key and the SK like an AK: they seem swapped, so \
                 nothing was sent. Import the key again.",
            ),
            CheckError::UnknownRegion => f.write_str(
                "this region is not in credfill's endpoint catalog: set a custom endpoint",
            ),
            CheckError::Unsupported(provider) => {
                write!(f, "keys of {provider:?} cannot be checked yet")
            }
            CheckError::InvalidEndpoint => {
                f.write_str("a custom endpoint must be an http(s) origin such as https://host:port")
            }
            CheckError::InvalidBucket => f.write_str("this is not a valid bucket name"),
            CheckError::Sign(e) => e.fmt(f),
            CheckError::Ibm(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for CheckError {}

impl From<crate::sign::SignError> for CheckError {
    fn from(e: crate::sign::SignError) -> Self {
        CheckError::Sign(e)
    }
}

//! Why a cloud request could not be built. It names fields and providers, never their values;
//! nothing has been sent when one of these is returned.

use crate::profile::Provider;
use crate::words::{message_codes, Param, Params};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// The profile has no credential this request can use (its kind, e.g. `aksk`).
    NoCredential(&'static str),
    /// The AK has the shape of a secret key and the SK that of an AK: sending it would put the
    /// secret in the clear in the request's credential scope.
    SwappedKey,
    /// The profile names no region (nor an endpoint of its own): the user has to choose one.
    NoRegion,
    UnknownRegion,
    /// The region is in the catalog, but this service (`OBS`, `IAM`, `ModelArts`) is not offered there.
    NotInRegion(&'static str),
    Unsupported(Provider),
    InvalidEndpoint,
    InvalidBucket,
    /// A bucket of the user's that ModelArts cannot use here (another region, warm or cold).
    UnfitBucket,
    /// A folder name with an empty, `.` or `..` segment (or nothing at all).
    InvalidFolder,
    /// ModelArts' URLs name the project: the key check finds it (IAM projects).
    NoProjectId,
    Sign(crate::sign::SignError),
    Ibm(String),
    /// A flow was asked for a request it does not make from its input alone (the key check's
    /// OpenScale read needs the token of the answer before it).
    NotPlanned,
    /// A write asked for outside the click that previewed it (`crate::flows::flow`).
    WriteNotPreviewed,
}

message_codes! {
    /// What [`RequestError`] says; the words are `check_error_<code>` in `_locales`.
    pub enum RequestErrorCode {
        NoCredential = "no-credential" [credential],
        SwappedKey = "swapped-key" [],
        /// The profile names no region yet (nor an endpoint of its own).
        NoRegion = "no-region" [],
        UnknownRegion = "unknown-region" [],
        NotInRegion = "not-in-region" [service],
        UnsupportedProvider = "unsupported-provider" [provider],
        InvalidEndpoint = "invalid-endpoint" [],
        InvalidBucket = "invalid-bucket" [],
        UnfitBucket = "unfit-bucket" [],
        InvalidFolder = "invalid-folder" [],
        NoProjectId = "no-project-id" [],
        /// A request the catalog built could not be signed or formed: a bug, not the user's doing.
        InvalidRequest = "invalid-request" [],
        /// A write that no click previewed: nothing is sent.
        WriteNotPreviewed = "write-not-previewed" [],
    }
}

impl RequestError {
    pub fn code(&self) -> RequestErrorCode {
        match self {
            RequestError::NoCredential(_) => RequestErrorCode::NoCredential,
            RequestError::SwappedKey => RequestErrorCode::SwappedKey,
            RequestError::NoRegion => RequestErrorCode::NoRegion,
            RequestError::UnknownRegion => RequestErrorCode::UnknownRegion,
            RequestError::NotInRegion(_) => RequestErrorCode::NotInRegion,
            RequestError::Unsupported(_) => RequestErrorCode::UnsupportedProvider,
            RequestError::InvalidEndpoint => RequestErrorCode::InvalidEndpoint,
            RequestError::InvalidBucket => RequestErrorCode::InvalidBucket,
            RequestError::UnfitBucket => RequestErrorCode::UnfitBucket,
            RequestError::InvalidFolder => RequestErrorCode::InvalidFolder,
            RequestError::NoProjectId => RequestErrorCode::NoProjectId,
            RequestError::Sign(_) | RequestError::Ibm(_) | RequestError::NotPlanned => {
                RequestErrorCode::InvalidRequest
            }
            RequestError::WriteNotPreviewed => RequestErrorCode::WriteNotPreviewed,
        }
    }

    pub fn params(&self) -> Params {
        match self {
            RequestError::NoCredential(kind) => {
                Params::from([("credential", Param::term("kind", kind))])
            }
            RequestError::NotInRegion(service) => Params::from([("service", (*service).into())]),
            RequestError::Unsupported(provider) => Params::from([("provider", provider.term())]),
            _ => Params::new(),
        }
    }
}

/// For logs and tests only: the user sees the words of [`RequestError::code`].
impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Sign(e) => write!(f, "{}: {e}", self.code()),
            RequestError::Ibm(message) => write!(f, "{}: {message}", self.code()),
            _ => write!(f, "{}", self.code()),
        }
    }
}

impl std::error::Error for RequestError {}

impl From<crate::sign::SignError> for RequestError {
    fn from(e: crate::sign::SignError) -> Self {
        RequestError::Sign(e)
    }
}

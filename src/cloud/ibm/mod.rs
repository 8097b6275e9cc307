//! IBM Cloud IAM: the token an API key is exchanged for (every IBM service is then called with
//! it as a bearer token).

pub mod iam_token;

use std::fmt;

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
                crate::cloud::catalog::OPENSCALE_REGIONS.join(", ")
            ),
            IbmError::InvalidId(field) => write!(f, "`{field}` is not a GUID"),
        }
    }
}

impl std::error::Error for IbmError {}

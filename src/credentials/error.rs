//! Failures and warnings of an import. Their `code`s are a stable API (the popup, `www/` and
//! tests match on them); their messages are for people and never quote a secret — they name
//! columns, lines and lengths instead of values.

use serde::{Serialize, Serializer};
use std::fmt;

/// Why an import failed. The kebab-case names from [`ErrorCode::as_str`] are stable:
///
/// | code | meaning |
/// |---|---|
/// | `empty` | no bytes, or only blanks |
/// | `too-large` | more than [`super::MAX_INPUT_BYTES`]; refused before any parsing |
/// | `not-text` | binary data (NUL bytes, control characters, undecodable UTF-16) |
/// | `unknown-format` | text, but neither a credential CSV, JSON nor pasted `ibmcloud` output |
/// | `missing-column` | a CSV header without an access key or secret key column |
/// | `no-keys` | a known format that holds no credential (header only, JSON without keys) |
/// | `bad-access-key` | an access key ID of the wrong shape |
/// | `bad-secret` | a secret access key / password of the wrong shape, or missing |
/// | `bad-json` | JSON syntax error (line and column from the parser) |
/// | `bad-api-key` | an IBM API key that is not 44 characters `[A-Za-z0-9_-]` |
/// | `bad-crn` | an IBM CRN of the wrong syntax in service credentials |
/// | `bad-guid` | a GUID (IBM instance, Azure app/tenant) of the wrong syntax |
/// | `bad-crn` | an IBM CRN of the wrong syntax in service credentials |
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Empty,
    TooLarge,
    NotText,
    UnknownFormat,
    MissingColumn,
    NoKeys,
    BadAccessKey,
    BadSecret,
    BadJson,
    BadApiKey,
    BadGuid,
    BadCrn,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Empty => "empty",
            ErrorCode::TooLarge => "too-large",
            ErrorCode::NotText => "not-text",
            ErrorCode::UnknownFormat => "unknown-format",
            ErrorCode::MissingColumn => "missing-column",
            ErrorCode::NoKeys => "no-keys",
            ErrorCode::BadAccessKey => "bad-access-key",
            ErrorCode::BadSecret => "bad-secret",
            ErrorCode::BadJson => "bad-json",
            ErrorCode::BadApiKey => "bad-api-key",
            ErrorCode::BadGuid => "bad-guid",
            ErrorCode::BadCrn => "bad-crn",
        }
    }
}

/// What an import noticed but worked around. Stable names from [`WarningCode::as_str`]:
///
/// | code | meaning |
/// |---|---|
/// | `unusual-access-key` | an access key ID of 16–64 upper-case letters/digits, but not the usual 20 |
/// | `swapped-columns` | access key and secret sat in each other's column; they were swapped back |
/// | `no-header` | a CSV without a recognised header; columns were chosen by the shape of the values |
/// | `legacy-encoding` | not UTF-8; decoded as Windows-1252 (an Excel "CSV" save) |
/// | `unusual-instance-id` | a service credential `instance_id` that is not a GUID |
/// | `guid-mismatch` | a pasted GUID that differs from the instance part of its CRN |
/// | `unreadable-crn` | a pasted instance whose CRN (ID line) is missing or elided; the GUID was kept |
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCode {
    UnusualAccessKey,
    SwappedColumns,
    NoHeader,
    LegacyEncoding,
    UnusualInstanceId,
    GuidMismatch,
    UnreadableCrn,
}

impl WarningCode {
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::UnusualAccessKey => "unusual-access-key",
            WarningCode::SwappedColumns => "swapped-columns",
            WarningCode::NoHeader => "no-header",
            WarningCode::LegacyEncoding => "legacy-encoding",
            WarningCode::UnusualInstanceId => "unusual-instance-id",
            WarningCode::GuidMismatch => "guid-mismatch",
            WarningCode::UnreadableCrn => "unreadable-crn",
        }
    }
}

macro_rules! serialize_as_str {
    ($($code:ty),*) => {$(
        impl Serialize for $code {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl fmt::Display for $code {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
serialize_as_str!(ErrorCode, WarningCode);

/// A failed import. `line` is 1-based; `column` is the 1-based CSV field number for CSV
/// input and the 1-based character column for JSON syntax errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl ImportError {
    pub(crate) fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ImportError {
            code,
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// Places the error, keeping a position that is already known.
    pub(crate) fn at(mut self, line: Option<u32>, column: Option<u32>) -> Self {
        self.line = self.line.or(line);
        self.column = self.column.or(column);
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, " (line {line}, column {column})"),
            (Some(line), None) => write!(f, " (line {line})"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for ImportError {}

/// Something the import worked around; the items are still usable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Warning {
    pub(crate) fn new(code: WarningCode, message: impl Into<String>) -> Self {
        Warning {
            code,
            message: message.into(),
            line: None,
        }
    }

    pub(crate) fn at(mut self, line: Option<u32>) -> Self {
        self.line = self.line.or(line);
        self
    }
}

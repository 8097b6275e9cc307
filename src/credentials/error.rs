//! Failures and warnings of an import: a stable code and secret-free parameters (lengths,
//! column names, lines), never a value; the words are in `_locales` (see [`crate::words`]).

use crate::words::{message_codes, Param, Params};
use serde::Serialize;
use std::fmt;
use tsify_next::Tsify;

message_codes! {
    /// Why an import failed. The kebab-case codes are stable (the popup, `www/` and tests match on
    /// them); the words are `error_<code>` in `_locales`, with the listed parameters:
    ///
    /// | code | meaning |
    /// |---|---|
    /// | `empty` | no bytes, or only blanks |
    /// | `too-large` | more than [`super::MAX_INPUT_BYTES`]; refused before any parsing |
    /// | `not-text` | binary data (NUL bytes, control characters, undecodable UTF-16) |
    /// | `workbook` | a spreadsheet workbook (xlsx, xls) rather than its CSV |
    /// | `unknown-format` | text, but neither a credential CSV, JSON nor pasted `ibmcloud` output |
    /// | `missing-column` | a CSV header without an access key or secret key column |
    /// | `no-keys` / `no-key-rows` / `no-cli-keys` | a known format that holds no credential |
    /// | `missing-access-key` / `bad-access-key` | an access key ID missing, or of the wrong shape |
    /// | `missing-secret` / `bad-secret` | a secret access key / password missing, or of the wrong shape |
    /// | `bad-json` | JSON syntax error (line and column from the parser) |
    /// | `bad-api-key` | an IBM API key that is not 44 characters `[A-Za-z0-9_-]` |
    /// | `bad-crn` | an IBM CRN of the wrong syntax in service credentials |
    /// | `bad-guid` | a GUID (IBM instance, Azure app/tenant) of the wrong syntax |
    pub enum ErrorCode {
        Empty = "empty" [],
        TooLarge = "too-large" [size, limit],
        NotText = "not-text" [],
        Workbook = "workbook" [],
        UnknownFormat = "unknown-format" [],
        MissingColumn = "missing-column" [missing, found],
        NoKeys = "no-keys" [],
        NoKeyRows = "no-key-rows" [],
        NoCliKeys = "no-cli-keys" [],
        MissingAccessKey = "missing-access-key" [],
        BadAccessKey = "bad-access-key" [length, others, expected],
        MissingSecret = "missing-secret" [],
        BadSecret = "bad-secret" [length, others, expected],
        BadJson = "bad-json" [],
        BadApiKey = "bad-api-key" [length, others, expected],
        BadGuid = "bad-guid" [field, length],
        BadCrn = "bad-crn" [],
    }
}

message_codes! {
    /// What an import noticed but worked around; the words are `warning_<code>` in `_locales`:
    ///
    /// | code | meaning |
    /// |---|---|
    /// | `unusual-access-key` | an access key ID of 16–64 upper-case letters/digits, but not the usual 20 |
    /// | `swapped-columns` | access key and secret sat in each other's column; they were swapped back |
    /// | `no-header` | a CSV without a recognised header; columns were chosen by the shape of the values |
    /// | `unknown-header` | a CSV header of names not known (translated); columns were chosen by the shape of the values below it |
    /// | `unreadable-user-name` | a user name with bytes the file's code page does not decode; it was left out |
    /// | `legacy-encoding` | not UTF-8; decoded in the legacy code page guessed (an Excel "CSV" save): its script's term and name |
    /// | `unusual-instance-id` | a service credential `instance_id` that is not a GUID |
    /// | `guid-mismatch` | a pasted GUID that differs from the instance part of its CRN |
    /// | `unreadable-crn` | a pasted instance whose CRN (ID line) is missing or elided; the GUID was kept |
    pub enum WarningCode {
        UnusualAccessKey = "unusual-access-key" [length, expected],
        SwappedColumns = "swapped-columns" [],
        NoHeader = "no-header" [],
        UnknownHeader = "unknown-header" [],
        UnreadableUserName = "unreadable-user-name" [],
        LegacyEncoding = "legacy-encoding" [script, encoding],
        UnusualInstanceId = "unusual-instance-id" [],
        GuidMismatch = "guid-mismatch" [],
        UnreadableCrn = "unreadable-crn" [],
    }
}

/// A failed import. `line` is 1-based; `column` is the 1-based CSV field number for CSV
/// input and the 1-based character column for JSON syntax errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub code: ErrorCode,
    pub params: Params,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl ImportError {
    pub(crate) fn new(code: ErrorCode) -> Self {
        ImportError {
            code,
            params: Params::new(),
            line: None,
            column: None,
        }
    }

    pub(crate) fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(name, value.into());
        self
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
        write!(f, "{}", self.code)?;
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, " (line {line}, column {column})"),
            (Some(line), None) => write!(f, " (line {line})"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for ImportError {}

/// Something the import worked around; the items are still usable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct Warning {
    pub code: WarningCode,
    pub params: Params,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Warning {
    pub(crate) fn new(code: WarningCode) -> Self {
        Warning {
            code,
            params: Params::new(),
            line: None,
        }
    }

    pub(crate) fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(name, value.into());
        self
    }

    pub(crate) fn at(mut self, line: Option<u32>) -> Self {
        self.line = self.line.or(line);
        self
    }
}

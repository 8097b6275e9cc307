//! Credential import: detects and parses every downloaded key file variant.
//!
//! [`parse`] takes the raw bytes of a file (or pasted text) and returns the credentials it
//! holds as [`Credential`]s, in file order, plus [`Warning`]s for what it worked around. The format
//! is detected from the bytes: JSON ([`json_keys`]), pasted `ibmcloud` output ([`cli_text`]),
//! otherwise CSV ([`csv_keys`]). The items serialize to the JS shapes of `parseCredentials`.

mod cli_text;
mod csv_keys;
mod decode;
pub mod download;
mod error;
mod json_keys;
pub(crate) mod validate;

pub(crate) use decode::script_terms;
pub use decode::MAX_INPUT_BYTES;
pub use error::{ErrorCode, ImportError, Warning, WarningCode};

use crate::profile::Credential;
use serde::Serialize;
use tsify_next::Tsify;

/// What a file held: at least one item (an import without any is an error).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Tsify)]
pub struct Import {
    pub items: Vec<Credential>,
    pub warnings: Vec<Warning>,
}

/// Reads the credentials in `bytes`. `file_name` is only a hint for error messages; `language`
/// (the user's, a BCP 47 tag such as `zh-CN`) the hint for a file in a legacy code page.
pub fn parse(
    bytes: &[u8],
    file_name: Option<&str>,
    language: Option<&str>,
) -> Result<Import, ImportError> {
    let decoded = decode::decode(bytes, file_name, language)?;
    let text = decoded.text.as_str();
    let trimmed = text.trim_start();
    let mut import = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        json_keys::parse(text)?
    } else if cli_text::looks_like_cli_output(text) {
        cli_text::parse(text)?
    } else {
        csv_keys::parse(text)?
    };
    import.warnings.splice(0..0, decoded.warning);
    Ok(import)
}

/// Field names compared the way people vary them: `Access Key Id`, `access_key_id` and
/// `ACCESSKEYID` are all `accesskeyid`; `访问密钥 ID` is `访问密钥id`.
fn normalized_name(name: &str) -> String {
    normalized_chars(name).collect()
}

/// The characters of [`normalized_name`], to compare a name without building it: every line of a
/// pasted text is a candidate label, and a string per line was a fifth of a CSV's parse.
fn normalized_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_and_warnings_serialize_with_their_codes() {
        let error = ImportError::new(ErrorCode::TooLarge)
            .with("size", 3usize)
            .at(Some(1), None);
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({"code": "too-large", "params": {"size": 3}, "line": 1})
        );
        let warning = Warning::new(WarningCode::SwappedColumns);
        assert_eq!(
            serde_json::to_value(&warning).unwrap(),
            serde_json::json!({"code": "swapped-columns", "params": {}})
        );
    }

    #[test]
    fn names_are_normalized() {
        assert_eq!(normalized_name(" Access Key Id "), "accesskeyid");
        assert_eq!(normalized_name("SECRET_ACCESS_KEY"), "secretaccesskey");
        assert_eq!(normalized_name("iam_apikey_name"), "iamapikeyname");
        assert_eq!(normalized_name("访问密钥 ID"), "访问密钥id");
    }
}

//! The core speaks in codes and parameters; the words live in `extension/_locales/*/messages.json`
//! and `extension/lib/words.js` renders them in the user's language. A code is stable kebab-case;
//! its parameters are named, typed values that never hold a secret (a length, a line, a region,
//! a bucket name — never a key, and never a parser's or the browser's own text).

use serde::Serialize;
use std::collections::BTreeMap;

/// One parameter value. `Term` is the `_locales` key of a word the renderer shows in the user's
/// language (a field's label, a provider's name); `Coded` is a code the user may need as it is (a
/// region, a storage class) shown with its words beside it; `Quantity` is a number with a unit
/// (`hour`, `minute`…) that it spells with the browser's own `Intl.NumberFormat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Param {
    Number(i64),
    Text(String),
    List(Vec<String>),
    Coded { term: String, code: String },
    Term { term: String },
    Quantity { amount: u64, unit: &'static str },
}

impl Param {
    /// The term `<prefix>_<id>`, e.g. `field_guid` or `provider_flexible_engine`.
    pub fn term(prefix: &str, id: &str) -> Param {
        Param::Term {
            term: locale_key(prefix, id),
        }
    }

    /// `code` with the words of `<prefix>_<code>` beside it when `known`, else the code alone.
    fn coded(prefix: &str, code: &str, known: bool) -> Param {
        match known {
            true => Param::Coded {
                term: locale_key(prefix, code),
                code: code.to_owned(),
            },
            false => Param::from(code),
        }
    }

    /// A region ID with its console's name (`cn-north-4`: "华北-北京四"), when the catalog has one.
    pub fn region(region: &str) -> Param {
        Param::coded(
            "region",
            region,
            crate::cloud::catalog::region_name(region).is_some(),
        )
    }

    /// A storage class as the service names it (`WARM`), with its words when it is a known one.
    pub fn storage_class(class: &str) -> Param {
        let known = crate::cloud::obs::head_bucket::STORAGE_CLASSES.contains(&class);
        Param::coded("storage_class", class, known)
    }
}

impl From<usize> for Param {
    fn from(value: usize) -> Self {
        Param::Number(value as i64)
    }
}

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Param::Text(value.to_owned())
    }
}

impl From<String> for Param {
    fn from(value: String) -> Self {
        Param::Text(value)
    }
}

/// A code's parameters by name; serialized as a plain JSON object.
pub type Params = BTreeMap<&'static str, Param>;

/// Declares a code enum: each variant's kebab-case name and the parameter names its words use.
/// `ALL` lists every variant, so tests (and `allMessageCodes()`) can check the words of each.
macro_rules! message_codes {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$variant_meta:meta])* $variant:ident = $code:literal [$($param:ident),*],)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($(#[$variant_meta])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// The names of the parameters this code's words use.
            pub fn params(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$(stringify!($param)),*],)* }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use message_codes;

/// The parameters that count something. Their words choose a plural form by the language's rules,
/// written `{count, plural, one {# folder} other {# folders}}` (extension/lib/words.js).
pub const COUNTS: &[&str] = &["count", "length", "others", "expected", "size", "limit"];

/// One code of the catalog as JS sees it: the `_locales` key its words live under, the
/// parameter names those words must use (written `{name}` in a message), and which of them are
/// counts (a plural form is chosen for each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogEntry {
    pub key: String,
    pub params: &'static [&'static str],
    pub counts: Vec<&'static str>,
}

impl CatalogEntry {
    fn new(key: String, params: &'static [&'static str]) -> Self {
        let counts = params
            .iter()
            .copied()
            .filter(|p| COUNTS.contains(p))
            .collect();
        CatalogEntry {
            key,
            params,
            counts,
        }
    }
}

/// The `_locales` key of a code: `<prefix>_<code>` with `-` as `_` (the only separator
/// `_locales` keys allow besides letters and digits), in lower case (keys ignore case).
pub fn locale_key(prefix: &str, code: &str) -> String {
    format!("{prefix}_{}", code.replace('-', "_").to_lowercase())
}

/// Every code the core can emit, with the key its words live under.
pub fn catalog() -> Vec<CatalogEntry> {
    use crate::cloud::{DiagnosisCode, RequestErrorCode};
    use crate::code::{CodeError, Comment};
    use crate::credentials::{ErrorCode, WarningCode};
    use crate::fill::RefusalCode;
    use crate::flows::openscale_ids::LookupCode;
    use crate::flows::prepare_modelarts::FitCode;
    use crate::profile::{DefaultNameCode, ProfileError};
    use crate::vault::VaultError;
    fn entries<C: Copy>(
        prefix: &str,
        all: &[C],
        code: fn(C) -> &'static str,
        params: fn(C) -> &'static [&'static str],
    ) -> Vec<CatalogEntry> {
        all.iter()
            .map(|&c| CatalogEntry::new(locale_key(prefix, code(c)), params(c)))
            .collect()
    }
    [
        entries(
            "error",
            ErrorCode::ALL,
            ErrorCode::as_str,
            ErrorCode::params,
        ),
        entries(
            "warning",
            WarningCode::ALL,
            WarningCode::as_str,
            WarningCode::params,
        ),
        entries(
            "check",
            DiagnosisCode::ALL,
            DiagnosisCode::as_str,
            DiagnosisCode::params,
        ),
        entries(
            "check_error",
            RequestErrorCode::ALL,
            RequestErrorCode::as_str,
            RequestErrorCode::params,
        ),
        entries(
            "openscale_ids",
            LookupCode::ALL,
            LookupCode::as_str,
            LookupCode::params,
        ),
        entries(
            "modelarts_fit",
            FitCode::ALL,
            FitCode::as_str,
            FitCode::params,
        ),
        entries(
            "code_error",
            CodeError::ALL,
            CodeError::as_str,
            CodeError::params,
        ),
        entries(
            "code_comment",
            Comment::ALL,
            Comment::as_str,
            Comment::params,
        ),
        entries(
            "fill_refusal",
            RefusalCode::ALL,
            RefusalCode::as_str,
            RefusalCode::params,
        ),
        entries(
            "profile_name",
            DefaultNameCode::ALL,
            DefaultNameCode::as_str,
            DefaultNameCode::params,
        ),
        entries(
            "vault_error",
            ProfileError::ALL,
            ProfileError::as_str,
            ProfileError::params,
        ),
        VaultError::CODES
            .iter()
            .map(|code| CatalogEntry::new(locale_key("vault_error", code), &[]))
            .collect(),
        crate::code::Value::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::credentials::script_terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::cloud::ibm::resource_instances::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::cloud::openscale::service_providers::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::cloud::obs::head_bucket::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::cloud::catalog::region_terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::cloud::modelarts::authorizations::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::profile::all_rotation_steps()
            .into_iter()
            .map(|code| CatalogEntry::new(locale_key("rotation", &code), &[]))
            .collect(),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_locale_safe() {
        let catalog = catalog();
        let mut keys: Vec<&str> = catalog.iter().map(|e| e.key.as_str()).collect();
        assert!(keys
            .iter()
            .all(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')));
        keys.sort_unstable();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "two codes share a key");
    }

    #[test]
    fn params_serialize_as_plain_json() {
        let params: Params = [
            ("count", Param::from(2usize)),
            ("region", Param::from("eu-west-0")),
            ("missing", Param::term("field", "guid")),
            (
                "duration",
                Param::Quantity {
                    amount: 2,
                    unit: "hour",
                },
            ),
        ]
        .into();
        assert_eq!(
            serde_json::to_value(&params).unwrap(),
            serde_json::json!({"count": 2, "region": "eu-west-0", "missing": {"term": "field_guid"},
                "duration": {"amount": 2, "unit": "hour"}})
        );
    }
}

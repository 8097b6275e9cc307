//! The catalog of every code the core can emit, for the words test (every code has words, with
//! the same parameters, in each language) and `allMessageCodes`. It names every layer's codes, so
//! it lives here, at the top, and nothing below imports it.

use crate::words::{locale_key, COUNTS};
use serde::Serialize;

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

/// Every code the core can emit, with the key its words live under.
pub fn catalog() -> Vec<CatalogEntry> {
    use crate::cloud::RequestErrorCode;
    use crate::code::{CodeError, Comment};
    use crate::credentials::download::DownloadCode;
    use crate::credentials::{ErrorCode, WarningCode};
    use crate::fill::RefusalCode;
    use crate::flows::openscale::LookupCode;
    use crate::flows::prepare_modelarts::FitCode;
    use crate::flows::rotate_ibm_key::RotateIbmCode;
    use crate::flows::rotate_key::RotateCode;
    use crate::flows::temporary_key::TemporaryCode;
    use crate::profile::DiagnosisCode;
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
            "import_download",
            DownloadCode::ALL,
            DownloadCode::as_str,
            DownloadCode::params,
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
            "rotate",
            RotateCode::ALL,
            RotateCode::as_str,
            RotateCode::params,
        ),
        entries(
            "rotate_ibm",
            RotateIbmCode::ALL,
            RotateIbmCode::as_str,
            RotateIbmCode::params,
        ),
        entries(
            "temporary",
            TemporaryCode::ALL,
            TemporaryCode::as_str,
            TemporaryCode::params,
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
        crate::profile::region::region_terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::cloud::modelarts::authorizations::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        entries(
            "managed_problem",
            crate::policy::ProblemCode::ALL,
            crate::policy::ProblemCode::as_str,
            crate::policy::ProblemCode::params,
        ),
        entries(
            "managed",
            crate::policy::PolicyRefusal::ALL,
            crate::policy::PolicyRefusal::as_str,
            crate::policy::PolicyRefusal::params,
        ),
        crate::policy::terms()
            .map(|key| CatalogEntry::new(key, &[]))
            .collect(),
        crate::profile::all_rotation_steps()
            .into_iter()
            .map(|code| CatalogEntry::new(locale_key("rotation", &code), &[]))
            .collect(),
    ]
    .concat()
}

/// `allMessageCodes()` → `[{ key, params, counts }]`: every code the core can emit, by the `_locales`
/// key its words live under, the `{name}` parameters they use and which of them are counts (for the
/// locale tests; tests only, `--features test-exports`).
#[cfg(any(test, feature = "test-exports"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = allMessageCodes)]
pub fn all_message_codes() -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    super::to_js(&catalog())
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
}

//! JS exports for `crate::profile`: the vault document is read, changed and shown only here.
//! The worker opens the sealed text with `documentOpen`, applies operations with `documentApply`
//! and seals the document it gets back; pages see `documentView`, which holds no secret.

use serde::Serialize;
use tsify_next::Tsify;
use wasm_bindgen::prelude::*;

use super::policy::{policy_from, thrown};
use super::{from_js, js_error, to_js};
use crate::profile::region;
use crate::profile::{
    document_view, preview_import, Credential, Document, Operation, Outcome, ProfileError,
    Provider, ProviderTraits, Tab,
};

/// The code alone: its words are `vault_error_<code>` in `_locales`.
fn profile_error(e: ProfileError) -> JsValue {
    js_error(e.as_str(), e.as_str(), None, None)
}

fn document(value: JsValue) -> Result<Document, JsValue> {
    from_js(value, "bad-document", "not a vault document")
}

/// `documentOpen(text)` → the document, converted from older versions; throws `bad-document`,
/// `newer-document`.
#[wasm_bindgen(js_name = documentOpen, unchecked_return_type = "Document")]
pub fn document_open(text: &str) -> Result<JsValue, JsValue> {
    to_js(&Document::from_json(text).map_err(profile_error)?)
}

/// `documentEmpty()` → the document of a new vault.
#[wasm_bindgen(js_name = documentEmpty, unchecked_return_type = "Document")]
pub fn document_empty() -> Result<JsValue, JsValue> {
    to_js(&Document::default())
}

/// `documentApply(document, operation, nowMs, policy)` → `{document, outcome}`; throws
/// `{code, message}` and changes nothing when the operation is refused, or `{code, params}` when
/// the organisation's managed policy (`storage.managed`, `{}` when there is none) refuses what it
/// would save (a custom endpoint).
#[wasm_bindgen(js_name = documentApply, unchecked_return_type = "Applied")]
pub fn document_apply(
    #[wasm_bindgen(unchecked_param_type = "Document")] document_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Operation")] operation: JsValue,
    now_ms: f64,
    policy: JsValue,
) -> Result<JsValue, JsValue> {
    let before = document(document_value)?;
    let operation: Operation = from_js(operation, "bad-operation", "not a profile operation")?;
    let mut document = before.clone();
    let outcome = document
        .apply(operation, now_ms as i64)
        .map_err(profile_error)?;
    policy_from(policy)
        .check_saved(&before, &document)
        .map_err(thrown)?;
    #[derive(Serialize, Tsify)]
    struct Applied {
        document: Document,
        outcome: Outcome,
    }
    to_js(&Applied { document, outcome })
}

/// `documentView(document, nowMs, maxKeyAgeDays, tab?)` → `{profiles, conflicts, canUndo}`
/// without any secret, each profile with its `keyAge` and `matchesTab` (0–2) for `tab`
/// (`tabConsole`'s answer).
#[wasm_bindgen(js_name = documentView, unchecked_return_type = "DocumentView")]
pub fn document_view_js(
    #[wasm_bindgen(unchecked_param_type = "Document")] document_value: JsValue,
    now_ms: f64,
    max_key_age_days: u32,
    #[wasm_bindgen(unchecked_optional_param_type = "Tab | null")] tab: JsValue,
) -> Result<JsValue, JsValue> {
    let tab: Option<Tab> = from_js(tab, "bad-tab", "a tab is {provider, region?}")?;
    to_js(&document_view(
        &document(document_value)?,
        now_ms as i64,
        max_key_age_days,
        tab.as_ref(),
    ))
}

/// `importPreview(document, items, targetId?, cloud?)` → one `{storedIn?, replacesIn?, asksCloud,
/// fits}` per item: what saving would do, so the popup asks only what it must. `cloud` is the
/// cloud chosen for a Huawei-format key.
#[wasm_bindgen(js_name = importPreview, unchecked_return_type = "ImportPreview[]")]
pub fn import_preview(
    #[wasm_bindgen(unchecked_param_type = "Document")] document_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Credential[]")] items: JsValue,
    target_id: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Provider | null")] cloud: JsValue,
) -> Result<JsValue, JsValue> {
    let items: Vec<Credential> =
        from_js(items, "bad-item", "not credentials from parseCredentials")?;
    let cloud: Option<Provider> = from_js(cloud, "bad-provider", "not a provider")?;
    to_js(&preview_import(
        &document(document_value)?,
        &items,
        target_id.as_deref(),
        cloud,
    ))
}

/// `regionsOf(provider)` → the regions the endpoint catalog has for it (empty for AWS, whose
/// region names are checked by shape).
#[wasm_bindgen(js_name = regionsOf, unchecked_return_type = "string[]")]
pub fn regions_of(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: JsValue,
) -> Result<JsValue, JsValue> {
    let provider: Provider = from_js(provider, "bad-provider", "not a provider")?;
    to_js(&region::regions(provider))
}

/// `providerTraits()` → every provider the core knows, each as `{id, hasConsole, takesHuaweiKeys,
/// hasObjectStorage}`: the pages' choices (console hosts, a key's cloud, bucket checks) follow them.
#[wasm_bindgen(js_name = providerTraits, unchecked_return_type = "ProviderTraits[]")]
pub fn provider_traits() -> Result<JsValue, JsValue> {
    let traits: Vec<ProviderTraits> = Provider::ALL.into_iter().map(Into::into).collect();
    to_js(&traits)
}

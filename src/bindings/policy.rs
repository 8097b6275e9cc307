//! JS exports for `crate::policy`. `policy` is always the object `storage.managed.get()` resolved
//! to (`{}` when there is none), as it is: the core reads it afresh for each rule, so a bad value
//! is never half-trusted on the way. A refusal is thrown as `{code, params}`, its words
//! `managed_<code>` (extension/lib/words.js).

use super::{from_js, to_js};
use crate::fill::ExtraHost;
use crate::policy::{ManagedPolicy, Refused, SecretUse, VaultSettings};
use crate::profile::Profile;
use wasm_bindgen::prelude::*;

/// The policy as the core reads it: what cannot be read as JSON is no object of settings.
pub(crate) fn policy_from(raw: JsValue) -> ManagedPolicy {
    let raw = from_js(raw, "bad-policy", "").unwrap_or(serde_json::Value::Bool(false));
    ManagedPolicy::read(&raw)
}

pub(crate) fn thrown(refused: Refused) -> JsValue {
    to_js(&refused).unwrap_or_else(|internal| internal)
}

/// `readManagedPolicy(policy)` → each setting as it applies, the keys the organisation set
/// (`managed`) and what could not be read (`problems: [{code, params}]`, words
/// `managed_problem_<code>`).
#[wasm_bindgen(js_name = readManagedPolicy, unchecked_return_type = "ManagedPolicy")]
pub fn read_managed_policy(policy: JsValue) -> Result<JsValue, JsValue> {
    to_js(&policy_from(policy))
}

/// `policyConsoleHosts(policy, userHosts)` → the console hosts a fill may use besides the
/// built-in ones: the organisation's, and the user's own when the policy lets users add them.
#[wasm_bindgen(js_name = policyConsoleHosts, unchecked_return_type = "ExtraHost[]")]
pub fn policy_console_hosts(
    policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExtraHost[]")] user_hosts: JsValue,
) -> Result<JsValue, JsValue> {
    let users: Vec<ExtraHost> = from_js(user_hosts, "invalid-input", "[{host, provider}]")?;
    to_js(&policy_from(policy).console_hosts(&users))
}

/// `policyCheckUserConsoleHost(policy)`: throws when users may not add console hosts.
#[wasm_bindgen(js_name = policyCheckUserConsoleHost)]
pub fn policy_check_user_console_host(policy: JsValue) -> Result<(), JsValue> {
    policy_from(policy)
        .check_user_console_host()
        .map_err(thrown)
}

const SETTINGS: &str = "{autoLockMinutes, maxKeyAgeDays}";

/// `policyVaultSettings(policy, settings)` → the user's settings within the policy.
#[wasm_bindgen(js_name = policyVaultSettings, unchecked_return_type = "VaultSettings")]
pub fn policy_vault_settings(
    policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VaultSettings")] settings: JsValue,
) -> Result<JsValue, JsValue> {
    let settings: VaultSettings = from_js(settings, "bad-setting", SETTINGS)?;
    to_js(&policy_from(policy).vault_settings(settings))
}

/// `policyCheckVaultSettings(policy, settings)`: throws when the user asks for settings the
/// policy does not allow (an auto-lock above its maximum, another key-age reminder).
#[wasm_bindgen(js_name = policyCheckVaultSettings)]
pub fn policy_check_vault_settings(
    policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VaultSettings")] settings: JsValue,
) -> Result<(), JsValue> {
    let settings: VaultSettings = from_js(settings, "bad-setting", SETTINGS)?;
    policy_from(policy)
        .check_vault_settings(settings)
        .map_err(thrown)
}

/// `policyKdfCost(policy)` → the key derivation cost of a new or changed passphrase.
#[wasm_bindgen(js_name = policyKdfCost, unchecked_return_type = "KdfCost")]
pub fn policy_kdf_cost(policy: JsValue) -> Result<JsValue, JsValue> {
    to_js(&policy_from(policy).new_kdf_cost())
}

/// `policyCheckSecretUse(policy, use)` with `use` `"copy-with-secret"` or `"download"`: throws
/// when the organisation does not allow it.
#[wasm_bindgen(js_name = policyCheckSecretUse)]
pub fn policy_check_secret_use(
    policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"copy-with-secret\" | \"download\"")] secret_use: &str,
) -> Result<(), JsValue> {
    let secret_use = match secret_use {
        "copy-with-secret" => SecretUse::CopyWithSecret,
        _ => SecretUse::Download,
    };
    policy_from(policy)
        .check_secret_use(secret_use)
        .map_err(thrown)
}

/// `policyCheckEndpoints(policy, profile)`: throws when the profile's custom endpoints are not
/// ones the organisation allows (nothing of the profile is then sent).
#[wasm_bindgen(js_name = policyCheckEndpoints)]
pub fn policy_check_endpoints(
    policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile: JsValue,
) -> Result<(), JsValue> {
    let profile: Profile = from_js(profile, "invalid-input", "a stored profile")?;
    policy_from(policy)
        .check_endpoints(&profile)
        .map_err(thrown)
}

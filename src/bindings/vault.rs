//! JS exports for `crate::vault`. Keys travel as base64 strings (the extension keeps the
//! unlocked one in `storage.session`); records as plain objects, the document as its JSON text.

use wasm_bindgen::prelude::*;

use super::{from_js, js_error, to_js};
use crate::secret::Secret;
use crate::vault::{derive_key, Envelope, KdfCost, KdfParams, Record, VaultError, VaultKey};

fn vault_error(e: VaultError) -> JsValue {
    js_error(e.code(), &e.to_string(), None, None)
}

fn record(envelope: JsValue) -> Result<Record, JsValue> {
    let json = from_js(
        envelope,
        "bad-envelope",
        "not a vault record: expected an object",
    )?;
    Record::from_json(json).map_err(vault_error)
}

fn kdf_params(kdf: JsValue) -> Result<KdfParams, JsValue> {
    from_js(kdf, "bad-envelope", "kdf must be {alg, mKib, t, p, salt}")
}

fn key(key_b64: &str) -> Result<VaultKey, JsValue> {
    VaultKey::from_base64(key_b64).map_err(vault_error)
}

/// `vaultNewKdf(cost?: {mKib, t, p})` → `{alg, mKib, t, p, salt}` with a fresh salt; defaults
/// when `cost` is omitted; throws `weak-kdf` below the OWASP floor, `kdf-too-costly` above the
/// ceiling a stored record may ask for.
#[wasm_bindgen(js_name = vaultNewKdf, unchecked_return_type = "KdfParams")]
pub fn vault_new_kdf(
    #[wasm_bindgen(unchecked_optional_param_type = "KdfCost")] cost: JsValue,
) -> Result<JsValue, JsValue> {
    let cost: Option<KdfCost> = from_js(cost, "weak-kdf", "cost must be {mKib, t, p}")?;
    let params =
        KdfParams::create(cost.unwrap_or(crate::vault::DEFAULT_COST)).map_err(vault_error)?;
    to_js(&params)
}

/// `vaultDeriveKey(passphrase, kdf)` → the key in base64 (the slow step of unlocking); throws
/// `kdf-too-costly`, before deriving anything, when `kdf` asks for more than the ceiling.
#[wasm_bindgen(js_name = vaultDeriveKey)]
pub fn vault_derive_key(
    passphrase: String,
    #[wasm_bindgen(unchecked_param_type = "KdfParams")] kdf: JsValue,
) -> Result<String, JsValue> {
    let passphrase = Secret::from(passphrase);
    let kdf = kdf_params(kdf)?;
    let key = derive_key(&passphrase, &kdf).map_err(vault_error)?;
    Ok(key.to_base64().expose().to_owned())
}

/// `vaultKdfBelowFloor(kdf, policy?)` → true when a stored record's parameters are below the OWASP
/// floor, or below the floor of the organisation's managed `policy` (`storage.managed`): once its
/// passphrase has opened it, the record is sealed again under fresh parameters.
#[wasm_bindgen(js_name = vaultKdfBelowFloor)]
pub fn vault_kdf_below_floor(
    #[wasm_bindgen(unchecked_param_type = "KdfParams")] kdf: JsValue,
    policy: JsValue,
) -> Result<bool, JsValue> {
    let cost = kdf_params(kdf)?.cost();
    Ok(super::policy::policy_from(policy).below_kdf_floor(cost))
}

/// `vaultSeal(keyB64, kdf, id, plaintext)` → a format-2 record.
#[wasm_bindgen(js_name = vaultSeal, unchecked_return_type = "Envelope")]
pub fn vault_seal(
    key_b64: String,
    #[wasm_bindgen(unchecked_param_type = "KdfParams")] kdf: JsValue,
    id: String,
    plaintext: String,
) -> Result<JsValue, JsValue> {
    let (key_b64, plaintext) = (Secret::from(key_b64), Secret::from(plaintext));
    let kdf = kdf_params(kdf)?;
    let envelope = Envelope::seal(
        &key(key_b64.expose())?,
        &kdf,
        &id,
        plaintext.expose().as_bytes(),
    )
    .map_err(vault_error)?;
    to_js(&envelope)
}

/// `vaultOpen(keyB64, record)` → the plaintext; throws `wrong-passphrase`, `tampered`, …
#[wasm_bindgen(js_name = vaultOpen)]
pub fn vault_open(
    key_b64: String,
    #[wasm_bindgen(unchecked_param_type = "Envelope | EnvelopeV1")] envelope: JsValue,
) -> Result<String, JsValue> {
    let key_b64 = Secret::from(key_b64);
    let plaintext = record(envelope)?
        .open_text(&key(key_b64.expose())?)
        .map_err(vault_error)?;
    Ok(plaintext.expose().to_owned())
}

/// `vaultMigrate(keyB64, record)` → the same content as a format-2 record (the record
/// itself when it is format 2 already and opens).
#[wasm_bindgen(js_name = vaultMigrate, unchecked_return_type = "Envelope")]
pub fn vault_migrate(
    key_b64: String,
    #[wasm_bindgen(unchecked_param_type = "Envelope | EnvelopeV1")] envelope: JsValue,
) -> Result<JsValue, JsValue> {
    let key_b64 = Secret::from(key_b64);
    let migrated = record(envelope)?
        .migrate(&key(key_b64.expose())?)
        .map_err(vault_error)?;
    to_js(&migrated)
}

//! The whole JavaScript surface of the crate, and nothing else: each function converts
//! JS values in, calls the core, and converts the result (or a `{code, message}` error) out.

use serde::Serialize;
use wasm_bindgen::prelude::*;

pub mod check;
pub mod credentials;
pub mod fill;
pub mod sign;
pub mod vault;

/// In the WASM build every heap block is wiped when freed: the parsers and converters (csv,
/// serde_json, serde-wasm-bindgen, url) copy secrets into buffers no `Zeroizing` reaches.
/// bitwarden's SDK does the same in its WASM bindings.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

/// Plain objects (not `Map`s) and numbers as JSON would have them, so JS code can use results directly.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &e.to_string(), None, None))
}

/// Builds the `{ code, message, line?, column? }` object every export throws.
pub(crate) fn js_error(
    code: &str,
    message: &str,
    line: Option<u32>,
    column: Option<u32>,
) -> JsValue {
    #[derive(Serialize)]
    struct JsError<'a> {
        code: &'a str,
        message: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
    }
    JsError {
        code,
        message,
        line,
        column,
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .unwrap_or_else(|_| JsValue::from_str(message))
}

/// The crate version (`Cargo.toml`), answered to the extension's `version` message.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_owned()
}

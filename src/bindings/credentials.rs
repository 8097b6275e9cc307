//! JS exports for `crate::credentials`.

use super::to_js;
use crate::credentials;
use wasm_bindgen::prelude::*;

/// `parseCredentials(bytes, fileName?, language?)` → `{ items, warnings }`, or throws
/// `{ code, params, line?, column? }`. `language` is the user's (`zh-CN`): the hint for a file
/// in a legacy code page.
#[wasm_bindgen(js_name = parseCredentials)]
pub fn parse_credentials(
    bytes: &[u8],
    file_name: Option<String>,
    language: Option<String>,
) -> Result<JsValue, JsValue> {
    let import =
        credentials::parse(bytes, file_name.as_deref(), language.as_deref()).map_err(|error| {
            // Its own `{code, params, line?, column?}`; a failed conversion throws `internal`.
            to_js(&error).unwrap_or_else(|internal| internal)
        })?;
    to_js(&import)
}

/// The largest input `parseCredentials` accepts, so pages read no more of a file than that (plus one byte).
#[wasm_bindgen(js_name = importLimitBytes)]
pub fn import_limit_bytes() -> u32 {
    credentials::MAX_INPUT_BYTES as u32
}

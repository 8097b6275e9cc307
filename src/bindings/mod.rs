//! The whole JavaScript surface of the crate, and nothing else: each function converts
//! JS values in, calls the core, and converts the result (or a `{code, message}` error) out.

use crate::cloud::{Request, RequestError, RequestErrorCode};
use crate::words::Params;
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

pub mod code;
pub mod credentials;
pub mod fill;
pub mod flow;
pub mod policy;
pub mod presign;
pub mod profile;
/// Exports only the tests and benchmarks call (`--features test-exports`, built into `pkg-test/`):
/// the shipped WASM signs and asks IBM for tokens only inside the core's flows.
#[cfg(any(test, feature = "test-exports"))]
pub mod sign;
pub mod vault;
pub mod words;

/// In the WASM build every heap block is wiped when freed: the parsers and converters (csv,
/// serde_json, url) copy secrets into buffers no `Zeroizing` reaches.
/// bitwarden's SDK does the same in its WASM bindings.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

/// Plain objects (not `Map`s) and numbers as JSON would have them, so JS code can use results
/// directly. Built as one JSON text that `JSON.parse` turns into objects: a single string crossing
/// costs a fraction of creating every property from WASM (a signed request's headers took twice
/// as long to convert as to sign). The text may hold secrets; the allocator wipes it when freed.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| js_error("internal", &e.to_string(), None, None))?;
    js_sys::JSON::parse(&text)
}

/// Reads a JS value into `T`, crossing as one JSON text (`JSON.stringify`), as [`to_js`] does the
/// other way: walking the object from WASM field by field cost more, in time and in code size
/// (bench/sign-browser.mjs, bench/size.mjs). `undefined` reads as `null`, and an `undefined`
/// property as a missing one. Serde's own messages can quote the offending value, which may be a
/// secret: the error says only `code` and what was `expected`.
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    code: &str,
    expected: &str,
) -> Result<T, JsValue> {
    read_js(value, code, expected, crate::json::from_str)
}

pub(crate) fn read_js<T>(
    value: JsValue,
    code: &str,
    expected: &str,
    parse: impl FnOnce(&str) -> Result<T, serde_json::Error>,
) -> Result<T, JsValue> {
    let refused = || js_error(code, expected, None, None);
    let text = if value.is_undefined() {
        String::from("null")
    } else {
        js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(refused)?
    };
    parse(&text).map_err(|_| refused())
}

/// `{ method, url, headers, body? }`: a request as the worker sends it (`body` is what is sent).
#[derive(Serialize)]
pub(crate) struct JsRequest<'a> {
    pub(crate) method: &'a str,
    pub(crate) url: &'a str,
    pub(crate) headers: BTreeMap<&'a str, &'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) body: Option<&'a str>,
}

impl<'a> From<&'a Request> for JsRequest<'a> {
    fn from(r: &'a Request) -> Self {
        JsRequest {
            method: r.method,
            url: &r.url,
            headers: r
                .headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect(),
            body: r.body.as_ref().map(|b| b.sent.expose()),
        }
    }
}

/// `{code, params, message}` for a request that could not be built: the words are
/// `check_error_<code>`; the message is for logs.
pub(crate) fn request_error(e: RequestError) -> JsValue {
    #[derive(Serialize)]
    struct Thrown {
        code: RequestErrorCode,
        params: Params,
        message: String,
    }
    let thrown = Thrown {
        code: e.code(),
        params: e.params(),
        message: e.to_string(),
    };
    to_js(&thrown).unwrap_or_else(|internal| internal)
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
    to_js(&JsError {
        code,
        message,
        line,
        column,
    })
    .unwrap_or_else(|_| JsValue::from_str(message))
}

/// The crate version (`Cargo.toml`), answered to the extension's `version` message.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_owned()
}

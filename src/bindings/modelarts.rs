//! JS exports for *Prepare ModelArts* (`crate::flows::prepare_modelarts`). `prepare` is
//! `{ profile, timestamp, state? }`; a `call` is `{ action, bucket?, folder?, userId? }`.

use super::{request_error, to_js, JsRequest};
use crate::flows::prepare_modelarts::{self as flow, Call, Prepare};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

const PREPARE: &str = "a preparation is {profile, timestamp, state?} with a stored profile";

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    super::from_js(value, "bad-preparation", PREPARE)
}

/// `modelartsOrigins(profile)` → the host match patterns the preparation reaches.
#[wasm_bindgen(js_name = modelartsOrigins)]
pub fn modelarts_origins(profile: JsValue) -> Result<JsValue, JsValue> {
    to_js(&flow::origins(&from_js(profile)?).map_err(request_error)?)
}

/// `modelartsOverview(prepare)` → the calls of the storage overview, to send in order.
#[wasm_bindgen(js_name = modelartsOverview)]
pub fn modelarts_overview(prepare: JsValue) -> Result<JsValue, JsValue> {
    to_js(&flow::overview(&from_js(prepare)?))
}

/// `modelartsRequest(prepare, call)` → `{ request: {method, url, headers, body?}, preview,
/// write }`: what to send, and what the user is shown (no signature, the SK as `••••`).
#[wasm_bindgen(js_name = modelartsRequest)]
pub fn modelarts_request(prepare: JsValue, call: JsValue) -> Result<JsValue, JsValue> {
    let prepare: Prepare = from_js(prepare)?;
    let call: Call = from_js(call)?;
    let request = flow::request(&prepare, &call).map_err(request_error)?;
    #[derive(Serialize)]
    struct Built<'a> {
        request: JsRequest<'a>,
        preview: crate::cloud::Preview,
        write: bool,
    }
    to_js(&Built {
        request: JsRequest::from(&request),
        preview: request.preview(),
        write: call.is_write(),
    })
}

/// `modelartsPlanWrites(prepare, bucket, folders)` → the write calls of step 2, checked first.
#[wasm_bindgen(js_name = modelartsPlanWrites)]
pub fn modelarts_plan_writes(
    prepare: JsValue,
    bucket: String,
    folders: Vec<String>,
) -> Result<JsValue, JsValue> {
    let prepare: Prepare = from_js(prepare)?;
    to_js(&flow::plan_writes(&prepare, &bucket, &folders).map_err(request_error)?)
}

/// `modelartsRead(prepare, call, answer)` → `{ state, diagnosis, next, stop }`.
#[wasm_bindgen(js_name = modelartsRead)]
pub fn modelarts_read(
    prepare: JsValue,
    call: JsValue,
    answer: JsValue,
) -> Result<JsValue, JsValue> {
    let prepare: Prepare = from_js(prepare)?;
    let read = flow::read(&prepare, &from_js(call)?, &from_js(answer)?).map_err(request_error)?;
    to_js(&read)
}

/// `modelartsView(prepare)` → what the panel shows (buckets and their fit, authorizations, log).
#[wasm_bindgen(js_name = modelartsView)]
pub fn modelarts_view(prepare: JsValue) -> Result<JsValue, JsValue> {
    to_js(&flow::view(&from_js(prepare)?))
}

//! JS exports for the key check (`crate::flows::key_check`) and presigned links
//! (`crate::cloud::obs::presign_object`): `planKeyCheck`, `diagnoseKeyCheck`, `keyCheckOrigins`,
//! `presignObjectUrl`. A check is `{ profile, timestamp, bucket? }` (timestamp `YYYYMMDDTHHMMSSZ`).

use super::{request_error, to_js, JsRequest};
use crate::cloud::obs::presign_object::{presign_object, PresignObject};
use crate::flows::key_check::{self, KeyCheck, StepDiagnosis, StepRequest};
use crate::profile::Step;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `{ id, method, url, headers, body? }`: a request of the check, as the worker sends it.
#[derive(Serialize)]
struct JsStepRequest<'a> {
    id: Step,
    #[serde(flatten)]
    request: JsRequest<'a>,
}

impl<'a> From<&'a StepRequest> for JsStepRequest<'a> {
    fn from(r: &'a StepRequest) -> Self {
        JsStepRequest {
            id: r.id,
            request: JsRequest::from(&r.request),
        }
    }
}

const CHECK: &str = "a check is {profile, timestamp, bucket?} with a stored profile";

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    super::from_js(value, "bad-check", CHECK)
}

fn requests_to_js(requests: &[StepRequest]) -> Result<JsValue, JsValue> {
    to_js(&requests.iter().map(JsStepRequest::from).collect::<Vec<_>>())
}

/// `planKeyCheck({ profile, timestamp, bucket? })` → `[{ id, method, url, headers, body? }]`,
/// to be sent in order, each once.
#[wasm_bindgen(js_name = planKeyCheck)]
pub fn plan_key_check(check: JsValue) -> Result<JsValue, JsValue> {
    let check: KeyCheck = from_js(check)?;
    requests_to_js(&key_check::plan(&check).map_err(request_error)?)
}

/// `diagnoseKeyCheck(check, id, answer)` with `answer = { status, headers, body }` or
/// `{ error: 'network' | 'redirect' }` → `{ step, status, severity, code, params, details, stop,
/// next }`.
#[wasm_bindgen(js_name = diagnoseKeyCheck)]
pub fn diagnose_key_check(
    check: JsValue,
    id: JsValue,
    answer: JsValue,
) -> Result<JsValue, JsValue> {
    let check: KeyCheck = from_js(check)?;
    let diagnosis =
        key_check::diagnose(&check, from_js(id)?, &from_js(answer)?).map_err(request_error)?;
    #[derive(Serialize)]
    struct JsDiagnosis<'a> {
        #[serde(flatten)]
        diagnosis: &'a StepDiagnosis,
        next: Vec<JsStepRequest<'a>>,
    }
    to_js(&JsDiagnosis {
        diagnosis: &diagnosis,
        next: diagnosis.next.iter().map(JsStepRequest::from).collect(),
    })
}

/// `keyCheckOrigins({ profile, bucket? })` → the host match patterns the check will reach.
#[wasm_bindgen(js_name = keyCheckOrigins)]
pub fn key_check_origins(check: JsValue) -> Result<JsValue, JsValue> {
    let check: KeyCheck = from_js(check)?;
    to_js(&key_check::origins(&check).map_err(request_error)?)
}

/// `presignObjectUrl({ profile, timestamp, bucket, key, expiresIn })` → URL string.
#[wasm_bindgen(js_name = presignObjectUrl)]
pub fn presign_object_url(
    #[wasm_bindgen(unchecked_param_type = "PresignObject")] request: JsValue,
) -> Result<String, JsValue> {
    let request: PresignObject = from_js(request)?;
    presign_object(&request).map_err(request_error)
}

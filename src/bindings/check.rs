//! JS exports for `crate::check`: `planKeyCheck`, `diagnoseKeyCheck`, `keyCheckOrigins`,
//! `presignObjectUrl`. A check is `{ profile, timestamp, bucket? }` (timestamp `YYYYMMDDTHHMMSSZ`).

use super::{to_js, JsRequest};
use crate::check::{
    self, presign::PresignObject, CheckError, CheckErrorCode, CheckRequest, KeyCheck, Step,
};
use crate::secret::Secret;
use crate::words::Params;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct JsCheckRequest<'a> {
    id: Step,
    #[serde(flatten)]
    request: JsRequest<'a>,
}

impl<'a> From<&'a CheckRequest> for JsCheckRequest<'a> {
    fn from(r: &'a CheckRequest) -> Self {
        JsCheckRequest {
            id: r.id,
            request: JsRequest::new(
                &r.method,
                &r.url,
                &r.headers,
                r.body.as_ref().map(Secret::expose),
            ),
        }
    }
}

const CHECK: &str = "a check is {profile, timestamp, bucket?} with a stored profile";

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    super::from_js(value, "bad-check", CHECK)
}

/// `{code, params, message}`: the words are `check_error_<code>`; the message is for logs.
fn check_error(e: CheckError) -> JsValue {
    #[derive(Serialize)]
    struct Thrown {
        code: CheckErrorCode,
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

fn requests_to_js(requests: &[CheckRequest]) -> Result<JsValue, JsValue> {
    to_js(
        &requests
            .iter()
            .map(JsCheckRequest::from)
            .collect::<Vec<_>>(),
    )
}

/// `planKeyCheck({ profile, timestamp, bucket? })` → `[{ id, method, url, headers, body? }]`,
/// to be sent in order, each once.
#[wasm_bindgen(js_name = planKeyCheck)]
pub fn plan_key_check(check: JsValue) -> Result<JsValue, JsValue> {
    let check: KeyCheck = from_js(check)?;
    requests_to_js(&check::plan(&check).map_err(check_error)?)
}

/// `diagnoseKeyCheck(check, id, answer)` with `answer = { status, headers, body }` or
/// `{ error: 'network' | 'redirect' }` → `{ step, status, severity, message, details, stop, next? }`.
#[wasm_bindgen(js_name = diagnoseKeyCheck)]
pub fn diagnose_key_check(
    check: JsValue,
    id: JsValue,
    answer: JsValue,
) -> Result<JsValue, JsValue> {
    let check: KeyCheck = from_js(check)?;
    let diagnosis =
        check::diagnose(&check, from_js(id)?, &from_js(answer)?).map_err(check_error)?;
    #[derive(Serialize)]
    struct JsDiagnosis<'a> {
        #[serde(flatten)]
        diagnosis: &'a check::Diagnosis,
        next: Vec<JsCheckRequest<'a>>,
    }
    to_js(&JsDiagnosis {
        diagnosis: &diagnosis,
        next: diagnosis.next.iter().map(JsCheckRequest::from).collect(),
    })
}

/// `keyCheckOrigins({ profile, bucket? })` → the host match patterns the check will reach.
#[wasm_bindgen(js_name = keyCheckOrigins)]
pub fn key_check_origins(check: JsValue) -> Result<JsValue, JsValue> {
    let check: KeyCheck = from_js(check)?;
    to_js(&check::origins(&check).map_err(check_error)?)
}

/// `presignObjectUrl({ profile, timestamp, bucket, key, expiresIn })` → URL string.
#[wasm_bindgen(js_name = presignObjectUrl)]
pub fn presign_object_url(request: JsValue) -> Result<String, JsValue> {
    let request: PresignObject = from_js(request)?;
    check::presign_object(&request).map_err(check_error)
}

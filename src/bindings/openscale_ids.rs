//! JS exports for `crate::flows::openscale_ids`: `openscaleIdsOrigins`, `openscaleIdsStart`,
//! `openscaleIdsAdvance`. A lookup is `{ profile, now, token?, goal }` with `now` in Unix seconds
//! and `goal` `{find: "instances"}` or `{find: "ids", guid, region}`.

use super::{from_js, to_js, JsRequest};
use crate::flows::openscale_ids::{self, Lookup, Stage, Step};
use serde::Serialize;
use wasm_bindgen::prelude::*;

const LOOKUP: &str = "a lookup is {profile, now, token?, goal: {find}} with a stored IBM profile";

fn lookup_from(value: JsValue) -> Result<Lookup, JsValue> {
    from_js(value, "bad-lookup", LOOKUP)
}

fn step_to_js(step: &Step) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct JsStep<'a> {
        #[serde(flatten)]
        step: &'a Step,
        #[serde(skip_serializing_if = "Option::is_none")]
        request: Option<JsRequest<'a>>,
    }
    to_js(&JsStep {
        step,
        request: step.request.as_ref().map(JsRequest::from),
    })
}

/// `openscaleIdsOrigins(lookup)` → the host match patterns the lookup will reach.
#[wasm_bindgen(js_name = openscaleIdsOrigins)]
pub fn openscale_ids_origins(lookup: JsValue) -> Result<JsValue, JsValue> {
    to_js(&openscale_ids::origins(&lookup_from(lookup)?))
}

/// `openscaleIdsStart(lookup)` → `{request?, stage?, token?, found?, failed?}`: send `request`
/// once, then call `openscaleIdsAdvance(lookup, stage, answer)`; hold `token` in memory only.
#[wasm_bindgen(js_name = openscaleIdsStart)]
pub fn openscale_ids_start(lookup: JsValue) -> Result<JsValue, JsValue> {
    step_to_js(&openscale_ids::start(&lookup_from(lookup)?))
}

/// `openscaleIdsAdvance(lookup, stage, answer)` with `answer = {status, headers, body}` or
/// `{error: 'network' | 'redirect'}` → the next step, as `openscaleIdsStart`.
#[wasm_bindgen(js_name = openscaleIdsAdvance)]
pub fn openscale_ids_advance(
    lookup: JsValue,
    stage: JsValue,
    answer: JsValue,
) -> Result<JsValue, JsValue> {
    let lookup = lookup_from(lookup)?;
    let stage: Stage = from_js(stage, "bad-lookup", "a stage from the previous step")?;
    let answer = from_js(
        answer,
        "bad-answer",
        "an answer is {status, headers, body} or {error}",
    )?;
    step_to_js(&openscale_ids::advance(&lookup, stage, &answer))
}

/// `openscaleIdsPreview(lookup)` with `goal = {find: "add-provider", guid, region, provider}` →
/// `{method, url, headers, body}` as it will be sent, secrets `••••`, no token; throws
/// `{code, params}` (words `openscale_ids_<code>`) when the profile cannot make that provider.
#[wasm_bindgen(js_name = openscaleIdsPreview)]
pub fn openscale_ids_preview(lookup: JsValue) -> Result<JsValue, JsValue> {
    match openscale_ids::preview(&lookup_from(lookup)?) {
        Ok(preview) => to_js(&preview),
        Err(said) => Err(to_js(&said)?),
    }
}

//! JS exports for `crate::fill`.

use super::{from_js, js_error, to_js};
use crate::fill::{self, ExtraHost, FrameFields, PlanInput, ReportInput};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `matchConsole(url)` → `{ provider: "huawei" | "flexible-engine" | "ibm", host }` or `null`
/// (tests only: the extension always passes the user's hosts, to `matchConsoleWith`).
#[cfg(any(test, feature = "test-exports"))]
#[wasm_bindgen(js_name = matchConsole, unchecked_return_type = "ConsoleMatch | null")]
pub fn match_console(url: &str) -> Result<JsValue, JsValue> {
    to_js(&fill::match_console(url, &[]))
}

/// `matchConsoleWith(url, extraHosts: [{host, provider}])`, with the hosts the user added.
#[wasm_bindgen(js_name = matchConsoleWith, unchecked_return_type = "ConsoleMatch | null")]
pub fn match_console_with(
    url: &str,
    #[wasm_bindgen(unchecked_param_type = "ExtraHost[]")] extra_hosts: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&fill::match_console(url, &extra_hosts_from(extra_hosts)?))
}

/// `tabConsole(url, extraHosts?)` → `{provider, host, region?}` or `null`: the console the popup's
/// tab shows and the region its URL names (to preset an import's cloud and region).
#[wasm_bindgen(js_name = tabConsole, unchecked_return_type = "TabConsole | null")]
pub fn tab_console(
    url: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ExtraHost[] | null")] extra_hosts: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&fill::tab_console(url, &extra_hosts_from(extra_hosts)?))
}

/// `frameDecision(topUrl, frameUrl, sandboxed, extraHosts?)` →
/// `{decision: "allow"}` | `{decision: "confirm", origin}` | `{decision: "refuse", reason}`.
#[wasm_bindgen(js_name = frameDecision, unchecked_return_type = "FrameDecision")]
pub fn frame_decision(
    top_url: &str,
    frame_url: &str,
    sandboxed: bool,
    #[wasm_bindgen(unchecked_optional_param_type = "ExtraHost[] | null")] extra_hosts: JsValue,
) -> Result<JsValue, JsValue> {
    let extra_hosts = extra_hosts_from(extra_hosts)?;
    to_js(&fill::frame_decision(
        top_url,
        frame_url,
        sandboxed,
        &extra_hosts,
    ))
}

/// `normalizeConsoleHost(input)` → the host to store for a console the user adds (lower-case
/// ASCII, no trailing dot), or throws `{code, message}` with `code` one of `empty`, `invalid`,
/// `not-https`, `has-port`, `has-userinfo`, `ip-address`, `idn`, `wildcard`, `single-label`, `built-in`.
#[wasm_bindgen(js_name = normalizeConsoleHost)]
pub fn normalize_console_host(input: &str) -> Result<String, JsValue> {
    fill::normalize_console_host(input).map_err(|e| {
        let code = serde_json::to_value(e).expect("a unit variant serialises");
        js_error(code.as_str().unwrap_or("invalid"), e.message(), None, None)
    })
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// `planFill({topUrl, frames: [{frameId, fields}], hidden?, profile, extraHosts?,
/// confirmedFrameOrigin?, chosen?})` → `{console, fills: [{fieldId, slot, value, confidence}],
/// skipped: [{fieldId, reason, slot}], missing: [slot], refused?: {code, message}, confirmFrame?}`
/// (see `crate::fill::plan`). Each frame's `fields` is the JSON text its content script wrote (the
/// descriptors, each naming its `frameUrl` and `frameSandboxed`); the plan's field ids are
/// `frameId:localId`, and `hidden` lists such ids to plan as not visible (`crate::fill::page_fields`).
/// `profile` is the profile as the vault stores it (`{id, name, provider, region?, openscaleGuid?,
/// credentials: [...]}`); the core derives each slot's value from it (`crate::fill::slot_values`).
/// Fill values come out as plain strings: the content script has to type them.
///
/// The fields (thousands on a long page) are parsed straight from the text the content script
/// sent, never made into JS objects in the worker; the rest goes through `crate::json`'s tree.
#[wasm_bindgen(js_name = planFill, unchecked_return_type = "FillPlan")]
pub fn plan_fill(
    #[wasm_bindgen(
        unchecked_param_type = "PlanInput & { frames: { frameId: number, fields: string }[], hidden?: string[] }"
    )]
    input: JsValue,
) -> Result<JsValue, JsValue> {
    const EXPECTED: &str =
        "a fill is {topUrl, frames: [{frameId, fields}], hidden?, profile, extraHosts?}";
    let refused = || js_error("invalid-input", EXPECTED, None, None);
    let take = |name: &str| {
        let value = js_sys::Reflect::get(&input, &name.into()).unwrap_or(JsValue::UNDEFINED);
        (!value.is_undefined()).then_some(value)
    };
    let frames = take("frames").ok_or_else(refused)?;
    let hidden: Vec<String> = match take("hidden") {
        Some(hidden) => from_js(hidden, "invalid-input", EXPECTED)?,
        None => Vec::new(),
    };
    let rest = js_sys::Object::assign(&js_sys::Object::new(), &input.clone().into());
    for name in ["frames", "hidden"] {
        js_sys::Reflect::delete_property(&rest, &name.into()).map_err(|_| refused())?;
    }
    let mut input: PlanInput = from_js(rest.into(), "invalid-input", EXPECTED)?;
    let frames = frames
        .dyn_into::<js_sys::Array>()
        .map_err(|_| refused())?
        .iter()
        .map(|frame| {
            let get = |name: &str| js_sys::Reflect::get(&frame, &name.into()).ok();
            let frame_id = get("frameId")
                .and_then(|id| id.as_f64())
                .filter(|id| id.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(id))
                .ok_or_else(refused)?;
            let text = get("fields")
                .and_then(|text| text.as_string())
                .ok_or_else(refused)?;
            Ok(FrameFields {
                frame_id: frame_id as u64,
                fields: serde_json::from_str(&text).map_err(|_| refused())?,
            })
        })
        .collect::<Result<Vec<_>, JsValue>>()?;
    input.fields = fill::page_fields(frames, &hidden);
    to_js(&fill::plan_fill(&input))
}

/// `fillReport({fills, skipped, missing, late: [{fieldId, reason}]})` → `{filled: [{slot,
/// label?}], skipped: [{slot, label?, reason}], missing: [slot]}`: what to tell the user after
/// a fill (`crate::fill::report`). Give the plan's fills without their `value`.
#[wasm_bindgen(js_name = fillReport, unchecked_return_type = "FillReport")]
pub fn fill_report(
    #[wasm_bindgen(unchecked_param_type = "ReportInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: ReportInput = from_js(
        input,
        "invalid-input",
        "a fill report is {fills, skipped, missing, late}",
    )?;
    to_js(&fill::report(&input))
}

fn extra_hosts_from(value: JsValue) -> Result<Vec<ExtraHost>, JsValue> {
    const EXPECTED: &str = "extra hosts are [{host, provider}] with a console provider";
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let hosts: Vec<ExtraHost> = from_js(value, "invalid-input", EXPECTED)?;
    if hosts.iter().any(|h| !h.provider.has_console()) {
        return Err(js_error("invalid-input", EXPECTED, None, None));
    }
    Ok(hosts)
}

//! JS exports for `crate::fill`.

use super::{from_js, from_js_direct, js_error, to_js};
use crate::fill::{self, ExtraHost, PlanInput, ReportInput};
use wasm_bindgen::prelude::*;

/// `matchConsole(url)` → `{ provider: "huawei" | "flexible-engine" | "ibm", host }` or `null`.
#[wasm_bindgen(js_name = matchConsole)]
pub fn match_console(url: &str) -> Result<JsValue, JsValue> {
    to_js(&fill::match_console(url, &[]))
}

/// `matchConsoleWith(url, extraHosts: [{host, provider}])`, with the hosts the user added.
#[wasm_bindgen(js_name = matchConsoleWith)]
pub fn match_console_with(url: &str, extra_hosts: JsValue) -> Result<JsValue, JsValue> {
    to_js(&fill::match_console(url, &extra_hosts_from(extra_hosts)?))
}

/// `tabConsole(url, extraHosts?)` → `{provider, host, region?}` or `null`: the console the popup's
/// tab shows and the region its URL names (to preset an import's cloud and region).
#[wasm_bindgen(js_name = tabConsole)]
pub fn tab_console(url: &str, extra_hosts: JsValue) -> Result<JsValue, JsValue> {
    to_js(&fill::tab_console(url, &extra_hosts_from(extra_hosts)?))
}

/// `frameDecision(topUrl, frameUrl, sandboxed, extraHosts?)` →
/// `{decision: "allow"}` | `{decision: "confirm", origin}` | `{decision: "refuse", reason}`.
#[wasm_bindgen(js_name = frameDecision)]
pub fn frame_decision(
    top_url: &str,
    frame_url: &str,
    sandboxed: bool,
    extra_hosts: JsValue,
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

/// `planFill({topUrl, fields, profile, extraHosts?, confirmedFrameOrigin?})` (each field names its
/// `frameUrl` and `frameSandboxed`) → `{console, fills: [{fieldId, slot, value, confidence}],
/// skipped: [{fieldId, reason, slot}], missing: [slot], refused?: {code, message}, confirmFrame?}`
/// (see `crate::fill::plan`).
/// `profile` is the profile as the vault stores it (`{id, name, provider, region?, openscaleGuid?,
/// credentials: [...]}`); the core derives each slot's value from it (`crate::fill::slot_values`).
/// Fill values come out as plain strings: the content script has to type them.
///
/// The fields (thousands on a long page) are read straight from their JSON text, the rest through
/// `crate::json`'s tree: the fields' reader is the one worth compiling twice. A 2,000-field plan
/// in Node (pkg/ WASM, 15 calls after 5 warm-ups) measured 19 ms through the tree, 14 ms so, for
/// 9 KB of WASM; reading the whole input straight measured 12 ms but cost 39 KB (the profile's
/// readers compiled twice too).
#[wasm_bindgen(js_name = planFill)]
pub fn plan_fill(input: JsValue) -> Result<JsValue, JsValue> {
    const EXPECTED: &str = "a fill is {url, topUrl, fields, profile, extraHosts?}";
    let fields = js_sys::Reflect::get(&input, &"fields".into()).unwrap_or(JsValue::UNDEFINED);
    let rest = js_sys::Object::assign(&js_sys::Object::new(), &input.clone().into());
    js_sys::Reflect::delete_property(&rest, &"fields".into())
        .map_err(|_| js_error("invalid-input", EXPECTED, None, None))?;
    let mut input: PlanInput = from_js(rest.into(), "invalid-input", EXPECTED)?;
    input.fields = from_js_direct(fields, "invalid-input", EXPECTED)?;
    to_js(&fill::plan_fill(&input))
}

/// `fillReport({fills, skipped, missing, late: [{fieldId, reason}]})` → `{filled: [{slot,
/// label?}], skipped: [{slot, label?, reason}], missing: [slot]}`: what to tell the user after
/// a fill (`crate::fill::report`). Give the plan's fills without their `value`.
#[wasm_bindgen(js_name = fillReport)]
pub fn fill_report(input: JsValue) -> Result<JsValue, JsValue> {
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

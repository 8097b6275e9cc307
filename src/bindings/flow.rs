//! JS exports for every flow (`crate::flows::flow`), the same for each, named by `kind`
//! (`key-check`, `prepare-modelarts`, `openscale-instances`, `openscale-ids`,
//! `openscale-add-provider`, `rotate-key`, `rotate-ibm-key`, `temporary-key`). `input` is the flow's own (`{ profile, timestamp,
//! bucket? }` for a key check, `{ profile, timestamp }` for Prepare ModelArts, a key rotation and a temporary key,
//! `{ profile, token? }` for an IBM key's rotation, `{ profile, now, token?, guid?, region?, provider? }` for OpenScale, `now` in Unix seconds),
//! `state` what the last turn returned (`undefined` at first). A turn is `{ state, send: [{ call,
//! write, request }], lines, stop, token?, newKey?, keyCreated?, issued? }`: send each request
//! once, in order, and read its answer with `flowRead`; hold `token` in memory only, and give it
//! back in the input; save `newKey` in the vault in place of the profile's key before anything
//! else, then record `keyCreated` (`{ accessKey, createdAt }`, the `keyCreated` operation), and give
//! back the profile that holds them; render `issued` (a temporary key) into the snippet asked for
//! and forget it. A refusal is thrown as `{ code, params }`.

use super::policy::{policy_from, thrown};
use super::{from_js, request_error, to_js, JsRequest};
use crate::cloud::ibm::iam_token::HeldToken;
use crate::cloud::RequestError;
use crate::code::ShortLived;
use crate::flows::flow::{self, Flow, KeyCreated, Turn};
use crate::flows::key_check::KeyCheckFlow;
use crate::flows::openscale::add_provider::AddProvider;
use crate::flows::openscale::ids::OpenscaleIds;
use crate::flows::openscale::instances::OpenscaleInstances;
use crate::flows::openscale::Said;
use crate::flows::prepare_modelarts::PrepareModelArts;
use crate::flows::rotate_ibm_key::RotateIbmKey;
use crate::flows::rotate_key::RotateKey;
use crate::flows::temporary_key::TemporaryKey;
use crate::profile::Credential;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tsify_next::Tsify;
use wasm_bindgen::prelude::*;

/// Which flow a call is for.
#[derive(Debug, Clone, Copy, Deserialize, Tsify)]
#[serde(rename_all = "kebab-case")]
enum FlowKind {
    KeyCheck,
    PrepareModelarts,
    OpenscaleInstances,
    OpenscaleIds,
    OpenscaleAddProvider,
    RotateKey,
    RotateIbmKey,
    TemporaryKey,
}

/// Calls the generic `$run` with the flow `$kind` names.
macro_rules! by_kind {
    ($kind:expr, $run:ident($($arg:expr),*)) => {
        match read::<FlowKind>($kind, "a flow kind")? {
            FlowKind::KeyCheck => $run::<KeyCheckFlow>($($arg),*),
            FlowKind::PrepareModelarts => $run::<PrepareModelArts>($($arg),*),
            FlowKind::OpenscaleInstances => $run::<OpenscaleInstances>($($arg),*),
            FlowKind::OpenscaleIds => $run::<OpenscaleIds>($($arg),*),
            FlowKind::OpenscaleAddProvider => $run::<AddProvider>($($arg),*),
            FlowKind::RotateKey => $run::<RotateKey>($($arg),*),
            FlowKind::RotateIbmKey => $run::<RotateIbmKey>($($arg),*),
            FlowKind::TemporaryKey => $run::<TemporaryKey>($($arg),*),
        }
    };
}

fn read<T: DeserializeOwned>(value: JsValue, expected: &str) -> Result<T, JsValue> {
    from_js(value, "bad-flow", expected)
}

/// A flow's state, or another value that may be left out (`undefined`: its default, where a
/// flow starts).
fn or_default<T: DeserializeOwned + Default>(value: JsValue, expected: &str) -> Result<T, JsValue> {
    match value.is_undefined() || value.is_null() {
        true => Ok(T::default()),
        false => read(value, expected),
    }
}

fn state_from<S: DeserializeOwned + Default>(value: JsValue) -> Result<S, JsValue> {
    or_default(value, "a flow state")
}

const INPUT: &str = "the flow's input, with a stored profile";

/// What a flow throws: `{ code, params }`, the words under the flow's own prefix.
trait Thrown {
    fn thrown(self) -> JsValue;
}

/// `check_error_<code>`.
impl Thrown for RequestError {
    fn thrown(self) -> JsValue {
        request_error(self)
    }
}

/// `openscale_ids_<code>`.
impl Thrown for Said {
    fn thrown(self) -> JsValue {
        to_js(&self).unwrap_or_else(|internal| internal)
    }
}

/// `{ call, write, request: { method, url, headers, body? } }`, as the worker sends it.
#[derive(Serialize)]
struct JsSend<'a, C> {
    call: &'a C,
    write: bool,
    request: JsRequest<'a>,
}

fn turn_to_js<F: Flow<Error: Thrown>>(turn: &Turn<F>) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct JsTurn<'a, S, C, L> {
        state: &'a S,
        send: Vec<JsSend<'a, C>>,
        lines: &'a [L],
        stop: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        token: &'a Option<HeldToken>,
        #[serde(rename = "newKey", skip_serializing_if = "Option::is_none")]
        new_key: &'a Option<Credential>,
        #[serde(rename = "keyCreated", skip_serializing_if = "Option::is_none")]
        key_created: &'a Option<KeyCreated>,
        #[serde(skip_serializing_if = "Option::is_none")]
        issued: &'a Option<ShortLived>,
    }
    to_js(&JsTurn {
        state: &turn.state,
        send: turn
            .send
            .iter()
            .map(|s| JsSend {
                call: &s.call,
                write: s.write,
                request: JsRequest::from(&s.request),
            })
            .collect(),
        lines: &turn.lines,
        stop: turn.stop,
        token: &turn.token,
        new_key: &turn.new_key,
        key_created: &turn.key_created,
        issued: &turn.issued,
    })
}

/// `flowOrigins(kind, input)` → the host match patterns the flow reaches (asked for at the click).
#[wasm_bindgen(js_name = flowOrigins)]
pub fn flow_origins(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, origins(input))
}

fn origins<F: Flow<Error: Thrown>>(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&F::origins(&read(input, INPUT)?).map_err(Thrown::thrown)?)
}

/// `flowStart(kind, input, state)` → the first turn (reads only).
#[wasm_bindgen(js_name = flowStart)]
pub fn flow_start(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
    state: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, start(input, state))
}

fn start<F: Flow<Error: Thrown>>(input: JsValue, state: JsValue) -> Result<JsValue, JsValue> {
    let turn = flow::start::<F>(read(input, INPUT)?, state_from(state)?);
    turn_to_js(&turn.map_err(Thrown::thrown)?)
}

/// `flowRead(kind, input, state, call, answer, approved)` with `answer = { status, headers, body }`
/// or `{ error: 'network' | 'redirect' }` → the next turn: reads, and writes only among `approved`,
/// the calls of the click the run comes from (`undefined` for a run of reads).
#[wasm_bindgen(js_name = flowRead)]
pub fn flow_read(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
    state: JsValue,
    call: JsValue,
    answer: JsValue,
    approved: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, read_answer(input, state, call, answer, approved))
}

fn read_answer<F: Flow<Error: Thrown>>(
    input: JsValue,
    state: JsValue,
    call: JsValue,
    answer: JsValue,
    approved: JsValue,
) -> Result<JsValue, JsValue> {
    let answer = read(answer, "an answer is {status, headers, body} or {error}")?;
    let call = read(call, "a call of the flow")?;
    let approved: Vec<F::Call> = or_default(approved, "the click's calls")?;
    let turn = flow::read::<F>(
        read(input, INPUT)?,
        state_from(state)?,
        &call,
        &answer,
        &approved,
    );
    turn_to_js(&turn.map_err(Thrown::thrown)?)
}

/// `flowPreview(kind, input, state, ask, policy)` → `[{ call, preview: { method, url, headers,
/// body? } }]`: the writes a click would send, as the user sees them (no signature, a secret as
/// `••••`); throws `policy-forbids` when the organisation's `policy` (`storage.managed`) does not
/// allow one of them.
#[wasm_bindgen(js_name = flowPreview)]
pub fn flow_preview(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
    state: JsValue,
    ask: JsValue,
    policy: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, preview(input, state, ask, policy))
}

fn preview<F: Flow<Error: Thrown>>(
    input: JsValue,
    state: JsValue,
    ask: JsValue,
    policy: JsValue,
) -> Result<JsValue, JsValue> {
    let (input, state) = (read(input, INPUT)?, state_from(state)?);
    let previews = flow::preview::<F>(&input, &state, or_default(ask, "what to preview")?);
    let previews = previews.map_err(Thrown::thrown)?;
    let calls: Vec<F::Call> = previews.iter().map(|p| p.call.clone()).collect();
    flow::check_policy::<F>(&calls, &policy_from(policy)).map_err(thrown)?;
    to_js(&previews)
}

/// `flowWrite(kind, input, state, calls, policy)` → the turn that sends `calls` (each a write, as
/// the click that previewed them names them); throws `write-not-previewed` otherwise, and
/// `policy-forbids` when the organisation's `policy` does not allow one of them.
#[wasm_bindgen(js_name = flowWrite)]
pub fn flow_write(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
    state: JsValue,
    calls: JsValue,
    policy: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, write(input, state, calls, policy))
}

fn write<F: Flow<Error: Thrown>>(
    input: JsValue,
    state: JsValue,
    calls: JsValue,
    policy: JsValue,
) -> Result<JsValue, JsValue> {
    let calls: Vec<F::Call> = read(calls, "calls of the flow")?;
    flow::check_policy::<F>(&calls, &policy_from(policy)).map_err(thrown)?;
    let turn = flow::write::<F>(read(input, INPUT)?, state_from(state)?, calls);
    turn_to_js(&turn.map_err(Thrown::thrown)?)
}

/// `flowView(kind, input, state)` → what the flow's panel shows of `state`.
#[wasm_bindgen(js_name = flowView)]
pub fn flow_view(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
    state: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, view(input, state))
}

fn view<F: Flow<Error: Thrown>>(input: JsValue, state: JsValue) -> Result<JsValue, JsValue> {
    to_js(&F::view(&read(input, INPUT)?, &state_from(state)?))
}

/// `flowRequest(kind, input, state, call)` → `{ request, preview, write }`: one call as it would be
/// sent and as it is shown (the SDK differential tests compare it with the clouds' SDKs; tests only,
/// `--features test-exports`).
#[cfg(any(test, feature = "test-exports"))]
#[wasm_bindgen(js_name = flowRequest)]
pub fn flow_request(
    #[wasm_bindgen(unchecked_param_type = "FlowKind")] kind: JsValue,
    input: JsValue,
    state: JsValue,
    call: JsValue,
) -> Result<JsValue, JsValue> {
    by_kind!(kind, request(input, state, call))
}

#[cfg(any(test, feature = "test-exports"))]
fn request<F: Flow<Error: Thrown>>(
    input: JsValue,
    state: JsValue,
    call: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Built<'a> {
        request: JsRequest<'a>,
        preview: crate::cloud::Preview,
        write: bool,
    }
    let call = read(call, "a call of the flow")?;
    let request = F::request(&read(input, INPUT)?, &state_from(state)?, &call);
    let request = request.map_err(Thrown::thrown)?;
    to_js(&Built {
        request: JsRequest::from(&request),
        preview: request.preview(),
        write: F::is_write(&call),
    })
}

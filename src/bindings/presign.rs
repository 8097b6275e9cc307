//! JS export for presigned links (`crate::cloud::obs::presign_object`): `presignObjectUrl`.

use super::{from_js, request_error};
use crate::cloud::obs::presign_object::{presign_object, PresignObject};
use wasm_bindgen::prelude::*;

/// `presignObjectUrl({ profile, timestamp, bucket, key, expiresIn })` → URL string.
#[wasm_bindgen(js_name = presignObjectUrl)]
pub fn presign_object_url(
    #[wasm_bindgen(unchecked_param_type = "PresignObject")] request: JsValue,
) -> Result<String, JsValue> {
    let request: PresignObject = from_js(
        request,
        "bad-presign",
        "a link is {profile, timestamp, bucket, key, expiresIn} with a stored profile",
    )?;
    presign_object(&request).map_err(request_error)
}

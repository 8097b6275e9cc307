//! JS exports for `crate::code`: `codeOffers(profile)`, `renderSnippet(profile, target, withSecret,
//! comments)`, `renderTemporarySnippet(profile, target, issued, comments)` and `codeCommentKeys()`.
//! The worker calls them with a stored profile; a snippet's text crosses as a plain string only
//! here, on its way to the page that copies or downloads it.

use super::{from_js, to_js};
use crate::code::{self, Comment, CommentWords, Refused, ShortLived, Target};
use crate::profile::Profile;
use wasm_bindgen::prelude::*;

fn profile(value: JsValue) -> Result<Profile, JsValue> {
    from_js(value, "bad-profile", "not a stored profile")
}

/// The comments' words, `{key: words}` (none: `undefined`).
fn comment_words(comments: JsValue) -> Result<CommentWords, JsValue> {
    match comments.is_undefined() {
        true => Ok(CommentWords::new()),
        false => from_js(comments, "bad-comments", "not the comments' words"),
    }
}

/// `{code, params}`: the words are `code_error_<code>`.
fn refused(e: Refused) -> JsValue {
    to_js(&e).unwrap_or_else(|internal| internal)
}

/// `codeOffers(profile)` → `[{target, language, fileName?, secretEnv?}]`, the targets that fit it.
#[wasm_bindgen(js_name = codeOffers, unchecked_return_type = "Offer[]")]
pub fn code_offers(
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile_value: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&code::offers(&profile(profile_value)?))
}

/// `codeCommentKeys()` → the `_locales` keys of the snippets' comments, whose words in the user's
/// language `renderSnippet` takes.
#[wasm_bindgen(js_name = codeCommentKeys)]
pub fn code_comment_keys() -> Vec<String> {
    Comment::ALL
        .iter()
        .map(|c| crate::words::locale_key("code_comment", c.as_str()))
        .collect()
}

/// `renderSnippet(profile, target, withSecret, comments?)` → `{target, language, fileName?,
/// secretEnv?, withSecret, text}`, `comments` being `{key: words}` for `codeCommentKeys()`; throws
/// `{code, params}` (`wrong-provider`, `missing-value`, `needs-secret`…).
#[wasm_bindgen(js_name = renderSnippet, unchecked_return_type = "Snippet")]
pub fn render_snippet(
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
    with_secret: bool,
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, string>")] comments: JsValue,
) -> Result<JsValue, JsValue> {
    let target: Target = from_js(target, "bad-target", "not a snippet target")?;
    let comments = comment_words(comments)?;
    let snippet = code::render(&profile(profile_value)?, target, with_secret, &comments);
    to_js(&snippet.map_err(refused)?)
}

/// `renderTemporarySnippet(profile, target, issued, comments?)` → the snippet with `issued` (what a
/// `temporary-key` flow's turn gave: `{kind: 'aksk', …, securityToken, expiresAt}` or `{kind:
/// 'bearer-token', accessToken, expiration}`) in place of the profile's own key, `expiresAt` said;
/// throws `{code, params}` as `renderSnippet` does.
#[wasm_bindgen(js_name = renderTemporarySnippet, unchecked_return_type = "Snippet")]
pub fn render_temporary_snippet(
    #[wasm_bindgen(unchecked_param_type = "Profile")] profile_value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] issued: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, string>")] comments: JsValue,
) -> Result<JsValue, JsValue> {
    let target: Target = from_js(target, "bad-target", "not a snippet target")?;
    let issued: ShortLived = from_js(issued, "bad-key", "not an issued key")?;
    let comments = comment_words(comments)?;
    let snippet = code::render_temporary(&profile(profile_value)?, target, issued, &comments);
    to_js(&snippet.map_err(refused)?)
}

//! JS exports for `crate::credentials`.

use super::{from_js, to_js};
use crate::credentials::download::{self, Download, ImportedFile};
use crate::credentials::{self, Import};
use crate::profile::{parse_ms, Credential};
use serde::Serialize;
use std::collections::BTreeMap;
use tsify_next::Tsify;
use wasm_bindgen::prelude::*;

/// An import as pages show it: its items and warnings, and for each item the instant of each date
/// the core reads (ms since the epoch), so a page writes it in the user's language.
#[derive(Serialize, Tsify)]
struct Shown<'a> {
    #[serde(flatten)]
    import: &'a Import,
    dates: Vec<BTreeMap<&'static str, i64>>,
}

/// Each item's dates (`createdAt`, `expiresAt`) as instants, read as the key age reads them (`parse_ms`).
fn item_dates(import: &Import) -> Vec<BTreeMap<&'static str, i64>> {
    let instants = |item: &Credential| {
        [
            ("createdAt", item.created_at()),
            ("expiresAt", item.expires_at()),
        ]
        .into_iter()
        .filter_map(|(field, text)| Some((field, parse_ms(text?)?)))
        .collect()
    };
    import.items.iter().map(instants).collect()
}

/// `parseCredentials(bytes, fileName?, language?)` → `{ items, warnings, dates }`, or throws
/// `{ code, params, line?, column? }`. `language` is the user's (`zh-CN`): the hint for a file
/// in a legacy code page.
#[wasm_bindgen(js_name = parseCredentials, unchecked_return_type = "Shown")]
pub fn parse_credentials(
    bytes: &[u8],
    file_name: Option<String>,
    language: Option<String>,
) -> Result<JsValue, JsValue> {
    let import =
        credentials::parse(bytes, file_name.as_deref(), language.as_deref()).map_err(|error| {
            // Its own `{code, params, line?, column?}`; a failed conversion throws `internal`.
            to_js(&error).unwrap_or_else(|internal| internal)
        })?;
    let dates = item_dates(&import);
    to_js(&Shown {
        import: &import,
        dates,
    })
}

/// The largest input `parseCredentials` accepts, so pages read no more of a file than that (plus one byte).
#[wasm_bindgen(js_name = importLimitBytes)]
pub fn import_limit_bytes() -> u32 {
    credentials::MAX_INPUT_BYTES as u32
}

/// `matchDownload(file, history, nowMs, offeredId?)` → `{ code, params, id? }`: which entry of the
/// download history (`downloads.search`'s items) is the imported `file` (`{name, size, lastModified}`),
/// if exactly one is (`code` `found`, with its `id`); else `several` or `not-found`. With `offeredId`
/// (the entry an offer named), `found` only if it is still that one, else `gone` or `changed`. Throws
/// `{ code: 'bad-download' }` for values of another shape.
#[wasm_bindgen(js_name = matchDownload, unchecked_return_type = "DownloadMatch")]
pub fn match_download(
    #[wasm_bindgen(unchecked_param_type = "ImportedFile")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Download[]")] history: JsValue,
    now_ms: f64,
    offered_id: Option<u32>,
) -> Result<JsValue, JsValue> {
    let file: ImportedFile = from_js(file, "bad-download", "a file is {name, size, lastModified}")?;
    let history: Vec<Download> = from_js(
        history,
        "bad-download",
        "a history is [{id, filename, state, exists, fileSize, startTime, endTime?}]",
    )?;
    let now_ms = now_ms as i64;
    to_js(&match offered_id {
        Some(offered) => download::recheck(&file, &history, now_ms, offered),
        None => download::find(&file, &history, now_ms),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ibm_keys_creation_time_is_read_as_an_instant() {
        let file = include_bytes!("../../tests/fixtures/credentials/ibm-apikey.json");
        let import = credentials::parse(file, Some("apikey.json"), None).unwrap();
        // 2026-11-23T10:00+0000, as IBM's console writes it.
        assert_eq!(
            item_dates(&import),
            [BTreeMap::from([("createdAt", 1_795_428_000_000)])]
        );
        let shown = serde_json::to_value(Shown {
            import: &import,
            dates: item_dates(&import),
        })
        .unwrap();
        assert_eq!(shown["items"][0]["createdAt"], "2026-11-23T10:00+0000");
        assert_eq!(shown["dates"][0]["createdAt"], 1_795_428_000_000_i64);
    }
}

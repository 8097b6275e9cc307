//! Typed reads of JSON text, through `serde_json::Value`. serde_json's text parser is generic
//! over the type it fills, so reading each type straight from text compiles the whole parser
//! once per type; read through `Value`, the parser is compiled once and each type keeps only its
//! own small walk over the tree. Moving the bindings' inputs here took 51 KB off the WASM
//! (`make bench`'s wasm_core_size); strings are moved out of the tree, not copied. Two reads skip
//! the tree: the signer's request, on its per-call path (`bindings::sign::from_js_direct`), and a page's
//! fields, thousands at a time (`bindings::fill::plan_fill`).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// `serde_json::from_str`, through a `Value` (see the module's note). Errors carry no position.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    T::deserialize(serde_json::from_str::<Value>(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Shape {
        access_key_id: String,
        #[serde(default)]
        region: Option<String>,
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for text in [
            r#"{"accessKeyId": "AK\u00e9", "region": null}"#,
            r#"{"accessKeyId": "AK", "region": "eu-west-0", "extra": [1, 2.5, {"x": true}]}"#,
            r#"{"region": "eu-west-0"}"#,
            r#"{"accessKeyId": 7}"#,
            r#"{"accessKeyId": "AK""#,
            "[]",
        ] {
            let direct = serde_json::from_str::<Shape>(text);
            let through_value = from_str::<Shape>(text);
            assert_eq!(direct.as_ref().ok(), through_value.as_ref().ok(), "{text}");
            assert_eq!(direct.is_err(), through_value.is_err(), "{text}");
        }
    }
}

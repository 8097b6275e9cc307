//! The core speaks in codes and parameters; the words live in `extension/_locales/*/messages.json`
//! and `extension/lib/words.js` renders them in the user's language. A code is stable kebab-case;
//! its parameters are named, typed values that never hold a secret (a length, a line, a region,
//! a bucket name — never a key, and never a parser's or the browser's own text).

use serde::Serialize;
use std::collections::BTreeMap;
use tsify_next::Tsify;

/// One parameter value. `Term` is the `_locales` key of a word the renderer shows in the user's
/// language (a field's label, a provider's name); `Coded` is a code the user may need as it is (a
/// region, a storage class) shown with its words beside it; `Quantity` is a number with a unit
/// (`hour`, `minute`…) that it spells with the browser's own `Intl.NumberFormat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum Param {
    Number(i64),
    Text(String),
    List(Vec<String>),
    Coded { term: String, code: String },
    Term { term: String },
    Quantity { amount: u64, unit: &'static str },
}

impl Param {
    /// The term `<prefix>_<id>`, e.g. `field_guid` or `provider_flexible_engine`.
    pub fn term(prefix: &str, id: &str) -> Param {
        Param::Term {
            term: locale_key(prefix, id),
        }
    }

    /// `code` with the words of `<prefix>_<code>` beside it when `known`, else the code alone.
    pub fn coded(prefix: &str, code: &str, known: bool) -> Param {
        match known {
            true => Param::Coded {
                term: locale_key(prefix, code),
                code: code.to_owned(),
            },
            false => Param::from(code),
        }
    }
}

impl From<usize> for Param {
    fn from(value: usize) -> Self {
        Param::Number(value as i64)
    }
}

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Param::Text(value.to_owned())
    }
}

impl From<String> for Param {
    fn from(value: String) -> Self {
        Param::Text(value)
    }
}

/// A code's parameters by name; serialized as a plain JSON object.
#[tsify_next::declare]
pub type Params = BTreeMap<&'static str, Param>;

/// Declares a code enum: each variant's kebab-case name and the parameter names its words use.
/// `ALL` lists every variant, so tests (and `allMessageCodes()`) can check the words of each.
macro_rules! message_codes {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$variant_meta:meta])* $variant:ident = $code:literal [$($param:ident),*],)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($(#[$variant_meta])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// The names of the parameters this code's words use.
            pub fn params(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$(stringify!($param)),*],)* }
            }
        }

        // Its TypeScript type, the union of its codes, in pkg/credfill.d.ts.
        const _: () = {
            #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
            const TS_APPEND_CONTENT: &'static str = concat!(
                "export type ", stringify!($name), " = ", $("\"", $code, "\" | ",)* "never;"
            );
        };

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use message_codes;

/// The parameters that count something. Their words choose a plural form by the language's rules,
/// written `{count, plural, one {# folder} other {# folders}}` (extension/lib/words.js).
pub const COUNTS: &[&str] = &["count", "length", "others", "expected", "size", "limit"];

/// The `_locales` key of a code: `<prefix>_<code>` with each `-` and each lower-to-upper step of
/// a camelCase code (a field's name) as `_` (the only separator `_locales` keys allow besides
/// letters and digits), in lower case: every key is written so (extension/lib/words.js `localeKey`).
pub fn locale_key(prefix: &str, code: &str) -> String {
    let mut key = format!("{prefix}_");
    let mut after_lower = false;
    for c in code.chars() {
        if c.is_ascii_uppercase() && after_lower {
            key.push('_');
        }
        after_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        key.extend(if c == '-' { '_' } else { c }.to_lowercase());
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_lower_case_words_joined_by_underscores() {
        assert_eq!(locale_key("error", "bad-json"), "error_bad_json");
        assert_eq!(locale_key("field", "accessKeyId"), "field_access_key_id");
        assert_eq!(
            locale_key("field", "iamServiceIdCrn"),
            "field_iam_service_id_crn"
        );
        assert_eq!(
            locale_key("storage_class", "DEEP_ARCHIVE"),
            "storage_class_deep_archive"
        );
        assert_eq!(locale_key("region", "cn-north-4"), "region_cn_north_4");
    }

    #[test]
    fn params_serialize_as_plain_json() {
        let params: Params = [
            ("count", Param::from(2usize)),
            ("region", Param::from("eu-west-0")),
            ("missing", Param::term("field", "guid")),
            (
                "duration",
                Param::Quantity {
                    amount: 2,
                    unit: "hour",
                },
            ),
        ]
        .into();
        assert_eq!(
            serde_json::to_value(&params).unwrap(),
            serde_json::json!({"count": 2, "region": "eu-west-0", "missing": {"term": "field_guid"},
                "duration": {"amount": 2, "unit": "hour"}})
        );
    }
}

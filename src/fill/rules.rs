//! Per-console fill rules, kept as data in `rules.json` so they can be corrected without touching
//! code when a console changes its DOM.

use super::field::FieldText;
use super::slot::{AnsweredBy, Slot};
use super::text::normalize;
use crate::profile::Provider;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const RULES_JSON: &str = include_str!("rules.json");

/// One way to recognise a slot's field. The first alternative (in file order) that matches a
/// field decides the confidence, so list the most specific first.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Selector {
    /// The element's `id`, case-insensitive.
    Id(String),
    /// The element's `name`, case-insensitive.
    Name(String),
    /// The element's `autocomplete` token, case-insensitive.
    Autocomplete(String),
    /// The whole label (or `aria-label`, placeholder), compared normalised.
    Label(String),
}

impl Selector {
    /// Exact attribute hits beat label text, which pages translate and reword.
    fn confidence(&self) -> f64 {
        match self {
            Selector::Id(_) => 1.0,
            Selector::Name(_) => 0.97,
            Selector::Autocomplete(_) => 0.93,
            Selector::Label(_) => 0.9,
        }
    }

    fn matches(&self, field: &FieldText) -> bool {
        match self {
            Selector::Id(id) => id.eq_ignore_ascii_case(&field.html_id),
            Selector::Name(name) => name.eq_ignore_ascii_case(&field.name),
            Selector::Autocomplete(token) => field
                .autocomplete
                .split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case(token)),
            // Normalised at load time, like the field's texts.
            Selector::Label(words) => field.label_texts().any(|text| text == words),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct FormRules {
    pub name: String,
    pub answered_by: AnsweredBy,
    pub slots: BTreeMap<Slot, Vec<Selector>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsoleRules {
    providers: Vec<Provider>,
    forms: Vec<FormRules>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(rename = "about")]
    _about: String,
    consoles: Vec<ConsoleRules>,
}

/// The forms known for one provider's consoles.
#[derive(Debug, Default)]
pub struct ProviderRules {
    pub forms: Vec<FormRules>,
}

impl ProviderRules {
    /// Every slot some form of this provider asks for: the only slots planned on its pages.
    pub fn slots(&self) -> impl Iterator<Item = Slot> + '_ {
        Slot::ALL
            .into_iter()
            .filter(|slot| self.forms.iter().any(|f| f.slots.contains_key(slot)))
    }

    /// The form the planned slots belong to: the one that asks for most of them (the first such
    /// in `rules.json` on a tie), so a page with an API key, an instance ID and a URL is the
    /// Watson Machine Learning form, not the OpenScale setup.
    pub fn form_of(&self, planned: &[Slot]) -> Option<&FormRules> {
        let asked = |form: &&FormRules| {
            planned
                .iter()
                .filter(|s| form.slots.contains_key(s))
                .count()
        };
        let best = self.forms.iter().map(|f| asked(&f)).max()?;
        self.forms.iter().find(|f| asked(f) == best)
    }

    /// The rule confidence that `field` is `slot`'s field, 0 when no rule says so.
    pub fn score(&self, field: &FieldText, slot: Slot) -> f64 {
        self.forms
            .iter()
            .filter_map(|form| form.slots.get(&slot))
            .filter_map(|selectors| selectors.iter().find(|s| s.matches(field)))
            .map(Selector::confidence)
            .fold(0.0, f64::max)
    }
}

/// The rules for `provider`'s consoles, parsed from `rules.json` on first use.
pub fn for_provider(provider: Provider) -> &'static ProviderRules {
    static RULES: OnceLock<BTreeMap<Provider, ProviderRules>> = OnceLock::new();
    static NONE: ProviderRules = ProviderRules { forms: Vec::new() };
    RULES
        .get_or_init(|| parse(RULES_JSON).expect("rules.json is checked by the tests"))
        .get(&provider)
        .unwrap_or(&NONE)
}

fn parse(json: &str) -> Result<BTreeMap<Provider, ProviderRules>, serde_json::Error> {
    let file: RulesFile = crate::json::from_str(json)?;
    let mut by_provider: BTreeMap<Provider, ProviderRules> = BTreeMap::new();
    for console in file.consoles {
        for form in &console.forms {
            for &provider in &console.providers {
                by_provider
                    .entry(provider)
                    .or_default()
                    .forms
                    .push(normalized(form));
            }
        }
    }
    Ok(by_provider)
}

/// A copy of `form` whose label selectors are normalised like field texts.
fn normalized(form: &FormRules) -> FormRules {
    let slots = form
        .slots
        .iter()
        .map(|(&slot, selectors)| {
            let selectors = selectors
                .iter()
                .map(|s| match s {
                    Selector::Label(words) => Selector::Label(normalize(words)),
                    other => other.clone(),
                })
                .collect();
            (slot, selectors)
        })
        .collect();
    FormRules {
        name: form.name.clone(),
        answered_by: form.answered_by,
        slots,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fill::field::FieldDescriptor;

    fn field(json: serde_json::Value) -> FieldText {
        let mut base = serde_json::json!({
            "id": "f", "tag": "input", "visible": true, "readOnly": false, "disabled": false,
            "frameUrl": "https://console.huaweicloud.com/", "frameSandboxed": false
        });
        base.as_object_mut()
            .unwrap()
            .extend(json.as_object().unwrap().clone());
        FieldText::new(&serde_json::from_value::<FieldDescriptor>(base).unwrap())
    }

    #[test]
    fn embedded_rules_parse_and_cover_every_provider() {
        let rules = parse(RULES_JSON).unwrap();
        for provider in [Provider::Huawei, Provider::FlexibleEngine, Provider::Ibm] {
            assert!(!rules[&provider].forms.is_empty(), "{provider:?}");
        }
        let huawei: Vec<Slot> = for_provider(Provider::Huawei).slots().collect();
        assert_eq!(huawei, [Slot::AccessKeyId, Slot::SecretAccessKey]);
        assert_eq!(for_provider(Provider::Ibm).slots().count(), Slot::ALL.len());
    }

    #[test]
    fn rejects_unknown_slots_and_selector_kinds() {
        let bad_slot = r#"{"about":"","consoles":[{"providers":["ibm"],"forms":[{"name":"x","slots":{"pin":[]}}]}]}"#;
        let bad_kind = r#"{"about":"","consoles":[{"providers":["ibm"],"forms":[{"name":"x","slots":{"url":[{"css":".u"}]}}]}]}"#;
        assert!(parse(bad_slot).is_err());
        assert!(parse(bad_kind).is_err());
    }

    #[test]
    fn first_matching_alternative_decides() {
        let rules = for_provider(Provider::Huawei);
        let by_id = field(serde_json::json!({"htmlId": "AK", "labels": ["AK"]}));
        assert_eq!(rules.score(&by_id, Slot::AccessKeyId), 1.0);
        let by_label = field(serde_json::json!({"labels": ["* 访问密钥ID："]}));
        assert_eq!(rules.score(&by_label, Slot::AccessKeyId), 0.9);
        assert_eq!(rules.score(&by_label, Slot::SecretAccessKey), 0.0);
        let fr = field(serde_json::json!({"ariaLabel": "Clé d’accès secrète"}));
        assert_eq!(rules.score(&fr, Slot::SecretAccessKey), 0.9);
        assert_eq!(rules.score(&fr, Slot::AccessKeyId), 0.0);
    }

    #[test]
    fn autocomplete_matches_any_token() {
        let rules = for_provider(Provider::Ibm);
        let f = field(serde_json::json!({"autocomplete": "section-x current-password"}));
        assert_eq!(rules.score(&f, Slot::Password), 0.93);
    }
}

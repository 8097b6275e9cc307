//! The fallback when no rule knows a field: score each slot from the words around the field
//! (English, French, Chinese), weighted by where the words were found, then nudged by the input
//! type. Always below the rules' confidence, so a rule wins when both speak.

use super::field::{FieldText, Source};
use super::slot::Slot;
use super::text::normalize;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;
use std::sync::OnceLock;

/// Highest confidence a heuristic may give (rules start at 0.9).
const MAX_HEURISTIC: f64 = 0.85;

/// Words that name a slot, with how surely they do.
const CUES: &[(Slot, &[(&str, f64)])] = &[
    (
        Slot::AccessKeyId,
        &[
            ("access key id", 0.85),
            ("access key", 0.7),
            ("accesskey", 0.65),
            ("ak", 0.75),
            ("key id", 0.55),
            ("identifiant de clé d accès", 0.85),
            ("id de clé d accès", 0.85),
            ("clé d accès", 0.75),
            ("访问密钥id", 0.85),
            ("访问密钥", 0.75),
        ],
    ),
    (
        Slot::SecretAccessKey,
        &[
            ("secret access key", 0.85),
            ("secret key", 0.8),
            ("secretkey", 0.75),
            ("sk", 0.75),
            ("clé d accès secrète", 0.85),
            ("clé secrète", 0.8),
            ("秘密访问密钥", 0.85),
            ("私有访问密钥", 0.8),
        ],
    ),
    (
        Slot::ApiKey,
        &[
            ("api key", 0.85),
            ("apikey", 0.8),
            ("clé d api", 0.85),
            ("clé api", 0.8),
            ("api密钥", 0.85),
        ],
    ),
    (
        Slot::InstanceId,
        &[
            ("service instance id", 0.85),
            ("instance id", 0.8),
            ("instance guid", 0.8),
            ("data mart id", 0.85),
            ("datamart id", 0.85),
            ("guid", 0.65),
            ("data mart", 0.65),
            ("id d instance", 0.8),
            ("identifiant d instance", 0.8),
            ("实例id", 0.8),
        ],
    ),
    (
        Slot::Url,
        &[
            ("service url", 0.8),
            ("url", 0.75),
            ("endpoint", 0.65),
            ("adresse url", 0.8),
            ("地址", 0.6),
        ],
    ),
    (
        Slot::ClientId,
        &[
            ("client id", 0.85),
            ("application id", 0.7),
            ("id client", 0.8),
            ("identifiant client", 0.8),
            ("客户端id", 0.8),
        ],
    ),
    (
        Slot::ClientSecret,
        &[
            ("client secret", 0.85),
            ("secret client", 0.8),
            ("application secret", 0.75),
            ("客户端密钥", 0.8),
        ],
    ),
    (
        Slot::TenantId,
        &[
            ("tenant id", 0.85),
            ("tenant", 0.75),
            ("directory id", 0.65),
            ("id de locataire", 0.8),
            ("locataire", 0.75),
            ("租户", 0.75),
        ],
    ),
    (
        Slot::SubscriptionId,
        &[
            ("subscription id", 0.85),
            ("subscription", 0.75),
            ("id d abonnement", 0.8),
            ("abonnement", 0.75),
            ("订阅", 0.75),
        ],
    ),
    (
        Slot::Region,
        &[
            ("region", 0.75),
            ("région", 0.75),
            ("区域", 0.75),
            ("地域", 0.75),
        ],
    ),
    (
        Slot::Username,
        &[
            ("username", 0.8),
            ("user name", 0.8),
            ("user id", 0.65),
            ("login", 0.6),
            ("nom d utilisateur", 0.8),
            ("用户名", 0.8),
        ],
    ),
    (
        Slot::Password,
        &[("password", 0.8), ("mot de passe", 0.8), ("密码", 0.8)],
    ),
    (
        Slot::DeploymentId,
        &[
            ("deployment id", 0.85),
            ("id de déploiement", 0.85),
            ("部署id", 0.8),
        ],
    ),
    (
        Slot::BindingId,
        &[
            ("binding id", 0.85),
            ("service provider id", 0.8),
            ("id de liaison", 0.85),
            ("绑定id", 0.8),
        ],
    ),
];

/// Words that, next to a cue, mean another slot (`Secret Access Key` holds `access key`).
const VETOES: &[(Slot, &[&str])] = &[
    (
        Slot::AccessKeyId,
        &["secret", "secrète", "sk", "秘密", "私有"],
    ),
    (Slot::ApiKey, &["secret"]),
    (Slot::InstanceId, &["client", "tenant", "subscription"]),
    (Slot::Username, &["password", "mot de passe"]),
];

/// How much a word found in each place says about the field.
fn source_weight(source: Source) -> f64 {
    match source {
        Source::Label => 1.0,
        Source::Placeholder => 0.9,
        Source::Identifier => 0.85,
        Source::Nearby => 0.7,
    }
}

/// What a phrase found in a field's text says.
#[derive(Clone, Copy)]
enum Meaning {
    Cue(Slot, f64),
    Veto(Slot),
}

/// Every cue and veto phrase, normalised like field texts, in one automaton so that a text is
/// scanned once for all of them (2,000-field pages must plan in a few milliseconds). The plain
/// NFA, not `AhoCorasick`, which picks among three automata at run time so that all three ship:
/// about 35 KB less WASM for a 2,000-field plan about a tenth slower (4.3 against 3.9 ms native,
/// `make bench`'s plan_2000_fields).
struct Vocabulary {
    phrases: NFA,
    meanings: Vec<Meaning>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let cues = CUES.iter().flat_map(|&(slot, cues)| {
            cues.iter()
                .map(move |&(phrase, weight)| (phrase, Meaning::Cue(slot, weight)))
        });
        let vetoes = VETOES
            .iter()
            .flat_map(|&(slot, words)| words.iter().map(move |&w| (w, Meaning::Veto(slot))));
        let (phrases, meanings): (Vec<String>, Vec<Meaning>) = cues
            .chain(vetoes)
            .map(|(phrase, meaning)| (normalize(phrase), meaning))
            .unzip();
        Vocabulary {
            phrases: NFA::new(phrases).expect("a few hundred short phrases"),
            meanings,
        }
    })
}

/// The heuristic confidence, per [`Slot::index`], that `field` is each slot's field, each in
/// `0.0..=MAX_HEURISTIC`. Nearby text never names a secret slot: it is page content (a resource
/// name, a description) that whoever wrote it controls, so a secret needs words from the field
/// itself (label, `aria-label`, placeholder, `id`, `name`).
pub fn scores(field: &FieldText) -> [f64; Slot::ALL.len()] {
    let mut best = [0.0f64; Slot::ALL.len()];
    for (source, text) in &field.texts {
        let (cue, vetoed) = cues(text);
        for slot in Slot::ALL {
            let i = slot.index();
            let hearsay = *source == Source::Nearby && slot.is_secret();
            if !vetoed[i] && !hearsay {
                best[i] = best[i].max(cue[i] * source_weight(*source));
            }
        }
    }
    Slot::ALL
        .map(|slot| adjust_for_type(&field.input_type, slot, best[slot.index()]).min(MAX_HEURISTIC))
}

/// The secret slot that the page text beside `field` names, if any: never enough to fill it
/// ([`scores`]), but enough to tell the user that a field which looks like it stayed empty.
pub fn page_text_names_secret(field: &FieldText) -> Option<Slot> {
    let mut found: Option<(Slot, f64)> = None;
    for (_, text) in field.texts.iter().filter(|(s, _)| *s == Source::Nearby) {
        let (cue, vetoed) = cues(text);
        for slot in Slot::ALL.into_iter().filter(|s| s.is_secret()) {
            let score = cue[slot.index()];
            if !vetoed[slot.index()] && score > found.map_or(0.0, |(_, best)| best) {
                found = Some((slot, score));
            }
        }
    }
    found.map(|(slot, _)| slot)
}

/// Each slot's strongest cue in `text`, and whether a veto word for it is there.
fn cues(text: &str) -> ([f64; Slot::ALL.len()], [bool; Slot::ALL.len()]) {
    let vocabulary = vocabulary();
    let mut cue = [0.0f64; Slot::ALL.len()];
    let mut vetoed = [false; Slot::ALL.len()];
    // Overlapping: " access key id " must also report " key id " and " access key ".
    let found_all = vocabulary
        .phrases
        .try_find_overlapping_iter(aho_corasick::Input::new(text));
    for found in found_all.expect("overlapping search needs the standard match kind, the default") {
        match vocabulary.meanings[found.pattern().as_usize()] {
            Meaning::Cue(slot, weight) => cue[slot.index()] = cue[slot.index()].max(weight),
            Meaning::Veto(slot) => vetoed[slot.index()] = true,
        }
    }
    (cue, vetoed)
}

/// A masked input is evidence for a secret and against anything else; `type=url` for a URL.
fn adjust_for_type(input_type: &str, slot: Slot, score: f64) -> f64 {
    match input_type {
        "password" if slot.is_secret() && score > 0.0 => score + 0.05,
        "password" if !slot.is_secret() => score * 0.6,
        "url" if slot == Slot::Url => score.max(0.6) + 0.05,
        _ => score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fill::field::FieldDescriptor;

    fn best(field: serde_json::Value) -> Option<(Slot, f64)> {
        let mut base = serde_json::json!({
            "id": "f", "tag": "input", "visible": true, "readOnly": false, "disabled": false,
            "frameUrl": "https://console.huaweicloud.com/", "frameSandboxed": false
        });
        base.as_object_mut()
            .unwrap()
            .extend(field.as_object().unwrap().clone());
        let text = FieldText::new(&serde_json::from_value::<FieldDescriptor>(base).unwrap());
        let scores = scores(&text);
        Slot::ALL
            .into_iter()
            .map(|slot| (slot, scores[slot.index()]))
            .filter(|&(_, s)| s > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn slot_of(field: serde_json::Value) -> Option<Slot> {
        best(field).map(|(slot, _)| slot)
    }

    #[test]
    fn recognises_labels_in_three_languages() {
        use serde_json::json;
        for (field, expected) in [
            (json!({"labels": ["Access Key Id"]}), Slot::AccessKeyId),
            (json!({"labels": ["AK"]}), Slot::AccessKeyId),
            (
                json!({"placeholder": "Enter your access key"}),
                Slot::AccessKeyId,
            ),
            (json!({"labels": ["Clé d'accès"]}), Slot::AccessKeyId),
            (json!({"labels": ["访问密钥"]}), Slot::AccessKeyId),
            (
                json!({"labels": ["Secret Access Key"]}),
                Slot::SecretAccessKey,
            ),
            (
                json!({"labels": ["SK"], "type": "password"}),
                Slot::SecretAccessKey,
            ),
            (json!({"labels": ["Clé secrète"]}), Slot::SecretAccessKey),
            (
                json!({"labels": ["请输入秘密访问密钥"]}),
                Slot::SecretAccessKey,
            ),
            (
                json!({"ariaLabel": "API key", "type": "password"}),
                Slot::ApiKey,
            ),
            (json!({"labels": ["Clé d'API"]}), Slot::ApiKey),
            (json!({"labels": ["Instance ID"]}), Slot::InstanceId),
            (json!({"labels": ["Data mart ID"]}), Slot::InstanceId),
            (
                json!({"labels": ["Service instance GUID"]}),
                Slot::InstanceId,
            ),
            (json!({"labels": ["Client ID"]}), Slot::ClientId),
            (
                json!({"labels": ["Client secret"], "type": "password"}),
                Slot::ClientSecret,
            ),
            (json!({"labels": ["Tenant"]}), Slot::TenantId),
            (json!({"labels": ["Subscription"]}), Slot::SubscriptionId),
            (json!({"labels": ["Région"]}), Slot::Region),
            (json!({"name": "userName"}), Slot::Username),
            (
                json!({"labels": ["Mot de passe"], "type": "password"}),
                Slot::Password,
            ),
            (json!({"type": "url"}), Slot::Url),
        ] {
            assert_eq!(slot_of(field.clone()), Some(expected), "{field}");
        }
    }

    #[test]
    fn unrelated_fields_score_nothing() {
        use serde_json::json;
        for field in [
            json!({"labels": ["Description"]}),
            json!({"name": "task"}),
            json!({"type": "password"}),
            json!({"labels": ["Search"], "type": "search"}),
        ] {
            assert_eq!(best(field.clone()), None, "{field}");
        }
    }

    #[test]
    fn where_the_words_are_found_sets_the_confidence() {
        use serde_json::json;
        let (_, labelled) = best(json!({"labels": ["Access Key ID"]})).unwrap();
        let (_, nearby) = best(json!({"nearbyText": "Access Key ID"})).unwrap();
        assert!(labelled > nearby);
        assert!(labelled <= MAX_HEURISTIC);
        let (slot, masked) = best(json!({"labels": ["AK"], "type": "password"})).unwrap();
        assert_eq!(slot, Slot::AccessKeyId);
        assert!(masked < 0.5, "a masked AK field is suspicious: {masked}");
    }

    #[test]
    fn nearby_text_alone_never_names_a_secret() {
        use serde_json::json;
        for field in [
            json!({"nearbyText": "Secret Access Key"}),
            json!({"nearbyText": "API key", "type": "password"}),
            json!({"nearbyText": "Client secret"}),
            json!({"nearbyText": "Password", "type": "password"}),
        ] {
            assert_eq!(best(field.clone()), None, "{field}");
        }
        let (slot, _) = best(json!({"nearbyText": "Access Key ID"})).unwrap();
        assert_eq!(
            slot,
            Slot::AccessKeyId,
            "non-secret slots still read nearby text"
        );
    }
}

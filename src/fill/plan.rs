//! The fill plan: which field receives which profile value, or why nothing may be filled.
//!
//! Provider rule: a profile fills only pages of its own provider. Huawei Cloud and Orange
//! Flexible Engine keys look alike (AK/SK) but are issued by two operators' separate IAMs: a
//! Huawei key typed into Orange's console would not work and would hand it to another company,
//! so `huawei` and `flexible-engine` are never mixed, and neither ever meets `ibm`.
//!
//! Frame rule: each field names its frame, which passes the origin policy ([`frame_decision`]).
//! Fields of the console's own origin are matched first and filled at once; a cross-origin
//! frame's field only competes for the slots they leave empty, and is filled once the user
//! confirmed its origin ([`FillPlan::confirm_frame`]).

use super::assign::best_assignment;
use super::field::{FieldDescriptor, FieldText};
use super::heuristics;
use super::origin::{frame_decision, match_console, ConsoleMatch, ExtraHost, FrameDecision};
use super::rules;
use super::slot::{slot_values, Slot};
use crate::profile::Profile;
use crate::secret::Secret;
use crate::words::{message_codes, Params};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use tsify_next::Tsify;

/// Below this a match is a guess: the field is left empty and reported.
pub const MIN_CONFIDENCE: f64 = 0.55;

#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    /// The tab's URL: it decides whether the page is a console at all. Each field names its own
    /// frame (`frameUrl`), checked against this.
    pub top_url: String,
    /// The WASM binding builds them from each frame's text ([`super::page_fields`]).
    #[serde(default)]
    pub fields: Vec<FieldDescriptor>,
    /// The profile as the vault stores it; its slot values come from [`slot_values`].
    pub profile: Profile,
    #[serde(default)]
    pub extra_hosts: Vec<ExtraHost>,
    /// The cross-origin frame origin the user agreed to fill, after a plan asked for it
    /// ([`FillPlan::confirm_frame`]).
    #[serde(default)]
    pub confirmed_frame_origin: Option<String>,
    /// Values the user picked in credfill for this fill (an OpenScale ID from the IDs tree); they
    /// answer before the profile's. Never a secret slot: secrets come from the vault only.
    #[serde(default)]
    pub chosen: BTreeMap<Slot, String>,
}

#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FillPlan {
    pub console: Option<ConsoleMatch>,
    /// In page order.
    pub fills: Vec<PlannedFill>,
    /// In page order.
    pub skipped: Vec<Skipped>,
    /// Slots the page asks for that the profile has no value for.
    pub missing: Vec<Slot>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
    /// The origin (`https://host[:port]`) of a cross-origin frame whose fields are the only
    /// candidates for a slot still empty: ask the user, then plan again with it confirmed.
    /// The plan's `fills` do not wait for that answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirm_frame: Option<String>,
}

// tsify leaves out a field that is not read back (`skip_deserializing`): a plan's fills have it.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_PLANNED_FILL_VALUE: &str = "export interface PlannedFill { value?: Secret; }";

/// Read back (without its value) by [`super::report`].
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PlannedFill {
    pub field_id: String,
    pub slot: Slot,
    /// The page's own name for the field ([`FieldDescriptor::shown_name`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_deserializing)]
    pub value: Secret,
    #[serde(default)]
    pub confidence: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub field_id: String,
    pub reason: SkipReason,
    /// The slot the field looked like.
    pub slot: Slot,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    Disabled,
    ReadOnly,
    Hidden,
    FrameRefused,
    FrameNeedsConfirmation,
    /// Best match below [`MIN_CONFIDENCE`].
    LowConfidence,
    /// Another field fitted the same slot better, or a field of the console's own origin fits it.
    SlotTaken,
    /// The profile has no value for the slot (it is then also in `missing`).
    NoValue,
    /// A visible field that looks like a secret's (masked, or page text beside it names one)
    /// stayed empty while the form got other values: its only caption is page text, which never
    /// names a secret slot, so the user is told to paste it.
    CaptionIsPageText,
    /// Found by the content script at typing time: the field left the page, is no longer a
    /// text entry, or its document navigated away since it was planned.
    Gone,
    /// The field's type changed after it was planned (a password field turned into a search box).
    Changed,
    NotText,
    Navigated,
}

#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub code: RefusalCode,
    pub params: Params,
}

message_codes! {
    /// Why a page is not filled at all; the words are `fill_refusal_<code>` in `_locales`.
    pub enum RefusalCode {
        NotAConsole = "not-a-console" [],
        ProviderMismatch = "provider-mismatch" [profileProvider, consoleProvider],
    }
}

/// Plans the fill of `input.fields` with `input.profile` (see the module doc for the rules).
pub fn plan_fill(input: &PlanInput) -> FillPlan {
    let Some(console) = match_console(&input.top_url, &input.extra_hosts) else {
        return FillPlan::refused(None, RefusalCode::NotAConsole, Params::new());
    };
    if input.profile.provider != console.provider {
        let params = Params::from([
            ("profileProvider", input.profile.provider.term()),
            ("consoleProvider", console.provider.term()),
        ]);
        return FillPlan::refused(Some(console), RefusalCode::ProviderMismatch, params);
    }
    plan_fields(input, console)
}

/// A field confident enough to compete for a slot, with its score per slot.
struct Candidate<'a> {
    field: &'a FieldDescriptor,
    scores: Vec<f64>,
    /// For a field in a cross-origin frame the policy lets the user confirm: that frame's origin.
    cross_origin: Option<String>,
}

impl Candidate<'_> {
    /// Zeroes the scores of slots `form` does not ask for, when the field fits one it does.
    fn keep_slots_of(&mut self, slots: &[Slot], form: &rules::FormRules) {
        let in_form = |slot: &Slot| form.slots.contains_key(slot);
        let fits_form = slots
            .iter()
            .zip(&self.scores)
            .any(|(slot, &score)| score > 0.0 && in_form(slot));
        if fits_form {
            for (slot, score) in slots.iter().zip(self.scores.iter_mut()) {
                if !in_form(slot) {
                    *score = 0.0;
                }
            }
        }
    }
}

/// Matches the fields to slots by the rules and heuristics, under the frame rule (module doc).
fn plan_fields(input: &PlanInput, console: ConsoleMatch) -> FillPlan {
    let rules = rules::for_provider(console.provider);
    let slots: Vec<Slot> = rules.slots().collect();
    let mut plan = FillPlan {
        console: Some(console),
        fills: Vec::new(),
        skipped: Vec::new(),
        missing: Vec::new(),
        refused: None,
        confirm_frame: None,
    };
    let (mut own, mut cross) = (Vec::new(), Vec::new());
    // A page's fields share a few frames: each frame's URL is checked once.
    let mut standings = HashMap::new();
    for field in input.fields.iter().filter(|f| f.is_text_entry()) {
        let text = FieldText::new(field);
        let guesses = heuristics::scores(&text);
        let scores: Vec<f64> = slots
            .iter()
            .map(|&slot| {
                if slot.is_secret() && !field.may_take_secret() {
                    return 0.0;
                }
                rules.score(&text, slot).max(guesses[slot.index()])
            })
            .collect();
        let Some((best_slot, best)) = best_of(&slots, &scores) else {
            continue;
        };
        let standing = standings
            .entry((field.frame_url.as_str(), field.frame_sandboxed))
            .or_insert_with(|| frame_standing(input, field))
            .clone();
        let blocked = unavailable(field).or(standing.as_ref().err().copied());
        let reason = match blocked {
            Some(reason) if best >= MIN_CONFIDENCE => reason,
            Some(_) => continue,
            None if best < MIN_CONFIDENCE => SkipReason::LowConfidence,
            None => {
                let scores = scores
                    .iter()
                    .map(|&s| if s >= MIN_CONFIDENCE { s } else { 0.0 })
                    .collect();
                let cross_origin = standing.expect("not blocked");
                let tier = if cross_origin.is_some() {
                    &mut cross
                } else {
                    &mut own
                };
                tier.push(Candidate {
                    field,
                    scores,
                    cross_origin,
                });
                continue;
            }
        };
        plan.skip(field, reason, best_slot);
    }

    // The slots the page shows tell which form this is, and the form which credential answers
    // it. A read-only or disabled field (WML's prefilled URL) still tells the form.
    let shown = plan
        .skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::ReadOnly | SkipReason::Disabled))
        .map(|s| s.slot);
    let mut likely: Vec<Slot> = own
        .iter()
        .chain(&cross)
        .filter_map(|c| best_of(&slots, &c.scores).map(|(slot, _)| slot))
        .chain(shown)
        .collect();
    likely.sort_unstable();
    likely.dedup();
    let form = rules.form_of(&likely);
    let mut values = form
        .map(|form| slot_values(&input.profile, form.answered_by))
        .unwrap_or_default();
    for (&slot, value) in &input.chosen {
        if !slot.is_secret() && !value.is_empty() {
            values.insert(slot, Secret::from(value.as_str()));
        }
    }
    // Two forms may name a field alike (Azure's subscription ID and OpenScale's): the form the
    // page shows decides which slot such a field is.
    if let Some(form) = form {
        for candidate in own.iter_mut().chain(cross.iter_mut()) {
            candidate.keep_slots_of(&slots, form);
        }
    }

    let taken = plan.assign(&own, &slots, &values, input, &vec![false; slots.len()]);
    plan.assign(&cross, &slots, &values, input, &taken);
    plan.report_unseen_secrets(input, &values);

    let position: HashMap<&str, usize> = input
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    plan.fills.sort_by_key(|f| position[f.field_id.as_str()]);
    plan.skipped.sort_by_key(|s| position[s.field_id.as_str()]);
    plan.missing.sort_unstable();
    plan.missing.dedup();
    plan
}

/// Whether a field's frame may be filled: `Ok(None)` for the console's own origin,
/// `Ok(Some(origin))` for a cross-origin frame the user may confirm, `Err` when refused.
fn frame_standing(
    input: &PlanInput,
    field: &FieldDescriptor,
) -> Result<Option<String>, SkipReason> {
    let decision = frame_decision(
        &input.top_url,
        &field.frame_url,
        field.frame_sandboxed,
        &input.extra_hosts,
    );
    match decision {
        FrameDecision::Allow => Ok(None),
        FrameDecision::Confirm { origin } => Ok(Some(origin)),
        FrameDecision::Refuse { .. } => Err(SkipReason::FrameRefused),
    }
}

/// The best-scoring slot, if any scores above zero.
fn best_of(slots: &[Slot], scores: &[f64]) -> Option<(Slot, f64)> {
    slots
        .iter()
        .zip(scores)
        .filter(|(_, &score)| score > 0.0)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(&slot, &score)| (slot, score))
}

/// Fields a user could not type into are never filled, whatever they look like.
fn unavailable(field: &FieldDescriptor) -> Option<SkipReason> {
    if field.disabled {
        Some(SkipReason::Disabled)
    } else if field.read_only {
        Some(SkipReason::ReadOnly)
    } else if !field.visible {
        Some(SkipReason::Hidden)
    } else {
        None
    }
}

impl FillPlan {
    fn refused(console: Option<ConsoleMatch>, code: RefusalCode, params: Params) -> Self {
        FillPlan {
            console,
            fills: Vec::new(),
            skipped: Vec::new(),
            missing: Vec::new(),
            refused: Some(Refusal { code, params }),
            confirm_frame: None,
        }
    }

    /// Matches `candidates` to the slots not yet `taken` (one field per slot, the largest total
    /// confidence), fills or skips each, and returns the slots taken now or before.
    fn assign(
        &mut self,
        candidates: &[Candidate],
        slots: &[Slot],
        values: &std::collections::BTreeMap<Slot, Secret>,
        input: &PlanInput,
        taken: &[bool],
    ) -> Vec<bool> {
        let scores: Vec<Vec<f64>> = candidates
            .iter()
            .map(|c| {
                c.scores
                    .iter()
                    .zip(taken)
                    .map(|(&s, &taken)| if taken { 0.0 } else { s })
                    .collect()
            })
            .collect();
        let mut assigned: Vec<Option<usize>> = vec![None; candidates.len()];
        for (candidate, slot_index) in best_assignment(&scores, slots.len()) {
            assigned[candidate] = Some(slot_index);
        }
        let mut now_taken = taken.to_vec();
        for (candidate, slot_index) in candidates.iter().zip(assigned) {
            let field = candidate.field;
            let Some(slot_index) = slot_index else {
                let (best_slot, _) = best_of(slots, &candidate.scores).expect("candidates score");
                self.skip(field, SkipReason::SlotTaken, best_slot);
                continue;
            };
            now_taken[slot_index] = true;
            let slot = slots[slot_index];
            let Some(value) = values.get(&slot) else {
                self.skip(field, SkipReason::NoValue, slot);
                self.missing.push(slot);
                continue;
            };
            if let Some(origin) = &candidate.cross_origin {
                if input.confirmed_frame_origin.as_ref() != Some(origin) {
                    self.skip(field, SkipReason::FrameNeedsConfirmation, slot);
                    self.confirm_frame.get_or_insert_with(|| origin.clone());
                    continue;
                }
            }
            self.fills.push(PlannedFill {
                field_id: field.id.clone(),
                slot,
                label: field.shown_name(),
                value: value.clone(),
                confidence: (candidate.scores[slot_index] * 1000.0).round() / 1000.0,
            });
        }
        now_taken
    }

    /// When the form got some of its values, every visible field that looks like a secret's and
    /// that the plan neither filled nor skipped is reported with the secret it looks like (else
    /// the first secret the form still lacks): otherwise such a form reads as a success with its
    /// SK field silently empty. Only fields of a frame that received a value count (the form).
    fn report_unseen_secrets(&mut self, input: &PlanInput, values: &BTreeMap<Slot, Secret>) {
        let filled_slots: Vec<Slot> = self.fills.iter().map(|f| f.slot).collect();
        let lacking: Vec<Slot> = values
            .keys()
            .copied()
            .filter(|slot| slot.is_secret() && !filled_slots.contains(slot))
            .collect();
        let Some(&first_lacking) = lacking.first() else {
            return;
        };
        let by_id: HashMap<&str, &FieldDescriptor> =
            input.fields.iter().map(|f| (f.id.as_str(), f)).collect();
        let frames: Vec<&str> = self
            .fills
            .iter()
            .filter_map(|f| by_id.get(f.field_id.as_str()))
            .map(|f| f.frame_url.as_str())
            .collect();
        // A set: on a page of thousands of skipped fields, scanning the plan per field is quadratic.
        let seen: HashSet<&str> = (self.fills.iter().map(|f| f.field_id.as_str()))
            .chain(self.skipped.iter().map(|s| s.field_id.as_str()))
            .collect();
        let unseen: Vec<(&FieldDescriptor, Slot)> = input
            .fields
            .iter()
            .filter(|f| f.is_text_entry() && f.may_take_secret() && unavailable(f).is_none())
            .filter(|f| frames.contains(&f.frame_url.as_str()) && !seen.contains(f.id.as_str()))
            .filter_map(|f| {
                let named = heuristics::page_text_names_secret(&FieldText::new(f))
                    .filter(|slot| lacking.contains(slot));
                let masked = f.input_type() == "password";
                named
                    .or(masked.then_some(first_lacking))
                    .map(|slot| (f, slot))
            })
            .collect();
        for (field, slot) in unseen {
            self.skip(field, SkipReason::CaptionIsPageText, slot);
        }
    }

    fn skip(&mut self, field: &FieldDescriptor, reason: SkipReason, slot: Slot) {
        self.skipped.push(Skipped {
            field_id: field.id.clone(),
            reason,
            slot,
            label: field.shown_name(),
        });
    }
}

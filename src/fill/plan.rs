//! The fill plan: which field receives which profile value, or why nothing may be filled.
//!
//! Provider rule: a profile fills only pages of its own provider. Huawei Cloud and Orange
//! Flexible Engine keys look alike (AK/SK) but are issued by two operators' separate IAMs: a
//! Huawei key typed into Orange's console would not work and would hand it to another company,
//! so `huawei` and `flexible-engine` are never mixed, and neither ever meets `ibm`.

use super::assign::best_assignment;
use super::field::{FieldDescriptor, FieldText};
use super::heuristics;
use super::origin::{frame_decision, match_console, ConsoleMatch, ExtraHost, FrameDecision};
use super::rules;
use super::slot::{slot_values, Slot};
use crate::secret::Secret;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

/// Below this a match is a guess: the field is left empty and reported.
pub const MIN_CONFIDENCE: f64 = 0.55;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    /// URL of the frame the fields were collected in (the tab's URL for the top frame).
    pub url: String,
    pub top_url: String,
    pub fields: Vec<FieldDescriptor>,
    /// The profile as the vault stores it; its slot values come from [`slot_values`].
    pub profile: Profile,
    #[serde(default)]
    pub extra_hosts: Vec<ExtraHost>,
    /// Whether the frame at `url` is sandboxed.
    #[serde(default)]
    pub frame_sandboxed: bool,
    /// The cross-origin frame origin the user agreed to fill, after a `frame-needs-confirmation`.
    #[serde(default)]
    pub confirmed_frame_origin: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FillPlan {
    pub console: Option<ConsoleMatch>,
    /// In page order.
    pub fills: Vec<PlannedFill>,
    pub skipped: Vec<Skipped>,
    /// Slots the page asks for that the profile has no value for.
    pub missing: Vec<Slot>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedFill {
    pub field_id: String,
    pub slot: Slot,
    pub value: Secret,
    pub confidence: f64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub field_id: String,
    pub reason: SkipReason,
    /// The slot the field looked like.
    pub slot: Slot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    Disabled,
    ReadOnly,
    Hidden,
    FrameRefused,
    FrameNeedsConfirmation,
    /// Best match below [`MIN_CONFIDENCE`].
    LowConfidence,
    /// Another field fitted the same slot better.
    SlotTaken,
    /// The profile has no value for the slot (it is then also in `missing`).
    NoValue,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub code: RefusalCode,
    pub message: String,
    /// For `frame-needs-confirmation`: the origin to name when asking the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame_origin: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefusalCode {
    NotAConsole,
    ProviderMismatch,
    FrameRefused,
    FrameNeedsConfirmation,
}

/// Plans the fill of `input.fields` with `input.profile` (see the module doc for the rules).
pub fn plan_fill(input: &PlanInput) -> FillPlan {
    let Some(console) = match_console(&input.top_url, &input.extra_hosts) else {
        return FillPlan::refused(
            None,
            RefusalCode::NotAConsole,
            "this page is not a known console".into(),
            None,
        );
    };
    if input.profile.provider != console.provider {
        let message = format!(
            "a {} profile is never filled into a {} console",
            input.profile.provider.name(),
            console.provider.name()
        );
        return FillPlan::refused(Some(console), RefusalCode::ProviderMismatch, message, None);
    }
    match frame_gate(input, &input.url, input.frame_sandboxed) {
        Ok(()) => {}
        Err(FrameBlock::Refused(message)) => {
            return FillPlan::refused(Some(console), RefusalCode::FrameRefused, message, None)
        }
        Err(FrameBlock::NeedsConfirmation(origin)) => {
            let message =
                format!("filling into a frame from {origin} needs the user's confirmation");
            return FillPlan::refused(
                Some(console),
                RefusalCode::FrameNeedsConfirmation,
                message,
                Some(origin),
            );
        }
    }
    plan_fields(input, console)
}

fn plan_fields(input: &PlanInput, console: ConsoleMatch) -> FillPlan {
    let rules = rules::for_provider(console.provider);
    let slots: Vec<Slot> = rules.slots().collect();
    let mut plan = FillPlan {
        console: Some(console),
        fills: Vec::new(),
        skipped: Vec::new(),
        missing: Vec::new(),
        refused: None,
    };
    // Fields confident enough to compete for a slot, with their score per slot in `slots`.
    let mut candidates: Vec<(&FieldDescriptor, Vec<f64>)> = Vec::new();
    for field in input.fields.iter().filter(|f| f.is_text_entry()) {
        let text = FieldText::new(field);
        let guesses = heuristics::scores(&text);
        let scores: Vec<f64> = slots
            .iter()
            .map(|&slot| rules.score(&text, slot).max(guesses[slot.index()]))
            .collect();
        let Some((best_slot, best)) = best_of(&slots, &scores) else {
            continue;
        };
        let blocked = unavailable(field).or_else(|| frame_block(input, field));
        let reason = match blocked {
            Some(reason) if best >= MIN_CONFIDENCE => reason,
            Some(_) => continue,
            None if best < MIN_CONFIDENCE => SkipReason::LowConfidence,
            None => {
                let scores = scores
                    .iter()
                    .map(|&s| if s >= MIN_CONFIDENCE { s } else { 0.0 })
                    .collect();
                candidates.push((field, scores));
                continue;
            }
        };
        plan.skip(field, reason, best_slot);
    }

    let scores: Vec<Vec<f64>> = candidates.iter().map(|(_, s)| s.clone()).collect();
    let mut assigned: Vec<Option<usize>> = vec![None; candidates.len()];
    for (candidate, slot_index) in best_assignment(&scores, slots.len()) {
        assigned[candidate] = Some(slot_index);
    }
    // The slots tell which form this is, and the form which credential answers it. A read-only
    // or disabled field (WML's prefilled URL) still tells the form, though it takes no value.
    let shown = plan
        .skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::ReadOnly | SkipReason::Disabled))
        .map(|s| s.slot);
    let planned: Vec<Slot> = assigned
        .iter()
        .flatten()
        .map(|&i| slots[i])
        .chain(shown)
        .collect();
    let values = rules
        .form_of(&planned)
        .map(|form| slot_values(&input.profile, form.answered_by))
        .unwrap_or_default();
    for ((field, scores), slot_index) in candidates.iter().zip(assigned) {
        let Some(slot_index) = slot_index else {
            let (best_slot, _) = best_of(&slots, scores).expect("candidates have a score");
            plan.skip(field, SkipReason::SlotTaken, best_slot);
            continue;
        };
        let slot = slots[slot_index];
        match values.get(&slot) {
            Some(value) => plan.fills.push(PlannedFill {
                field_id: field.id.clone(),
                slot,
                value: value.clone(),
                confidence: (scores[slot_index] * 1000.0).round() / 1000.0,
            }),
            None => {
                plan.skip(field, SkipReason::NoValue, slot);
                plan.missing.push(slot);
            }
        }
    }
    plan.missing.sort();
    plan.missing.dedup();
    plan
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

/// A field collected from a child frame passes the same frame policy as the plan's own frame.
fn frame_block(input: &PlanInput, field: &FieldDescriptor) -> Option<SkipReason> {
    let frame_url = field.frame_url.as_deref()?;
    match frame_gate(input, frame_url, field.frame_sandboxed) {
        Ok(()) => None,
        Err(FrameBlock::Refused(_)) => Some(SkipReason::FrameRefused),
        Err(FrameBlock::NeedsConfirmation(_)) => Some(SkipReason::FrameNeedsConfirmation),
    }
}

enum FrameBlock {
    Refused(String),
    NeedsConfirmation(String),
}

fn frame_gate(input: &PlanInput, frame_url: &str, sandboxed: bool) -> Result<(), FrameBlock> {
    match frame_decision(&input.top_url, frame_url, sandboxed, &input.extra_hosts) {
        FrameDecision::Allow => Ok(()),
        FrameDecision::Confirm { origin }
            if input.confirmed_frame_origin.as_deref() == Some(&origin) =>
        {
            Ok(())
        }
        FrameDecision::Confirm { origin } => Err(FrameBlock::NeedsConfirmation(origin)),
        FrameDecision::Refuse { reason } => Err(FrameBlock::Refused(reason.to_string())),
    }
}

impl FillPlan {
    fn refused(
        console: Option<ConsoleMatch>,
        code: RefusalCode,
        message: String,
        frame_origin: Option<String>,
    ) -> Self {
        FillPlan {
            console,
            fills: Vec::new(),
            skipped: Vec::new(),
            missing: Vec::new(),
            refused: Some(Refusal {
                code,
                message,
                frame_origin,
            }),
        }
    }

    fn skip(&mut self, field: &FieldDescriptor, reason: SkipReason, slot: Slot) {
        self.skipped.push(Skipped {
            field_id: field.id.clone(),
            reason,
            slot,
        });
    }
}

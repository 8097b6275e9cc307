//! What a fill tells the user afterwards: which fields received which value, by the page's own
//! names, and why a slot the form asks for stayed empty. Built from the plan and what the content
//! script could not type ([`Late`]); secret-free (slots, labels and reasons only).

use super::plan::{PlannedFill, SkipReason, Skipped};
use super::slot::Slot;
use serde::{Deserialize, Serialize};
use tsify_next::Tsify;

/// The plan's outcome as the worker saw it, without the values.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    pub fills: Vec<PlannedFill>,
    pub skipped: Vec<Skipped>,
    pub missing: Vec<Slot>,
    /// Planned fills the content script did not type, with why.
    #[serde(default)]
    pub late: Vec<Late>,
}

#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Late {
    pub field_id: String,
    pub reason: SkipReason,
}

#[derive(Debug, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FillReport {
    pub filled: Vec<Reported>,
    /// One line per slot left empty, with the first reason in page order.
    pub skipped: Vec<Reported>,
    /// Slots the form asks for that the profile has no value for.
    pub missing: Vec<Slot>,
}

#[derive(Debug, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Reported {
    pub slot: Slot,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<SkipReason>,
}

/// The report of a fill. A field skipped for a slot that another field did receive (a hidden
/// decoy, a second match) is not news to the user and is left out; so is "no value", which
/// `missing` says once.
pub fn report(input: &ReportInput) -> FillReport {
    let late_reason = |id: &str| {
        input
            .late
            .iter()
            .find(|l| l.field_id == id)
            .map(|l| l.reason)
    };
    let (typed, untyped): (Vec<&PlannedFill>, Vec<&PlannedFill>) = input
        .fills
        .iter()
        .partition(|f| late_reason(&f.field_id).is_none());
    let filled: Vec<Reported> = typed
        .iter()
        .map(|f| Reported {
            slot: f.slot,
            label: f.label.clone(),
            reason: None,
        })
        .collect();
    let is_filled = |slot: Slot| filled.iter().any(|f| f.slot == slot);

    let mut skipped: Vec<Reported> = Vec::new();
    let late = untyped
        .iter()
        .map(|f| (f.slot, &f.label, late_reason(&f.field_id)));
    let planned = input
        .skipped
        .iter()
        .map(|s| (s.slot, &s.label, Some(s.reason)));
    for (slot, label, reason) in planned.chain(late) {
        let said = skipped.iter().any(|s| s.slot == slot);
        if reason == Some(SkipReason::NoValue) || is_filled(slot) || said {
            continue;
        }
        skipped.push(Reported {
            slot,
            label: label.clone(),
            reason,
        });
    }

    let mut missing: Vec<Slot> = input
        .missing
        .iter()
        .copied()
        .filter(|&s| !is_filled(s))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    FillReport {
        filled,
        skipped,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report_of(input: serde_json::Value) -> FillReport {
        report(&serde_json::from_value(input).expect("a report input"))
    }

    #[test]
    fn a_hidden_decoy_of_a_filled_slot_is_not_reported() {
        let r = report_of(json!({
            "fills": [{"fieldId": "0:1", "slot": "secretAccessKey", "label": "Secret Access Key"}],
            "skipped": [{"fieldId": "0:2", "slot": "secretAccessKey", "reason": "hidden"}],
            "missing": [],
        }));
        assert_eq!(r.filled.len(), 1);
        assert_eq!(r.filled[0].label.as_deref(), Some("Secret Access Key"));
        assert!(r.skipped.is_empty(), "{r:?}");
    }

    #[test]
    fn a_missing_value_is_said_once() {
        let r = report_of(json!({
            "fills": [],
            "skipped": [
                {"fieldId": "0:1", "slot": "instanceId", "reason": "no-value"},
                {"fieldId": "0:2", "slot": "instanceId", "reason": "no-value"},
            ],
            "missing": ["instanceId", "instanceId"],
        }));
        assert_eq!(r.missing, vec![Slot::InstanceId]);
        assert!(r.skipped.is_empty());
    }

    #[test]
    fn a_fill_the_page_refused_at_typing_time_is_reported_as_skipped_with_its_reason() {
        let r = report_of(json!({
            "fills": [
                {"fieldId": "0:1", "slot": "accessKeyId", "label": "AK"},
                {"fieldId": "0:2", "slot": "secretAccessKey", "label": "SK"},
            ],
            "skipped": [{"fieldId": "0:3", "slot": "secretAccessKey", "reason": "hidden"}],
            "missing": [],
            "late": [{"fieldId": "0:2", "reason": "gone"}],
        }));
        assert_eq!(
            r.filled.iter().map(|f| f.slot).collect::<Vec<_>>(),
            vec![Slot::AccessKeyId]
        );
        // The slot stayed empty: its first reason in page order is what the user is told.
        assert_eq!(r.skipped.len(), 1);
        assert_eq!(r.skipped[0].reason, Some(SkipReason::Hidden));
    }

    #[test]
    fn one_line_per_slot_left_empty() {
        let r = report_of(json!({
            "fills": [],
            "skipped": [
                {"fieldId": "0:1", "slot": "apiKey", "reason": "read-only", "label": "API key"},
                {"fieldId": "0:2", "slot": "apiKey", "reason": "hidden"},
            ],
            "missing": [],
        }));
        assert_eq!(
            r.skipped,
            vec![Reported {
                slot: Slot::ApiKey,
                label: Some("API key".into()),
                reason: Some(SkipReason::ReadOnly)
            }]
        );
    }
}

//! Form fill: the console origin policy and the plan that maps field descriptors to values.
//!
//! The content script describes the fields it sees ([`FieldDescriptor`]); [`plan_fill`] checks
//! the page against the origin policy ([`origin`]) and the profile's provider, then matches
//! fields to slots with the per-console rules (`rules.json`) first and word heuristics second,
//! and fills each slot with the value the stored profile gives it ([`slot_values`]).

mod assign;
mod field;
mod heuristics;
mod host;
pub mod origin;
mod plan;
mod report;
mod rules;
mod slot;
mod tab;
mod text;

pub use field::{page_fields, FieldDescriptor, FrameFields};
pub use host::{normalize_console_host, HostError};
pub use origin::{
    frame_decision, match_console, ConsoleMatch, ExtraHost, FrameDecision, FrameRefusal,
};
pub use plan::{
    plan_fill, FillPlan, PlanInput, PlannedFill, Refusal, RefusalCode, SkipReason, Skipped,
    MIN_CONFIDENCE,
};
pub use report::{report, FillReport, ReportInput};
pub use slot::{slot_values, AnsweredBy, Slot};
pub use tab::{tab_console, TabConsole};

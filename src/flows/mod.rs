//! Flows: a user's task that takes several cloud actions, read top to bottom as the user's steps.
//! Each flow is sans-IO: it hands the caller one request at a time and reads its answer.
//!
//! - [`openscale_ids`]: every OpenScale ID an IBM API key can find.

pub mod openscale_ids;

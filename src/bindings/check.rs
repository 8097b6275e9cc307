//! JS exports for `crate::check`.

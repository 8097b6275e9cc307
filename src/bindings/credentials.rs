//! JS exports for `crate::credentials`.

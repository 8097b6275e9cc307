//! JS exports for `crate::fill`.

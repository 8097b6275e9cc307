//! JS exports for `crate::vault`.

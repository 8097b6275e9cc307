//! JS exports for `crate::sign`.

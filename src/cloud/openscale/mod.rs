//! IBM Watson OpenScale, called with an IAM bearer token.

pub mod data_marts;

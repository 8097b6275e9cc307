//! The user-facing sequences over the cloud actions (`crate::cloud`), each reading top to bottom
//! as the user's steps. Sans-IO like the actions: a flow plans requests and reads their answers;
//! the worker sends each request once.
//!
//! - [`key_check`]: the harmless requests that prove a key works.
//! - [`openscale_ids`]: every OpenScale ID an IBM API key can find.
//! - [`prepare_modelarts`]: a fit bucket, its folders and the ModelArts authorization, from the key.

pub mod key_check;
pub mod openscale_ids;
pub mod prepare_modelarts;

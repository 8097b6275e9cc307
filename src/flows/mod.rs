//! The user-facing sequences over the cloud actions (`crate::cloud`), each reading top to bottom
//! as the user's steps. Sans-IO like the actions: a flow plans requests and reads their answers;
//! the worker sends each request once.
//!
//! - [`flow`]: the one shape of a flow (start, read each answer into the next turn, writes only
//!   from the click that previewed them), served by one runner in the worker.
//! - [`key_check`]: the harmless requests that prove a key works (a [`flow::Flow`]).
//! - [`openscale`]: every OpenScale ID an IBM API key can find: the instances, the IDs inside one,
//!   and a provider added to it (three flows).
//! - [`prepare_modelarts`]: a fit bucket, its folders and the ModelArts authorization, from the key
//!   (a [`flow::Flow`]).
//! - [`rotate_key`]: a new AK/SK made, saved in place of the profile's, and the old one deleted
//!   (a [`flow::Flow`]).
//! - [`rotate_ibm_key`]: the same for an IBM Cloud API key, on IAM Identity (a [`flow::Flow`]).
//! - [`temporary_key`]: a short-lived AK/SK and security token for *Use in code*, from the
//!   permanent key (a [`flow::Flow`]).

pub mod flow;
pub mod key_check;
pub mod openscale;
pub mod prepare_modelarts;
pub mod rotate_ibm_key;
pub mod rotate_key;
pub mod temporary_key;

//! The user-facing sequences over the cloud actions (`crate::cloud`), each reading top to bottom
//! as the user's steps. Sans-IO like the actions: a flow plans requests and reads their answers;
//! the worker sends each request once.

pub mod key_check;
pub mod prepare_modelarts;

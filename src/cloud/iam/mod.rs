//! Huawei Cloud / Flexible Engine IAM, signed with the API Gateway signature.

pub mod auth_projects;

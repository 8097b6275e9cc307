//! Huawei Cloud / Flexible Engine ModelArts (API Gateway signature, project-scoped URLs).
//! Flexible Engine's ModelArts host is derived, not documented (terraform-provider-huaweicloud's
//! endpoint builder `https://{service}.{region}.{cloud}`): a profile's custom endpoint replaces it.

pub mod authorizations;

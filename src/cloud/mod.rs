//! The cloud actions credfill can take with a key, one file per action and per service (as
//! rusty-s3 does it): each builds its signed [`Request`], reads its [`Answer`] and says what a
//! failure means. Sans-IO: the caller sends each request once and hands back what came.
//!
//! - [`catalog`]: where each provider's services live, per region (Huawei Cloud's table,
//!   `regions.rs`, is generated from its SDKs).
//! - [`answer`]: an HTTP answer and the readers every action shares; [`diagnosis`]: what an
//!   answer means, in codes the user reads in their language.
//! - [`key`]: the AK/SK a request is signed with; [`error`]: why a request could not be built.
//! - One folder per service, one file per action: [`obs`], [`iam`], [`modelarts`] (Huawei Cloud,
//!   Flexible Engine), [`ibm`], [`openscale`] (IBM Cloud). [`apig`] is what Huawei's API Gateway
//!   services share.
//!
//! The user-facing sequences over these actions live in `crate::flows`.

pub mod answer;
pub mod apig;
pub mod catalog;
pub mod diagnosis;
pub mod error;
pub mod iam;
pub mod ibm;
pub mod key;
pub mod modelarts;
pub mod obs;
pub mod openscale;

use crate::secret::Secret;
use serde::Serialize;

pub use answer::{Answer, Failure};
pub use catalog::{endpoints, Endpoints, Origin};
pub use diagnosis::Diagnosis;
pub use error::{RequestError, RequestErrorCode};

/// One request to send as is, once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Body>,
}

/// A request body: what is sent, and what the user is shown before it is sent. They differ
/// when the body holds a secret (an SK, an API key), which the user sees as [`MASK`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub sent: Secret,
    pub shown: String,
}

/// How a secret appears in a request shown before sending.
pub const MASK: &str = "••••";

/// Headers a preview leaves out: they carry the signature (or a token), which says nothing to
/// the user and must not be copied from the screen.
const SIGNATURE_HEADERS: &[&str] = &["authorization", "x-sdk-signature"];

impl Body {
    /// A body without a secret: shown exactly as sent.
    pub fn public(text: impl Into<String>) -> Self {
        let text = text.into();
        Body {
            sent: Secret::new(text.clone()),
            shown: text,
        }
    }
}

/// A request as the user sees it before it is sent (a write is never sent unseen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl Request {
    pub fn preview(&self) -> Preview {
        Preview {
            method: self.method,
            url: self.url.clone(),
            headers: self
                .headers
                .iter()
                .filter(|(name, _)| {
                    !SIGNATURE_HEADERS
                        .iter()
                        .any(|s| name.eq_ignore_ascii_case(s))
                })
                .cloned()
                .collect(),
            body: self.body.as_ref().map(|b| b.shown.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_drops_the_signature_and_shows_the_masked_body() {
        let request = Request {
            method: "POST",
            url: "https://modelarts.example/v2/p/authorizations".into(),
            headers: vec![
                (
                    "Authorization".into(),
                    "SDK-HMAC-SHA256 Signature=abc".into(),
                ),
                ("X-Sdk-Date".into(), "20261130T000000Z".into()),
            ],
            body: Some(Body {
                sent: Secret::new(r#"{"secret_key":"SK-VALUE"}"#),
                shown: format!(r#"{{"secret_key":"{MASK}"}}"#),
            }),
        };
        let preview = request.preview();
        assert_eq!(
            preview.headers,
            vec![("X-Sdk-Date".to_string(), "20261130T000000Z".to_string())]
        );
        let shown = serde_json::to_string(&preview).unwrap();
        assert!(!shown.contains("SK-VALUE") && !shown.contains("Signature"));
        assert!(shown.contains(MASK));
    }
}

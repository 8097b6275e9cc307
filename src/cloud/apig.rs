//! What Huawei's API Gateway services (IAM, ModelArts) share: requests signed with
//! `SDK-HMAC-SHA256` as huaweicloudsdkcore sends them, and the gateway's error answers.

use super::answer::{server_clock_offset, Answer};
use super::diagnosis::{key_failure, unexpected, Diagnosis};
use super::key::{signed, SigningKey};
use super::{Request, RequestError};
use crate::profile::{Details, Status};
use crate::sign::Scheme;
use serde::Deserialize;

/// Whose resources a request is about, as huaweicloudsdkcore's credentials add it, signed like
/// every header: a regional service's project (`BasicCredentials`, `X-Project-Id`) or, for a
/// global one such as IAM's key management, the account (`GlobalCredentials`, `X-Domain-Id`).
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    Unscoped,
    Project(&'a str),
    Domain(&'a str),
}

/// A JSON request to an API Gateway service, in `scope`. `body` is `(sent, shown)`: the JSON sent
/// and the JSON the user sees, secrets masked.
pub fn request(
    key: &SigningKey,
    method: &str,
    url: String,
    scope: Scope,
    body: Option<(String, String)>,
) -> Result<Request, RequestError> {
    let mut request = key.regional(Scheme::Apig, method, url)?;
    // The content types huaweicloudsdkmodelarts' client sends (`modelarts_client.py`): with a JSON
    // body `application/json;charset=utf-8` (its `select_header_content_type` lower-cases
    // `…charset=UTF-8`), without one `application/json`.
    let content_type = match body {
        Some(_) => "application/json;charset=utf-8",
        None => "application/json",
    };
    request
        .headers
        .push(("Content-Type".into(), content_type.into()));
    let scope = match scope {
        Scope::Unscoped => None,
        Scope::Project(id) => Some(("X-Project-Id", id)),
        Scope::Domain(id) => Some(("X-Domain-Id", id)),
    };
    if let Some((name, id)) = scope {
        request.headers.push((name.into(), id.into()));
    }
    let shown = body.map(|(sent, shown)| {
        request.body = sent.into_bytes();
        shown
    });
    signed(&request, shown)
}

/// API Gateway's error (`{"error_code": "APIGW.0301", "error_msg": "Incorrect IAM
/// authentication information: …"}`), read as a failure of the key where it is one; `None` for an
/// answer the service itself gave.
pub fn gateway_failure(
    status: u16,
    body: &str,
    answer: &Answer,
    sent_at: &str,
    mut details: Details,
) -> Result<Diagnosis, Details> {
    let error = service_error(body);
    let text = error
        .as_ref()
        .map(|e| e.message.to_ascii_lowercase())
        .unwrap_or_default();
    details.error_code = error.map(|e| e.code);
    // API Gateway gives one code (APIGW.0301) for every AK/SK failure; its message says which.
    let status = if text.contains("lock") || text.contains("reach the limit") {
        Status::Locked
    } else if text.contains("signature") {
        Status::BadSk
    } else if text.contains("expired") || text.contains("date") || text.contains("time") {
        Status::ClockSkew
    } else if text.contains("token") {
        Status::BadToken
    } else if status == 403 {
        Status::NoPermission
    } else if status == 401 || text.contains("ak") {
        Status::BadAk
    } else {
        return Err(details);
    };
    if status == Status::ClockSkew {
        details.skew_seconds = server_clock_offset(answer, None, sent_at);
    }
    Ok(key_failure(status, details))
}

/// [`gateway_failure`], or the answer nothing explains.
pub fn failure(
    status: u16,
    body: &str,
    answer: &Answer,
    sent_at: &str,
    details: Details,
) -> Diagnosis {
    gateway_failure(status, body, answer, sent_at, details).unwrap_or_else(unexpected)
}

/// A service's `{error_code, error_msg}` (API Gateway's and ModelArts' own errors alike).
pub struct ServiceError {
    pub code: String,
    pub message: String,
}

pub fn service_error(body: &str) -> Option<ServiceError> {
    #[derive(Deserialize)]
    struct Body {
        error_code: Option<String>,
        error_msg: Option<String>,
    }
    let body: Body = crate::json::from_str(body).ok()?;
    if body.error_code.is_none() && body.error_msg.is_none() {
        return None;
    }
    Some(ServiceError {
        code: body.error_code.unwrap_or_default(),
        message: body.error_msg.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_errors_are_read_from_their_message() {
        let gateway = |status, msg: &str| {
            let body =
                format!(r#"{{"error_msg":"{msg}","error_code":"APIGW.0301","request_id":"x"}}"#);
            let answer = Answer::response(status, &[], &body);
            failure(
                status,
                &body,
                &answer,
                "20261123T110000Z",
                Details::default(),
            )
            .status
        };
        let auth = "Incorrect IAM authentication information";
        assert_eq!(
            gateway(401, &format!("{auth}: verify aksk signature fail")),
            Status::BadSk
        );
        assert_eq!(
            gateway(401, &format!("{auth}: ak not exist")),
            Status::BadAk
        );
        assert_eq!(
            gateway(401, &format!("{auth}: x-sdk-date expired")),
            Status::ClockSkew
        );
        assert_eq!(
            gateway(401, &format!("{auth}: the ak is locked")),
            Status::Locked
        );
        assert_eq!(
            gateway(403, "The IAM user is not authorized to access the API"),
            Status::NoPermission
        );
        assert_eq!(gateway(500, "Internal error"), Status::Unexpected);
    }

    #[test]
    fn the_documented_gateway_errors_name_the_wrong_part() {
        let read = |status, body: &str| {
            let answer = Answer::response(status, &[], body);
            failure(
                status,
                body,
                &answer,
                "20261123T110000Z",
                Details::default(),
            )
        };
        for (body, expected) in [
            (
                include_str!("../../tests/fixtures/cloud-answers/iam/apig-401-signature.json"),
                Status::BadSk,
            ),
            (
                include_str!("../../tests/fixtures/cloud-answers/iam/apig-401-ak-not-exist.json"),
                Status::BadAk,
            ),
            (
                include_str!("../../tests/fixtures/cloud-answers/iam/apig-401-ak-locked.json"),
                Status::Locked,
            ),
        ] {
            let d = read(401, body);
            assert_eq!(d.status, expected, "{body}");
            assert_eq!(d.details.error_code.as_deref(), Some("APIGW.0301"));
        }
        // Keystone's own refusal carries no gateway code: the key worked, the user may not.
        let forbidden =
            include_str!("../../tests/fixtures/cloud-answers/iam/keystone-403-forbidden.json");
        assert_eq!(read(403, forbidden).status, Status::NoPermission);
    }
}

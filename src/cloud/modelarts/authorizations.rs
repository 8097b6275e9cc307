//! ModelArts' access authorization (*Settings → Add Authorization*), by API:
//! `GET`, `POST` and `DELETE /v2/{project_id}/authorizations` (huaweicloud-sdk-python-v3
//! `huaweicloudsdkmodelarts/v1/modelarts_client.py` `_create_authorization_http_info`,
//! `model/authorization_request.py`; OTC ModelArts API reference *Configuring Authorization*,
//! *Viewing an Authorization List*, *Deleting Authorization*). The AK/SK variant's body is
//! `{"type": "credential", "content": AK, "secret_key": SK}`: the one request whose body holds the
//! SK, shown as `••••` before it is sent.

use crate::cloud::answer::Answer;
use crate::cloud::apig::{self, gateway_failure, service_error};
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis, DiagnosisCode, Status};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError, MASK};
use crate::sign::encode::encode_component;
use serde::{Deserialize, Serialize};

fn url(modelarts: &Origin, project_id: &str) -> Result<String, RequestError> {
    let ok = !project_id.is_empty() && project_id.bytes().all(|b| b.is_ascii_alphanumeric());
    if !ok {
        return Err(RequestError::NoProjectId);
    }
    Ok(format!(
        "{}/v2/{project_id}/authorizations",
        modelarts.base()
    ))
}

/// `GET`: what is configured.
pub fn list(
    key: &SigningKey,
    modelarts: &Origin,
    project_id: &str,
) -> Result<Request, RequestError> {
    apig::request(
        key,
        "GET",
        url(modelarts, project_id)?,
        Some(project_id),
        None,
    )
}

/// `POST` this key as the current user's authorization.
pub fn create(
    key: &SigningKey,
    modelarts: &Origin,
    project_id: &str,
) -> Result<Request, RequestError> {
    let body = |secret: &str| {
        serde_json::json!({"type": "credential", "content": key.id, "secret_key": secret})
            .to_string()
    };
    let sent = body(key.secret.expose());
    apig::request(
        key,
        "POST",
        url(modelarts, project_id)?,
        Some(project_id),
        Some((sent, body(MASK))),
    )
}

/// `DELETE ?user_id=`: one user's authorization (`all`: every user's).
pub fn delete(
    key: &SigningKey,
    modelarts: &Origin,
    project_id: &str,
    user_id: &str,
) -> Result<Request, RequestError> {
    let url = format!(
        "{}?user_id={}",
        url(modelarts, project_id)?,
        encode_component(user_id)
    );
    apig::request(key, "DELETE", url, Some(project_id), None)
}

/// One configured authorization; `content` is an agency name or an AK (never an SK).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorization {
    #[serde(default, alias = "user_id")]
    pub user_id: String,
    #[serde(default, alias = "user_name")]
    pub user_name: String,
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub content: String,
}

/// `{"total_count", "auth": [...]}`; terraform-provider-huaweicloud reads the list under
/// `content` too (`SearchAuthById`), so both are accepted.
pub fn parse(body: &str) -> Option<Vec<Authorization>> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let list = value.get("auth").or_else(|| value.get("content"))?;
    serde_json::from_value(list.clone()).ok()
}

/// What a ModelArts answer says when it is not the expected one: the key's failure at the
/// gateway, ModelArts' refusal of AK/SK authorization (regions that take agencies only), else
/// the answer nothing explains.
fn failure(
    answer: &Answer,
    status: u16,
    body: &str,
    sent_at: &str,
    details: crate::cloud::Details,
) -> Diagnosis {
    let error = service_error(body);
    let from_gateway = error.as_ref().is_none_or(|e| e.code.starts_with("APIGW"));
    let details = if from_gateway {
        match gateway_failure(status, body, answer, sent_at, details) {
            Ok(diagnosis) => return diagnosis,
            Err(details) => details,
        }
    } else {
        details
    };
    let mut details = details;
    if let Some(error) = error {
        let text = error.message.to_ascii_lowercase();
        // Unconfirmed wording: Huawei calls AK/SK authorization legacy and newer regions offer
        // agencies only; any refusal that names agencies or the credential type is read so.
        if text.contains("agency") || text.contains("credential") || text.contains("not support") {
            details.error_code = Some(error.code);
            return Diagnosis::new(Status::AgencyOnly, DiagnosisCode::AgencyOnly, details);
        }
        details.error_code = Some(error.code);
    }
    if status == 403 {
        return Diagnosis::new(Status::NoPermission, DiagnosisCode::NoPermission, details);
    }
    unexpected(details)
}

pub fn diagnose_list(answer: &Answer, sent_at: &str) -> (Diagnosis, Option<Vec<Authorization>>) {
    let (status, body, details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return (unreached, None),
    };
    if !(200..300).contains(&status) {
        return (failure(answer, status, body, sent_at, details), None);
    }
    match parse(body) {
        Some(list) => (
            Diagnosis::ok(DiagnosisCode::AuthorizationsListed, details).with("count", list.len()),
            Some(list),
        ),
        None => (unexpected(details), None),
    }
}

/// `POST` and `DELETE` both answer `{"result": "true"}`.
pub fn diagnose_write(answer: &Answer, sent_at: &str, done: DiagnosisCode) -> Diagnosis {
    let (status, body, details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return unreached,
    };
    if (200..300).contains(&status) {
        return Diagnosis::ok(done, details);
    }
    failure(answer, status, body, sent_at, details)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, profile, AK, SK, TIMESTAMP};
    use crate::profile::Provider;

    const PROJECT: &str = "06f1cbbaf280106b2f14c00313a9d065";

    fn setup() -> (crate::profile::Profile, Origin) {
        let p = profile(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        let origin = endpoints(&p).modelarts.unwrap();
        (p, origin)
    }

    #[test]
    fn create_sends_the_key_and_shows_the_sk_masked() {
        let (p, origin) = setup();
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = create(&key, &origin, PROJECT).unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "https://modelarts.eu-west-0.prod-cloud-ocb.orange-business.com/v2/06f1cbbaf280106b2f14c00313a9d065/authorizations")
        );
        assert_eq!(header(&r.headers, "x-project-id"), Some(PROJECT));
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .contains("x-project-id"));
        let body = r.body.as_ref().unwrap();
        let sent: serde_json::Value = serde_json::from_str(body.sent.expose()).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({"type": "credential", "content": AK, "secret_key": SK})
        );
        let shown = serde_json::to_string(&r.preview()).unwrap();
        assert!(!shown.contains(SK) && shown.contains(MASK) && shown.contains(AK));
        assert_eq!(
            create(&key, &origin, "../x").unwrap_err(),
            RequestError::NoProjectId
        );
        let r = delete(&key, &origin, PROJECT, "all").unwrap();
        assert!(r.url.ends_with("/authorizations?user_id=all"));
    }

    // OTC ModelArts API reference, *Viewing an Authorization List*, example response.
    const LIST: &str = r#"{"total_count":1,"auth":[{"user_id":"****d80fb058844ae8b82aa66d9fe****","user_name":"iam-user01","type":"agency","content":"modelarts_agency","create_time":15657747821288}]}"#;

    #[test]
    fn reads_the_documented_list_and_results() {
        let (d, list) = diagnose_list(&Answer::response(200, &[], LIST), TIMESTAMP);
        assert_eq!(checked(d).params["count"], crate::words::Param::Number(1));
        let list = list.unwrap();
        assert_eq!(
            (list[0].kind.as_str(), list[0].user_name.as_str()),
            ("agency", "iam-user01")
        );
        assert_eq!(parse(r#"{"content":[]}"#).unwrap(), []);
        let ok = diagnose_write(
            &Answer::response(200, &[], r#"{"result":"true"}"#),
            TIMESTAMP,
            DiagnosisCode::Authorized,
        );
        assert_eq!(checked(ok).status, Status::Ok);
    }

    #[test]
    fn wrong_key_agency_only_and_refusals() {
        let write = |status, body: &str| {
            checked(diagnose_write(
                &Answer::response(status, &[], body),
                TIMESTAMP,
                DiagnosisCode::Authorized,
            ))
        };
        let wrong_sk = r#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}"#;
        assert_eq!(write(401, wrong_sk).status, Status::BadSk);
        let agency = r#"{"error_code":"ModelArts.6001","error_msg":"Authorization type credential is not supported, use an agency."}"#;
        assert_eq!(write(400, agency).status, Status::AgencyOnly);
        let denied = r#"{"error_code":"ModelArts.0203","error_msg":"Invalid token, the user is not authorized."}"#;
        assert_eq!(write(403, denied).status, Status::NoPermission);
        assert_eq!(write(500, "oops").status, Status::Unexpected);
    }
}

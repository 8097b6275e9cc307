//! ModelArts' access authorization (*Settings → Add Authorization*), by API:
//! `GET`, `POST` and `DELETE /v2/{project_id}/authorizations` (huaweicloud-sdk-python-v3
//! `huaweicloudsdkmodelarts/v1/modelarts_client.py` `_create_authorization_http_info`,
//! `model/authorization_request.py`; OTC ModelArts API reference *Configuring Authorization*,
//! *Viewing an Authorization List*, *Deleting Authorization*). The AK/SK variant's body is
//! `{"type": "credential", "content": AK, "secret_key": SK}`: the one request whose body holds the
//! SK, shown as `••••` before it is sent.

use crate::cloud::answer::Answer;
use crate::cloud::apig::{self, gateway_failure, service_error, Scope};
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError, MASK};
use crate::profile::{DiagnosisCode, Status};
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
        Scope::Project(project_id),
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
        Scope::Project(project_id),
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
    apig::request(key, "DELETE", url, Scope::Project(project_id), None)
}

/// The kinds of authorization ModelArts lists (`type`), shown with their words
/// (`authorization_type_<type>` in `_locales`): an AK/SK pair, or an agency (huaweicloud-sdk-python-v3
/// `huaweicloudsdkmodelarts/v1/model/authorization_request.py`, `type`: "agency：委托 -
/// credential：访问密钥（AK/SK）").
pub const AUTHORIZATION_TYPES: &[&str] = &["credential", "agency"];

/// The `_locales` keys of the authorization types' words.
pub fn terms() -> impl Iterator<Item = String> {
    AUTHORIZATION_TYPES
        .iter()
        .map(|kind| crate::words::locale_key("authorization_type", kind))
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
/// gateway; else ModelArts' own refusal in its own `error_code` and `error_msg` (no documented code
/// says a region takes agency authorizations only, so nothing is read into the message's words);
/// else the answer nothing explains.
fn failure(
    answer: &Answer,
    status: u16,
    body: &str,
    sent_at: &str,
    details: crate::profile::Details,
) -> Diagnosis {
    let error = service_error(body).filter(|e| !e.code.starts_with("APIG"));
    let Some(error) = error else {
        return match gateway_failure(status, body, answer, sent_at, details) {
            Ok(diagnosis) => diagnosis,
            Err(details) if status == 403 => {
                Diagnosis::new(Status::NoPermission, DiagnosisCode::NoPermission, details)
            }
            Err(details) => unexpected(details),
        };
    };
    let mut details = details;
    details.error_code = Some(error.code.clone());
    let refusal = match status {
        403 => Status::NoPermission,
        _ => Status::Refused,
    };
    Diagnosis::new(refusal, DiagnosisCode::ModelArtsRefused, details)
        .with("errorCode", error.code)
        .with("message", error.message)
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

    // The ModelArts API reference's answers (tests/fixtures/cloud-answers/modelarts/SOURCES.md).
    const LIST: &str =
        include_str!("../../../tests/fixtures/cloud-answers/modelarts/authorizations-list.json");
    const RESULT: &str =
        include_str!("../../../tests/fixtures/cloud-answers/modelarts/authorization-result.json");
    const PARAMETER_ERROR: &str =
        include_str!("../../../tests/fixtures/cloud-answers/modelarts/error-parameter.json");
    const WRONG_SK: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/apig-401-signature.json");

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
            &Answer::response(200, &[], RESULT),
            TIMESTAMP,
            DiagnosisCode::Authorized,
        );
        assert_eq!(checked(ok).status, Status::Ok);
    }

    #[test]
    fn a_wrong_key_and_modelarts_own_refusals() {
        let write = |status, body: &str| {
            checked(diagnose_write(
                &Answer::response(status, &[], body),
                TIMESTAMP,
                DiagnosisCode::Authorized,
            ))
        };
        assert_eq!(write(401, WRONG_SK).status, Status::BadSk);
        // ModelArts' own refusal is shown in its own code and words, whatever they say.
        let refused = write(400, PARAMETER_ERROR);
        assert_eq!(
            (refused.status, refused.code),
            (Status::Refused, DiagnosisCode::ModelArtsRefused)
        );
        assert_eq!(refused.params["errorCode"], "ModelArts.0104".into());
        assert_eq!(refused.params["message"], "Parameter error.".into());
        let agency_words = PARAMETER_ERROR.replace("Parameter error.", "Use an agency.");
        assert_eq!(write(400, &agency_words).status, Status::Refused);
        let denied = write(403, &PARAMETER_ERROR.replace("0104", "0203"));
        assert_eq!(
            (denied.status, denied.code),
            (Status::NoPermission, DiagnosisCode::ModelArtsRefused)
        );
        assert_eq!(write(403, "").status, Status::NoPermission);
        assert_eq!(write(500, "oops").status, Status::Unexpected);
    }
}

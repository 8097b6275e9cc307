//! IBM IAM `POST /identity/token`: an API key exchanged for a bearer token, as ibm-cloud-sdk-core's
//! `IAMTokenManager` asks for it (`ibm_cloud_sdk_core/token_managers/iam_token_manager.py`). The
//! only request that carries a secret itself: the API key goes to IBM's token service and nowhere
//! else.

use super::IbmError;
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis};
use crate::cloud::{Body, Request, MASK};
use crate::profile::{DiagnosisCode, Status};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

const API_KEY_GRANT: &str = "urn:ibm:params:oauth:grant-type:apikey";
/// IBM's SDKs ask for this response type; IAM then answers with the token set parsed below.
const RESPONSE_TYPE: &str = "cloud_iam";
/// IAM's code for an API key it does not know.
const UNKNOWN_API_KEY: &str = "BXNIM0415E";

/// `POST` the API key to `iam` as a form (IBM's SDKs send the same, less their `User-Agent`).
pub fn request(api_key: &Secret, iam: &Origin) -> Request {
    let form = |key: &str| {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", API_KEY_GRANT)
            .append_pair("apikey", key)
            .append_pair("response_type", RESPONSE_TYPE)
            .finish()
    };
    Request {
        method: "POST",
        url: format!("{}/identity/token", iam.base()),
        headers: vec![
            (
                "Content-Type".to_owned(),
                "application/x-www-form-urlencoded".to_owned(),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ],
        body: Some(Body {
            sent: Secret::new(form(api_key.expose())),
            shown: form(MASK),
        }),
    }
}

/// An IAM token as the worker holds it between flows (in memory only, never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeldToken {
    pub access_token: Secret,
    /// Unix seconds.
    pub expiration: u64,
}

impl From<IamToken> for HeldToken {
    fn from(token: IamToken) -> Self {
        HeldToken {
            access_token: token.access_token,
            expiration: token.expiration,
        }
    }
}

/// IAM's answer to a good key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct IamToken {
    pub access_token: Secret,
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    pub token_type: String,
    pub expires_in: u64,
    /// Unix seconds.
    pub expiration: u64,
}

/// Reads IAM's answer: the token on 2xx, IAM's `errorCode`/`errorMessage` otherwise.
pub fn parse(status: u16, body: &str) -> Result<IamToken, IbmError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct IamErrorBody {
        error_code: String,
        error_message: String,
    }
    if (200..300).contains(&status) {
        return crate::json::from_str(body).map_err(|_| IbmError::UnexpectedAnswer { status });
    }
    match crate::json::from_str::<IamErrorBody>(body) {
        Ok(e) => Err(IbmError::Iam {
            code: e.error_code,
            message: e.error_message,
            status,
        }),
        Err(_) => Err(IbmError::UnexpectedAnswer { status }),
    }
}

/// The token, or what its absence means.
pub fn diagnose(answer: &Answer) -> Result<IamToken, Diagnosis> {
    let (status, body, mut details) = received(answer)?;
    match parse(status, body) {
        Ok(token) => Ok(token),
        Err(IbmError::Iam { code, .. }) if code == UNKNOWN_API_KEY => {
            details.error_code = Some(code);
            Err(Diagnosis::new(
                Status::BadApiKey,
                DiagnosisCode::BadApiKey,
                details,
            ))
        }
        Err(e) => {
            details.error_code = Some(e.code().to_owned());
            Err(unexpected(details))
        }
    }
}

/// The key was accepted; `then_openscale`: a data-mart read follows with the token.
pub fn accepted(answer: &Answer, then_openscale: bool) -> Diagnosis {
    let details = received(answer).map(|(_, _, d)| d).unwrap_or_default();
    let code = if then_openscale {
        DiagnosisCode::ApiKeyAccepted
    } else {
        DiagnosisCode::ApiKeyAcceptedNoGuid
    };
    Diagnosis::new(Status::Ok, code, details)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;

    /// IAM's documented answers: a token, and the refusal of an unknown API key.
    const TOKEN: &str = include_str!("../../../tests/fixtures/cloud-answers/ibm/iam_token.json");
    const UNKNOWN: &str =
        include_str!("../../../tests/fixtures/cloud-answers/ibm/iam_bxnim0415e.json");

    #[test]
    fn the_api_key_is_sent_but_never_shown() {
        let iam = crate::cloud::catalog::of(crate::profile::Provider::Ibm, "eu-de")
            .ibm_iam
            .unwrap();
        let r = request(&Secret::new("KEY-VALUE"), &iam);
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "https://iam.cloud.ibm.com/identity/token")
        );
        let body = r.body.as_ref().unwrap();
        assert!(body.sent.expose().contains("apikey=KEY-VALUE"));
        assert!(!serde_json::to_string(&r.preview())
            .unwrap()
            .contains("KEY-VALUE"));
    }

    #[test]
    fn token_answer_and_documented_error() {
        let token = parse(200, TOKEN).unwrap();
        assert_eq!(
            token.access_token.expose(),
            "eyJraWQiOiIyMDE3MDgwOS0wMDowMDowMCIsImFsZyI6..."
        );
        assert_eq!((token.expires_in, token.expiration), (3600, 1505865282));
        let err = parse(400, UNKNOWN).unwrap_err();
        assert_eq!(err.code(), "BXNIM0415E");
        assert!(err.to_string().contains("could not be found"));
        assert_eq!(
            parse(502, "<html>").unwrap_err().code(),
            "iam_unexpected_answer"
        );
        assert_eq!(
            parse(200, "{}").unwrap_err().code(),
            "iam_unexpected_answer"
        );
    }

    #[test]
    fn diagnoses_never_show_the_token() {
        let good = Answer::response(200, &[], TOKEN);
        assert!(diagnose(&good).is_ok());
        let d = checked(accepted(&good, true));
        assert_eq!(d.code, DiagnosisCode::ApiKeyAccepted);
        assert!(!serde_json::to_string(&d).unwrap().contains("eyJ"));
        let d = checked(diagnose(&Answer::response(400, &[], UNKNOWN)).unwrap_err());
        assert_eq!(d.status, Status::BadApiKey);
        assert_eq!(d.details.error_code.as_deref(), Some("BXNIM0415E"));
    }
}

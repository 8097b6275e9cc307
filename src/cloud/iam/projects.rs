//! IAM `GET /v3/projects?name=<region>` (*Querying the Project List*): a cheap proof that the
//! AK/SK works on API Gateway services, and the project ID ModelArts' URLs need.

use crate::cloud::answer::Answer;
use crate::cloud::apig;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis, DiagnosisCode, Status};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::sign::encode::encode_component;
use serde::Deserialize;

pub fn request(key: &SigningKey, iam: &Origin) -> Result<Request, RequestError> {
    let url = format!(
        "{}/v3/projects?name={}",
        iam.base(),
        encode_component(key.region)
    );
    apig::request(key, "GET", url, None, None)
}

/// The ID of the project named after `region`, from `{"projects": [{"id", "name"}]}`.
pub fn parse(body: &str, region: &str) -> Option<Option<String>> {
    #[derive(Deserialize)]
    struct Projects {
        projects: Vec<Project>,
    }
    #[derive(Deserialize)]
    struct Project {
        id: String,
        name: String,
    }
    let found: Projects = serde_json::from_str(body).ok()?;
    Some(
        found
            .projects
            .into_iter()
            .find(|p| p.name == region)
            .map(|p| p.id),
    )
}

/// The project ID goes into the diagnosis's details (the profile keeps it).
pub fn diagnose(answer: &Answer, region: &str, sent_at: &str) -> Diagnosis {
    let (status, body, mut details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return unreached,
    };
    if !(200..300).contains(&status) {
        return apig::failure(status, body, answer, sent_at, details);
    }
    match parse(body, region) {
        None => unexpected(details),
        Some(Some(id)) => {
            details.project_id = Some(id);
            Diagnosis::new(Status::Ok, DiagnosisCode::ProjectFound, details).with("region", region)
        }
        Some(None) => Diagnosis::new(Status::NoProject, DiagnosisCode::NoProject, details)
            .with("region", region),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::{tests::checked, Severity};
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, key, profile, AK, SK, TIMESTAMP};
    use crate::profile::Provider;

    // The example answer of IAM "Querying the Project List" (Huawei Cloud API reference).
    const PROJECTS: &str = r#"{"links":{"self":"https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4"},
      "projects":[{"is_domain":false,"description":"","links":{"self":"https://iam.myhuaweicloud.com/v3/projects/06f1cbbaf280106b2f14c00313a9d065"},
      "enabled":true,"id":"06f1cbbaf280106b2f14c00313a9d065","parent_id":"06f1cbbaf280106b2f14c00313a9d065","domain_id":"06f1cbbaf280106b2f14c00313a9d065","name":"cn-north-4"}]}"#;

    #[test]
    fn signed_with_apig_and_named_after_the_region() {
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).iam.unwrap()).unwrap();
        assert_eq!(
            r.url,
            "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4"
        );
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .starts_with(&format!("SDK-HMAC-SHA256 Access={AK}")));
        assert_eq!(header(&r.headers, "x-sdk-date"), Some(TIMESTAMP));
        assert!(r.body.is_none() && !format!("{r:?}").contains(SK));
        let temporary = profile(
            Provider::Huawei,
            "af-south-1",
            vec![self::key(AK, SK, Some("tok"))],
        );
        let key = SigningKey::of(&temporary, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&temporary).iam.unwrap()).unwrap();
        assert_eq!(header(&r.headers, "x-security-token"), Some("tok"));
    }

    #[test]
    fn yields_the_project_id() {
        let d = checked(diagnose(
            &Answer::response(200, &[], PROJECTS),
            "cn-north-4",
            TIMESTAMP,
        ));
        assert_eq!(d.status, Status::Ok);
        assert_eq!(
            d.details.project_id.as_deref(),
            Some("06f1cbbaf280106b2f14c00313a9d065")
        );
        let empty = checked(diagnose(
            &Answer::response(200, &[], r#"{"projects":[]}"#),
            "cn-north-4",
            TIMESTAMP,
        ));
        assert_eq!(
            (empty.status, empty.severity),
            (Status::NoProject, Severity::Warning)
        );
        let wrong_sk = r#"{"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","error_code":"APIGW.0301"}"#;
        let d = diagnose(
            &Answer::response(401, &[], wrong_sk),
            "cn-north-4",
            TIMESTAMP,
        );
        assert_eq!(checked(d).status, Status::BadSk);
    }
}

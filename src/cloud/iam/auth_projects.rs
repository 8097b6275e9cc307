//! IAM `GET /v3/auth/projects` (KeystoneListAuthProjects, *Listing Projects Accessible to an IAM
//! User*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_06_0003.html): a cheap proof that
//! the AK/SK works on API Gateway services, and the project ID ModelArts' URLs need.
//!
//! Not `GET /v3/projects?name=` (KeystoneListProjects, what huaweicloudsdkcore's `IamHelper` calls):
//! that one needs IAM read permission, which the IAM user of someone else's account usually lacks,
//! while this one needs no policy permission and lists the projects the caller may use.

use crate::cloud::answer::Answer;
use crate::cloud::apig::{self, Scope};
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::profile::region::region_param;
use crate::profile::{DiagnosisCode, Status};
use serde::Deserialize;

/// The request huaweicloudsdkiam's `IamClient.keystone_list_auth_projects` builds, APIG-signed.
pub fn request(key: &SigningKey, iam: &Origin) -> Result<Request, RequestError> {
    apig::request(
        key,
        "GET",
        format!("{}/v3/auth/projects", iam.base()),
        Scope::Unscoped,
        None,
    )
}

/// The ID of the region's own project, from `{"projects": [{"id", "name"}]}`: the one named
/// exactly `region` (a sub-project is named `<region>_<name>` and is not it).
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

/// The account the listed projects belong to (an IAM user's projects are all its account's), from
/// `{"projects": [{"domain_id"}]}`: the `X-Domain-Id` the key actions need, without asking
/// `/v3/auth/domains` for it.
pub fn domain_id(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Projects {
        projects: Vec<Project>,
    }
    #[derive(Deserialize)]
    struct Project {
        domain_id: String,
    }
    let found: Projects = serde_json::from_str(body).ok()?;
    found.projects.into_iter().next().map(|p| p.domain_id)
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
            Diagnosis::new(Status::Ok, DiagnosisCode::ProjectFound, details)
                .with("region", region_param(region))
        }
        // The project is named by the region's ID itself: that is what the user looks for.
        Some(None) => Diagnosis::new(Status::NoProject, DiagnosisCode::NoProject, details)
            .with("region", region),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, key, profile, AK, SK, TIMESTAMP};
    use crate::profile::Provider;
    use crate::profile::Severity;

    /// The IAM API reference's example answer (tests/fixtures/cloud-answers/iam/SOURCES.md).
    pub(crate) const HUAWEI: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/keystone-list-auth-projects.json");
    const OTC: &str = include_str!(
        "../../../tests/fixtures/cloud-answers/iam/keystone-list-auth-projects-otc.json"
    );
    const FORBIDDEN: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/keystone-403-forbidden.json");
    const WRONG_SK: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/apig-401-signature.json");

    #[test]
    fn signed_with_apig_on_both_clouds() {
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).iam.unwrap()).unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "GET",
                "https://iam.cn-north-4.myhuaweicloud.com/v3/auth/projects"
            )
        );
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .starts_with(&format!("SDK-HMAC-SHA256 Access={AK}")));
        assert_eq!(header(&r.headers, "x-sdk-date"), Some(TIMESTAMP));
        assert_eq!(header(&r.headers, "x-project-id"), None);
        assert!(r.body.is_none() && !format!("{r:?}").contains(SK));
        let fe = profile(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        let key = SigningKey::of(&fe, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&fe).iam.unwrap()).unwrap();
        assert_eq!(
            r.url,
            "https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/v3/auth/projects"
        );
        let temporary = profile(
            Provider::Huawei,
            "af-south-1",
            vec![self::key(AK, SK, Some("tok"))],
        );
        let key = SigningKey::of(&temporary, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&temporary).iam.unwrap()).unwrap();
        assert_eq!(header(&r.headers, "x-security-token"), Some("tok"));
    }

    fn read(status: u16, body: &str, region: &str) -> Diagnosis {
        checked(diagnose(
            &Answer::response(status, &[], body),
            region,
            TIMESTAMP,
        ))
    }

    #[test]
    fn yields_the_id_of_the_project_named_after_the_region() {
        let d = read(200, HUAWEI, "af-south-1");
        assert_eq!(d.status, Status::Ok);
        assert_eq!(
            d.details.project_id.as_deref(),
            Some("06f1cbbaf280106b2f14c00313a9...")
        );
        let d = read(200, OTC, "region");
        assert_eq!(
            d.details.project_id.as_deref(),
            Some("9041929bcc6e4bfe85add4e7b96ffdd7")
        );
        // A sub-project of the region is not the region's project.
        let sub = HUAWEI.replace("\"af-south-1\"", "\"af-south-1_ml\"");
        let none = read(200, &sub, "af-south-1");
        assert_eq!(
            (none.status, none.severity, none.details.project_id),
            (Status::NoProject, Severity::Warning, None)
        );
        assert_eq!(
            read(200, "<html/>", "af-south-1").status,
            Status::Unexpected
        );
    }

    #[test]
    fn names_the_account_of_the_projects() {
        assert_eq!(
            domain_id(HUAWEI).as_deref(),
            Some("d78cbac186b744899480f25bd02...")
        );
        assert_eq!(
            domain_id(OTC).as_deref(),
            Some("398998b5392f4150ad48fe456d6de4f1")
        );
        assert_eq!(domain_id(r#"{"projects":[]}"#), None);
    }

    #[test]
    fn a_wrong_key_and_a_refusal_are_told_apart() {
        assert_eq!(read(401, WRONG_SK, "af-south-1").status, Status::BadSk);
        let refused = read(403, FORBIDDEN, "af-south-1");
        assert_eq!(
            (refused.status, refused.code),
            (Status::NoPermission, DiagnosisCode::NoPermission)
        );
        assert!(!refused.status.key_is_wrong());
    }
}

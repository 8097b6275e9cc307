//! Reads each answer of a key check and says what it means, in plain words and without any
//! secret: the key works, or which part of it is wrong and what to do about it.

use super::answer::{count_elements, server_clock_offset, xml_error, Answer, Failure};
use super::{plan, CheckError, CheckRequest, KeyCheck, Step};
use crate::sign::ibm::{self, IbmError};
use serde::{Deserialize, Serialize};

/// What one answer says about the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ok,
    /// The AK is unknown: deleted, or mistyped.
    BadAk,
    /// The SK does not belong to the AK: wrong, or AK and SK swapped.
    BadSk,
    /// The temporary key's security token expired or is wrong.
    BadToken,
    /// The computer's clock is too far from the server's for a signature to be accepted.
    ClockSkew,
    /// Too many failed attempts: the key is locked for a while.
    Locked,
    /// The key is valid but may not do this.
    NoPermission,
    /// The service could not be reached at all.
    Network,
    /// IBM does not know the API key.
    BadApiKey,
    /// No OpenScale instance / data mart with this GUID in this region.
    NoInstance,
    /// The key works but the account has no project named after the region.
    NoProject,
    NoBucket,
    /// The bucket is in another region than the profile's.
    WrongRegion,
    /// The bucket's default storage class is warm or cold, which ModelArts cannot train from.
    ColdStorage,
    /// The bucket is of an older OBS generation than ModelArts needs.
    OldBucket,
    /// An answer none of the above explains.
    Unexpected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Ok,
    Warning,
    Error,
}

impl Status {
    pub fn severity(self) -> Severity {
        match self {
            Status::Ok => Severity::Ok,
            Status::NoProject | Status::WrongRegion | Status::ColdStorage | Status::OldBucket => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

/// Facts read from the answer, for the UI to show or store; never a secret.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Details {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_count: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Seconds the server's clock is ahead of this computer's (negative: behind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skew_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub step: Step,
    pub status: Status,
    pub severity: Severity,
    pub message: String,
    pub details: Details,
    /// The key itself is wrong: the remaining requests of the check would only add failed
    /// attempts (five in a row lock a Huawei key for five minutes), so send no more.
    pub stop: bool,
    /// Requests this answer made possible (the OpenScale read after an IBM token).
    #[serde(skip)]
    pub next: Vec<CheckRequest>,
}

impl Diagnosis {
    fn new(step: Step, status: Status, message: impl Into<String>, details: Details) -> Self {
        Diagnosis {
            step,
            status,
            severity: status.severity(),
            message: message.into(),
            details,
            stop: matches!(
                status,
                Status::BadAk
                    | Status::BadSk
                    | Status::BadToken
                    | Status::ClockSkew
                    | Status::Locked
                    | Status::BadApiKey
            ),
            next: vec![],
        }
    }
}

/// The meaning of `answer` to the request `step` of `check`.
pub fn diagnose(check: &KeyCheck, step: Step, answer: &Answer) -> Result<Diagnosis, CheckError> {
    let (status, body) = match answer {
        Answer::Failed {
            error: Failure::Network,
        } => return Ok(unreachable(step)),
        Answer::Failed {
            error: Failure::Redirect,
        } => (None, ""),
        Answer::Response { status, body, .. } => (Some(*status), body.as_str()),
    };
    let details = Details {
        http_status: status,
        ..Details::default()
    };
    let status = status.unwrap_or(0);
    Ok(match step {
        Step::ListBuckets => list_buckets(check, status, body, answer, details),
        Step::IamProjects => iam_projects(check, status, body, answer, details),
        Step::Bucket => bucket(check, status, answer, details),
        Step::IbmToken => return ibm_token(check, status, body, details),
        Step::OpenScaleDataMart => openscale(check, status, details),
    })
}

fn unreachable(step: Step) -> Diagnosis {
    Diagnosis::new(
        step,
        Status::Network,
        "The service could not be reached, so the key was not tested. Check the network \
         connection, proxy or VPN, and the profile's region or custom endpoint, then test again.",
        Details::default(),
    )
}

fn list_buckets(
    check: &KeyCheck,
    status: u16,
    body: &str,
    answer: &Answer,
    mut details: Details,
) -> Diagnosis {
    if (200..300).contains(&status) {
        let count = count_elements(body, "Bucket").unwrap_or(0);
        details.bucket_count = Some(count);
        return Diagnosis::new(
            Step::ListBuckets,
            Status::Ok,
            format!("The key works: it can list {count} bucket(s)."),
            details,
        );
    }
    storage_error(check, Step::ListBuckets, answer, body, details)
}

/// OBS / S3 `<Error>` answers, shared by every object-storage request that has a body.
fn storage_error(
    check: &KeyCheck,
    step: Step,
    answer: &Answer,
    body: &str,
    mut details: Details,
) -> Diagnosis {
    let Some(error) = xml_error(body) else {
        return unexpected(step, details);
    };
    details.error_code = Some(error.code.clone());
    let status = match error.code.as_str() {
        "InvalidAccessKeyId" => Status::BadAk,
        "SignatureDoesNotMatch" => Status::BadSk,
        "RequestTimeTooSkewed" => Status::ClockSkew,
        "InvalidToken" | "ExpiredToken" | "TokenRefreshRequired" => Status::BadToken,
        "AccessDenied" | "AllAccessDisabled" => Status::NoPermission,
        _ => return unexpected(step, details),
    };
    if status == Status::ClockSkew {
        details.skew_seconds =
            server_clock_offset(answer, error.server_time.as_deref(), &check.timestamp);
    }
    let message = message_for(status, &details);
    Diagnosis::new(step, status, message, details)
}

fn message_for(status: Status, details: &Details) -> String {
    match status {
        Status::BadAk => "The access key ID (AK) is unknown: it was deleted, or mistyped. Copy it \
                          again from credentials.csv, or create a new key."
            .into(),
        Status::BadSk => "The secret key (SK) does not match this AK: it is wrong, or AK and SK \
                          were swapped. Import the key again from credentials.csv."
            .into(),
        Status::BadToken => "This temporary key has expired or its security token is wrong: \
                             get a new temporary key."
            .into(),
        Status::ClockSkew => match details.skew_seconds {
            Some(s) => format!(
                "This computer's clock is {} {} the service's: set the clock right (automatic \
                 time), then test again.",
                human_duration(s.unsigned_abs()),
                if s > 0 { "behind" } else { "ahead of" }
            ),
            None => "This computer's clock is more than 15 minutes off: set the clock right \
                     (automatic time), then test again."
                .into(),
        },
        Status::Locked => "The key is locked after repeated failed attempts: wait 5 minutes, fix \
                           the key, then test once."
            .into(),
        Status::NoPermission => "The key is valid, but its user may not do this: ask an \
                                 administrator for the permission."
            .into(),
        _ => "The service gave an answer credfill does not know.".into(),
    }
}

fn human_duration(seconds: u64) -> String {
    match seconds {
        s if s < 120 => format!("{s} seconds"),
        s if s < 2 * 3600 => format!("about {} minutes", (s + 30) / 60),
        s if s < 2 * 86400 => format!("about {} hours", (s + 1800) / 3600),
        s => format!("about {} days", (s + 43200) / 86400),
    }
}

fn unexpected(step: Step, details: Details) -> Diagnosis {
    let shown = details.error_code.clone().unwrap_or_else(|| {
        details
            .http_status
            .map_or("a redirect".into(), |s| format!("HTTP {s}"))
    });
    Diagnosis::new(
        step,
        Status::Unexpected,
        format!(
            "The service answered {shown}, which credfill cannot explain. The key may still work."
        ),
        details,
    )
}

/// IAM's project list (`{"projects": [{"id", "name"}]}`), or API Gateway's error
/// (`{"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: …"}`).
fn iam_projects(
    check: &KeyCheck,
    status: u16,
    body: &str,
    answer: &Answer,
    mut details: Details,
) -> Diagnosis {
    #[derive(Deserialize)]
    struct Projects {
        projects: Vec<Project>,
    }
    #[derive(Deserialize)]
    struct Project {
        id: String,
        name: String,
    }
    #[derive(Deserialize)]
    struct GatewayError {
        error_code: Option<String>,
        error_msg: Option<String>,
    }
    let region = check.profile.region();
    if (200..300).contains(&status) {
        let Ok(found) = serde_json::from_str::<Projects>(body) else {
            return unexpected(Step::IamProjects, details);
        };
        return match found.projects.into_iter().find(|p| p.name == region) {
            Some(project) => {
                details.project_id = Some(project.id);
                Diagnosis::new(
                    Step::IamProjects,
                    Status::Ok,
                    format!("The key works with IAM; the project of {region} was found (ModelArts needs its ID)."),
                    details,
                )
            }
            None => Diagnosis::new(
                Step::IamProjects,
                Status::NoProject,
                format!("The key works, but its account has no project named {region}: check the profile's region."),
                details,
            ),
        };
    }
    let error = serde_json::from_str::<GatewayError>(body).ok();
    let text = error
        .as_ref()
        .and_then(|e| e.error_msg.as_deref())
        .unwrap_or("")
        .to_ascii_lowercase();
    details.error_code = error.and_then(|e| e.error_code);
    // API Gateway gives one code (APIGW.0301) for every AK/SK failure; its message says which.
    let status = if text.contains("lock") {
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
        return unexpected(Step::IamProjects, details);
    };
    if status == Status::ClockSkew {
        details.skew_seconds = server_clock_offset(answer, None, &check.timestamp);
    }
    let message = message_for(status, &details);
    Diagnosis::new(Step::IamProjects, status, message, details)
}

/// `HEAD /<bucket>`: no body, so everything comes from the status and the headers.
fn bucket(check: &KeyCheck, status: u16, answer: &Answer, mut details: Details) -> Diagnosis {
    let name = check.bucket.as_deref().unwrap_or_default();
    let region = check.profile.region();
    details.bucket_region = answer
        .first_header(&["x-obs-bucket-location", "x-amz-bucket-region"])
        .map(str::to_owned);
    let diagnosis =
        |status, message: String, details| Diagnosis::new(Step::Bucket, status, message, details);
    let in_other_region = details.bucket_region.as_ref().is_some_and(|r| r != region);
    if (300..400).contains(&status) || status == 0 || in_other_region {
        let where_ = details
            .bucket_region
            .clone()
            .unwrap_or_else(|| "another region".into());
        return diagnosis(
            Status::WrongRegion,
            format!("Bucket {name} is in {where_}, not {region}: ModelArts needs a bucket in its own region."),
            details,
        );
    }
    match status {
        404 => return diagnosis(Status::NoBucket, format!("There is no bucket named {name}."), details),
        401 | 403 => {
            return diagnosis(
                Status::NoPermission,
                format!("Bucket {name} exists but this key may not read it: it belongs to another account, or the user lacks OBS permissions."),
                details,
            )
        }
        s if !(200..300).contains(&s) => return unexpected(Step::Bucket, details),
        _ => {}
    }
    details.storage_class = answer
        .first_header(&[
            "x-obs-storage-class",
            "x-default-storage-class",
            "x-amz-storage-class",
        ])
        .map(str::to_owned);
    details.bucket_version = answer.header("x-obs-version").map(str::to_owned);
    let class = details.storage_class.clone().unwrap_or_default();
    if matches!(
        class.as_str(),
        "WARM" | "COLD" | "STANDARD_IA" | "GLACIER" | "DEEP_ARCHIVE"
    ) {
        return diagnosis(
            Status::ColdStorage,
            format!("Bucket {name} stores new objects as {class}: ModelArts reads only STANDARD storage. Change the bucket's default storage class."),
            details,
        );
    }
    if details
        .bucket_version
        .as_ref()
        .is_some_and(|v| !v.starts_with('3'))
    {
        return diagnosis(
            Status::OldBucket,
            format!("Bucket {name} is an older OBS bucket (not OBS 3.0): ModelArts needs a bucket created recently."),
            details,
        );
    }
    let shown_class = if class.is_empty() {
        "unknown".into()
    } else {
        class
    };
    diagnosis(
        Status::Ok,
        format!(
            "Bucket {name} is usable by ModelArts (region {region}, storage class {shown_class})."
        ),
        details,
    )
}

fn ibm_token(
    check: &KeyCheck,
    status: u16,
    body: &str,
    mut details: Details,
) -> Result<Diagnosis, CheckError> {
    match ibm::parse_token(status, body) {
        Ok(token) => {
            let next = plan::openscale_request(check, &token.access_token)?;
            let message = if next.is_some() {
                "IBM accepted the API key."
            } else {
                "IBM accepted the API key. Add the OpenScale instance GUID to the profile to check OpenScale too."
            };
            let mut d = Diagnosis::new(Step::IbmToken, Status::Ok, message, details);
            d.next.extend(next);
            Ok(d)
        }
        Err(IbmError::Iam { code, .. }) if code == "BXNIM0415E" => {
            details.error_code = Some(code);
            Ok(Diagnosis::new(
                Step::IbmToken,
                Status::BadApiKey,
                "IBM does not know this API key: it was deleted, or mistyped. Create a new key under Manage → Access (IAM) → API keys.",
                details,
            ))
        }
        Err(e) => {
            details.error_code = Some(e.code().to_owned());
            Ok(unexpected(Step::IbmToken, details))
        }
    }
}

fn openscale(check: &KeyCheck, status: u16, details: Details) -> Diagnosis {
    let region = match check.profile.region() {
        "" => "us-south",
        region => region,
    };
    let (status, message) = match status {
        200..=299 => (Status::Ok, format!("The OpenScale instance answers in {region}.")),
        404 => (
            Status::NoInstance,
            format!("No OpenScale instance with this GUID in {region}: check the GUID, or the region the instance was created in."),
        ),
        401 | 403 => (
            Status::NoPermission,
            format!("The API key is valid but may not read this OpenScale instance in {region}: it belongs to another account, or lacks access."),
        ),
        _ => return unexpected(Step::OpenScaleDataMart, details),
    };
    Diagnosis::new(Step::OpenScaleDataMart, status, message, details)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::plan::tests::check;
    use crate::profile::{AkIssuer, AkSk, Credential, Provider};

    fn run(c: &KeyCheck, step: Step, answer: Answer) -> Diagnosis {
        diagnose(c, step, &answer).unwrap()
    }

    fn huawei() -> KeyCheck {
        check(Provider::Huawei, "cn-north-4", vec![])
    }

    fn s3_error(code: &str) -> String {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>m</Message><RequestId>r</RequestId><HostId>h</HostId></Error>")
    }

    // The ListBuckets answer of the Amazon S3 API reference, which OBS answers in the same shape.
    const LIST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>bcaf1ffd86f461ca5fb16fd081034f</ID><DisplayName>webfile</DisplayName></Owner>
  <Buckets>
    <Bucket><Name>quotes</Name><CreationDate>2006-02-03T16:45:09.000Z</CreationDate></Bucket>
    <Bucket><Name>samples</Name><CreationDate>2006-02-03T16:41:58.000Z</CreationDate></Bucket>
  </Buckets>
</ListAllMyBucketsResult>"#;

    #[test]
    fn list_buckets_ok_counts_buckets() {
        let d = run(
            &huawei(),
            Step::ListBuckets,
            Answer::response(200, &[], LIST),
        );
        assert_eq!((d.status, d.severity), (Status::Ok, Severity::Ok));
        assert_eq!(d.details.bucket_count, Some(2));
    }

    #[test]
    fn storage_error_codes_name_the_wrong_part() {
        for (code, status) in [
            ("InvalidAccessKeyId", Status::BadAk),
            ("SignatureDoesNotMatch", Status::BadSk),
            ("AccessDenied", Status::NoPermission),
            ("ExpiredToken", Status::BadToken),
            ("SlowDown", Status::Unexpected),
        ] {
            let d = run(
                &huawei(),
                Step::ListBuckets,
                Answer::response(403, &[], &s3_error(code)),
            );
            assert_eq!(d.status, status, "{code}");
            assert_eq!(d.details.error_code.as_deref(), Some(code));
            assert_eq!(d.details.http_status, Some(403));
        }
        let d = run(
            &huawei(),
            Step::ListBuckets,
            Answer::response(502, &[], "<html>bad gateway</html>"),
        );
        assert_eq!(d.status, Status::Unexpected);
        assert!(d.message.contains("HTTP 502"), "{}", d.message);
    }

    #[test]
    fn clock_skew_says_by_how_much_and_which_way() {
        // The request was signed at 11:00 (the check's timestamp); the server says 13:05.
        let d = run(
            &huawei(),
            Step::ListBuckets,
            Answer::response(
                403,
                &[("Date", "Mon, 23 Nov 2026 13:05:00 GMT")],
                &s3_error("RequestTimeTooSkewed"),
            ),
        );
        assert_eq!(d.status, Status::ClockSkew);
        assert_eq!(d.details.skew_seconds, Some(7500));
        assert!(d.message.contains("about 2 hours behind"), "{}", d.message);
        let d = run(
            &huawei(),
            Step::ListBuckets,
            Answer::response(403, &[], &s3_error("RequestTimeTooSkewed")),
        );
        assert!(d.message.contains("more than 15 minutes"), "{}", d.message);
    }

    #[test]
    fn network_failures_say_the_key_was_not_tested() {
        let d = run(
            &huawei(),
            Step::IamProjects,
            Answer::Failed {
                error: Failure::Network,
            },
        );
        assert_eq!(d.status, Status::Network);
        assert!(d.message.contains("not tested"));
    }

    // The example answer of IAM "Querying the Project List" (Huawei Cloud API reference).
    const PROJECTS: &str = r#"{"links":{"self":"https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4"},
      "projects":[{"is_domain":false,"description":"","links":{"self":"https://iam.myhuaweicloud.com/v3/projects/06f1cbbaf280106b2f14c00313a9d065"},
      "enabled":true,"id":"06f1cbbaf280106b2f14c00313a9d065","parent_id":"06f1cbbaf280106b2f14c00313a9d065","domain_id":"06f1cbbaf280106b2f14c00313a9d065","name":"cn-north-4"}]}"#;

    #[test]
    fn iam_projects_yield_the_project_id() {
        let d = run(
            &huawei(),
            Step::IamProjects,
            Answer::response(200, &[], PROJECTS),
        );
        assert_eq!(d.status, Status::Ok);
        assert_eq!(
            d.details.project_id.as_deref(),
            Some("06f1cbbaf280106b2f14c00313a9d065")
        );
        let empty = run(
            &huawei(),
            Step::IamProjects,
            Answer::response(200, &[], r#"{"projects":[]}"#),
        );
        assert_eq!(
            (empty.status, empty.severity),
            (Status::NoProject, Severity::Warning)
        );
    }

    #[test]
    fn api_gateway_errors_are_read_from_their_message() {
        let gateway = |status, msg: &str| {
            let body =
                format!(r#"{{"error_msg":"{msg}","error_code":"APIGW.0301","request_id":"x"}}"#);
            run(
                &huawei(),
                Step::IamProjects,
                Answer::response(status, &[], &body),
            )
            .status
        };
        assert_eq!(
            gateway(
                401,
                "Incorrect IAM authentication information: verify aksk signature fail"
            ),
            Status::BadSk
        );
        assert_eq!(
            gateway(
                401,
                "Incorrect IAM authentication information: ak not exist"
            ),
            Status::BadAk
        );
        assert_eq!(
            gateway(
                401,
                "Incorrect IAM authentication information: x-sdk-date expired"
            ),
            Status::ClockSkew
        );
        assert_eq!(
            gateway(
                401,
                "Incorrect IAM authentication information: the ak is locked"
            ),
            Status::Locked
        );
        assert_eq!(
            gateway(403, "The IAM user is not authorized to access the API"),
            Status::NoPermission
        );
    }

    fn with_bucket(region: &str) -> KeyCheck {
        let mut c = check(Provider::Huawei, region, vec![]);
        c.bucket = Some("train".into());
        c
    }

    #[test]
    fn bucket_checks_region_and_storage_class() {
        let head = |headers: &[(&str, &str)], status| {
            run(
                &with_bucket("cn-north-4"),
                Step::Bucket,
                Answer::response(status, headers, ""),
            )
        };
        let ok = head(
            &[
                ("x-obs-bucket-location", "cn-north-4"),
                ("x-obs-storage-class", "STANDARD"),
                ("x-obs-version", "3.0"),
            ],
            200,
        );
        assert_eq!(ok.status, Status::Ok);
        assert_eq!(ok.details.storage_class.as_deref(), Some("STANDARD"));
        assert_eq!(
            head(&[("x-obs-storage-class", "WARM")], 200).status,
            Status::ColdStorage
        );
        assert_eq!(
            head(&[("x-default-storage-class", "COLD")], 200).status,
            Status::ColdStorage
        );
        assert_eq!(
            head(&[("x-obs-version", "--")], 200).status,
            Status::OldBucket
        );
        assert_eq!(
            head(&[("x-amz-bucket-region", "af-south-1")], 200).status,
            Status::WrongRegion
        );
        assert_eq!(head(&[], 301).status, Status::WrongRegion);
        assert_eq!(head(&[], 404).status, Status::NoBucket);
        assert_eq!(head(&[], 403).status, Status::NoPermission);
        let redirected = run(
            &with_bucket("cn-north-4"),
            Step::Bucket,
            Answer::Failed {
                error: Failure::Redirect,
            },
        );
        assert_eq!(redirected.status, Status::WrongRegion);
    }

    const GUID: &str = "0123abcd-4567-89ef-0123-456789abcdef";

    fn ibm(guid: Option<&str>) -> KeyCheck {
        let mut c = check(Provider::Ibm, "eu-de", vec![]);
        c.profile.openscale_guid = guid.map(str::to_owned);
        c
    }

    #[test]
    fn ibm_token_leads_to_openscale_and_never_shows_the_token() {
        let body = r#"{"access_token":"eyJraWQiOi.secret.token","refresh_token":"not_supported","token_type":"Bearer","expires_in":3600,"expiration":1795000000,"scope":"ibm openid"}"#;
        let d = run(
            &ibm(Some(GUID)),
            Step::IbmToken,
            Answer::response(200, &[], body),
        );
        assert_eq!(d.status, Status::Ok);
        assert_eq!(d.next.len(), 1);
        assert_eq!(d.next[0].id, Step::OpenScaleDataMart);
        assert!(!d.message.contains("eyJ") && !format!("{:?}", d.details).contains("eyJ"));
        let without = run(&ibm(None), Step::IbmToken, Answer::response(200, &[], body));
        assert!(without.next.is_empty() && without.message.contains("GUID"));
    }

    #[test]
    fn ibm_unknown_key() {
        // IAM's documented answer to an unknown API key.
        let body = r#"{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found.","context":{"requestId":"r"}}"#;
        let d = run(&ibm(None), Step::IbmToken, Answer::response(400, &[], body));
        assert_eq!(d.status, Status::BadApiKey);
        assert_eq!(d.details.error_code.as_deref(), Some("BXNIM0415E"));
    }

    #[test]
    fn openscale_answers() {
        let s = |status| {
            run(
                &ibm(Some(GUID)),
                Step::OpenScaleDataMart,
                Answer::response(status, &[], "{}"),
            )
            .status
        };
        assert_eq!(s(200), Status::Ok);
        assert_eq!(s(404), Status::NoInstance);
        assert_eq!(s(403), Status::NoPermission);
        assert_eq!(s(500), Status::Unexpected);
    }

    #[test]
    fn messages_never_contain_a_secret() {
        let mut c = huawei();
        c.profile.credentials.push(Credential::AkSk(AkSk {
            access_key_id: "AK".into(),
            secret_access_key: "SECRETSECRET".into(),
            user_name: None,
            security_token: None,
            expires_at: None,
            issuer: AkIssuer::Huawei,
        }));
        for code in [
            "SignatureDoesNotMatch",
            "InvalidAccessKeyId",
            "RequestTimeTooSkewed",
        ] {
            let d = run(
                &c,
                Step::ListBuckets,
                Answer::response(403, &[], &s3_error(code)),
            );
            assert!(!serde_json::to_string(&d).unwrap().contains("SECRET"));
        }
    }
}

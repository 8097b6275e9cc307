//! Reads each answer of a key check and says what it means, in plain words and without any
//! secret: the key works, or which part of it is wrong and what to do about it.

use super::{plan, CheckError, CheckRequest, KeyCheck, Step};
use crate::cloud::answer::{count_elements, server_clock_offset, xml_error, Answer, Failure};
use crate::sign::ibm::{self, IbmError};
use crate::words::{message_codes, Param, Params};
use serde::{Deserialize, Serialize};

message_codes! {
    /// What a diagnosis says, in words that are `check_<code>` in `_locales`.
    pub enum DiagnosisCode {
        Network = "network" [],
        BucketsListed = "buckets-listed" [count],
        BadAk = "bad-ak" [],
        BadSk = "bad-sk" [],
        BadToken = "bad-token" [],
        ClockBehind = "clock-behind" [duration],
        ClockAhead = "clock-ahead" [duration],
        ClockSkew = "clock-skew" [],
        Locked = "locked" [],
        NoPermission = "no-permission" [],
        UnexpectedCode = "unexpected-code" [errorCode],
        UnexpectedStatus = "unexpected-status" [httpStatus],
        UnexpectedRedirect = "unexpected-redirect" [],
        ProjectFound = "project-found" [region],
        NoProject = "no-project" [region],
        BucketWrongRegion = "bucket-wrong-region" [bucket, bucketRegion, region],
        BucketElsewhere = "bucket-elsewhere" [bucket, region],
        NoBucket = "no-bucket" [bucket],
        BucketNoPermission = "bucket-no-permission" [bucket],
        ColdStorage = "cold-storage" [bucket, storageClass],
        OldBucket = "old-bucket" [bucket],
        BucketUsable = "bucket-usable" [bucket, region, storageClass],
        BucketUsableUnknownClass = "bucket-usable-unknown-class" [bucket, region],
        ApiKeyAccepted = "api-key-accepted" [],
        ApiKeyAcceptedNoGuid = "api-key-accepted-no-guid" [],
        BadApiKey = "bad-api-key" [],
        OpenScaleFound = "openscale-found" [region],
        NoInstance = "no-instance" [region],
        OpenScaleNoPermission = "openscale-no-permission" [region],
    }
}

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
    pub code: DiagnosisCode,
    pub params: Params,
    pub details: Details,
    /// The key itself is wrong: the remaining requests of the check would only add failed
    /// attempts (five in a row lock a Huawei key for five minutes), so send no more.
    pub stop: bool,
    /// Requests this answer made possible (the OpenScale read after an IBM token).
    #[serde(skip)]
    pub next: Vec<CheckRequest>,
}

impl Diagnosis {
    fn new(step: Step, status: Status, code: DiagnosisCode, details: Details) -> Self {
        Diagnosis {
            step,
            status,
            severity: status.severity(),
            code,
            params: Params::new(),
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

    fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(name, value.into());
        self
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
        DiagnosisCode::Network,
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
            DiagnosisCode::BucketsListed,
            details,
        )
        .with("count", count);
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
    key_failure(step, status, details)
}

/// A failure of the key itself (or its permissions), the same words for every service.
fn key_failure(step: Step, status: Status, details: Details) -> Diagnosis {
    let skew = details.skew_seconds;
    let code = match status {
        Status::BadAk => DiagnosisCode::BadAk,
        Status::BadSk => DiagnosisCode::BadSk,
        Status::BadToken => DiagnosisCode::BadToken,
        Status::ClockSkew => match skew {
            Some(s) if s > 0 => DiagnosisCode::ClockBehind,
            Some(_) => DiagnosisCode::ClockAhead,
            None => DiagnosisCode::ClockSkew,
        },
        Status::Locked => DiagnosisCode::Locked,
        _ => DiagnosisCode::NoPermission,
    };
    let diagnosis = Diagnosis::new(step, status, code, details);
    match skew {
        Some(s) if status == Status::ClockSkew => {
            diagnosis.with("duration", rounded_duration(s.unsigned_abs()))
        }
        _ => diagnosis,
    }
}

/// Seconds up to two minutes, then minutes, hours, days: precise enough to find the wrong clock.
fn rounded_duration(seconds: u64) -> Param {
    let (amount, unit) = match seconds {
        s if s < 120 => (s, "second"),
        s if s < 2 * 3600 => ((s + 30) / 60, "minute"),
        s if s < 2 * 86400 => ((s + 1800) / 3600, "hour"),
        s => ((s + 43200) / 86400, "day"),
    };
    Param::Quantity { amount, unit }
}

fn unexpected(step: Step, details: Details) -> Diagnosis {
    let (error_code, http_status) = (details.error_code.clone(), details.http_status);
    let diagnosis = |code| Diagnosis::new(step, Status::Unexpected, code, details);
    match (error_code, http_status) {
        (Some(code), _) => diagnosis(DiagnosisCode::UnexpectedCode).with("errorCode", code),
        (None, Some(status)) => {
            diagnosis(DiagnosisCode::UnexpectedStatus).with("httpStatus", usize::from(status))
        }
        (None, None) => diagnosis(DiagnosisCode::UnexpectedRedirect),
    }
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
                    DiagnosisCode::ProjectFound,
                    details,
                )
                .with("region", region)
            }
            None => Diagnosis::new(
                Step::IamProjects,
                Status::NoProject,
                DiagnosisCode::NoProject,
                details,
            )
            .with("region", region),
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
    key_failure(Step::IamProjects, status, details)
}

/// `HEAD /<bucket>`: no body, so everything comes from the status and the headers.
fn bucket(check: &KeyCheck, status: u16, answer: &Answer, mut details: Details) -> Diagnosis {
    let name = check.bucket.as_deref().unwrap_or_default();
    let region = check.profile.region();
    details.bucket_region = answer
        .first_header(&["x-obs-bucket-location", "x-amz-bucket-region"])
        .map(str::to_owned);
    let diagnosis = |status, code, details| {
        Diagnosis::new(Step::Bucket, status, code, details)
            .with("bucket", name)
            .with("region", region)
    };
    let in_other_region = details.bucket_region.as_ref().is_some_and(|r| r != region);
    if (300..400).contains(&status) || status == 0 || in_other_region {
        return match details.bucket_region.clone() {
            Some(bucket_region) => diagnosis(
                Status::WrongRegion,
                DiagnosisCode::BucketWrongRegion,
                details,
            )
            .with("bucketRegion", bucket_region),
            None => diagnosis(Status::WrongRegion, DiagnosisCode::BucketElsewhere, details),
        };
    }
    let about_bucket = |status, code, details| {
        Diagnosis::new(Step::Bucket, status, code, details).with("bucket", name)
    };
    match status {
        404 => return about_bucket(Status::NoBucket, DiagnosisCode::NoBucket, details),
        401 | 403 => {
            return about_bucket(
                Status::NoPermission,
                DiagnosisCode::BucketNoPermission,
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
        return about_bucket(Status::ColdStorage, DiagnosisCode::ColdStorage, details)
            .with("storageClass", class);
    }
    if details
        .bucket_version
        .as_ref()
        .is_some_and(|v| !v.starts_with('3'))
    {
        return about_bucket(Status::OldBucket, DiagnosisCode::OldBucket, details);
    }
    if class.is_empty() {
        return diagnosis(Status::Ok, DiagnosisCode::BucketUsableUnknownClass, details);
    }
    diagnosis(Status::Ok, DiagnosisCode::BucketUsable, details).with("storageClass", class)
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
            let code = if next.is_some() {
                DiagnosisCode::ApiKeyAccepted
            } else {
                DiagnosisCode::ApiKeyAcceptedNoGuid
            };
            let mut d = Diagnosis::new(Step::IbmToken, Status::Ok, code, details);
            d.next.extend(next);
            Ok(d)
        }
        Err(IbmError::Iam { code, .. }) if code == "BXNIM0415E" => {
            details.error_code = Some(code);
            Ok(Diagnosis::new(
                Step::IbmToken,
                Status::BadApiKey,
                DiagnosisCode::BadApiKey,
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
    let (status, code) = match status {
        200..=299 => (Status::Ok, DiagnosisCode::OpenScaleFound),
        404 => (Status::NoInstance, DiagnosisCode::NoInstance),
        401 | 403 => (Status::NoPermission, DiagnosisCode::OpenScaleNoPermission),
        _ => return unexpected(Step::OpenScaleDataMart, details),
    };
    Diagnosis::new(Step::OpenScaleDataMart, status, code, details).with("region", region)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::plan::tests::check;
    use crate::profile::{AkIssuer, AkSk, Credential, Provider};

    /// Every diagnosis of these tests carries exactly the params its code's words use.
    fn run(c: &KeyCheck, step: Step, answer: Answer) -> Diagnosis {
        let d = diagnose(c, step, &answer).unwrap();
        let mut declared = d.code.params().to_vec();
        declared.sort_unstable();
        assert!(d.params.keys().copied().eq(declared), "{d:?}");
        d
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
        assert_eq!(d.code, DiagnosisCode::UnexpectedStatus);
        assert_eq!(d.params["httpStatus"], Param::Number(502));
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
        assert_eq!(d.code, DiagnosisCode::ClockBehind);
        assert_eq!(
            d.params["duration"],
            Param::Quantity {
                amount: 2,
                unit: "hour"
            }
        );
        let d = run(
            &huawei(),
            Step::ListBuckets,
            Answer::response(403, &[], &s3_error("RequestTimeTooSkewed")),
        );
        assert_eq!(d.code, DiagnosisCode::ClockSkew);
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
        assert_eq!(d.code, DiagnosisCode::Network);
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
        assert!(!serde_json::to_string(&d).unwrap().contains("eyJ"));
        let without = run(&ibm(None), Step::IbmToken, Answer::response(200, &[], body));
        assert!(without.next.is_empty() && without.code == DiagnosisCode::ApiKeyAcceptedNoGuid);
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

//! What a cloud answer means, in codes and parameters the user reads in their language, and the
//! readings every action shares: the answer's status, a failure of the key itself, an answer
//! nothing explains. Each action's own file says what its answers mean.

use super::answer::{Answer, Failure};
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
        MissingPermission = "missing-permission" [permission],
        FoldersListed = "folders-listed" [bucket, count],
        BucketCreated = "bucket-created" [bucket, region],
        BucketTaken = "bucket-taken" [bucket, suggestion],
        BucketOwnedElsewhere = "bucket-owned-elsewhere" [bucket, region, suggestion],
        TooManyBuckets = "too-many-buckets" [],
        FolderCreated = "folder-created" [bucket, folder],
        AuthorizationsListed = "authorizations-listed" [count],
        Authorized = "authorized" [],
        AuthorizationRemoved = "authorization-removed" [],
        ModelArtsRefused = "modelarts-refused" [errorCode, message],
    }
}

/// What one answer says.
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
    /// A bucket name is someone else's (names are global).
    Taken,
    /// The service refused the request for a reason of its own, which its error code and message say.
    Refused,
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

    /// The key itself is wrong: any further signed request would only add a failed attempt
    /// (five in a row lock a Huawei key for five minutes), so a flow sends no more.
    pub fn key_is_wrong(self) -> bool {
        matches!(
            self,
            Status::BadAk
                | Status::BadSk
                | Status::BadToken
                | Status::ClockSkew
                | Status::Locked
                | Status::BadApiKey
        )
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

/// The meaning of one answer: a status, its code and params (the words), and what was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub status: Status,
    pub severity: Severity,
    pub code: DiagnosisCode,
    pub params: Params,
    pub details: Details,
}

impl Diagnosis {
    pub fn new(status: Status, code: DiagnosisCode, details: Details) -> Self {
        Diagnosis {
            status,
            severity: status.severity(),
            code,
            params: Params::new(),
            details,
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(name, value.into());
        self
    }

    pub fn ok(code: DiagnosisCode, details: Details) -> Self {
        Diagnosis::new(Status::Ok, code, details)
    }

    pub fn network() -> Self {
        Diagnosis::new(Status::Network, DiagnosisCode::Network, Details::default())
    }
}

/// An answer's HTTP status (0 after a refused redirect), body and first details, or the
/// diagnosis of a request that reached no server.
pub fn received(answer: &Answer) -> Result<(u16, &str, Details), Diagnosis> {
    let (status, body) = match answer {
        Answer::Failed {
            error: Failure::Network,
        } => return Err(Diagnosis::network()),
        Answer::Failed {
            error: Failure::Redirect,
        } => (None, ""),
        Answer::Response { status, body, .. } => (Some(*status), body.as_str()),
    };
    let details = Details {
        http_status: status,
        ..Details::default()
    };
    Ok((status.unwrap_or(0), body, details))
}

/// A failure of the key itself (or its permissions), the same words for every service.
pub fn key_failure(status: Status, details: Details) -> Diagnosis {
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
    let diagnosis = Diagnosis::new(status, code, details);
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

/// An answer none of the action's readings explains: its error code, else its HTTP status.
pub fn unexpected(details: Details) -> Diagnosis {
    let (error_code, http_status) = (details.error_code.clone(), details.http_status);
    let diagnosis = |code| Diagnosis::new(Status::Unexpected, code, details);
    match (error_code, http_status) {
        (Some(code), _) => diagnosis(DiagnosisCode::UnexpectedCode).with("errorCode", code),
        (None, Some(status)) => {
            diagnosis(DiagnosisCode::UnexpectedStatus).with("httpStatus", usize::from(status))
        }
        (None, None) => diagnosis(DiagnosisCode::UnexpectedRedirect),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every diagnosis of the actions' tests carries exactly the params its code's words use.
    pub(crate) fn checked(d: Diagnosis) -> Diagnosis {
        let mut declared = d.code.params().to_vec();
        declared.sort_unstable();
        assert!(d.params.keys().copied().eq(declared), "{d:?}");
        d
    }

    #[test]
    fn network_failures_say_nothing_was_tested() {
        let d = received(&Answer::Failed {
            error: Failure::Network,
        })
        .unwrap_err();
        assert_eq!(
            (d.status, d.code),
            (Status::Network, DiagnosisCode::Network)
        );
        let (status, _, details) = received(&Answer::Failed {
            error: Failure::Redirect,
        })
        .unwrap();
        assert_eq!((status, details.http_status), (0, None));
        assert_eq!(
            checked(unexpected(details)).code,
            DiagnosisCode::UnexpectedRedirect
        );
    }

    #[test]
    fn clock_skew_is_rounded_to_a_readable_unit() {
        let skewed = |s| {
            checked(key_failure(
                Status::ClockSkew,
                Details {
                    skew_seconds: Some(s),
                    ..Details::default()
                },
            ))
        };
        assert_eq!(skewed(7500).code, DiagnosisCode::ClockBehind);
        assert_eq!(
            skewed(-7500).params["duration"],
            Param::Quantity {
                amount: 2,
                unit: "hour"
            }
        );
        assert_eq!(
            skewed(90).params["duration"],
            Param::Quantity {
                amount: 90,
                unit: "second"
            }
        );
        assert!(Status::ClockSkew.key_is_wrong() && !Status::NoPermission.key_is_wrong());
    }
}

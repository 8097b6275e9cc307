//! The vocabulary of a key check as the vault stores it (`Profile::last_check`): which request a
//! line is about, what its answer said, how bad that is, and the facts read from it. Their serde
//! names are the stored format, so they live in the model: the cloud actions and flows that produce
//! them import them from here.

use crate::words::message_codes;
use serde::{Deserialize, Serialize};
use tsify_next::Tsify;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
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

/// Which request of a check an answer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub enum Step {
    /// OBS / S3 `GET /` (ListBuckets): proves AK and SK.
    #[serde(rename = "obs.list-buckets")]
    ListBuckets,
    /// Huawei IAM `GET /v3/auth/projects` (APIG signature): yields the project ID. (Stored
    /// checks name it so since it read `GET /v3/projects`.)
    #[serde(rename = "iam.projects")]
    IamProjects,
    /// `HEAD /<bucket>`: existence, region and storage class of the ModelArts bucket.
    #[serde(rename = "obs.bucket")]
    Bucket,
    /// IBM IAM token exchange for an API key.
    #[serde(rename = "ibm.token")]
    IbmToken,
    /// Watson OpenScale data mart, read with the token.
    #[serde(rename = "openscale.data-mart")]
    OpenScaleDataMart,
    /// Huawei IAM `GET /v3.0/OS-CREDENTIAL/credentials/{access_key}`: when the key was made (the
    /// profile keeps it; no line is recorded for it).
    #[serde(rename = "iam.key")]
    KeyRecord,
}

//! `PUT /` on `{bucket}.{obs host}`: a private bucket of the STANDARD class in the profile's
//! region, as esdk-obs-python's `createBucket(bucket, CreateBucketHeader(aclControl='private',
//! storageClass='STANDARD'), region)` sends it (`src/obs/convertor.py` `trans_create_bucket`,
//! `trans_bucket_location`). OBS API reference *Creating a Bucket* (obs_04_0021): the same name
//! in the same account and region answers 200; any other namesake 409, `BucketAlreadyOwnedByYou`
//! when it is the account's own bucket in another region (*Error Codes*), `BucketAlreadyExists`
//! when it is someone else's.

use super::{bucket_request, denied_or_failed, key_error};
use crate::cloud::answer::{xml_error, Answer};
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::profile::region::region_param;
use crate::profile::{DiagnosisCode, Status};

pub const PERMISSION: &str = "obs:bucket:CreateBucket";

pub fn request(key: &SigningKey, obs: &Origin, bucket: &str) -> Result<Request, RequestError> {
    let headers = vec![
        // A browser would label a text body `text/plain`; OBS signs the content type.
        ("Content-Type".to_owned(), "application/xml".to_owned()),
        ("x-obs-acl".to_owned(), "private".to_owned()),
        ("x-obs-storage-class".to_owned(), "STANDARD".to_owned()),
    ];
    let body = format!(
        "<CreateBucketConfiguration><Location>{}</Location></CreateBucketConfiguration>",
        key.region
    );
    bucket_request(key, obs, bucket, "PUT", "", headers, Some(body))
}

/// `name-suffix`, shortened to stay a valid name (at most 63 characters).
pub fn suggest(name: &str, suffix: &str) -> String {
    let room = 63usize.saturating_sub(suffix.len() + 1);
    let stem = name[..name.len().min(room)].trim_end_matches(['-', '.']);
    format!("{stem}-{suffix}")
}

/// Created (or already the user's there), or why not. `suffix` makes the suggestion for a name
/// that cannot be used here (the caller's clock gives one).
pub fn diagnose(
    answer: &Answer,
    bucket: &str,
    region: &str,
    suffix: &str,
    sent_at: &str,
) -> Diagnosis {
    let (status, body, details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return unreached,
    };
    if (200..300).contains(&status) {
        return Diagnosis::ok(DiagnosisCode::BucketCreated, details)
            .with("bucket", bucket)
            .with("region", region_param(region));
    }
    let code = xml_error(body).map(|e| e.code).unwrap_or_default();
    match (status, code.as_str()) {
        // Yours, but in another region: not usable from this one, and nothing is put into it.
        (409, "BucketAlreadyOwnedByYou") => Diagnosis::new(
            Status::WrongRegion,
            DiagnosisCode::BucketOwnedElsewhere,
            details,
        )
        .with("bucket", bucket)
        .with("region", region_param(region))
        .with("suggestion", suggest(bucket, suffix)),
        (409, _) => Diagnosis::new(Status::Taken, DiagnosisCode::BucketTaken, details)
            .with("bucket", bucket)
            .with("suggestion", suggest(bucket, suffix)),
        (_, "TooManyBuckets") => {
            Diagnosis::new(Status::Unexpected, DiagnosisCode::TooManyBuckets, details)
        }
        (403, _) => denied_or_failed(answer, body, sent_at, details, PERMISSION),
        _ => key_error(answer, body, sent_at, details).unwrap_or_else(unexpected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, profile, TIMESTAMP};
    use crate::cloud::obs::tests::{fixture, s3_error};
    use crate::profile::Provider;

    #[test]
    fn a_private_standard_bucket_in_the_region() {
        let p = profile(Provider::Huawei, "ap-southeast-3", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).obs.unwrap(), "ml-data").unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "PUT",
                "https://ml-data.obs.ap-southeast-3.myhuaweicloud.com/"
            )
        );
        assert_eq!(header(&r.headers, "x-obs-acl"), Some("private"));
        assert_eq!(header(&r.headers, "x-obs-storage-class"), Some("STANDARD"));
        let body = r.body.as_ref().unwrap();
        assert_eq!(
            body.shown,
            "<CreateBucketConfiguration><Location>ap-southeast-3</Location></CreateBucketConfiguration>"
        );
        assert_eq!(body.sent.expose(), body.shown);
        assert_eq!(
            request(&key, &endpoints(&p).obs.unwrap(), "ML_data").unwrap_err(),
            RequestError::InvalidBucket
        );
    }

    #[test]
    fn suggestions_stay_valid_names() {
        assert_eq!(suggest("ml-data", "301105"), "ml-data-301105");
        let long = suggest(&"a".repeat(63), "301105");
        assert_eq!(long.len(), 63);
        assert!(crate::cloud::obs::valid_bucket(&long).is_ok());
        assert_eq!(
            suggest(&format!("{}-b", "a".repeat(55)), "301105"),
            format!("{}-301105", "a".repeat(55))
        );
    }

    #[test]
    fn taken_owned_refused() {
        let answer = |status, code: &str| Answer::response(status, &[], &s3_error(code));
        let read = |a: Answer| checked(diagnose(&a, "ml-data", "eu-west-0", "301105", TIMESTAMP));
        assert_eq!(
            read(fixture("create-bucket.http")).code,
            DiagnosisCode::BucketCreated
        );
        let taken = read(fixture("create-bucket-exists.http"));
        assert_eq!(
            (taken.status, taken.params["suggestion"].clone()),
            (Status::Taken, "ml-data-301105".into())
        );
        let elsewhere = read(fixture("create-bucket-owned-by-you.http"));
        assert_eq!(
            (elsewhere.status, elsewhere.code),
            (Status::WrongRegion, DiagnosisCode::BucketOwnedElsewhere)
        );
        assert_ne!(elsewhere.severity, crate::profile::Severity::Ok);
        assert_eq!(elsewhere.params["suggestion"], "ml-data-301105".into());
        for (status, code, expected) in [
            (400, "TooManyBuckets", DiagnosisCode::TooManyBuckets),
            (403, "AccessDenied", DiagnosisCode::MissingPermission),
            (403, "SignatureDoesNotMatch", DiagnosisCode::BadSk),
        ] {
            assert_eq!(read(answer(status, code)).code, expected, "{code}");
        }
    }
}

//! `HEAD /` on a bucket: whether it exists and is the user's, its region
//! (`x-obs-bucket-location`, S3: `x-amz-bucket-region`), default storage class
//! (`x-obs-storage-class`, S3-compatible: `x-default-storage-class`) and OBS generation
//! (`x-obs-version`: `3.0` for a bucket of the latest version, `--` for an earlier one). OBS API
//! reference *Obtaining Bucket Metadata*; header names from esdk-obs-python `src/obs/convertor.py`
//! (`Adapter`, `parseGetBucketMetadata`). Asked through another region's host, OBS answers
//! `301 PermanentRedirect` (*Error Codes*), S3 names the bucket's region.

use super::{bucket_request, bucket_url, valid_bucket};
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis};
use crate::cloud::key::{signed, SigningKey};
use crate::cloud::{Request, RequestError};
use crate::profile::region::region_param;
use crate::profile::{DiagnosisCode, Status};
use crate::sign::Scheme;
use crate::words::Param;

/// The IAM permission a HEAD on a bucket needs (OBS API reference, *Bucket actions*).
pub const PERMISSION: &str = "obs:bucket:HeadBucket";

/// `scheme`: SigV4 for the key check (AWS and OBS both take it), OBS's own for ModelArts'
/// preparation (esdk-obs-python's `getBucketMetadata`).
pub fn request(
    key: &SigningKey,
    obs: &Origin,
    bucket: &str,
    scheme: Scheme,
) -> Result<Request, RequestError> {
    if scheme == Scheme::Obs {
        return bucket_request(key, obs, bucket, "HEAD", "", vec![], None);
    }
    let url = bucket_url(obs, valid_bucket(bucket)?, "");
    signed(&key.regional(scheme, "HEAD", url)?, None)
}

/// The storage classes a bucket may report, shown with their words (`storage_class_<class>` in
/// `_locales`): OBS's names and the S3-compatible ones, as esdk-obs-python lists them
/// (`obs/convertor.py`: `OBS_ALLOWED_STORAGE_CLASS`, `V2_ALLOWED_STORAGE_CLASS`).
pub const STORAGE_CLASSES: &[&str] = &[
    "STANDARD",
    "WARM",
    "COLD",
    "DEEP_ARCHIVE",
    "INTELLIGENT_TIERING",
    "STANDARD_IA",
    "GLACIER",
];

/// A storage class as the service names it (`WARM`), with its words when it is a known one.
pub fn storage_class_param(class: &str) -> Param {
    Param::coded("storage_class", class, STORAGE_CLASSES.contains(&class))
}

/// The `_locales` keys of the storage classes' words.
pub fn terms() -> impl Iterator<Item = String> {
    STORAGE_CLASSES
        .iter()
        .map(|class| crate::words::locale_key("storage_class", class))
}

/// Storage classes ModelArts cannot train from (OBS's names and the S3-compatible ones).
pub const COLD_CLASSES: &[&str] = &["WARM", "COLD", "STANDARD_IA", "GLACIER", "DEEP_ARCHIVE"];

/// No body, so everything comes from the status and the headers.
pub fn diagnose(answer: &Answer, bucket: &str, region: &str) -> Diagnosis {
    let (status, _, mut details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return unreached,
    };
    details.bucket_region = answer
        .first_header(&["x-obs-bucket-location", "x-amz-bucket-region"])
        .map(str::to_owned);
    let diagnosis = |status, code, details| {
        Diagnosis::new(status, code, details)
            .with("bucket", bucket)
            .with("region", region_param(region))
    };
    let in_other_region = details.bucket_region.as_ref().is_some_and(|r| r != region);
    if (300..400).contains(&status) || status == 0 || in_other_region {
        return match details.bucket_region.clone() {
            Some(bucket_region) => diagnosis(
                Status::WrongRegion,
                DiagnosisCode::BucketWrongRegion,
                details,
            )
            .with("bucketRegion", region_param(&bucket_region)),
            None => diagnosis(Status::WrongRegion, DiagnosisCode::BucketElsewhere, details),
        };
    }
    let about_bucket =
        |status, code, details| Diagnosis::new(status, code, details).with("bucket", bucket);
    match status {
        404 => return about_bucket(Status::NoBucket, DiagnosisCode::NoBucket, details),
        401 | 403 => {
            return about_bucket(
                Status::NoPermission,
                DiagnosisCode::BucketNoPermission,
                details,
            )
        }
        s if !(200..300).contains(&s) => return unexpected(details),
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
    if COLD_CLASSES.contains(&class.as_str()) {
        return about_bucket(Status::ColdStorage, DiagnosisCode::ColdStorage, details)
            .with("storageClass", storage_class_param(&class));
    }
    if is_old_generation(details.bucket_version.as_deref()) {
        return about_bucket(Status::OldBucket, DiagnosisCode::OldBucket, details);
    }
    if class.is_empty() {
        return diagnosis(Status::Ok, DiagnosisCode::BucketUsableUnknownClass, details);
    }
    diagnosis(Status::Ok, DiagnosisCode::BucketUsable, details)
        .with("storageClass", storage_class_param(&class))
}

/// 2nd-generation OBS buckets answer `x-obs-version: 3.0`, earlier ones `--`; ModelArts needs the
/// 2nd. A server that names no version (S3) has no generations to tell apart.
pub fn is_old_generation(version: Option<&str>) -> bool {
    version.is_some_and(|v| !v.starts_with('3'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::answer::Failure;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, endpoint, header, profile, AK, TIMESTAMP};
    use crate::cloud::obs::tests::fixture;
    use crate::profile::Provider;

    #[test]
    fn virtual_host_on_the_catalog_path_style_on_a_custom_origin() {
        let mut p = profile(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(
            &key,
            &endpoints(&p).obs.unwrap(),
            "training-data",
            Scheme::Aws4,
        )
        .unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "HEAD",
                "https://training-data.oss.eu-west-0.prod-cloud-ocb.orange-business.com/"
            )
        );
        assert_eq!(
            request(&key, &endpoints(&p).obs.unwrap(), "Bad_Name", Scheme::Obs).unwrap_err(),
            RequestError::InvalidBucket
        );
        p.endpoint = endpoint("http://127.0.0.1:5000");
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).obs.unwrap(), "data", Scheme::Aws4).unwrap();
        assert_eq!(r.url, "http://127.0.0.1:5000/data/");
        let r = request(&key, &endpoints(&p).obs.unwrap(), "data", Scheme::Obs).unwrap();
        assert_eq!(r.url, "http://127.0.0.1:5000/data/");
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .starts_with(&format!("OBS {AK}:")));
    }

    #[test]
    fn the_documented_answers() {
        let read = |name| checked(diagnose(&fixture(name), "examplebucket", "region"));
        let latest = read("head-bucket.http");
        assert_eq!(
            (latest.code, latest.details.bucket_region.as_deref()),
            (DiagnosisCode::BucketUsable, Some("region"))
        );
        assert_eq!(
            (
                latest.details.storage_class.as_deref(),
                latest.details.bucket_version.as_deref()
            ),
            (Some("STANDARD"), Some("3.0"))
        );
        let earlier = read("head-bucket-earlier-version.http");
        assert_eq!(earlier.status, Status::OldBucket);
        assert!(is_old_generation(earlier.details.bucket_version.as_deref()));
        let other = checked(diagnose(&fixture("head-bucket.http"), "b", "cn-north-4"));
        assert_eq!(other.code, DiagnosisCode::BucketWrongRegion);
        let moved = read("permanent-redirect.http");
        assert_eq!(
            (moved.status, moved.code),
            (Status::WrongRegion, DiagnosisCode::BucketElsewhere)
        );
    }

    #[test]
    fn region_and_storage_class() {
        let head = |headers: &[(&str, &str)], status| {
            checked(diagnose(
                &Answer::response(status, headers, ""),
                "train",
                "cn-north-4",
            ))
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
        assert_eq!(head(&[], 200).code, DiagnosisCode::BucketUsableUnknownClass);
        let redirected = checked(diagnose(
            &Answer::Failed {
                error: Failure::Redirect,
            },
            "train",
            "cn-north-4",
        ));
        assert_eq!(redirected.status, Status::WrongRegion);
    }
}

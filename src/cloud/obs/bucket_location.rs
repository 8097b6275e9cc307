//! `GET /?location` on a bucket: the region it lives in. OBS answers
//! `<Location xmlns="…">region</Location>`, S3-compatible mode `<LocationConstraint>`
//! (esdk-obs-python `src/obs/convertor.py` `parseGetBucketLocation`; OBS API reference
//! *Obtaining Bucket Location*).

use super::{bucket_request, read, root_or_child_text};
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{Diagnosis, DiagnosisCode};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};

/// The IAM permission this request needs (named when it is refused).
pub const PERMISSION: &str = "obs:bucket:GetBucketLocation";

pub fn request(key: &SigningKey, obs: &Origin, bucket: &str) -> Result<Request, RequestError> {
    bucket_request(key, obs, bucket, "GET", "?location", vec![], None)
}

pub fn parse(body: &str) -> Option<String> {
    root_or_child_text(body, "LocationConstraint")
}

/// The bucket's region, or what its absence means.
pub fn diagnose(answer: &Answer, bucket: &str, sent_at: &str) -> (Diagnosis, Option<String>) {
    read(answer, sent_at, PERMISSION, parse, |region, mut details| {
        details.bucket_region = Some(region.clone());
        Diagnosis::ok(DiagnosisCode::LocationRead, details)
            .with("bucket", bucket)
            .with("bucketRegion", region.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, profile, AK, TIMESTAMP};
    use crate::cloud::obs::tests::s3_error;
    use crate::cloud::Status;
    use crate::profile::Provider;

    // OBS API reference, *Obtaining Bucket Location* (obs_04_0024), example response.
    const OBS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Location xmlns="http://obs.region.example.com/doc/2015-06-30/">region</Location>"#;

    #[test]
    fn signed_with_the_location_sub_resource() {
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).obs.unwrap(), "train").unwrap();
        assert_eq!(
            r.url,
            "https://train.obs.cn-north-4.myhuaweicloud.com/?location"
        );
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .starts_with(&format!("OBS {AK}:")));
        assert!(header(&r.headers, "x-obs-date").is_some());
    }

    #[test]
    fn reads_obs_and_s3_answers() {
        assert_eq!(parse(OBS).as_deref(), Some("region"));
        assert_eq!(
            parse("<CreateBucketConfiguration><LocationConstraint>eu-west-0</LocationConstraint></CreateBucketConfiguration>").as_deref(),
            Some("eu-west-0")
        );
        let (d, region) = diagnose(&Answer::response(200, &[], OBS), "b", TIMESTAMP);
        assert_eq!(
            (checked(d).status, region.as_deref()),
            (Status::Ok, Some("region"))
        );
        let (d, _) = diagnose(
            &Answer::response(403, &[], &s3_error("AccessDenied")),
            "b",
            TIMESTAMP,
        );
        let d = checked(d);
        assert_eq!(
            (d.status, d.code),
            (Status::NoPermission, DiagnosisCode::MissingPermission)
        );
        assert_eq!(
            d.params["permission"],
            crate::words::Param::from(PERMISSION)
        );
    }
}

//! `GET /?storageClass` on a bucket: its default storage class. OBS answers
//! `<StorageClass xmlns="…">STANDARD</StorageClass>` (OBS API reference *Obtaining Bucket Storage
//! Class Information*, obs_04_0045); S3-compatible mode `<DefaultStorageClass>` (esdk-obs-python
//! `src/obs/convertor.py` `parseGetBucketStoragePolicy`).

use super::{bucket_request, read, root_or_child_text};
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{Diagnosis, DiagnosisCode};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};

pub const PERMISSION: &str = "obs:bucket:GetBucketStoragePolicy";

pub fn request(key: &SigningKey, obs: &Origin, bucket: &str) -> Result<Request, RequestError> {
    bucket_request(key, obs, bucket, "GET", "?storageClass", vec![], None)
}

pub fn parse(body: &str) -> Option<String> {
    root_or_child_text(body, "DefaultStorageClass")
}

pub fn diagnose(answer: &Answer, bucket: &str, sent_at: &str) -> (Diagnosis, Option<String>) {
    read(answer, sent_at, PERMISSION, parse, |class, mut details| {
        details.storage_class = Some(class.clone());
        Diagnosis::ok(DiagnosisCode::StorageClassRead, details)
            .with("bucket", bucket)
            .with("storageClass", class.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::key::tests::TIMESTAMP;
    use crate::cloud::Status;

    // obs_04_0045's example response.
    const OBS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<StorageClass xmlns="http://obs.example.com/doc/2015-06-30/">STANDARD</StorageClass>"#;

    #[test]
    fn reads_obs_and_s3_answers() {
        assert_eq!(parse(OBS).as_deref(), Some("STANDARD"));
        assert_eq!(
            parse("<StoragePolicy><DefaultStorageClass>STANDARD_IA</DefaultStorageClass></StoragePolicy>").as_deref(),
            Some("STANDARD_IA")
        );
        let (d, class) = diagnose(&Answer::response(200, &[], OBS), "b", TIMESTAMP);
        assert_eq!(
            (checked(d).status, class.as_deref()),
            (Status::Ok, Some("STANDARD"))
        );
        let (d, _) = diagnose(&Answer::response(403, &[], ""), "b", TIMESTAMP);
        assert_eq!(checked(d).code, DiagnosisCode::MissingPermission);
    }
}

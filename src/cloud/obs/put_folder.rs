//! `PUT /{folder}/` with an empty body: a "folder" in OBS is a zero-byte object whose key ends in
//! `/` (esdk-obs-python `examples/create_folder_sample.py`: `putContent(bucket, 'folder/', '')`).

use super::{bucket_request, denied_or_failed};
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, Diagnosis};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::profile::DiagnosisCode;
use crate::sign::encode::encode_path;

pub const PERMISSION: &str = "obs:object:PutObject";

/// `folder` as the user typed it (`data`, `data/`, `raw/images`): one `/` at the end, none at
/// the start, no empty or dot segments, at most 1,024 bytes (OBS's key limit).
pub fn folder_key(folder: &str) -> Option<String> {
    let trimmed = folder.trim().trim_matches('/');
    let ok = !trimmed.is_empty()
        && trimmed.len() < 1024
        && trimmed
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.chars().any(char::is_control));
    ok.then(|| format!("{trimmed}/"))
}

pub fn request(
    key: &SigningKey,
    obs: &Origin,
    bucket: &str,
    folder: &str,
) -> Result<Request, RequestError> {
    let folder = folder_key(folder).ok_or(RequestError::InvalidFolder)?;
    bucket_request(key, obs, bucket, "PUT", &encode_path(&folder), vec![], None)
}

pub fn diagnose(answer: &Answer, bucket: &str, folder: &str, sent_at: &str) -> Diagnosis {
    let (status, body, details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return unreached,
    };
    if !(200..300).contains(&status) {
        return denied_or_failed(answer, body, sent_at, details, PERMISSION);
    }
    Diagnosis::ok(DiagnosisCode::FolderCreated, details)
        .with("bucket", bucket)
        .with("folder", folder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, profile, TIMESTAMP};
    use crate::profile::Provider;

    #[test]
    fn folder_names_end_in_one_slash() {
        for (typed, key) in [
            ("data", Some("data/")),
            ("/models/", Some("models/")),
            ("raw/images", Some("raw/images/")),
            ("", None),
            ("a//b", None),
            ("../x", None),
            ("/", None),
        ] {
            assert_eq!(folder_key(typed).as_deref(), key, "{typed}");
        }
    }

    #[test]
    fn an_empty_put_on_the_encoded_key() {
        let p = profile(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).obs.unwrap(), "train", "my data").unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "PUT",
                "https://train.oss.eu-west-0.prod-cloud-ocb.orange-business.com/my%20data/"
            )
        );
        assert!(r.body.is_none());
        assert_eq!(
            request(&key, &endpoints(&p).obs.unwrap(), "train", "..").unwrap_err(),
            RequestError::InvalidFolder
        );
    }
}

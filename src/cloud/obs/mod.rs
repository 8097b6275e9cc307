//! Object storage: Huawei OBS (Orange Flexible Engine's is the same service) and the
//! S3-compatible requests AWS keys are checked with. One file per action.

pub mod bucket_name;
pub mod create_bucket;
pub mod head_bucket;
pub mod list_buckets;
pub mod list_folders;
pub mod presign_object;
pub mod put_folder;

use super::answer::{server_clock_offset, xml_error, Answer};
use super::catalog::Origin;
use super::diagnosis::{key_failure, received, unexpected, Diagnosis};
use super::key::{signed, SigningKey};
use super::{Request, RequestError};
use crate::profile::{Details, DiagnosisCode, Status};
use crate::sign::Scheme;

pub use bucket_name::valid_bucket;

/// Virtual-host style on the catalog's hosts (what OBS expects); path style on a custom origin,
/// which has no wildcard DNS. `path` is already encoded.
pub fn bucket_url(obs: &Origin, bucket: &str, path: &str) -> String {
    if obs.custom {
        format!("{}/{bucket}/{path}", obs.base())
    } else {
        format!("{}/{path}", obs.sub_base(bucket))
    }
}

/// The bucket an OBS-signed request names in its canonical resource: the virtual host's, none
/// for a path-style URL (which carries it in the path).
pub fn signed_bucket(obs: &Origin, bucket: &str) -> Option<String> {
    (!obs.custom).then(|| bucket.to_owned())
}

/// A request on `bucket` signed with OBS's own signature, as esdk-obs-python sends it
/// (`src/obs/auth.py`): `path` (encoded, with its sub-resource query) after the bucket, `body`
/// shown as sent (OBS bodies here never hold a secret).
pub fn bucket_request(
    key: &SigningKey,
    obs: &Origin,
    bucket: &str,
    method: &str,
    path: &str,
    headers: Vec<(String, String)>,
    body: Option<String>,
) -> Result<Request, RequestError> {
    let url = bucket_url(obs, valid_bucket(bucket)?, path);
    let mut request = key.regional(Scheme::Obs, method, url)?;
    request.bucket = signed_bucket(obs, bucket);
    request.headers = headers;
    if let Some(body) = &body {
        request.body = body.clone().into_bytes();
    }
    signed(&request, body)
}

/// A 403 that names the IAM permission (OBS's action name) the key lacks for this request; any
/// other failure as [`storage_error`] reads it.
pub fn denied_or_failed(
    answer: &Answer,
    body: &str,
    sent_at: &str,
    details: Details,
    permission: &str,
) -> Diagnosis {
    let diagnosis = storage_error(answer, body, sent_at, details);
    let denied = diagnosis.status == Status::NoPermission
        || (diagnosis.status == Status::Unexpected && diagnosis.details.http_status == Some(403));
    if !denied {
        return diagnosis;
    }
    Diagnosis::new(
        Status::NoPermission,
        DiagnosisCode::MissingPermission,
        diagnosis.details,
    )
    .with("permission", permission)
}

/// A read on a bucket: what `parse` finds in a 2xx body, said by `found`; or what the answer
/// means otherwise (a 403 naming `permission`).
pub fn read<T>(
    answer: &Answer,
    sent_at: &str,
    permission: &str,
    parse: fn(&str) -> Option<T>,
    found: impl FnOnce(&T, Details) -> Diagnosis,
) -> (Diagnosis, Option<T>) {
    let (status, body, details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return (unreached, None),
    };
    if !(200..300).contains(&status) {
        return (
            denied_or_failed(answer, body, sent_at, details, permission),
            None,
        );
    }
    match parse(body) {
        Some(value) => (found(&value, details), Some(value)),
        None => (unexpected(details), None),
    }
}

/// The OBS / S3 `<Error>` answer read as a failure of the key where it is one, `Err` with the
/// details otherwise (the action then says what its own codes mean).
pub fn key_error(
    answer: &Answer,
    body: &str,
    sent_at: &str,
    mut details: Details,
) -> Result<Diagnosis, Details> {
    let Some(error) = xml_error(body) else {
        return Err(details);
    };
    details.error_code = Some(error.code.clone());
    let status = match error.code.as_str() {
        "InvalidAccessKeyId" => Status::BadAk,
        "SignatureDoesNotMatch" => Status::BadSk,
        "RequestTimeTooSkewed" => Status::ClockSkew,
        "InvalidToken" | "ExpiredToken" | "TokenRefreshRequired" => Status::BadToken,
        "AccessDenied" | "AllAccessDisabled" => Status::NoPermission,
        _ => return Err(details),
    };
    if status == Status::ClockSkew {
        details.skew_seconds = server_clock_offset(answer, error.server_time.as_deref(), sent_at);
    }
    Ok(key_failure(status, details))
}

/// [`key_error`], or the answer nothing explains.
pub fn storage_error(answer: &Answer, body: &str, sent_at: &str, details: Details) -> Diagnosis {
    key_error(answer, body, sent_at, details).unwrap_or_else(unexpected)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;

    /// An answer of `tests/fixtures/cloud-answers/obs/` (status line, headers, blank line, body:
    /// what the OBS API reference documents, see its `SOURCES.md`).
    pub(crate) fn fixture(name: &str) -> Answer {
        let path = format!(
            "{}/tests/fixtures/cloud-answers/obs/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect(&path);
        let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).expect(&path);
        let headers: Vec<(&str, &str)> = lines.filter_map(|l| l.split_once(": ")).collect();
        Answer::response(status.parse().expect(&path), &headers, body)
    }

    pub(crate) fn s3_error(code: &str) -> String {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>m</Message><RequestId>r</RequestId><HostId>h</HostId></Error>")
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
            let answer = Answer::response(403, &[], &s3_error(code));
            let details = Details {
                http_status: Some(403),
                ..Details::default()
            };
            let d = checked(storage_error(
                &answer,
                &s3_error(code),
                "20261123T110000Z",
                details,
            ));
            assert_eq!(d.status, status, "{code}");
            assert_eq!(d.details.error_code.as_deref(), Some(code));
        }
    }

    #[test]
    fn clock_skew_says_by_how_much_and_which_way() {
        // The request was signed at 11:00; the server says 13:05.
        let body = s3_error("RequestTimeTooSkewed");
        let answer = Answer::response(403, &[("Date", "Mon, 23 Nov 2026 13:05:00 GMT")], &body);
        let d = checked(storage_error(
            &answer,
            &body,
            "20261123T110000Z",
            Details::default(),
        ));
        assert_eq!(d.status, Status::ClockSkew);
        assert_eq!(d.details.skew_seconds, Some(7500));
        let answer = Answer::response(403, &[], &body);
        let d = checked(storage_error(
            &answer,
            &body,
            "20261123T110000Z",
            Details::default(),
        ));
        assert_eq!(d.code, crate::profile::DiagnosisCode::ClockSkew);
    }
}

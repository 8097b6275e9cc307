//! `GET /` on the regional object-storage host (ListBuckets): proves AK and SK, and lists the
//! account's buckets in every region, whatever the host (OBS API reference *Listing Buckets*).
//! Asked with `x-obs-location: true`, as esdk-obs-python's `listBuckets(isQueryLocation=True)`
//! asks by default (`src/obs/convertor.py` `trans_list_buckets`), OBS names each bucket's region
//! in `<Location>` (read by `parseListBuckets`); S3 names none.

use super::denied_or_failed;
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, Diagnosis};
use crate::cloud::key::{signed, SigningKey};
use crate::cloud::{Request, RequestError};
use crate::profile::{DiagnosisCode, Provider, Status};
use crate::sign::Scheme;
use serde::Serialize;

/// The IAM permission listing buckets needs, named when it is refused: OBS's action name (as
/// the other bucket reads name theirs), S3's for an AWS key.
pub fn permission(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => "s3:ListAllMyBuckets",
        _ => "obs:bucket:ListAllMyBuckets",
    }
}

/// `scheme`: SigV4 for the key check (AWS and OBS both take it), OBS's own for ModelArts'
/// preparation (what esdk-obs-python sends), which also asks for each bucket's region.
pub fn request(key: &SigningKey, obs: &Origin, scheme: Scheme) -> Result<Request, RequestError> {
    let mut request = key.regional(scheme, "GET", format!("{}/", obs.base()))?;
    if scheme == Scheme::Obs {
        request.headers = vec![("x-obs-location".to_owned(), "true".to_owned())];
    }
    signed(&request, None)
}

/// One bucket of the list; `location` only where the answer names it (OBS does, S3 does not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedBucket {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// The buckets of a ListBuckets answer, or `None` when the body is not one.
pub fn parse(body: &str) -> Option<Vec<ListedBucket>> {
    let doc = roxmltree::Document::parse(body).ok()?;
    if !doc.root_element().has_tag_name("ListAllMyBucketsResult") {
        return None;
    }
    let text = |node: roxmltree::Node, tag: &str| {
        node.children()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    };
    Some(
        doc.descendants()
            .filter(|n| n.has_tag_name("Bucket"))
            .filter_map(|n| {
                Some(ListedBucket {
                    name: text(n, "Name")?,
                    location: text(n, "Location"),
                })
            })
            .collect(),
    )
}

/// The listing, and what it says about the key (a refusal names `permission`).
pub fn diagnose(
    answer: &Answer,
    sent_at: &str,
    permission: &str,
) -> (Diagnosis, Vec<ListedBucket>) {
    let (status, body, mut details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return (unreached, vec![]),
    };
    if !(200..300).contains(&status) {
        let failure = denied_or_failed(answer, body, sent_at, details, permission);
        return (failure, vec![]);
    }
    let buckets = parse(body).unwrap_or_default();
    details.bucket_count = Some(buckets.len());
    let diagnosis = Diagnosis::new(Status::Ok, DiagnosisCode::BucketsListed, details)
        .with("count", buckets.len());
    (diagnosis, buckets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::diagnosis::tests::checked;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, profile, AK, TIMESTAMP};
    use crate::cloud::obs::tests::{fixture, s3_error};
    use crate::profile::Provider;

    // The ListBuckets answer of the Amazon S3 API reference.
    const S3_LIST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>bcaf1ffd86f461ca5fb16fd081034f</ID><DisplayName>webfile</DisplayName></Owner>
  <Buckets>
    <Bucket><Name>quotes</Name><CreationDate>2006-02-03T16:45:09.000Z</CreationDate></Bucket>
    <Bucket><Name>samples</Name><CreationDate>2006-02-03T16:41:58.000Z</CreationDate></Bucket>
  </Buckets>
</ListAllMyBucketsResult>"#;

    const OBS: &str = "obs:bucket:ListAllMyBuckets";

    #[test]
    fn lists_with_sigv4_or_obs_signature() {
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let obs = endpoints(&p).obs.unwrap();
        let r = request(&key, &obs, Scheme::Aws4).unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            ("GET", "https://obs.cn-north-4.myhuaweicloud.com/")
        );
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .starts_with(&format!(
                "AWS4-HMAC-SHA256 Credential={AK}/20261123/cn-north-4/s3/aws4_request"
            )));
        assert_eq!(
            header(&r.headers, "x-amz-content-sha256"),
            Some("UNSIGNED-PAYLOAD")
        );
        assert_eq!(header(&r.headers, "x-obs-location"), None);
        let r = request(&key, &obs, Scheme::Obs).unwrap();
        assert!(header(&r.headers, "authorization")
            .unwrap()
            .starts_with(&format!("OBS {AK}:")));
        assert_eq!(header(&r.headers, "x-obs-location"), Some("true"));
        assert!(r.body.is_none());
    }

    #[test]
    fn reads_both_documented_answers() {
        assert_eq!(
            parse(S3_LIST).unwrap(),
            [
                ListedBucket {
                    name: "quotes".into(),
                    location: None
                },
                ListedBucket {
                    name: "samples".into(),
                    location: None
                }
            ]
        );
        let Answer::Response { body, .. } = fixture("list-buckets.http") else {
            unreachable!()
        };
        let obs = parse(&body).unwrap();
        assert_eq!(obs.len(), 2);
        assert_eq!(obs[1].name, "examplebucket02");
        assert_eq!(obs[1].location.as_deref(), Some("region"));
        assert_eq!(parse("<Error/>"), None);
        let (d, buckets) = diagnose(&Answer::response(200, &[], S3_LIST), TIMESTAMP, OBS);
        let d = checked(d);
        assert_eq!(
            (d.status, d.details.bucket_count, buckets.len()),
            (Status::Ok, Some(2), 2)
        );
    }

    #[test]
    fn failures_are_read_from_the_error_document() {
        let (d, buckets) = diagnose(
            &Answer::response(403, &[], &s3_error("SignatureDoesNotMatch")),
            TIMESTAMP,
            OBS,
        );
        assert_eq!((checked(d).status, buckets.len()), (Status::BadSk, 0));
        let (d, _) = diagnose(
            &Answer::response(403, &[], &s3_error("AccessDenied")),
            TIMESTAMP,
            permission(Provider::Aws),
        );
        let d = checked(d);
        assert_eq!(
            (d.status, d.code),
            (Status::NoPermission, DiagnosisCode::MissingPermission)
        );
        assert_eq!(d.params["permission"], "s3:ListAllMyBuckets".into());
        let (d, _) = diagnose(
            &Answer::response(502, &[], "<html>bad gateway</html>"),
            TIMESTAMP,
            OBS,
        );
        let d = checked(d);
        assert_eq!(d.code, DiagnosisCode::UnexpectedStatus);
        assert_eq!(d.params["httpStatus"], crate::words::Param::Number(502));
    }
}

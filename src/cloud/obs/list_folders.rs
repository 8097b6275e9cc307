//! `GET /?delimiter=/` on a bucket (ListObjects): the top-level "folders" it already holds, as
//! common prefixes or as zero-byte keys ending in `/` (esdk-obs-python's `listObjects`). A page
//! holds at most 1,000 entries; one that is not the last says `IsTruncated` and names the
//! `NextMarker` the next page starts after (`marker=`; OBS API reference *Listing Objects in a
//! Bucket*, esdk-obs-python `src/obs/convertor.py` `parseListObjects`).

use super::{bucket_request, read};
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::Diagnosis;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::profile::DiagnosisCode;
use crate::sign::encode::encode_component;

pub const PERMISSION: &str = "obs:bucket:ListBucket";

/// The page after `marker` (the first page without one).
pub fn request(
    key: &SigningKey,
    obs: &Origin,
    bucket: &str,
    marker: Option<&str>,
) -> Result<Request, RequestError> {
    let mut query = "?delimiter=%2F".to_owned();
    if let Some(marker) = marker {
        query.push_str("&marker=");
        query.push_str(&encode_component(marker));
    }
    bucket_request(key, obs, bucket, "GET", &query, vec![], None)
}

/// One page of a listing: its folder names (ending in `/`) and, unless it is the last, where the
/// next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub folders: Vec<String>,
    pub next_marker: Option<String>,
}

/// A ListBucketResult page.
pub fn parse(body: &str) -> Option<Page> {
    let doc = roxmltree::Document::parse(body).ok()?;
    let root = doc.root_element();
    if !root.has_tag_name("ListBucketResult") {
        return None;
    }
    let texts = |parent: &str, child: &str| -> Vec<String> {
        root.children()
            .filter(|n| n.has_tag_name(parent))
            .filter_map(|n| n.children().find(|c| c.has_tag_name(child)))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect()
    };
    let prefixes = texts("CommonPrefixes", "Prefix");
    let keys = texts("Contents", "Key");
    let own = |tag: &str| {
        root.children()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    // Without `NextMarker` (S3 names it only with a delimiter) the last entry is where to go on.
    let next_marker = (own("IsTruncated") == Some("true"))
        .then(|| {
            own("NextMarker")
                .map(str::to_owned)
                .or_else(|| keys.iter().chain(&prefixes).max().cloned())
        })
        .flatten();
    let mut folders = prefixes;
    folders.extend(keys.into_iter().filter(|k| k.ends_with('/')));
    folders.sort_unstable();
    folders.dedup();
    Some(Page {
        folders,
        next_marker,
    })
}

pub fn diagnose(answer: &Answer, bucket: &str, sent_at: &str) -> (Diagnosis, Option<Page>) {
    read(answer, sent_at, PERMISSION, parse, |page, details| {
        Diagnosis::ok(DiagnosisCode::FoldersListed, details)
            .with("bucket", bucket)
            .with("count", page.folders.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, profile, TIMESTAMP};
    use crate::cloud::obs::tests::fixture;
    use crate::profile::Provider;

    // The shape of the S3 / OBS ListObjects answer with a delimiter (OBS API reference,
    // *Listing Objects in a Bucket*).
    const LISTING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ListBucketResult xmlns="http://obs.example.com/doc/2015-06-30/">
  <Name>examplebucket</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>
  <Contents><Key>logs/</Key><LastModified>2015-07-01T02:11:19.775Z</LastModified><Size>0</Size></Contents>
  <Contents><Key>readme.txt</Key><Size>12</Size></Contents>
  <CommonPrefixes><Prefix>data/</Prefix></CommonPrefixes>
</ListBucketResult>"#;

    #[test]
    fn folders_from_prefixes_and_markers() {
        assert_eq!(
            parse(LISTING).unwrap(),
            Page {
                folders: vec!["data/".into(), "logs/".into()],
                next_marker: None
            }
        );
        assert_eq!(parse("<Error/>"), None);
    }

    #[test]
    fn a_truncated_page_names_the_next() {
        let (d, page) = diagnose(&fixture("list-objects-truncated.http"), "b", TIMESTAMP);
        assert_eq!(d.code, DiagnosisCode::FoldersListed);
        assert_eq!(
            page.unwrap(),
            Page {
                folders: vec!["data/".into(), "logs/".into()],
                next_marker: Some("logs/".into())
            }
        );
        // No NextMarker: the page's last entry.
        let s3 = "<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a.txt</Key></Contents><CommonPrefixes><Prefix>z/</Prefix></CommonPrefixes></ListBucketResult>";
        assert_eq!(parse(s3).unwrap().next_marker.as_deref(), Some("z/"));
    }

    #[test]
    fn the_next_page_starts_after_the_marker() {
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let obs = endpoints(&p).obs.unwrap();
        let first = request(&key, &obs, "train", None).unwrap();
        assert_eq!(
            first.url,
            "https://train.obs.cn-north-4.myhuaweicloud.com/?delimiter=%2F"
        );
        let next = request(&key, &obs, "train", Some("raw data/")).unwrap();
        assert_eq!(
            next.url,
            "https://train.obs.cn-north-4.myhuaweicloud.com/?delimiter=%2F&marker=raw%20data%2F"
        );
    }
}

//! `GET /?delimiter=/` on a bucket (ListObjects): the top-level "folders" it already holds, as
//! common prefixes or as zero-byte keys ending in `/` (esdk-obs-python's `listObjects`).

use super::{bucket_request, read};
use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{Diagnosis, DiagnosisCode};
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};

pub const PERMISSION: &str = "obs:bucket:ListBucket";

pub fn request(key: &SigningKey, obs: &Origin, bucket: &str) -> Result<Request, RequestError> {
    bucket_request(key, obs, bucket, "GET", "?delimiter=%2F", vec![], None)
}

/// The folder names (ending in `/`) of a ListBucketResult.
pub fn parse(body: &str) -> Option<Vec<String>> {
    let doc = roxmltree::Document::parse(body).ok()?;
    if !doc.root_element().has_tag_name("ListBucketResult") {
        return None;
    }
    let texts = |parent: &str, child: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name(parent))
            .filter_map(|n| n.children().find(|c| c.has_tag_name(child)))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect()
    };
    let mut folders: Vec<String> = texts("CommonPrefixes", "Prefix");
    folders.extend(
        texts("Contents", "Key")
            .into_iter()
            .filter(|k| k.ends_with('/')),
    );
    folders.sort_unstable();
    folders.dedup();
    Some(folders)
}

pub fn diagnose(answer: &Answer, bucket: &str, sent_at: &str) -> (Diagnosis, Option<Vec<String>>) {
    read(answer, sent_at, PERMISSION, parse, |folders, details| {
        Diagnosis::ok(DiagnosisCode::FoldersListed, details)
            .with("bucket", bucket)
            .with("count", folders.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parse(LISTING).unwrap(), ["data/", "logs/"]);
        assert_eq!(parse("<Error/>"), None);
    }
}

//! A profile: one account, region and purpose, with the credentials imported for it and what
//! credfill learned about it (project ID, OpenScale instance, the last key check).

use serde::{Deserialize, Serialize};
use tsify_next::Tsify;

use super::{
    Credential, Details, DiagnosisCode, Endpoint, ProfileError, Provider, Severity, Status, Step,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// The name is the one credfill made from the key (ending `…` and the key's last characters),
    /// not one the user typed: replacing that key moves the name to the new key's tail.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub name_from_key: bool,
    pub provider: Provider,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// In use, in the user's order: the first one of a kind answers checks and fills.
    #[serde(default)]
    pub credentials: Vec<Credential>,
    /// Keys replaced by a newer one of the same identity, kept until the new key passes a check
    /// (a rotation that goes wrong can go back). Never used to check or fill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Credential>,
    /// Filled in by the IAM check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The OpenScale service instance the user works with (also its data mart ID by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openscale_guid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_mart_id: Option<String>,
    /// When the cloud created the key, if the import said (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_created_at: Option<String>,
    /// When the key was first imported (RFC 3339); re-importing the same key keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_check: Option<LastCheck>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<Endpoint>,
}

impl Profile {
    /// A profile with nothing in it yet.
    pub fn new(id: String, name: String, provider: Provider) -> Profile {
        Profile {
            id,
            name,
            name_from_key: false,
            provider,
            region: None,
            credentials: Vec::new(),
            retired: Vec::new(),
            project_id: None,
            openscale_guid: None,
            data_mart_id: None,
            key_created_at: None,
            imported_at: None,
            last_check: None,
            note: String::new(),
            colour: None,
            endpoint: None,
        }
    }

    /// The stored credential that is the same key as `item`, if any.
    pub fn find_key(&self, item: &Credential) -> Option<usize> {
        self.credentials.iter().position(|c| c.same_key(item))
    }

    /// Whether `region` may be this profile's: a region of the catalog for its provider, or, on
    /// a profile with its own endpoint, any plain region name ([`is_region_name`]).
    pub fn takes_region(&self, region: &str) -> bool {
        crate::profile::region::region_known(self.provider, region)
            || (self.endpoint.is_some() && is_region_name(region))
    }

    /// The region, or "" when none was chosen.
    pub fn region(&self) -> &str {
        self.region.as_deref().unwrap_or("")
    }
}

/// The last "Test keys" run, as the check recorded it: one line per request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LastCheck {
    /// RFC 3339.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    /// No line was an error.
    pub passed: bool,
    #[serde(default)]
    pub results: Vec<CheckLine>,
}

impl LastCheck {
    /// The record of a check that found `results`: it passed when it found something and no line
    /// is an error. Once a line has proved the key, a read refused for a permission the line
    /// names is a warning: the key works, its user may just not do that one thing (an IAM user
    /// of someone else's account rarely may do everything).
    pub fn recorded(at: String, bucket: Option<String>, mut results: Vec<CheckLine>) -> LastCheck {
        let proved = results.iter().any(|line| line.status == Status::Ok);
        for line in &mut results {
            if proved && line.code == DiagnosisCode::MissingPermission.as_str() {
                line.severity = Severity::Warning;
            }
        }
        LastCheck {
            at,
            bucket: bucket.filter(|b| !b.trim().is_empty()),
            passed: !results.is_empty()
                && results.iter().all(|line| line.severity != Severity::Error),
            results,
        }
    }
}

/// What one request of a check found (a key-check diagnosis, without the follow-up requests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CheckLine {
    pub step: Step,
    pub status: Status,
    pub severity: Severity,
    /// The diagnosis's code and params (`check_<code>` in `_locales`); empty in lines stored by
    /// builds that wrote English sentences instead, which are not shown.
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    #[tsify(type = "Record<string, unknown>")]
    pub params: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    pub details: Details,
}

/// A plain region name, `[a-z0-9-]{1,32}`, as every cloud spells its regions. A region reaches
/// hosts, URLs and *Use in code* snippets (in code and in comments), so nothing else is ever kept:
/// not a line break, a quote or a space from a shared backup or a rogue Resource Controller.
pub fn is_region_name(region: &str) -> bool {
    (1..=32).contains(&region.len())
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A colour for the popup's list, `#rrggbb` and nothing else: it reaches a style attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(try_from = "String", into = "String")]
pub struct Colour(String);

impl TryFrom<String> for Colour {
    type Error = ProfileError;
    fn try_from(text: String) -> Result<Self, ProfileError> {
        let text = text.trim();
        let hex = text.strip_prefix('#').ok_or(ProfileError::BadColour)?;
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Colour(text.to_ascii_lowercase()))
        } else {
            Err(ProfileError::BadColour)
        }
    }
}

impl From<Colour> for String {
    fn from(colour: Colour) -> String {
        colour.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(step: Step, status: Status, code: DiagnosisCode) -> CheckLine {
        CheckLine {
            step,
            status,
            severity: status.severity(),
            code: code.as_str().into(),
            params: serde_json::Map::new(),
            details: Details::default(),
        }
    }

    #[test]
    fn a_refused_permission_is_a_warning_once_another_line_proved_the_key() {
        let refused = || {
            line(
                Step::ListBuckets,
                Status::NoPermission,
                DiagnosisCode::MissingPermission,
            )
        };
        let projects = line(Step::IamProjects, Status::Ok, DiagnosisCode::ProjectFound);
        let check = LastCheck::recorded("t".into(), None, vec![refused(), projects.clone()]);
        assert!(check.passed);
        assert_eq!(check.results[0].severity, Severity::Warning);
        // Nothing proved the key: the refusal stays an error.
        let alone = LastCheck::recorded("t".into(), None, vec![refused()]);
        assert!(!alone.passed && alone.results[0].severity == Severity::Error);
        // A wrong key, or a refusal that names no permission, stays an error.
        for (status, code) in [
            (Status::BadSk, DiagnosisCode::BadSk),
            (Status::NoPermission, DiagnosisCode::BucketNoPermission),
        ] {
            let lines = vec![projects.clone(), line(Step::Bucket, status, code)];
            assert!(!LastCheck::recorded("t".into(), None, lines).passed);
        }
    }

    #[test]
    fn colours_are_hex_triplets_only() {
        assert_eq!(
            String::from(Colour::try_from("#0A6CBD".to_owned()).unwrap()),
            "#0a6cbd"
        );
        for bad in ["url(https://x)", "red", "#fff", "#0a6cbdz", "0a6cbd", ""] {
            assert_eq!(
                Colour::try_from(bad.to_owned()),
                Err(ProfileError::BadColour),
                "{bad}"
            );
        }
    }
}

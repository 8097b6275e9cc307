//! The shape of each value, from FACTS.md: Huawei AK 20 upper-case letters/digits (16–64
//! tolerated), SK 40 letters/digits (AWS adds `/` `+`), IBM API key 44 `[A-Za-z0-9_-]`,
//! GUID 8-4-4-4-12 hex, CRN `crn:v1:cname:ctype:service:location:scope:instance:type:resource`.
//! Messages describe lengths and character classes, never the value.

use super::error::{ErrorCode, ImportError, Warning, WarningCode};
use crate::profile::is_guid;
use crate::profile::AkIssuer;
use crate::words::Param;

const USUAL_ACCESS_KEY_LENGTH: usize = 20;
const ACCESS_KEY_LENGTHS: std::ops::RangeInclusive<usize> = 16..=64;
const SECRET_KEY_LENGTH: usize = 40;
const IBM_API_KEY_LENGTH: usize = 44;

fn is_access_key_char(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}

fn is_secret_char(c: char, issuer: AkIssuer) -> bool {
    c.is_ascii_alphanumeric() || (issuer == AkIssuer::Aws && matches!(c, '/' | '+'))
}

pub(crate) fn looks_like_access_key(value: &str) -> bool {
    ACCESS_KEY_LENGTHS.contains(&value.len()) && value.chars().all(is_access_key_char)
}

/// A secret has lower-case letters, which keeps it apart from an (upper-case) access key.
pub(crate) fn looks_like_secret(value: &str, issuer: AkIssuer) -> bool {
    value.len() == SECRET_KEY_LENGTH
        && value.chars().all(|c| is_secret_char(c, issuer))
        && value.chars().any(|c| c.is_ascii_lowercase())
}

pub(crate) fn access_key(value: &str) -> Result<Option<Warning>, ImportError> {
    if value.is_empty() {
        return Err(ImportError::new(ErrorCode::MissingAccessKey));
    }
    let others = value.chars().filter(|&c| !is_access_key_char(c)).count();
    if others > 0 || !ACCESS_KEY_LENGTHS.contains(&value.len()) {
        return Err(ImportError::new(ErrorCode::BadAccessKey)
            .with("length", value.chars().count())
            .with("others", others)
            .with("expected", USUAL_ACCESS_KEY_LENGTH));
    }
    Ok((value.len() != USUAL_ACCESS_KEY_LENGTH).then(|| {
        Warning::new(WarningCode::UnusualAccessKey)
            .with("length", value.len())
            .with("expected", USUAL_ACCESS_KEY_LENGTH)
    }))
}

pub(crate) fn secret_key(value: &str, issuer: AkIssuer) -> Result<(), ImportError> {
    if value.is_empty() {
        return Err(ImportError::new(ErrorCode::MissingSecret));
    }
    let others = value
        .chars()
        .filter(|&c| !is_secret_char(c, issuer))
        .count();
    if others > 0 || value.len() != SECRET_KEY_LENGTH {
        return Err(ImportError::new(ErrorCode::BadSecret)
            .with("length", value.chars().count())
            .with("others", others)
            .with("expected", SECRET_KEY_LENGTH));
    }
    Ok(())
}

pub(crate) fn ibm_api_key(value: &str) -> Result<(), ImportError> {
    let others = value
        .chars()
        .filter(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-')))
        .count();
    if others > 0 || value.len() != IBM_API_KEY_LENGTH {
        return Err(ImportError::new(ErrorCode::BadApiKey)
            .with("length", value.chars().count())
            .with("others", others)
            .with("expected", IBM_API_KEY_LENGTH));
    }
    Ok(())
}

/// `field` names the field by its item key (`guid`, `clientId`, `tenantId`).
pub(crate) fn guid(value: &str, field: &str) -> Result<(), ImportError> {
    if is_guid(value) {
        return Ok(());
    }
    Err(ImportError::new(ErrorCode::BadGuid)
        .with("field", Param::term("field", field))
        .with("length", value.chars().count()))
}

/// The parts of an IBM Cloud Resource Name the forms need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Crn<'a> {
    pub service_name: &'a str,
    pub location: &'a str,
    /// From a scope `a/<account>`.
    pub account_id: Option<&'a str>,
    pub service_instance: &'a str,
}

/// `None` for anything but `crn:v1:cname:ctype:service:location:scope:instance:type:resource`.
pub(crate) fn crn(value: &str) -> Option<Crn<'_>> {
    let parts: Vec<&str> = value.split(':').collect();
    let well_formed = parts.len() == 10
        && parts[0] == "crn"
        && parts[1] == "v1"
        && !parts[2].is_empty()
        && !parts[3].is_empty()
        && !value.chars().any(char::is_whitespace);
    well_formed.then(|| Crn {
        service_name: parts[4],
        location: parts[5],
        account_id: parts[6].strip_prefix("a/"),
        service_instance: parts[7],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_keys() {
        assert_eq!(access_key("QTWAOYTTINDUT2QVKYUC"), Ok(None)); // FACTS.md's published vector
        let warning = access_key("QTWAOYTTINDUT2QVKYUC1234").unwrap().unwrap();
        assert_eq!(warning.code, WarningCode::UnusualAccessKey);
        assert_eq!(
            access_key("").err().unwrap().code,
            ErrorCode::MissingAccessKey
        );
        for bad in [
            "QTWAOYTTINDUT2Q",
            "qtwaoyttindut2qvkyuc",
            "QTWAOYTTINDUT2QVKYU-",
        ] {
            assert_eq!(access_key(bad).err().unwrap().code, ErrorCode::BadAccessKey);
        }
    }

    #[test]
    fn secret_keys() {
        let huawei = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"; // FACTS.md's published vector
        let aws = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"; // AWS documentation example
        assert_eq!(secret_key(huawei, AkIssuer::Huawei), Ok(()));
        assert_eq!(secret_key(aws, AkIssuer::Aws), Ok(()));
        assert_eq!(
            secret_key(aws, AkIssuer::Huawei).err().unwrap().code,
            ErrorCode::BadSecret
        );
        assert!(secret_key(&huawei[1..], AkIssuer::Huawei).is_err());
        assert!(secret_key("", AkIssuer::Aws).is_err());
        assert!(looks_like_secret(huawei, AkIssuer::Huawei));
        assert!(!looks_like_secret(
            "QTWAOYTTINDUT2QVKYUCQTWAOYTTINDUT2QVKYUC",
            AkIssuer::Huawei
        ));
        assert!(looks_like_access_key("QTWAOYTTINDUT2QVKYUC"));
        assert!(!looks_like_access_key(huawei));
    }

    #[test]
    fn ibm_api_keys() {
        assert!(ibm_api_key("abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ-012345").is_ok());
        assert!(ibm_api_key("abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ-01234").is_err());
        assert!(ibm_api_key("abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ=012345").is_err());
    }

    #[test]
    fn guids() {
        assert!(is_guid("77b6a44c-ba51-43ab-91d1-3ab9a8ff44fd"));
        assert!(is_guid("13551D6B-755D-4757-B956-536F674975C0"));
        assert!(!is_guid("77b6a44cba5143ab91d13ab9a8ff44fd"));
        assert!(!is_guid("77b6a44c-ba51-43ab-91d1-3ab9a8ff44fg"));
        assert_eq!(guid("x", "guid").err().unwrap().code, ErrorCode::BadGuid);
    }

    #[test]
    fn crns() {
        // The example from FACTS.md, with a made-up account and instance.
        let parsed = crn("crn:v1:bluemix:public:aiopenscale:us-south:a/0123abcd:77b6a44c-ba51-43ab-91d1-3ab9a8ff44fd::").unwrap();
        assert_eq!(
            parsed,
            Crn {
                service_name: "aiopenscale",
                location: "us-south",
                account_id: Some("0123abcd"),
                service_instance: "77b6a44c-ba51-43ab-91d1-3ab9a8ff44fd",
            }
        );
        let role = crn("crn:v1:bluemix:public:iam::::serviceRole:Writer").unwrap();
        assert_eq!(role.account_id, None);
        for bad in [
            "",
            "crn:v1:bluemix:public",
            "urn:v1:bluemix:public:a:b:c:d::",
            "crn:v1:bluemix:public:a b:c:d:e::",
            // Elided, as IBM's docs print it.
            "crn:v1:ibmcloud:public:aiopenscale:us-south:a/c2f2xxxxxxxxxxxx867::",
        ] {
            assert_eq!(crn(bad), None, "{bad}");
        }
    }
}

//! OBS bucket names, checked before anything is sent: a name goes into a host name.
//! Rules from OBS's *Creating a Bucket* API reference (obs_04_0021) and esdk-obs-python's
//! `CreateBucket` docs: 3–63 characters, lower-case letters, digits, `-` and `.`, starting and
//! ending with a letter or digit, not formatted as an IP address. (S3's rules are the same.)

use crate::cloud::RequestError;

pub fn valid_bucket(name: &str) -> Result<&str, RequestError> {
    let ok = (3..=63).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric())
        && name.parse::<std::net::Ipv4Addr>().is_err();
    if ok {
        Ok(name)
    } else {
        Err(RequestError::InvalidBucket)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_name_rules() {
        for (name, ok) in [
            ("abc", true),
            ("ab", false),
            (&"a".repeat(63), true),
            (&"a".repeat(64), false),
            ("my-bucket.2026", true),
            ("My-Bucket", false),
            ("my_bucket", false),
            ("-bucket", false),
            ("bucket-", false),
            (".bucket", false),
            ("bucket.", false),
            ("192.168.1.1", false),
            ("192.168.1.1a", true),
            ("10.0.0", true),
            ("bucket name", false),
            ("bücket", false),
            ("", false),
        ] {
            assert_eq!(valid_bucket(name).is_ok(), ok, "{name}");
        }
    }
}

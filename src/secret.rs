//! The one type every secret (SK, API key, client secret, passphrase) lives in.

use serde::{Deserialize, Serialize};
use std::fmt;
use subtle::ConstantTimeEq;
use tsify_next::Tsify;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A secret string: never printed by `Debug`/`Display`, wiped from memory when dropped.
/// Read it with [`Secret::expose`] only where the bytes are really needed (signing, export).
#[derive(Clone, Default, Eq, Zeroize, ZeroizeOnDrop, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct Secret(String);

/// In constant time for equal lengths, so a comparison never tells how much of a secret matched.
impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
        for shown in [
            format!("{s:?}"),
            format!("{s}"),
            format!("{:#?}", vec![s.clone()]),
        ] {
            assert!(!shown.contains("MFyf"), "leaked: {shown}");
            assert!(shown.contains("redacted"));
        }
        assert_eq!(s.expose().len(), 40);
    }

    #[test]
    fn zeroize_clears_the_bytes() {
        use zeroize::Zeroize;
        let mut s = Secret::new("abc");
        s.zeroize();
        assert!(s.is_empty());
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let s = Secret::new("k");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"k\"");
    }
}

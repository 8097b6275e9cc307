//! Credential import: detects and parses every downloaded key file variant.

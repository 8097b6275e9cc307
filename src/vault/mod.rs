//! The encrypted vault: passphrase-derived key, sealed records, profiles.

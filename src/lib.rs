//! credfill's core: parses credential files, signs test requests, plans form fills and
//! encrypts the vault. Sans-IO: bytes in, values out. The browser side (extension/, www/)
//! does every read, write and fetch, and reaches this crate only through [`bindings`].

pub mod ascii_url;
pub mod bindings;
pub mod cloud;
pub mod code;
pub mod credentials;
pub mod date;
pub mod fill;
pub mod flows;
pub mod json;
pub mod policy;
pub mod profile;
pub mod secret;
pub mod sign;
pub mod vault;
pub mod words;

/// The crate version, shown in the popup so a user can tell which build they run.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    #[test]
    fn version_is_the_cargo_version() {
        assert_eq!(super::version(), env!("CARGO_PKG_VERSION"));
        assert!(super::version().split('.').count() == 3);
    }
}

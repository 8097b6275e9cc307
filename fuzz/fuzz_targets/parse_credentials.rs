//! Any bytes: `credentials::parse` returns items or an error, never panics, and no warning
//! quotes a secret it parsed (secrets shorter than 8 characters could match by chance).
#![no_main]

use credfill::credentials::{parse, Item};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(import) = parse(data, None) else {
        return;
    };
    assert!(!import.items.is_empty());
    for item in &import.items {
        let secret = match item {
            Item::AkSk(keys) => keys.secret_access_key.expose(),
            Item::IbmApiKey(key) => key.api_key.expose(),
            Item::IbmService(service) => service.api_key.expose(),
            Item::AzureSp(principal) => principal.client_secret.expose(),
            Item::IbmInstance(_) => continue,
        };
        if secret.len() < 8 {
            continue;
        }
        for warning in &import.warnings {
            assert!(!warning.message.contains(secret), "warning quotes a secret");
        }
    }
});

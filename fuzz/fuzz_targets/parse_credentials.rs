//! Any bytes: `credentials::parse` returns items or an error, never panics, and no warning
//! quotes a secret it parsed (secrets shorter than 8 characters could match by chance).
#![no_main]

use credfill::credentials::parse;

use credfill::profile::Credential;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(import) = parse(data, None, None) else {
        return;
    };
    assert!(!import.items.is_empty());
    for item in &import.items {
        let secret = match item {
            Credential::AkSk(keys) => keys.secret_access_key.expose(),
            Credential::IbmApiKey(key) => key.api_key.expose(),
            Credential::IbmService(service) => service.api_key.expose(),
            Credential::AzureSp(principal) => principal.client_secret.expose(),
            Credential::IbmInstance(_) => continue,
        };
        if secret.len() < 8 {
            continue;
        }
        for warning in &import.warnings {
            let params = format!("{:?}", warning.params);
            assert!(!params.contains(secret), "warning params quote a secret");
        }
    }
});

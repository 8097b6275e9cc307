//! The origin policy as properties over the console hosts the manifest grants: each of them is a
//! console (so the Rust list and the manifest cannot drift apart), in any letter case, and nothing
//! built from one by the usual look-alike tricks ever is. And the other way round for the cloud
//! APIs: every host of the endpoint catalog is one the manifest may ask for.
#![cfg(not(target_arch = "wasm32"))]

use credfill::cloud::catalog;
use credfill::fill::match_console;
use credfill::profile::{region, Provider};
use proptest::prelude::*;

/// The hosts of the manifest's `key` list, each written `https://HOST/*`; the plain-http loopback
/// patterns a custom endpoint on this computer needs are no cloud's and no console's.
fn manifest_patterns(key: &str) -> Vec<String> {
    let manifest: serde_json::Value =
        serde_json::from_str(include_str!("../manifest.json")).expect("manifest.json is JSON");
    manifest[key]
        .as_array()
        .expect(key)
        .iter()
        .filter(|p| {
            !matches!(
                p.as_str(),
                Some("http://127.0.0.1/*" | "http://localhost/*")
            )
        })
        .map(|p| {
            let pattern = p.as_str().expect("a pattern");
            let host = pattern
                .strip_prefix("https://")
                .and_then(|p| p.strip_suffix("/*"));
            host.expect("https://HOST/*").to_owned()
        })
        .collect()
}

fn manifest_hosts() -> Vec<String> {
    manifest_patterns("host_permissions")
}

#[test]
fn every_catalog_host_is_an_optional_host_permission() {
    // `https://*/*` is there for the console hosts a user adds: a catalog host needs its own
    // pattern, so that asking for it never means asking for every site.
    let patterns: Vec<String> = manifest_patterns("optional_host_permissions")
        .into_iter()
        .filter(|p| p != "*")
        .collect();
    // A host, or a host pattern `*.host` (a region's buckets), matched as the browser does.
    let covered = |host: &str| {
        let host = host.strip_prefix("*.").unwrap_or(host);
        patterns.iter().any(|p| match p.strip_prefix("*.") {
            Some(domain) => host == domain || host.ends_with(&format!(".{domain}")),
            None => host == p,
        })
    };
    let mut checked = 0;
    for provider in Provider::ALL {
        let mut regions = region::regions(provider);
        if provider == Provider::Aws {
            regions.push("us-east-1");
        }
        for region in regions {
            let found = catalog::of(provider, region);
            let buckets = found.obs.as_ref().map(|o| format!("*.{}", o.host));
            let hosts = [
                found.obs,
                found.iam,
                found.modelarts,
                found.ibm_iam,
                found.resource_controller,
                found.openscale,
            ]
            .into_iter()
            .flatten()
            .map(|o| o.host)
            .chain(buckets);
            for host in hosts {
                assert!(covered(&host), "{host} ({provider:?} {region})");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn every_host_the_manifest_grants_is_a_console() {
    let hosts = manifest_hosts();
    assert!(hosts.len() >= 7);
    for host in &hosts {
        let matched = match_console(&format!("https://{host}/any/path?q#f"), &[]);
        assert_eq!(matched.map(|m| m.host), Some(host.clone()), "{host}");
    }
}

/// A URL made from a console host by one look-alike trick.
fn look_alike(host: &str, trick: u8, label: &str, port: u16) -> String {
    match trick {
        0 => format!("https://{host}.{label}/"), // the host under another domain
        1 => format!("https://{label}.{host}/"), // a subdomain of the console host
        2 => format!("https://{label}-{host}/"), // a prefix glued to the first label
        3 => format!("https://{}/", host.replacen('.', &format!("{label}."), 1)), // a label stretched
        4 => format!("http://{host}/"),                                           // plain http
        5 => format!("https://{host}:{port}/"),                                   // another port
        6 => format!("https://{label}@{host}/"),                                  // userinfo
        7 => format!("https://{}/", host.replacen('o', "\u{043e}", 1)),           // Cyrillic o
        8 => format!("https://{}/", host.replacen('.', "-", 1)), // a dot turned into a dash
        _ => format!("https://{host}./"),                        // trailing dot: another origin
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn look_alikes_are_never_consoles(
        index in 0usize..64,
        trick in 0u8..10,
        label in "[a-z0-9][a-z0-9-]{0,10}",
        port in 1u16..=65535,
    ) {
        let hosts = manifest_hosts();
        let host = &hosts[index % hosts.len()];
        prop_assume!(port != 443);
        let url = look_alike(host, trick, &label, port);
        // A subdomain trick can spell another console's host (`aiopenscale.` + `cloud.ibm.com`):
        // that one is a console, not a look-alike.
        let host_of = credfill::ascii_url::parse(&url).ok().and_then(|u| u.host_str().map(str::to_owned));
        prop_assume!(!(trick <= 3 && host_of.is_some_and(|h| hosts.contains(&h))));
        prop_assert_eq!(match_console(&url, &[]), None, "{}", url);
    }

    #[test]
    fn letter_case_does_not_matter(index in 0usize..64, mask in any::<u64>()) {
        let hosts = manifest_hosts();
        let host = &hosts[index % hosts.len()];
        let mixed: String = host
            .chars()
            .enumerate()
            .map(|(i, c)| if mask >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        let matched = match_console(&format!("HTTPS://{mixed}/modelarts"), &[]);
        prop_assert_eq!(matched.map(|m| m.host), Some(host.clone()));
    }
}

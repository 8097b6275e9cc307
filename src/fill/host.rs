//! A console host the user adds in the options: checked and normalised here, once, so the stored
//! host is exactly what [`super::origin::match_console`] compares a page's host with.
//!
//! The input is parsed with the URL parser browsers follow (WHATWG), as `https://<input>/`, or as
//! given when it is already an `https:` URL (users paste addresses): that lower-cases it, turns
//! IDN labels into punycode, and recognises every IP address spelling. Then the origin policy's
//! rules apply: no port other than 443, no userinfo, no IP literal, no IDN (homographs), and at
//! least two labels (`localhost` or `intranet` resolve through local search domains), and each label
//! a DNS host name's letters, digits and inner hyphens. The URL parser lets `*` through, and the
//! permission asked for the host would then be a wildcard over a whole domain (`*.com`): refused.
//! Public suffixes need no list: hosts match exactly and the permission names that one host, so
//! `co.uk` or `github.io` would fill only on those very hosts, which no one else can serve.

use super::origin::built_in_provider;
use serde::Serialize;
use url::Host;

/// Why a host cannot be added, as a stable code for the options page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostError {
    Empty,
    /// Not a host name the URL parser accepts (spaces, forbidden characters…).
    Invalid,
    /// An `http:` (or other scheme) address: consoles are filled over HTTPS only.
    NotHttps,
    HasPort,
    HasUserinfo,
    IpAddress,
    /// Internationalised (punycode) names are refused, as in the origin policy: homographs.
    Idn,
    /// A `*` label: the host permission asked for it would cover a whole domain.
    Wildcard,
    /// A single label (`localhost`, `intranet`).
    SingleLabel,
    /// Already one of the built-in console hosts.
    BuiltIn,
}

impl HostError {
    pub fn message(self) -> &'static str {
        match self {
            HostError::Empty => "no host given",
            HostError::Invalid => "not a valid host name",
            HostError::NotHttps => "consoles are filled over https only",
            HostError::HasPort => "a console host has no port: the default https port only",
            HostError::HasUserinfo => "a console host has no user name or password",
            HostError::IpAddress => "an IP address is not a console host",
            HostError::Idn => "internationalised host names are refused (look-alike risk)",
            HostError::Wildcard => "a console host is one host, not a pattern with *",
            HostError::SingleLabel => "a console host has a domain name: at least one dot",
            HostError::BuiltIn => "this console is already known",
        }
    }
}

/// The host to store for `input` (lower-case ASCII, no trailing dot), or why it cannot be added.
pub fn normalize_console_host(input: &str) -> Result<String, HostError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(HostError::Empty);
    }
    let url = if input.contains("://") {
        crate::ascii_url::parse(input)
    } else {
        crate::ascii_url::parse(&format!("https://{input}/"))
    }
    // A host typed in other than ASCII is refused as the look-alike risk it is (src/ascii_url.rs).
    .map_err(|_| {
        if input.is_ascii() {
            HostError::Invalid
        } else {
            HostError::Idn
        }
    })?;
    if url.scheme() != "https" {
        return Err(HostError::NotHttps);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(HostError::HasUserinfo);
    }
    if url.port().is_some() {
        return Err(HostError::HasPort);
    }
    let host = match url.host() {
        Some(Host::Domain(host)) => host,
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => return Err(HostError::IpAddress),
        None => return Err(HostError::Invalid),
    };
    // The browser's origin keeps a trailing dot; the stored host never has one (origin.rs).
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || host.split('.').any(str::is_empty) {
        return Err(HostError::Invalid);
    }
    if host.split('.').any(|label| label.starts_with("xn--")) {
        return Err(HostError::Idn);
    }
    if host.contains('*') {
        return Err(HostError::Wildcard);
    }
    if !host.split('.').all(is_host_label) {
        return Err(HostError::Invalid);
    }
    if !host.contains('.') {
        return Err(HostError::SingleLabel);
    }
    if built_in_provider(host).is_some() {
        return Err(HostError::BuiltIn);
    }
    Ok(host.to_owned())
}

/// A DNS host name label (RFC 1123 §2.1): letters, digits and hyphens, not at either end.
fn is_host_label(label: &str) -> bool {
    label
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::{normalize_console_host as normalize, HostError};

    #[test]
    fn host_names_are_lower_cased_and_lose_a_trailing_dot() {
        for (input, host) in [
            ("console.hcs.example.com", "console.hcs.example.com"),
            ("  Console.HCS.Example.COM  ", "console.hcs.example.com"),
            ("console.hcs.example.com.", "console.hcs.example.com"),
            (
                "https://console.hcs.example.com/modelarts/#/settings",
                "console.hcs.example.com",
            ),
            ("console.hcs.example.com:443", "console.hcs.example.com"),
            ("console.hcs.credfill.test", "console.hcs.credfill.test"),
            ("example.co.uk", "example.co.uk"),
        ] {
            assert_eq!(normalize(input).as_deref(), Ok(host), "{input}");
        }
    }

    #[test]
    fn what_is_not_a_console_host_is_refused_with_its_reason() {
        for (input, error) in [
            ("", HostError::Empty),
            ("   ", HostError::Empty),
            ("console example.com", HostError::Invalid),
            ("console..example.com", HostError::Invalid),
            ("exa<mple.com", HostError::Invalid),
            ("http://console.example.com", HostError::NotHttps),
            ("javascript://console.example.com", HostError::NotHttps),
            ("console.example.com:8443", HostError::HasPort),
            ("user:pw@console.example.com", HostError::HasUserinfo),
            ("user@console.example.com", HostError::HasUserinfo),
            ("192.168.1.10", HostError::IpAddress),
            ("0x7f.1", HostError::IpAddress),
            ("[::1]", HostError::IpAddress),
            ("cоnsole.example.com", HostError::Idn), // Cyrillic "о"
            ("xn--bcher-kva.example", HostError::Idn),
            ("Bücher.example", HostError::Idn),
            ("*.example.com", HostError::Wildcard),
            ("*.com", HostError::Wildcard),
            ("https://*.huaweicloud.com/", HostError::Wildcard),
            ("console.*.example.com", HostError::Wildcard),
            ("con*sole.example.com", HostError::Wildcard),
            ("console_1.example.com", HostError::Invalid),
            ("-console.example.com", HostError::Invalid),
            ("console.example$.com", HostError::Invalid),
            ("com", HostError::SingleLabel),
            ("localhost", HostError::SingleLabel),
            ("localhost.", HostError::SingleLabel),
            ("Console.HuaweiCloud.com.", HostError::BuiltIn),
            ("cloud.ibm.com", HostError::BuiltIn),
        ] {
            assert_eq!(normalize(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn a_normalised_host_matches_its_console_pages() {
        use crate::fill::{match_console, ExtraHost};
        use crate::profile::Provider;
        let host = normalize("Console.HCS.Example.com.").unwrap();
        let extra = [ExtraHost {
            host,
            provider: Provider::Huawei,
        }];
        let page = "https://console.hcs.example.com/modelarts/?region=x#/settings";
        assert_eq!(
            match_console(page, &extra).map(|m| m.provider),
            Some(Provider::Huawei)
        );
        assert_eq!(match_console(page, &[]), None);
    }
}

//! URL parsing for the core, with ASCII hosts only. Browsers hand over every page, frame and
//! request URL serialized (hosts in punycode), and a host typed with other characters is refused
//! anyway as the look-alike risk it is (`fill::host`). So the URL parser is built without Unicode
//! host support: Cargo.toml pins `idna_adapter` to its 1.0 stub, as its docs describe
//! (https://docs.rs/crate/idna_adapter/1.1.0, "Turning off IDNA support"), which takes the ICU
//! normalisation data out of the WASM (bench/size.mjs). The stub must never see a non-ASCII host
//! (it debug-asserts on one), hence this one entry point; clippy.toml forbids `Url::parse` elsewhere.
//! Paths and queries may hold any text: the parser percent-encodes it without the stub.

use url::{ParseError, Url};

/// `Url::parse`, refusing a URL whose authority (user, host, port) is not ASCII, written or
/// percent-encoded, before the parser sees it.
pub fn parse(text: &str) -> Result<Url, ParseError> {
    if !ascii_authority(text) {
        return Err(ParseError::IdnaError);
    }
    #[allow(clippy::disallowed_methods)]
    Url::parse(text)
}

/// Whether the part of `text` a URL parser reads as its authority is ASCII: what follows the
/// scheme's `:` and any slashes (the parser takes `\` for `/` in http(s)), up to the path, query
/// or fragment.
fn ascii_authority(text: &str) -> bool {
    let after_scheme = text.split_once(':').map_or(text, |(_, rest)| rest);
    let authority = after_scheme
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or_default();
    // `%80`–`%FF`: a byte of a non-ASCII character, which the parser would decode into the host.
    let encodes_non_ascii = authority.as_bytes().windows(3).any(|w| {
        w[0] == b'%' && w[1].is_ascii_hexdigit() && w[1] >= b'8' && w[2].is_ascii_hexdigit()
    });
    authority.is_ascii() && !encodes_non_ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_urls_parse_and_others_are_refused() {
        assert_eq!(
            parse("https://Console.HuaweiCloud.com/x")
                .unwrap()
                .host_str(),
            Some("console.huaweicloud.com")
        );
        assert_eq!(
            parse("https://xn--cnsole-5we.example.com/")
                .unwrap()
                .host_str(),
            Some("xn--cnsole-5we.example.com")
        );
        for unicode in [
            "https://cоnsole.example.com/",
            "https://CОNSOLE.example.com/",
        ] {
            assert_eq!(parse(unicode), Err(ParseError::IdnaError));
        }
    }
}

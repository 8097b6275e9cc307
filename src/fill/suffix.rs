//! Whether a host is itself a public suffix (`com`, `co.uk`, `github.io`): a name under which anyone
//! can register, so never one console. Reads the public suffix list's ASCII rules
//! (`public_suffixes.txt`, refreshed by `scripts/update-public-suffixes.sh`): about 110 KB, where a
//! compiled-in list crate would add some 900 KB to the WASM.

use std::collections::HashSet;
use std::sync::OnceLock;

const LIST: &str = include_str!("public_suffixes.txt");

struct Rules {
    /// `co.uk`: the name itself is a suffix.
    exact: HashSet<&'static str>,
    /// `*.ck` (stored as `ck`): every name one label below is a suffix…
    wildcard: HashSet<&'static str>,
    /// `!www.ck` (stored as `www.ck`): …except these.
    exception: HashSet<&'static str>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = Rules {
            exact: HashSet::new(),
            wildcard: HashSet::new(),
            exception: HashSet::new(),
        };
        for line in LIST
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
        {
            if let Some(name) = line.strip_prefix('!') {
                rules.exception.insert(name);
            } else if let Some(parent) = line.strip_prefix("*.") {
                rules.wildcard.insert(parent);
            } else {
                rules.exact.insert(line);
            }
        }
        rules
    })
}

/// `host`: lower-case ASCII, no trailing dot. A single label is a suffix (the list's implicit `*` rule).
pub fn is_public_suffix(host: &str) -> bool {
    let rules = rules();
    if rules.exception.contains(host) {
        return false;
    }
    match host.split_once('.') {
        None => true,
        Some((_, parent)) => rules.exact.contains(host) || rules.wildcard.contains(parent),
    }
}

#[cfg(test)]
mod tests {
    use super::is_public_suffix;

    #[test]
    fn suffixes_from_every_kind_of_rule() {
        for host in ["com", "localhost", "test", "co.uk", "github.io", "bar.ck"] {
            assert!(is_public_suffix(host), "{host}");
        }
    }

    #[test]
    fn names_under_a_suffix_and_exceptions_are_not_suffixes() {
        for host in [
            "example.com",
            "console.huaweicloud.com",
            "example.co.uk",
            "me.github.io",
            "foo.bar.ck",
            "www.ck",
            "credfill.test",
        ] {
            assert!(!is_public_suffix(host), "{host}");
        }
    }
}

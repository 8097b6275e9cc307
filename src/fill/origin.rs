//! Where filling is allowed: the console origin policy.
//!
//! A page is a console only if its URL, parsed the way the browser parses it, is `https:` on the
//! default port with no userinfo and a host that is *exactly* (ASCII, case-insensitive) one of the
//! built-in console hosts or a host the user added. Everything else — look-alikes, other schemes,
//! other ports, IDN hosts — is refused.
//!
//! Decisions worth knowing:
//! - **Trailing dot refused.** `console.huaweicloud.com.` names the same DNS host, but the browser
//!   treats it as a different origin (own cookies and storage, not covered by the extension's
//!   `https://console.huaweicloud.com/*` match pattern), and the consoles never link there. Accepting
//!   it would buy nothing and break the "exact ASCII compare" rule.
//! - **Punycode refused.** The URL parser turns IDN hosts into `xn--` labels; no console host has
//!   one, so any `xn--` label is refused, user-added hosts included, which rules homographs out.
//! - **`:443` accepted.** It is the default port, so the parser drops it: same origin as without.
//!
//! Frames: a same-origin frame is the console's own. A cross-origin frame may only be filled after
//! the user confirms it, and only when it is of the console's site or of the provider's own domain
//! (a login or dialog host of the same operator); a frame of any other site (an ad, a widget, a
//! compromised third party) is refused outright, whatever its fields look like.

use serde::{Deserialize, Serialize};
use url::{Origin, Url};

/// The console families credfill fills are the providers whose profiles they take (Huawei Cloud,
/// Flexible Engine, IBM Cloud): one enum with the vault and the checks.
use crate::profile::Provider;
use tsify_next::Tsify;

/// Built-in allow-list (see `FACTS.md`, "Consoles and their forms").
const CONSOLE_HOSTS: &[(&str, Provider)] = &[
    ("console.huaweicloud.com", Provider::Huawei),
    ("console-intl.huaweicloud.com", Provider::Huawei),
    ("console.eu.huaweicloud.com", Provider::Huawei),
    (
        "console.prod-cloud-ocb.orange-business.com",
        Provider::FlexibleEngine,
    ),
    ("cloud.ibm.com", Provider::Ibm),
    ("aiopenscale.cloud.ibm.com", Provider::Ibm),
    ("dataplatform.cloud.ibm.com", Provider::Ibm),
];

/// The domain each provider's consoles and services live under (the registrable domain of its
/// built-in console hosts above): a frame there is the operator's own. AWS and Azure keys are
/// only filled into IBM's consoles: they have no console of their own here.
fn provider_domain(provider: Provider) -> Option<&'static str> {
    match provider {
        Provider::Huawei => Some("huaweicloud.com"),
        Provider::FlexibleEngine => Some("orange-business.com"),
        Provider::Ibm => Some("ibm.com"),
        Provider::Aws | Provider::Azure => None,
    }
}

/// Whether `host` is `domain` or one of its subdomains (ASCII, case-insensitive).
fn within(host: &str, domain: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// The service labels of object storage hosts, buckets and static websites: OBS
/// (`{bucket}.obs.{region}.myhuaweicloud.com`, `obs-website`), Flexible Engine's OSS
/// (`{bucket}.oss.eu-west-0.prod-cloud-ocb.orange-business.com`), S3. Bucket domain names are
/// `BucketName.Endpoint` (https://support.huaweicloud.com/intl/en-us/eu-west-0-usermanual-obs/obs_03_0152.html)
/// and a bucket may host a static website at `{bucket}.obs-website.{region}…`
/// (https://support.huaweicloud.com/intl/en-us/obs_faq/obs_faq_0030.html): any customer can serve a
/// page from there, so the provider's domain vouches for nothing under these labels.
const OBJECT_STORAGE_LABELS: &[&str] = &[
    "obs",
    "oss",
    "obs-website",
    "oss-website",
    "s3",
    "s3-website",
];

/// Whether `host` is an object-storage endpoint or a bucket under one.
fn is_object_storage(host: &str) -> bool {
    host.split('.').any(|label| {
        OBJECT_STORAGE_LABELS
            .iter()
            .any(|service| label.eq_ignore_ascii_case(service))
    })
}

/// The console's site: its host without the first label when at least three labels remain
/// (`console.eu.huaweicloud.com` → `eu.huaweicloud.com`), else the host itself. The core carries
/// no public suffix list, so a two-label parent is never taken for a site: it may be one
/// (`github.io`, `co.uk`) that anyone can register under. Built-in consoles get their site from
/// [`provider_domain`] anyway.
fn site_of(host: &str) -> &str {
    match host.split_once('.') {
        Some((_, parent)) if parent.matches('.').count() >= 2 => parent,
        _ => host,
    }
}

/// A console host the user added in the options, with the provider whose keys it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct ExtraHost {
    pub host: String,
    pub provider: Provider,
}

/// The page is this provider's console, at this (lower-case ASCII) host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct ConsoleMatch {
    pub provider: Provider,
    pub host: String,
}

/// Whether `url` is a console page credfill may fill, and whose.
pub fn match_console(url: &str, extra_hosts: &[ExtraHost]) -> Option<ConsoleMatch> {
    let url = crate::ascii_url::parse(url).ok()?;
    if url.scheme() != "https" || url.port().is_some() || has_userinfo(&url) {
        return None;
    }
    // `domain()` is `None` for IP addresses: no console is reached by address.
    let host = url.domain()?;
    if host.split('.').any(|label| label.starts_with("xn--")) {
        return None;
    }
    let added = || {
        extra_hosts
            .iter()
            .find(|e| e.host.eq_ignore_ascii_case(host))
            .map(|e| e.provider)
    };
    built_in_provider(host)
        .or_else(added)
        .map(|provider| ConsoleMatch {
            provider,
            host: host.to_owned(),
        })
}

/// The provider whose built-in console `host` is (ASCII, case-insensitive).
pub(super) fn built_in_provider(host: &str) -> Option<Provider> {
    CONSOLE_HOSTS
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(host))
        .map(|&(_, provider)| provider)
}

fn has_userinfo(url: &Url) -> bool {
    !url.username().is_empty() || url.password().is_some()
}

/// What to do with a frame the fields were found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum FrameDecision {
    Allow,
    /// Ask the user first, naming the frame's origin (`https://host[:port]`).
    Confirm {
        origin: String,
    },
    Refuse {
        reason: FrameRefusal,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum FrameRefusal {
    /// The tab itself is not a console: nothing in it is filled.
    TopNotConsole,
    /// Sandboxed frames may be attacker-controlled content hosted by the console.
    Sandboxed,
    /// `data:`, `about:blank` without its inherited origin, sandboxed `null` origins…
    OpaqueOrigin,
    /// A cross-origin frame that is not `https:`.
    InsecureFrame,
    /// A cross-origin frame of neither the console's site nor its provider's domain.
    ForeignSite,
    /// An object-storage host (a bucket, or a path-style bucket on the service's own host): its
    /// pages are whatever a customer uploaded, though the host is under the provider's domain.
    ObjectStorage,
}

impl std::fmt::Display for FrameRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FrameRefusal::TopNotConsole => "the tab is not a known console",
            FrameRefusal::Sandboxed => "the frame is sandboxed",
            FrameRefusal::OpaqueOrigin => "the frame has no origin to check",
            FrameRefusal::InsecureFrame => "the frame is not served over https",
            FrameRefusal::ForeignSite => "the frame belongs to another site than the console",
            FrameRefusal::ObjectStorage => "the frame is served from object storage",
        })
    }
}

/// Decides whether fields in the frame at `frame_url` may be filled while the tab shows `top_url`.
///
/// `frame_url` is the frame's `location.href`, or for `about:blank`/`srcdoc` frames the origin
/// they inherit (`self.origin`), since their own URL carries none.
pub fn frame_decision(
    top_url: &str,
    frame_url: &str,
    frame_sandboxed: bool,
    extra_hosts: &[ExtraHost],
) -> FrameDecision {
    let refuse = |reason| FrameDecision::Refuse { reason };
    let (console, top) = match (
        match_console(top_url, extra_hosts),
        crate::ascii_url::parse(top_url),
    ) {
        (Some(console), Ok(top)) => (console, top),
        _ => return refuse(FrameRefusal::TopNotConsole),
    };
    if frame_sandboxed {
        return refuse(FrameRefusal::Sandboxed);
    }
    let Ok(frame) = crate::ascii_url::parse(frame_url) else {
        return refuse(FrameRefusal::OpaqueOrigin);
    };
    // `origin()` also looks inside `blob:https://host/…` URLs, as browsers do.
    let origin = frame.origin();
    match &origin {
        Origin::Opaque(_) => refuse(FrameRefusal::OpaqueOrigin),
        _ if origin == top.origin() => FrameDecision::Allow,
        Origin::Tuple(scheme, _, _) if scheme != "https" => refuse(FrameRefusal::InsecureFrame),
        Origin::Tuple(_, host, _) if is_object_storage(&host.to_string()) => {
            refuse(FrameRefusal::ObjectStorage)
        }
        Origin::Tuple(_, host, _) => {
            let host = host.to_string();
            let own = within(&host, site_of(&console.host))
                || provider_domain(console.provider).is_some_and(|domain| within(&host, domain));
            if own {
                FrameDecision::Confirm {
                    origin: origin.ascii_serialization(),
                }
            } else {
                refuse(FrameRefusal::ForeignSite)
            }
        }
    }
}

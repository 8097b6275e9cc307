//! The console origin policy, case by case.

use credfill::fill::{frame_decision, match_console, ExtraHost, FrameDecision, FrameRefusal};
use credfill::profile::Provider;

use Provider::{FlexibleEngine, Huawei, Ibm};

fn extra() -> Vec<ExtraHost> {
    vec![ExtraHost {
        host: "Console.Example-Partner.com".into(),
        provider: Huawei,
    }]
}

#[test]
fn allowed_console_urls() {
    let cases: &[(&str, Provider, &str)] = &[
        ("https://console.huaweicloud.com/modelarts/?region=cn-north-4#/settings", Huawei, "console.huaweicloud.com"),
        ("https://console-intl.huaweicloud.com/modelarts/?region=ap-southeast-1", Huawei, "console-intl.huaweicloud.com"),
        ("https://console.eu.huaweicloud.com/", Huawei, "console.eu.huaweicloud.com"),
        ("https://console.prod-cloud-ocb.orange-business.com/modelarts/?agencyId=x&region=eu-west-0&locale=en-us#/", FlexibleEngine, "console.prod-cloud-ocb.orange-business.com"),
        ("https://cloud.ibm.com/iam/apikeys", Ibm, "cloud.ibm.com"),
        ("https://aiopenscale.cloud.ibm.com/aiopenscale/#/setup", Ibm, "aiopenscale.cloud.ibm.com"),
        ("https://dataplatform.cloud.ibm.com/", Ibm, "dataplatform.cloud.ibm.com"),
        // Case-insensitive host, the default port written out, no path.
        ("HTTPS://CONSOLE.HuaweiCloud.COM", Huawei, "console.huaweicloud.com"),
        ("https://console.huaweicloud.com:443/", Huawei, "console.huaweicloud.com"),
        // The parser (like the browser) decodes and maps these to the plain host.
        ("https://console%2Ehuaweicloud.com/", Huawei, "console.huaweicloud.com"),
        // Backslash is a path separator in https URLs: the browser goes to the console.
        ("https://console.huaweicloud.com\\@evil.example/", Huawei, "console.huaweicloud.com"),
        ("https://console.huaweicloud.com/#@evil.example", Huawei, "console.huaweicloud.com"),
        ("  https://cloud.ibm.com/  ", Ibm, "cloud.ibm.com"),
    ];
    for &(url, provider, host) in cases {
        let found = match_console(url, &[]).unwrap_or_else(|| panic!("refused {url}"));
        assert_eq!(
            (found.provider, found.host.as_str()),
            (provider, host),
            "{url}"
        );
    }
}

#[test]
fn refused_urls() {
    let cases: &[&str] = &[
        // Unserialized text: browsers hand over URLs in ASCII (src/ascii_url.rs).
        "https://ｃｏｎｓｏｌｅ.huaweicloud.com/",
        // Look-alike hosts.
        "https://console.huaweicloud.com.evil.example/",
        "https://console-huaweicloud.com/",
        "https://consolehuaweicloud.com/",
        "https://evil-console.huaweicloud.com/",
        "https://x.console.huaweicloud.com/",
        "https://huaweicloud.com/",
        "https://console.huaweicloud.co/",
        "https://console.huaweicloud.com.cn/",
        "https://ibm.com/",
        "https://evilcloud.ibm.com/",
        "https://cloud.ibm.com.evil.example/",
        "https://cloud-ibm.com/",
        "https://console.prod-cloud-ocb.orange-business.com.evil.example/",
        "https://evil.example/#@console.huaweicloud.com",
        "https://evil.example/?https://console.huaweicloud.com/",
        // Trailing dot: a different origin for the browser (see origin.rs).
        "https://console.huaweicloud.com./",
        "https://cloud.ibm.com./iam",
        // Homographs: Cyrillic "с"/"і", Greek "ο", and raw punycode.
        "https://сonsole.huaweicloud.com/",
        "https://cloud.іbm.com/",
        "https://console.huaweicl\u{03bf}ud.com/",
        "https://xn--onsole-4ve.huaweicloud.com/",
        "https://console.xn--huaweicloud-xyz.com/",
        // Userinfo, however it is spelled.
        "https://user@console.huaweicloud.com/",
        "https://user:pass@console.huaweicloud.com/",
        "https://:pass@cloud.ibm.com/",
        "https://console.huaweicloud.com@evil.example/",
        // Other schemes and ports.
        "http://console.huaweicloud.com/",
        "http://cloud.ibm.com:443/",
        "https://console.huaweicloud.com:8443/",
        "https://cloud.ibm.com:80/",
        "wss://cloud.ibm.com/",
        "ftp://console.huaweicloud.com/",
        "javascript:alert(1)//https://console.huaweicloud.com/",
        "data:text/html,https://console.huaweicloud.com/",
        "file:///console.huaweicloud.com/index.html",
        "blob:https://console.huaweicloud.com/4b8c0d1e-0000-4000-8000-000000000000",
        "view-source:https://console.huaweicloud.com/",
        "chrome-extension://abcdefghijklmnop/popup.html",
        "about:blank",
        // Addresses and garbage.
        "https://127.0.0.1/",
        "https://[::1]/",
        "console.huaweicloud.com",
        "//console.huaweicloud.com/",
        "",
        "https://",
    ];
    for &url in cases {
        assert_eq!(match_console(url, &[]), None, "accepted {url:?}");
    }
}

#[test]
fn user_added_hosts_follow_the_same_rules() {
    let extra = extra();
    let found = match_console("https://console.example-partner.com/x", &extra).unwrap();
    assert_eq!(
        (found.provider, found.host.as_str()),
        (Huawei, "console.example-partner.com")
    );
    for url in [
        "http://console.example-partner.com/",
        "https://console.example-partner.com:8443/",
        "https://console.example-partner.com./",
        "https://console.example-partner.com.evil.example/",
        "https://u@console.example-partner.com/",
    ] {
        assert_eq!(match_console(url, &extra), None, "{url}");
    }
    // Without the option the host is unknown.
    assert_eq!(
        match_console("https://console.example-partner.com/", &[]),
        None
    );
    // A user-added punycode host is still refused: homographs never pass.
    let idn = vec![ExtraHost {
        host: "xn--80ak6aa92e.com".into(),
        provider: Ibm,
    }];
    assert_eq!(match_console("https://xn--80ak6aa92e.com/", &idn), None);
}

#[test]
fn frame_decisions() {
    let top = "https://console.huaweicloud.com/modelarts/?region=cn-north-4#/settings";
    let allow = FrameDecision::Allow;
    let confirm = |o: &str| FrameDecision::Confirm { origin: o.into() };
    let refuse = |reason| FrameDecision::Refuse { reason };
    let cases: Vec<(&str, &str, bool, FrameDecision)> = vec![
        (top, top, false, allow.clone()),
        (
            top,
            "https://console.huaweicloud.com/iframe/dialog.html",
            false,
            allow.clone(),
        ),
        (top, "https://console.huaweicloud.com", false, allow.clone()),
        (
            top,
            "blob:https://console.huaweicloud.com/4b8c0d1e",
            false,
            allow.clone(),
        ),
        (
            top,
            "https://console.huaweicloud.com:443/x",
            false,
            allow.clone(),
        ),
        (
            top,
            "https://auth.huaweicloud.com/authui/login",
            false,
            confirm("https://auth.huaweicloud.com"),
        ),
        (
            top,
            "https://console-intl.huaweicloud.com/",
            false,
            confirm("https://console-intl.huaweicloud.com"),
        ),
        (
            top,
            "https://console.huaweicloud.com:8443/",
            false,
            confirm("https://console.huaweicloud.com:8443"),
        ),
        (
            "https://console.prod-cloud-ocb.orange-business.com/",
            "https://auth.orange-business.com/",
            false,
            confirm("https://auth.orange-business.com"),
        ),
        (
            "https://aiopenscale.cloud.ibm.com/",
            "https://iam.ibm.com/",
            false,
            confirm("https://iam.ibm.com"),
        ),
        (
            top,
            "http://console.huaweicloud.com/",
            false,
            refuse(FrameRefusal::InsecureFrame),
        ),
        (
            top,
            "data:text/html,<input>",
            false,
            refuse(FrameRefusal::OpaqueOrigin),
        ),
        (
            top,
            "about:blank",
            false,
            refuse(FrameRefusal::OpaqueOrigin),
        ),
        (top, "null", false, refuse(FrameRefusal::OpaqueOrigin)),
        (
            top,
            "javascript:void(0)",
            false,
            refuse(FrameRefusal::OpaqueOrigin),
        ),
        (
            top,
            "file:///tmp/x.html",
            false,
            refuse(FrameRefusal::OpaqueOrigin),
        ),
        (top, top, true, refuse(FrameRefusal::Sandboxed)),
        (
            top,
            "https://evil.example/",
            true,
            refuse(FrameRefusal::Sandboxed),
        ),
        (
            "https://evil.example/",
            top,
            false,
            refuse(FrameRefusal::TopNotConsole),
        ),
        (
            "http://console.huaweicloud.com/",
            "http://console.huaweicloud.com/",
            false,
            refuse(FrameRefusal::TopNotConsole),
        ),
        (
            "https://console.huaweicloud.com./",
            "https://console.huaweicloud.com./",
            false,
            refuse(FrameRefusal::TopNotConsole),
        ),
        ("not a url", top, false, refuse(FrameRefusal::TopNotConsole)),
        (
            "https://cloud.ibm.com/",
            "https://aiopenscale.cloud.ibm.com/",
            false,
            confirm("https://aiopenscale.cloud.ibm.com"),
        ),
        (
            "https://aiopenscale.cloud.ibm.com/#/x",
            "https://aiopenscale.cloud.ibm.com/frame",
            false,
            allow.clone(),
        ),
    ];
    for (top, frame, sandboxed, expected) in cases {
        assert_eq!(
            frame_decision(top, frame, sandboxed, &[]),
            expected,
            "{top} / {frame} / {sandboxed}"
        );
    }
    // Other sites and other providers are refused, never asked about.
    for frame in [
        "https://evil.example/frame",
        "https://huaweicloud.com.evil.example/",
        "https://evilhuaweicloud.com/",
        "https://cloud.ibm.com/",
        "https://console.prod-cloud-ocb.orange-business.com/",
        "https://127.0.0.1/",
        "https://console.hcs.credfill.test/",
    ] {
        assert_eq!(
            frame_decision(top, frame, false, &[]),
            refuse(FrameRefusal::ForeignSite),
            "{frame}"
        );
    }
}

#[test]
fn object_storage_frames_are_refused_even_under_the_provider_domain() {
    // Buckets (and path-style buckets on the service host) serve whatever a customer uploaded.
    for (top, frame) in [
        (
            "https://console.prod-cloud-ocb.orange-business.com/modelarts/",
            "https://attacker.oss.eu-west-0.prod-cloud-ocb.orange-business.com/form.html",
        ),
        (
            "https://console.prod-cloud-ocb.orange-business.com/modelarts/",
            "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com/attacker/form.html",
        ),
        (
            "https://console.prod-cloud-ocb.orange-business.com/",
            "https://site.oss-website.eu-west-0.prod-cloud-ocb.orange-business.com/",
        ),
        (
            "https://console.huaweicloud.com/modelarts/",
            "https://attacker.obs.cn-north-4.huaweicloud.com/",
        ),
        (
            "https://console.huaweicloud.com/modelarts/",
            "https://site.OBS-Website.cn-north-4.huaweicloud.com/",
        ),
        (
            "https://cloud.ibm.com/",
            "https://bucket.s3.us-south.ibm.com/",
        ),
    ] {
        assert_eq!(
            frame_decision(top, frame, false, &[]),
            FrameDecision::Refuse {
                reason: FrameRefusal::ObjectStorage
            },
            "{frame}"
        );
    }
    // The provider's other services are still its own: asked about, not refused.
    let top = "https://console.prod-cloud-ocb.orange-business.com/modelarts/";
    let frame = "https://modelarts.eu-west-0.prod-cloud-ocb.orange-business.com/";
    assert!(matches!(
        frame_decision(top, frame, false, &[]),
        FrameDecision::Confirm { .. }
    ));
    // A label that only starts like a service is no service.
    let frame = "https://observe.prod-cloud-ocb.orange-business.com/";
    assert!(matches!(
        frame_decision(top, frame, false, &[]),
        FrameDecision::Confirm { .. }
    ));
}

#[test]
fn homograph_frames_are_named_in_punycode() {
    let top = "https://console.huaweicloud.com/";
    // As a browser hands it over: serialized, the Cyrillic с in punycode.
    let FrameDecision::Confirm { origin } =
        frame_decision(top, "https://xn--onsole-hrf.huaweicloud.com/", false, &[])
    else {
        panic!("a cross-origin frame must be confirmed");
    };
    assert_eq!(origin, "https://xn--onsole-hrf.huaweicloud.com");
    // Unserialized text no browser sends is refused, never guessed at (src/ascii_url.rs).
    assert_eq!(
        frame_decision(top, "https://сonsole.huaweicloud.com/", false, &[]),
        FrameDecision::Refuse {
            reason: FrameRefusal::OpaqueOrigin
        }
    );
}

#[test]
fn frame_decision_knows_user_added_tops() {
    let top = "https://console.example-partner.com/";
    assert_eq!(
        frame_decision(top, top, false, &[]),
        FrameDecision::Refuse {
            reason: FrameRefusal::TopNotConsole
        }
    );
    assert_eq!(
        frame_decision(top, top, false, &extra()),
        FrameDecision::Allow
    );
    // A two-label parent is no site (see `a_two_label_parent_is_no_site`); Huawei's domain is.
    for (frame, decision) in [
        (
            "https://login.example-partner.com/",
            FrameDecision::Refuse {
                reason: FrameRefusal::ForeignSite,
            },
        ),
        (
            "https://auth.huaweicloud.com/",
            FrameDecision::Confirm {
                origin: "https://auth.huaweicloud.com".into(),
            },
        ),
        (
            "https://example.com/",
            FrameDecision::Refuse {
                reason: FrameRefusal::ForeignSite,
            },
        ),
    ] {
        assert_eq!(
            frame_decision(top, frame, false, &extra()),
            decision,
            "{frame}"
        );
    }
}

#[test]
fn a_two_label_parent_is_no_site() {
    // Without a public suffix list the core cannot tell `github.io` from `example.com`: a
    // console host never lends a two-label parent (a public suffix, maybe) to other frames.
    let extra = |host: &str| {
        vec![ExtraHost {
            host: host.into(),
            provider: Huawei,
        }]
    };
    let top = "https://partner.github.io/";
    assert_eq!(
        frame_decision(
            top,
            "https://evil.github.io/",
            false,
            &extra("partner.github.io")
        ),
        FrameDecision::Refuse {
            reason: FrameRefusal::ForeignSite
        }
    );
    let top = "https://console.hcs.example.com/";
    assert_eq!(
        frame_decision(
            top,
            "https://iam.hcs.example.com/",
            false,
            &extra("console.hcs.example.com")
        ),
        FrameDecision::Confirm {
            origin: "https://iam.hcs.example.com".into()
        }
    );
}

//! What the popup needs to know of the tab it was opened on: which console it is and, when the
//! console says, which region the user works in (Huawei Cloud and Flexible Engine consoles carry
//! `region=` in the query or in the hash route, e.g. `#/dashboard?region=eu-west-0`).

use serde::Serialize;

use super::origin::{match_console, ExtraHost};
use crate::profile::Provider;
use tsify_next::Tsify;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct TabConsole {
    pub provider: Provider,
    pub host: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

pub fn tab_console(url: &str, extra_hosts: &[ExtraHost]) -> Option<TabConsole> {
    let console = match_console(url, extra_hosts)?;
    let parsed = crate::ascii_url::parse(url).ok()?;
    let hash_query = parsed
        .fragment()
        .and_then(|f| f.split_once('?'))
        .map(|(_, query)| query);
    let region = parsed
        .query_pairs()
        .chain(
            hash_query
                .into_iter()
                .flat_map(|q| url::form_urlencoded::parse(q.as_bytes())),
        )
        .find(|(name, _)| name == "region")
        .map(|(_, value)| value.into_owned())
        .filter(|r| {
            !r.is_empty()
                && r.len() <= 32
                && r.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    Some(TabConsole {
        provider: console.provider,
        host: console.host,
        region,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_comes_from_the_query_or_the_hash_route() {
        let at = |url: &str| tab_console(url, &[]).and_then(|t| t.region);
        assert_eq!(
            at("https://console.huaweicloud.com/modelarts/?region=ap-southeast-3#/dashboard"),
            Some("ap-southeast-3".into())
        );
        assert_eq!(
            at("https://console.prod-cloud-ocb.orange-business.com/modelarts/#/settings?region=eu-west-0&locale=fr"),
            Some("eu-west-0".into())
        );
        assert_eq!(at("https://console.huaweicloud.com/console/"), None);
        assert_eq!(at("https://console.huaweicloud.com/?region=<script>"), None);
        assert_eq!(
            tab_console(
                "https://console.huaweicloud.com.evil.example/?region=x",
                &[]
            ),
            None
        );
        let fe = tab_console("https://console.prod-cloud-ocb.orange-business.com/", &[]).unwrap();
        assert_eq!(fe.provider, Provider::FlexibleEngine);
    }
}

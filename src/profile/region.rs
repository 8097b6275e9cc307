//! The regions each provider has, as data: a region is a line of hosts, written as its sources
//! print them, never built from a pattern, with the name its console shows. Part of the model: a
//! profile's region is one of these (or, with its own endpoint, a plain region name).

use super::regions::{HUAWEI_CLOUD, HUAWEI_CLOUD_IAM};
use super::Provider;
use crate::words::{locale_key, Param};

/// One region's hosts; `None` where the provider lists no such service there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionHosts {
    pub region: &'static str,
    pub obs: Option<&'static str>,
    pub iam: Option<&'static str>,
    pub modelarts: Option<&'static str>,
}

/// Orange Flexible Engine's public regions. IAM: Huawei's IAM endpoint page for Flexible Engine
/// (https://support.huaweicloud.com/intl/en-us/eu-west-0-api-iam/iam_01_0004.html) lists
/// `iam.eu-west-0.` and `iam.eu-west-1.prod-cloud-ocb.orange-business.com`. Object storage is
/// `oss.`, not `obs.`: FlexibleEngineCloud/terraform-provider-flexibleengine `flexibleengine/provider.go`
/// (`https://oss.%s.%s/`), whose `config_test.go` expects `https://oss.eu-west-1.prod-cloud-ocb.orange-business.com/`.
/// No public page prints ModelArts' host: it is derived from the endpoint builder that provider's
/// ModelArts resources use (huaweicloud/terraform-provider-huaweicloud `GetServiceEndpoint`:
/// `https://{service}.{region}.{cloud}/`), so a profile can replace it with a custom endpoint.
const FLEXIBLE_ENGINE: &[RegionHosts] = &[
    RegionHosts {
        region: "eu-west-0",
        obs: Some("oss.eu-west-0.prod-cloud-ocb.orange-business.com"),
        iam: Some("iam.eu-west-0.prod-cloud-ocb.orange-business.com"),
        modelarts: Some("modelarts.eu-west-0.prod-cloud-ocb.orange-business.com"),
    },
    RegionHosts {
        region: "eu-west-1",
        obs: Some("oss.eu-west-1.prod-cloud-ocb.orange-business.com"),
        iam: Some("iam.eu-west-1.prod-cloud-ocb.orange-business.com"),
        modelarts: Some("modelarts.eu-west-1.prod-cloud-ocb.orange-business.com"),
    },
];

/// Whether the table's ModelArts host for `provider` is derived, printed by no public page (see
/// [`FLEXIBLE_ENGINE`]): the user is told they may need a custom endpoint for it.
pub fn modelarts_host_derived(provider: Provider) -> bool {
    provider == Provider::FlexibleEngine
}

/// The Huawei Cloud region offered first where nothing else chooses (the standalone page): the
/// one huaweicloud-sdk-python-v3's examples use (`with_region(VpcRegion.value_of("cn-north-4"))`).
const HUAWEI_CLOUD_FIRST: &str = "cn-north-4";

/// The regions of `provider` that have hosts in the catalog (IBM and AWS are built otherwise).
fn table(provider: Provider) -> &'static [RegionHosts] {
    match provider {
        Provider::Huawei => HUAWEI_CLOUD,
        Provider::FlexibleEngine => FLEXIBLE_ENGINE,
        _ => &[],
    }
}

/// `region`'s line in `provider`'s table. A Huawei Cloud region without its own IAM host looks
/// project IDs up where huaweicloudsdkcore does: the global IAM host.
pub fn hosts(provider: Provider, region: &str) -> Option<RegionHosts> {
    let found = *table(provider).iter().find(|r| r.region == region)?;
    Some(match provider {
        Provider::Huawei => RegionHosts {
            iam: found.iam.or(Some(HUAWEI_CLOUD_IAM)),
            ..found
        },
        _ => found,
    })
}

/// A region's name as its cloud's console shows it, in English and in Chinese (the consoles have
/// no French: French users see the English name, as in the console).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionName {
    pub region: &'static str,
    pub english: &'static str,
    pub chinese: &'static str,
}

const fn named(region: &'static str, english: &'static str, chinese: &'static str) -> RegionName {
    RegionName {
        region,
        english,
        chinese,
    }
}

/// The regions' names, one per region ID (a name the source does not print is left out: the ID
/// is then shown alone). Sources:
/// - Huawei Cloud: "Regions and Endpoints", https://developer.huaweicloud.com/intl/en-us/endpoint
///   (English) and https://developer.huaweicloud.com/endpoint (Chinese), the names IAM's
///   `GET /v3/regions` answers in `locales.en-us` / `locales.zh-cn`
///   (https://support.huaweicloud.com/intl/en-us/api-iam/iam_05_0001.html).
/// - Flexible Engine: "Regions and Endpoints",
///   https://docs.prod-cloud-ocb.orange-business.com/en-us/endpoint/index.html.
/// - IBM Cloud: "Region and data center locations for resource deployment",
///   https://cloud.ibm.com/docs/overview?topic=overview-locations (and its `locale=zh-CN` page).
#[rustfmt::skip]
pub const REGION_NAMES: &[RegionName] = &[
    named("af-north-1", "AF-Cairo", "非洲-开罗"),
    named("af-south-1", "AF-Johannesburg", "非洲-约翰内斯堡"),
    named("ap-southeast-1", "CN-Hong Kong", "中国-香港"),
    named("ap-southeast-2", "AP-Bangkok", "亚太-曼谷"),
    named("ap-southeast-3", "AP-Singapore", "亚太-新加坡"),
    named("ap-southeast-4", "AP-Jakarta", "亚太-雅加达"),
    named("ap-southeast-5", "AP-Manila", "亚太-马尼拉"),
    named("cn-east-2", "CN East-Shanghai2", "华东-上海二"),
    named("cn-east-3", "CN East-Shanghai1", "华东-上海一"),
    named("cn-east-5", "CN East-Qingdao", "华东-青岛"),
    named("cn-north-1", "CN North-Beijing1", "华北-北京一"),
    named("cn-north-2", "CN North-Beijing2", "华北-北京二"),
    named("cn-north-4", "CN North-Beijing4", "华北-北京四"),
    named("cn-north-9", "CN North-Ulanqab1", "华北-乌兰察布一"),
    named("cn-south-1", "CN South-Guangzhou", "华南-广州"),
    named("cn-south-2", "CN South-Shenzhen", "华南-深圳"),
    named("cn-southwest-2", "CN Southwest-Guiyang1", "西南-贵阳一"),
    named("eu-west-101", "EU-Dublin", "欧洲-都柏林"),
    named("la-north-2", "LA-Mexico City2", "拉美-墨西哥城二"),
    named("la-south-2", "LA-Santiago", "拉美-圣地亚哥"),
    named("me-east-1", "ME-Riyadh", "中东-利雅得"),
    named("na-mexico-1", "LA-Mexico City1", "拉美-墨西哥城一"),
    named("ru-northwest-2", "RU-Moscow2", "俄罗斯-莫斯科二"),
    named("sa-brazil-1", "LA-Sao Paulo1", "拉美-圣保罗一"),
    named("sa-peru-1", "LA-Lima1", "拉美-利马一"),
    named("tr-west-1", "TR-Istanbul", "土耳其-伊斯坦布尔"),
    // Flexible Engine (Huawei Cloud's own eu-west-0 is in Paris too).
    named("eu-west-0", "Europe-Paris", "欧洲-巴黎"),
    // IBM Cloud.
    named("us-south", "Dallas", "达拉斯"),
    named("eu-de", "Frankfurt", "法兰克福"),
    named("eu-gb", "London", "伦敦"),
    named("au-syd", "Sydney", "悉尼"),
    named("ca-tor", "Toronto", "多伦多"),
    named("jp-tok", "Tokyo", "东京"),
];

/// `region`'s name in the consoles, when [`REGION_NAMES`] has one.
pub fn region_name(region: &str) -> Option<&'static RegionName> {
    REGION_NAMES.iter().find(|n| n.region == region)
}

/// The `_locales` keys of the regions' names (`region_cn_north_4`), which the extension's words
/// copy from [`REGION_NAMES`] (checked in the tests below).
pub fn region_terms() -> impl Iterator<Item = String> {
    REGION_NAMES.iter().map(|n| locale_key("region", n.region))
}

/// OpenScale's regions; `us-south` is served by the host without a region prefix.
pub const OPENSCALE_REGIONS: &[&str] =
    &["us-south", "eu-de", "eu-gb", "au-syd", "ca-tor", "jp-tok"];
/// The regions the catalog knows for `provider`, for the user to choose from (AWS has too many
/// to list: any well-formed AWS region name is known).
pub fn regions(provider: Provider) -> Vec<&'static str> {
    let listed = table(provider).iter().map(|r| r.region);
    match provider {
        Provider::Ibm => OPENSCALE_REGIONS.to_vec(),
        Provider::Huawei => std::iter::once(HUAWEI_CLOUD_FIRST)
            .chain(listed.filter(|r| *r != HUAWEI_CLOUD_FIRST))
            .collect(),
        _ => listed.collect(),
    }
}

/// Whether `region` is one the catalog has endpoints for.
pub fn region_known(provider: Provider, region: &str) -> bool {
    match provider {
        Provider::Aws => is_aws_region(region),
        Provider::Azure => false,
        _ => regions(provider).contains(&region),
    }
}

/// A region ID with its console's name (`cn-north-4`: "华北-北京四"), when the table has one.
pub fn region_param(region: &str) -> Param {
    Param::coded("region", region, region_name(region).is_some())
}

/// `us-east-1`, `eu-central-2`, `ap-southeast-4`, `us-gov-west-1`…
pub fn is_aws_region(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && parts
            .last()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

//! Where each provider's services live, per region, and the custom endpoints that replace them
//! (a private deployment, or a test server on 127.0.0.1). Data first: a region is a line of hosts,
//! written as its sources print them, never built from a pattern.

use super::regions::{HUAWEI_CLOUD, HUAWEI_CLOUD_IAM};
use crate::cloud::RequestError;
use crate::profile::{CustomOrigin, Profile, Provider};

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
fn hosts(provider: Provider, region: &str) -> Option<RegionHosts> {
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
    REGION_NAMES
        .iter()
        .map(|n| crate::words::locale_key("region", n.region))
}

const IBM_IAM_HOST: &str = "iam.cloud.ibm.com";
/// OpenScale's regions; `us-south` is served by the host without a region prefix.
pub const OPENSCALE_REGIONS: &[&str] =
    &["us-south", "eu-de", "eu-gb", "au-syd", "ca-tor", "jp-tok"];
/// One global host (IBM/platform-services-python-sdk `resource_controller_v2.py`,
/// `DEFAULT_SERVICE_URL`).
const IBM_RESOURCE_CONTROLLER_HOST: &str = "resource-controller.cloud.ibm.com";

/// `scheme://host[:port]` of one service. `custom` origins get path-style bucket URLs, since
/// a test server or private endpoint has no wildcard DNS for virtual-host buckets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub scheme: String,
    pub host: String,
    pub port: Option<u16>,
    pub custom: bool,
}

impl Origin {
    fn catalog(host: String) -> Self {
        Origin {
            scheme: "https".into(),
            host,
            port: None,
            custom: false,
        }
    }

    fn custom(origin: &CustomOrigin) -> Self {
        Origin {
            scheme: origin.scheme.clone(),
            host: origin.host.clone(),
            port: origin.port,
            custom: true,
        }
    }

    /// The origin itself, e.g. `https://obs.cn-north-4.myhuaweicloud.com`.
    pub fn base(&self) -> String {
        self.base_for(&self.host)
    }

    /// The origin with `sub.` before the host (virtual-host buckets).
    pub fn sub_base(&self, sub: &str) -> String {
        self.base_for(&format!("{sub}.{}", self.host))
    }

    fn base_for(&self, host: &str) -> String {
        match self.port {
            Some(port) => format!("{}://{host}:{port}", self.scheme),
            None => format!("{}://{host}", self.scheme),
        }
    }

    /// The host-permission match pattern covering this origin (patterns carry no port).
    pub fn match_pattern(&self) -> String {
        format!("{}://{}/*", self.scheme, self.host)
    }
}

/// The services of one profile; `None` where the provider has no such service in that region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Endpoints {
    /// The profile names no region nor endpoint of its own (so none of these is known).
    pub no_region: bool,
    pub obs: Option<Origin>,
    pub iam: Option<Origin>,
    pub modelarts: Option<Origin>,
    pub ibm_iam: Option<Origin>,
    pub resource_controller: Option<Origin>,
    pub openscale: Option<Origin>,
}

impl Endpoints {
    pub fn need_obs(&self) -> Result<&Origin, RequestError> {
        self.need(&self.obs, "OBS")
    }

    pub fn need_iam(&self) -> Result<&Origin, RequestError> {
        self.need(&self.iam, "IAM")
    }

    pub fn need_modelarts(&self) -> Result<&Origin, RequestError> {
        self.need(&self.modelarts, "ModelArts")
    }

    fn is_empty(&self) -> bool {
        [
            &self.obs,
            &self.iam,
            &self.modelarts,
            &self.ibm_iam,
            &self.resource_controller,
            &self.openscale,
        ]
        .iter()
        .all(|origin| origin.is_none())
    }

    /// Why no service is known at all: the profile names no region, or one the catalog lacks.
    pub fn region_error(&self) -> RequestError {
        if self.no_region {
            RequestError::NoRegion
        } else {
            RequestError::UnknownRegion
        }
    }

    /// `origin`, or why there is none: the profile has no region, the whole region is unknown,
    /// or only `service` is missing there.
    fn need<'a>(
        &self,
        origin: &'a Option<Origin>,
        service: &'static str,
    ) -> Result<&'a Origin, RequestError> {
        match origin {
            Some(origin) => Ok(origin),
            None if self.is_empty() => Err(self.region_error()),
            None => Err(RequestError::NotInRegion(service)),
        }
    }
}

/// The catalog's endpoints for the profile's provider and region, with its own endpoints applied.
pub fn endpoints(profile: &Profile) -> Endpoints {
    let mut found = of(profile.provider, profile.region());
    let Some(endpoint) = &profile.endpoint else {
        found.no_region = profile.region.is_none();
        return found;
    };
    let custom = endpoint.per_service();
    for (slot, origin) in [
        (&mut found.obs, custom.obs),
        (&mut found.iam, custom.iam),
        (&mut found.modelarts, custom.modelarts),
        (&mut found.ibm_iam, custom.ibm_iam),
        (&mut found.resource_controller, custom.resource_controller),
        (&mut found.openscale, custom.openscale),
    ] {
        if let Some(origin) = origin {
            *slot = Some(Origin::custom(&origin));
        }
    }
    found
}

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

/// The catalog's own endpoints for `provider` in `region` (no custom endpoint applied).
pub fn of(provider: Provider, region: &str) -> Endpoints {
    let at = |host: String| Some(Origin::catalog(host));
    let listed = |host: Option<&str>| host.map(|h| Origin::catalog(h.into()));
    match provider {
        Provider::Huawei | Provider::FlexibleEngine => hosts(provider, region)
            .map(|found| Endpoints {
                obs: listed(found.obs),
                iam: listed(found.iam),
                modelarts: listed(found.modelarts),
                ..Endpoints::default()
            })
            .unwrap_or_default(),
        Provider::Aws if is_aws_region(region) => Endpoints {
            obs: at(format!("s3.{region}.amazonaws.com")),
            ..Endpoints::default()
        },
        Provider::Ibm => Endpoints {
            ibm_iam: at(IBM_IAM_HOST.into()),
            resource_controller: at(IBM_RESOURCE_CONTROLLER_HOST.into()),
            openscale: openscale_host(region).and_then(at),
            ..Endpoints::default()
        },
        _ => Endpoints::default(),
    }
}

/// OpenScale's host for a region; `us-south` is the host without a region prefix.
fn openscale_host(region: &str) -> Option<String> {
    match region {
        "" | "us-south" => Some("api.aiopenscale.cloud.ibm.com".into()),
        r if OPENSCALE_REGIONS.contains(&r) => Some(format!("{r}.api.aiopenscale.cloud.ibm.com")),
        _ => None,
    }
}

/// The Watson Machine Learning service URL of a region, as its provider form asks for it
/// (https://cloud.ibm.com/apidocs/machine-learning#endpoint-url: `https://{region}.ml.cloud.ibm.com`
/// in the regions OpenScale serves too).
pub fn machine_learning_url(region: &str) -> Option<String> {
    OPENSCALE_REGIONS
        .contains(&region)
        .then(|| format!("https://{region}.ml.cloud.ibm.com"))
}

/// `us-east-1`, `eu-central-2`, `ap-southeast-4`, `us-gov-west-1`…
fn is_aws_region(region: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(provider: Provider, region: &str, endpoint: Option<&str>) -> Profile {
        serde_json::from_value(serde_json::json!({
            "id": "p", "name": "p", "provider": provider, "region": region,
            "endpoint": endpoint.map(|e| serde_json::from_str::<serde_json::Value>(e).unwrap()),
        }))
        .expect("a profile")
    }

    fn hosts_of(provider: Provider, region: &str) -> [Option<String>; 3] {
        let e = endpoints(&profile(provider, region, None));
        [e.obs, e.iam, e.modelarts].map(|o| o.map(|o| o.base()))
    }

    fn listed(hosts: [&str; 3]) -> [Option<String>; 3] {
        hosts.map(|h| (!h.is_empty()).then(|| format!("https://{h}")))
    }

    #[test]
    fn flexible_engine_uses_oss_for_object_storage_in_both_regions() {
        for region in ["eu-west-0", "eu-west-1"] {
            assert_eq!(
                hosts_of(Provider::FlexibleEngine, region),
                listed([
                    &format!("oss.{region}.prod-cloud-ocb.orange-business.com"),
                    &format!("iam.{region}.prod-cloud-ocb.orange-business.com"),
                    &format!("modelarts.{region}.prod-cloud-ocb.orange-business.com"),
                ])
            );
        }
        assert_eq!(
            endpoints(&profile(Provider::FlexibleEngine, "eu-west-2", None)),
            Endpoints::default()
        );
    }

    /// The editor's endpoint fields (`Provider::services`) are the services the catalog gives
    /// each provider: every one it answers somewhere, and no other.
    #[test]
    fn a_providers_services_are_those_the_catalog_gives_it() {
        use crate::profile::Service;
        for provider in Provider::ALL {
            let regions = match provider {
                Provider::Aws => vec!["us-east-1", "eu-west-3"],
                _ => regions(provider),
            };
            let mut answered = Vec::new();
            for region in regions {
                let e = of(provider, region);
                for (service, origin) in [
                    (Service::Obs, e.obs),
                    (Service::Iam, e.iam),
                    (Service::Modelarts, e.modelarts),
                    (Service::IbmIam, e.ibm_iam),
                    (Service::ResourceController, e.resource_controller),
                    (Service::Openscale, e.openscale),
                ] {
                    if origin.is_some() && !answered.contains(&service) {
                        answered.push(service);
                    }
                }
            }
            assert_eq!(answered, provider.services(), "{provider:?}");
        }
    }

    #[test]
    fn huawei_cloud_hosts_are_its_sdks_own_exceptions_included() {
        let huawei = |region| hosts_of(Provider::Huawei, region);
        assert_eq!(
            huawei("cn-north-4"),
            listed([
                "obs.cn-north-4.myhuaweicloud.com",
                "iam.cn-north-4.myhuaweicloud.com",
                "modelarts.cn-north-4.myhuaweicloud.com",
            ])
        );
        // modelarts_region.py: AP_SOUTHEAST_1 is on `.cn`, its OBS and IAM on `.com`.
        assert_eq!(
            huawei("ap-southeast-1"),
            listed([
                "obs.ap-southeast-1.myhuaweicloud.com",
                "iam.ap-southeast-1.myhuaweicloud.com",
                "modelarts.ap-southeast-1.myhuaweicloud.cn",
            ])
        );
        // The European station: `.eu`, and no ModelArts.
        assert_eq!(
            huawei("eu-west-101"),
            listed([
                "obs.eu-west-101.myhuaweicloud.eu",
                "iam.eu-west-101.myhuaweicloud.eu",
                "",
            ])
        );
        // OBS and IAM, no ModelArts.
        assert_eq!(
            huawei("cn-east-2"),
            listed([
                "obs.cn-east-2.myhuaweicloud.com",
                "iam.cn-east-2.myhuaweicloud.com",
                "",
            ])
        );
        // No IAM host of its own: project IDs are looked up where huaweicloudsdkcore does.
        assert_eq!(
            huawei("af-north-1"),
            listed([
                "obs.af-north-1.myhuaweicloud.com",
                "iam.myhuaweicloud.com",
                "modelarts.af-north-1.myhuaweicloud.com",
            ])
        );
        assert_eq!(
            endpoints(&profile(Provider::Huawei, "xx-nowhere-9", None)),
            Endpoints::default()
        );
    }

    #[test]
    fn a_missing_service_is_named_apart_from_an_unknown_region() {
        let e = endpoints(&profile(Provider::Huawei, "cn-east-2", None));
        assert!(e.need_obs().is_ok() && e.need_iam().is_ok());
        assert_eq!(
            e.need_modelarts(),
            Err(RequestError::NotInRegion("ModelArts"))
        );
        let e = endpoints(&profile(Provider::Huawei, "ru-moscow-1", None));
        assert_eq!(e.need_obs(), Err(RequestError::NotInRegion("OBS")));
        let e = endpoints(&profile(Provider::Huawei, "xx-nowhere-9", None));
        assert_eq!(e.need_iam(), Err(RequestError::UnknownRegion));
    }

    #[test]
    fn ibm_openscale_regions() {
        let host = |r: &str| {
            endpoints(&profile(Provider::Ibm, r, None))
                .openscale
                .map(|o| o.base())
        };
        assert_eq!(
            host("us-south").unwrap(),
            "https://api.aiopenscale.cloud.ibm.com"
        );
        for r in ["eu-de", "eu-gb", "au-syd", "ca-tor", "jp-tok"] {
            assert_eq!(
                host(r).unwrap(),
                format!("https://{r}.api.aiopenscale.cloud.ibm.com")
            );
        }
        assert_eq!(host("mars-1"), None);
        let e = endpoints(&profile(Provider::Ibm, "eu-de", None));
        assert_eq!(e.ibm_iam.unwrap().base(), "https://iam.cloud.ibm.com");
        assert_eq!(
            e.resource_controller.unwrap().base(),
            "https://resource-controller.cloud.ibm.com"
        );
        assert_eq!(
            machine_learning_url("jp-tok").unwrap(),
            "https://jp-tok.ml.cloud.ibm.com"
        );
        assert_eq!(machine_learning_url("global"), None);
    }

    #[test]
    fn one_custom_origin_replaces_every_service_even_in_an_unknown_region() {
        let custom = Some(r#""http://127.0.0.1:9000/""#);
        let e = endpoints(&profile(Provider::Huawei, "xx-test-1", custom));
        let obs = e.obs.unwrap();
        assert_eq!(obs.base(), "http://127.0.0.1:9000");
        assert!(obs.custom);
        assert_eq!(obs.match_pattern(), "http://127.0.0.1/*");
        assert_eq!(e.iam.unwrap().base(), "http://127.0.0.1:9000");
    }

    #[test]
    fn per_service_overrides_keep_the_catalog_for_the_others() {
        let custom = Some(r#"{"iam": "http://127.0.0.1:8001"}"#);
        let e = endpoints(&profile(Provider::Huawei, "cn-north-4", custom));
        assert_eq!(e.iam.unwrap().base(), "http://127.0.0.1:8001");
        assert_eq!(
            e.obs.unwrap().base(),
            "https://obs.cn-north-4.myhuaweicloud.com"
        );
    }

    #[test]
    fn regions_to_choose_from() {
        assert_eq!(
            regions(Provider::FlexibleEngine),
            ["eu-west-0", "eu-west-1"]
        );
        let huawei = regions(Provider::Huawei);
        assert!(huawei.contains(&"ap-southeast-3") && huawei.contains(&"eu-west-101"));
        assert_eq!(huawei[0], "cn-north-4");
        assert!(
            huawei[1..].windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
        assert!(!huawei[1..].contains(&"cn-north-4"));
        assert!(region_known(Provider::Huawei, "tr-west-1"));
        assert!(!region_known(Provider::Huawei, "eu-west-1"));
        assert!(region_known(Provider::Ibm, "eu-de") && !region_known(Provider::Ibm, "eu-west-0"));
        assert!(region_known(Provider::Aws, "us-east-1") && !region_known(Provider::Azure, "x"));
    }

    #[test]
    fn aws_regions() {
        assert!(is_aws_region("us-east-1") && is_aws_region("us-gov-west-1"));
        assert!(!is_aws_region("us-east") && !is_aws_region("US-EAST-1") && !is_aws_region(""));
        let e = endpoints(&profile(Provider::Aws, "eu-west-3", None));
        assert_eq!(e.obs.unwrap().base(), "https://s3.eu-west-3.amazonaws.com");
    }

    #[test]
    fn virtual_host_buckets_go_before_the_host() {
        let e = endpoints(&profile(Provider::Huawei, "cn-north-4", None));
        assert_eq!(
            e.obs.unwrap().sub_base("data"),
            "https://data.obs.cn-north-4.myhuaweicloud.com"
        );
    }

    #[test]
    fn one_name_per_region_and_only_regions_the_catalog_knows() {
        let mut ids: Vec<&str> = REGION_NAMES.iter().map(|n| n.region).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "a region named twice");
        let known = |r| {
            [Provider::Huawei, Provider::FlexibleEngine, Provider::Ibm]
                .into_iter()
                .any(|p| region_known(p, r))
        };
        assert!(ids.iter().all(|r| known(r)), "{ids:?}");
        assert_eq!(region_name("cn-north-4").unwrap().chinese, "华北-北京四");
        assert!(region_name("us-east-1").is_none());
    }

    /// The extension's words hold the table's names: English in `en` and `fr` (the consoles'
    /// own), Chinese in `zh_CN`, under `region_<id>`.
    #[test]
    fn the_words_copy_the_region_names() {
        let words = |lang: &str| -> serde_json::Value {
            let path = format!(
                "{}/extension/_locales/{lang}/messages.json",
                env!("CARGO_MANIFEST_DIR")
            );
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let (en, fr, zh) = (words("en"), words("fr"), words("zh_CN"));
        for name in REGION_NAMES {
            let key = crate::words::locale_key("region", name.region);
            let said = |w: &serde_json::Value| w[&key]["message"].as_str().map(str::to_owned);
            assert_eq!(said(&en).as_deref(), Some(name.english), "{key}");
            assert_eq!(said(&fr).as_deref(), Some(name.english), "{key}");
            assert_eq!(said(&zh).as_deref(), Some(name.chinese), "{key}");
        }
    }
}

//! Where each provider's services live, per region (from the model's region table,
//! `crate::profile::region`), and the custom endpoints that replace them (a private deployment, or
//! a test server on 127.0.0.1).

use crate::cloud::RequestError;
use crate::profile::region::{hosts, is_aws_region, OPENSCALE_REGIONS};
use crate::profile::{CustomOrigin, Profile, Provider};

const IBM_IAM_HOST: &str = "iam.cloud.ibm.com";
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::region::{region_known, region_name, regions, REGION_NAMES};

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

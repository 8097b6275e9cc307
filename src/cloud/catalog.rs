//! Where each provider's services live, per region, and the custom endpoints that replace them
//! (a private deployment, or a test server on 127.0.0.1). Data first: a new region is a line.

use crate::profile::{CustomOrigin, Profile, Provider};

/// Huawei Cloud regions whose hosts follow `<service>.<region>.myhuaweicloud.com`.
pub const HUAWEI_REGIONS: &[&str] = &[
    "cn-north-4",
    "cn-east-3",
    "cn-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "af-south-1",
];

/// Orange Flexible Engine has one public region; its OBS host is `oss.`, not `obs.`.
pub const FLEXIBLE_ENGINE_REGION: &str = "eu-west-0";
const FLEXIBLE_ENGINE_DOMAIN: &str = "prod-cloud-ocb.orange-business.com";

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
    pub obs: Option<Origin>,
    pub iam: Option<Origin>,
    pub modelarts: Option<Origin>,
    pub ibm_iam: Option<Origin>,
    pub resource_controller: Option<Origin>,
    pub openscale: Option<Origin>,
}

/// The catalog's endpoints for the profile's provider and region, with its own endpoints applied.
pub fn endpoints(profile: &Profile) -> Endpoints {
    let mut found = of(profile.provider, profile.region());
    let Some(endpoint) = &profile.endpoint else {
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
    match provider {
        Provider::Huawei => HUAWEI_REGIONS.to_vec(),
        Provider::FlexibleEngine => vec![FLEXIBLE_ENGINE_REGION],
        Provider::Ibm => OPENSCALE_REGIONS.to_vec(),
        Provider::Aws | Provider::Azure => Vec::new(),
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
    match provider {
        Provider::Huawei if HUAWEI_REGIONS.contains(&region) => Endpoints {
            obs: at(format!("obs.{region}.myhuaweicloud.com")),
            iam: at(format!("iam.{region}.myhuaweicloud.com")),
            modelarts: at(format!("modelarts.{region}.myhuaweicloud.com")),
            ..Endpoints::default()
        },
        Provider::FlexibleEngine if region == FLEXIBLE_ENGINE_REGION => Endpoints {
            obs: at(format!("oss.{region}.{FLEXIBLE_ENGINE_DOMAIN}")),
            iam: at(format!("iam.{region}.{FLEXIBLE_ENGINE_DOMAIN}")),
            modelarts: at(format!("modelarts.{region}.{FLEXIBLE_ENGINE_DOMAIN}")),
            ..Endpoints::default()
        },
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

    #[test]
    fn flexible_engine_uses_oss_for_object_storage() {
        let e = endpoints(&profile(Provider::FlexibleEngine, "eu-west-0", None));
        assert_eq!(
            e.obs.unwrap().base(),
            "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com"
        );
        assert_eq!(
            e.iam.unwrap().base(),
            "https://iam.eu-west-0.prod-cloud-ocb.orange-business.com"
        );
    }

    #[test]
    fn huawei_regions_follow_the_service_region_pattern() {
        for region in [
            "cn-north-4",
            "cn-east-3",
            "ap-southeast-1",
            "ap-southeast-3",
            "af-south-1",
        ] {
            let e = endpoints(&profile(Provider::Huawei, region, None));
            assert_eq!(
                e.obs.unwrap().base(),
                format!("https://obs.{region}.myhuaweicloud.com")
            );
            assert_eq!(
                e.iam.unwrap().base(),
                format!("https://iam.{region}.myhuaweicloud.com")
            );
            assert_eq!(
                e.modelarts.unwrap().base(),
                format!("https://modelarts.{region}.myhuaweicloud.com")
            );
        }
        assert_eq!(
            endpoints(&profile(Provider::Huawei, "xx-nowhere-9", None)),
            Endpoints::default()
        );
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
        assert_eq!(regions(Provider::FlexibleEngine), ["eu-west-0"]);
        assert!(regions(Provider::Huawei).contains(&"ap-southeast-3"));
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
}

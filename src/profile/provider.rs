//! The clouds whose keys credfill keeps: one enum for import, vault, checks and fill.

use super::Service;
use crate::words::Param;
use serde::{Deserialize, Serialize};
use tsify_next::Tsify;

/// Huawei Cloud and Orange Flexible Engine share the AK/SK key format, but their IAMs are separate
/// operators: a key of one never works in the other, so they are distinct providers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Tsify,
)]
#[serde(rename_all = "kebab-case")]
pub enum Provider {
    Huawei,
    FlexibleEngine,
    Ibm,
    Aws,
    Azure,
}

impl Provider {
    pub const ALL: [Provider; 5] = [
        Provider::Huawei,
        Provider::FlexibleEngine,
        Provider::Ibm,
        Provider::Aws,
        Provider::Azure,
    ];

    /// The provider's name in the user's language (`provider_<id>` in `_locales`), as a param.
    pub fn term(self) -> Param {
        let id = serde_json::to_value(self).expect("a unit variant serializes");
        Param::term("provider", id.as_str().unwrap_or_default())
    }

    /// The provider's name as users know it (default profile names).
    pub fn name(self) -> &'static str {
        match self {
            Provider::Huawei => "Huawei Cloud",
            Provider::FlexibleEngine => "Flexible Engine",
            Provider::Ibm => "IBM Cloud",
            Provider::Aws => "AWS",
            Provider::Azure => "Azure",
        }
    }

    /// Whether credfill fills consoles of this provider (AWS and Azure keys are only ever filled
    /// into IBM OpenScale's forms).
    pub fn has_console(self) -> bool {
        matches!(
            self,
            Provider::Huawei | Provider::FlexibleEngine | Provider::Ibm
        )
    }

    /// Whether a `credentials.csv` of this provider comes from the Huawei IAM family, so that an
    /// AK/SK issued `huawei` may belong to it.
    pub fn takes_huawei_keys(self) -> bool {
        matches!(self, Provider::Huawei | Provider::FlexibleEngine)
    }

    /// Whether its keys reach an object store (OBS, or S3 for AWS): the checks test a bucket and
    /// sign links for these (`flows::key_check`, `cloud::obs::presign_object`).
    pub fn has_object_storage(self) -> bool {
        matches!(
            self,
            Provider::Huawei | Provider::FlexibleEngine | Provider::Aws
        )
    }

    /// The services a profile of this provider reaches, each of which the profile's own endpoint
    /// may replace (the catalog's hosts, `cloud::catalog::of`; AWS's S3 takes the `obs` place).
    pub fn services(self) -> &'static [Service] {
        match self {
            Provider::Huawei | Provider::FlexibleEngine => {
                &[Service::Obs, Service::Iam, Service::Modelarts]
            }
            Provider::Ibm => &[
                Service::IbmIam,
                Service::ResourceController,
                Service::Openscale,
            ],
            Provider::Aws => &[Service::Obs],
            Provider::Azure => &[],
        }
    }
}

/// What pages need to know of each provider to offer the right choices, from the rules above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProviderTraits {
    pub id: Provider,
    pub has_console: bool,
    pub takes_huawei_keys: bool,
    pub has_object_storage: bool,
    /// The editor offers one custom endpoint field for each.
    pub services: &'static [Service],
}

impl From<Provider> for ProviderTraits {
    fn from(id: Provider) -> Self {
        ProviderTraits {
            id,
            has_console: id.has_console(),
            takes_huawei_keys: id.takes_huawei_keys(),
            has_object_storage: id.has_object_storage(),
            services: id.services(),
        }
    }
}

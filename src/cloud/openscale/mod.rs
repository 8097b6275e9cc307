//! Watson OpenScale actions inside one service instance, each sent with an IAM bearer token to
//! the instance's regional host as IBM's SDK addresses it: `{host}/openscale/{instance}/v2/…`
//! (IBM/ibm-watson-openscale-python-sdk `ibm_watson_openscale/client.py`,
//! `_generate_service_url`; the paths are those of `base_classes/watson_open_scale_v2.py`).
//!
//! - [`data_marts`]: the instance's data mart (on IBM Cloud, its ID is the instance GUID).
//! - [`service_providers`]: the machine-learning providers bound to the instance.
//! - [`subscriptions`]: the monitored deployments.

pub mod data_marts;
pub mod service_providers;
pub mod subscriptions;

use crate::cloud::ibm::{bearer_headers, ReadFailure};
use crate::cloud::{Origin, Request};
use crate::profile::is_guid;
use crate::secret::Secret;
use serde::Deserialize;

/// A `GET` of `path` (below `/v2/`) in `instance` (its GUID, checked: it goes into the path).
pub(crate) fn read_request(
    origin: &Origin,
    instance: &str,
    path: &str,
    token: &Secret,
) -> Result<Request, ReadFailure> {
    if !is_guid(instance) {
        return Err(ReadFailure::Malformed);
    }
    Ok(Request {
        method: "GET",
        url: format!("{}/openscale/{instance}/v2/{path}", origin.base()),
        headers: bearer_headers(token),
        body: None,
    })
}

/// An OpenScale resource as every list holds it: `{metadata: {id…}, entity: {…}}`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Resource<E> {
    pub metadata: Metadata,
    pub entity: E,
}

/// Only the ID of the metadata is used here.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Metadata {
    pub id: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const INSTANCE: &str = "0123abcd-4567-89ef-0123-456789abcdef";

    pub(crate) fn origin() -> Origin {
        Origin {
            scheme: "https".into(),
            host: "eu-de.api.aiopenscale.cloud.ibm.com".into(),
            port: None,
            custom: false,
        }
    }

    #[test]
    fn reads_go_below_the_instance_and_only_a_guid_gets_there() {
        let token = Secret::new("T");
        let r = read_request(&origin(), INSTANCE, "subscriptions", &token).unwrap();
        assert_eq!(
            r.url,
            format!(
                "https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{INSTANCE}/v2/subscriptions"
            )
        );
        assert_eq!(
            read_request(&origin(), "../../x", "subscriptions", &token),
            Err(ReadFailure::Malformed)
        );
    }
}

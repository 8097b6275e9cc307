//! OpenScale `GET /openscale/{instance}/v2/data_marts[/{id}]`: one data mart, or the list, as
//! ibm-watson-openscale's `data_marts` client builds it (`{service_url}/openscale/{instance}/v2/…`).
//! On IBM Cloud an instance's GUID is also its data mart's ID.

use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis};
use crate::cloud::ibm::{read_json, IbmError, ReadFailure};
use crate::cloud::openscale::{read_request, Resource};
use crate::cloud::Request;
use crate::profile::is_guid;
use crate::profile::region::region_param;
use crate::profile::{DiagnosisCode, Status};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// `GET` one data mart (`data_mart_id`), or the list of data marts when it is `None`.
pub fn request(
    token: &Secret,
    openscale: &Origin,
    instance_id: &str,
    data_mart_id: Option<&str>,
) -> Result<Request, IbmError> {
    let path = match data_mart_id {
        None => "data_marts".to_owned(),
        Some(id) if is_guid(id) => format!("data_marts/{id}"),
        Some(_) => return Err(IbmError::InvalidId("dataMartId")),
    };
    read_request(openscale, instance_id, &path, token)
        .map_err(|_| IbmError::InvalidId("instanceId"))
}

/// A data mart as the IDs lookup shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataMart {
    pub id: String,
    pub name: String,
}

/// The list's data marts (`DataMartDatabaseResponseCollection {data_marts: [{metadata, entity}]}`
/// in the SDK's `base_classes/watson_open_scale_v2.py`).
pub fn parse_list(answer: &Answer) -> Result<Vec<DataMart>, ReadFailure> {
    #[derive(Deserialize)]
    struct Collection {
        data_marts: Vec<Resource<Entity>>,
    }
    #[derive(Deserialize)]
    struct Entity {
        #[serde(default)]
        name: String,
    }
    let found: Collection = read_json(answer)?;
    Ok(found
        .data_marts
        .into_iter()
        .map(|m| DataMart {
            id: m.metadata.id,
            name: m.entity.name,
        })
        .collect())
}

pub fn diagnose(answer: &Answer, region: &str) -> Diagnosis {
    let (status, _, details) = match received(answer) {
        Ok(read) => read,
        Err(unreached) => return unreached,
    };
    let (status, code) = match status {
        200..=299 => (Status::Ok, DiagnosisCode::OpenScaleFound),
        404 => (Status::NoInstance, DiagnosisCode::NoInstance),
        401 | 403 => (Status::NoPermission, DiagnosisCode::OpenScaleNoPermission),
        _ => return unexpected(details),
    };
    Diagnosis::new(status, code, details).with("region", region_param(region))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::catalog;
    use crate::cloud::diagnosis::tests::checked;
    use crate::profile::Provider;

    const GUID: &str = "0123abcd-0000-4000-8000-0123456789ab";

    fn origin(region: &str) -> Origin {
        catalog::of(Provider::Ibm, region).openscale.unwrap()
    }

    #[test]
    fn hosts_and_paths() {
        let token = Secret::new("t");
        let list = request(&token, &origin("us-south"), GUID, None).unwrap();
        assert_eq!(
            list.url,
            format!("https://api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2/data_marts")
        );
        let one = request(&token, &origin("eu-de"), GUID, Some(GUID)).unwrap();
        assert_eq!(
            one.url,
            format!(
                "https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2/data_marts/{GUID}"
            )
        );
        assert_eq!(one.headers[0], ("Authorization".into(), "Bearer t".into()));
        assert_eq!(
            request(&token, &origin("eu-de"), "../x", None),
            Err(IbmError::InvalidId("instanceId"))
        );
    }

    /// A list as OpenScale answers it, in the SDK's `DataMartDatabaseResponse` shape (its models read this
    /// very file in tests/differential/ibm_requests.py).
    pub(crate) const LIST: &str =
        include_str!("../../../tests/fixtures/cloud-answers/openscale/data_marts.json");

    #[test]
    fn reads_the_list() {
        let marts = parse_list(&Answer::response(200, &[], LIST)).unwrap();
        assert_eq!(
            marts,
            [DataMart {
                id: GUID.into(),
                name: "credit models".into()
            }]
        );
        assert_eq!(
            parse_list(&Answer::response(403, &[], "{}")),
            Err(ReadFailure::Forbidden)
        );
    }

    #[test]
    fn answers() {
        let s = |status| checked(diagnose(&Answer::response(status, &[], "{}"), "eu-de")).status;
        assert_eq!(s(200), Status::Ok);
        assert_eq!(s(404), Status::NoInstance);
        assert_eq!(s(403), Status::NoPermission);
        assert_eq!(s(500), Status::Unexpected);
    }
}

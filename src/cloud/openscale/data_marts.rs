//! OpenScale `GET /openscale/{instance}/v2/data_marts[/{id}]`: one data mart, or the list, as
//! ibm-watson-openscale's `data_marts` client builds it (`{service_url}/openscale/{instance}/v2/…`).
//! On IBM Cloud an instance's GUID is also its data mart's ID.

use crate::cloud::answer::Answer;
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::{received, unexpected, Diagnosis, DiagnosisCode, Status};
use crate::cloud::ibm::IbmError;
use crate::cloud::Request;
use crate::secret::Secret;

/// `GET` one data mart (`data_mart_id`), or the list of data marts when it is `None`.
pub fn request(
    token: &Secret,
    openscale: &Origin,
    instance_id: &str,
    data_mart_id: Option<&str>,
) -> Result<Request, IbmError> {
    check_guid(instance_id, "instanceId")?;
    let mut url = format!("{}/openscale/{instance_id}/v2/data_marts", openscale.base());
    if let Some(id) = data_mart_id {
        check_guid(id, "dataMartId")?;
        url.push('/');
        url.push_str(id);
    }
    Ok(Request {
        method: "GET",
        url,
        headers: vec![
            (
                "Authorization".to_owned(),
                format!("Bearer {}", token.expose()),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ],
        body: None,
    })
}

/// `8-4-4-4-12` hex digits; keeps anything else out of the URL path.
fn check_guid(id: &str, field: &'static str) -> Result<(), IbmError> {
    let groups: Vec<&str> = id.split('-').collect();
    let shape_ok = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
    if shape_ok
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        Ok(())
    } else {
        Err(IbmError::InvalidId(field))
    }
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
    Diagnosis::new(status, code, details).with("region", region)
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn answers() {
        let s = |status| checked(diagnose(&Answer::response(status, &[], "{}"), "eu-de")).status;
        assert_eq!(s(200), Status::Ok);
        assert_eq!(s(404), Status::NoInstance);
        assert_eq!(s(403), Status::NoPermission);
        assert_eq!(s(500), Status::Unexpected);
    }
}

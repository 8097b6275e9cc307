//! *Test keys*: the harmless reads that prove a key works, in order, and what each answer means.
//! - Huawei Cloud / Flexible Engine AK/SK: OBS ListBuckets, then the IAM projects the key's user
//!   may use (yields the project ID ModelArts needs), then the key's own record (when IAM made the
//!   key: the key-age reminder counts from it; it adds no line).
//! - AWS: S3 ListBuckets.
//! - Any of them, given a bucket: `HEAD` it (existence, region, storage class).
//! - IBM API key: the IAM token exchange, then, with the token, the OpenScale data mart.
//!
//! A [`Flow`]: the caller sends each request once (five failed AK/SK checks in a row lock a Huawei
//! key for five minutes, so nothing here ever asks for a retry) and stops when a turn says `stop`.
//! It keeps no state between checks: the caller records the lines on the profile.

use crate::cloud::catalog::{endpoints, Origin};
use crate::cloud::diagnosis::Diagnosis;
use crate::cloud::iam::{accepted, auth_projects, show_access_key};
use crate::cloud::ibm::iam_token;
use crate::cloud::key::SigningKey;
use crate::cloud::obs::{head_bucket, list_buckets, valid_bucket};
use crate::cloud::openscale::data_marts;
use crate::cloud::{Answer, Request, RequestError};
use crate::flows::flow::{Flow, KeyCreated, Send, Turn};
use crate::policy::SetupWrite;
use crate::profile::{Credential, Profile, Provider, Step};
use crate::secret::Secret;
use crate::sign::Scheme;
use serde::{Deserialize, Serialize};

/// One check: the profile, the caller's clock (`YYYYMMDDTHHMMSSZ`, UTC) and, optionally, the
/// bucket ModelArts will use. The same value is given to every step of the check.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyCheck {
    pub profile: Profile,
    /// Not needed to list a check's origins.
    #[serde(default)]
    pub timestamp: String,
    #[serde(default)]
    pub bucket: Option<String>,
}

/// A request of the check, named by its step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRequest {
    pub id: Step,
    pub request: Request,
}

/// What one answer of the check says: a line of the check's record (`profile::CheckLine`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepDiagnosis {
    pub step: Step,
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
    /// The key itself is wrong: send none of the remaining requests.
    pub stop: bool,
    /// Requests this answer made possible (the OpenScale read after an IBM token).
    #[serde(skip)]
    pub next: Vec<StepRequest>,
}

/// *Test keys* as a flow: the requests of [`plan`], then what [`diagnose`] makes possible.
pub struct KeyCheckFlow;

impl From<StepRequest> for Send<Step> {
    fn from(r: StepRequest) -> Self {
        Send {
            call: r.id,
            request: r.request,
            write: false,
        }
    }
}

impl Flow for KeyCheckFlow {
    type Input = KeyCheck;
    type State = ();
    type Call = Step;
    type Line = StepDiagnosis;
    type Ask = ();
    type View = ();
    type Error = RequestError;

    fn origins(check: &KeyCheck) -> Result<Vec<String>, RequestError> {
        origins(check)
    }

    fn start(check: KeyCheck, (): ()) -> Result<Turn<Self>, RequestError> {
        let send = plan(&check)?.into_iter().map(Send::from).collect();
        Ok(Turn::plain((), send, vec![], false))
    }

    fn read(
        check: KeyCheck,
        (): (),
        step: &Step,
        answer: &Answer,
    ) -> Result<Turn<Self>, RequestError> {
        if *step == Step::KeyRecord {
            return Ok(Turn {
                key_created: key_created(&check, answer),
                ..Turn::plain((), vec![], vec![], false)
            });
        }
        let mut diagnosis = diagnose(&check, *step, answer)?;
        let next = std::mem::take(&mut diagnosis.next);
        let send = next.into_iter().map(Send::from).collect();
        let stop = diagnosis.stop;
        Ok(Turn::plain((), send, vec![diagnosis], stop))
    }

    /// A planned request; the OpenScale read exists only in the turn after a fresh token.
    fn request(check: &KeyCheck, (): &(), step: &Step) -> Result<Request, RequestError> {
        plan(check)?
            .into_iter()
            .find(|r| r.id == *step)
            .map(|r| r.request)
            .ok_or(RequestError::NotPlanned)
    }

    /// Every request of a check is a read.
    fn writes_as(_: &Step) -> Option<SetupWrite> {
        None
    }

    fn writes(_: &KeyCheck, (): &(), (): ()) -> Result<Vec<Step>, RequestError> {
        Ok(vec![])
    }

    /// The check's record is the profile's: the caller stores the lines (`recordCheck`).
    fn view(_: &KeyCheck, (): &()) {}
}

pub fn plan(check: &KeyCheck) -> Result<Vec<StepRequest>, RequestError> {
    let profile = &check.profile;
    let found = endpoints(profile);
    let step = |id, request| StepRequest { id, request };
    match profile.provider {
        Provider::Huawei | Provider::FlexibleEngine | Provider::Aws => {
            let key = SigningKey::of(profile, &check.timestamp)?;
            // Each service the region has (an IAM-only or an OBS-only region checks what it can).
            if found.obs.is_none() && found.iam.is_none() {
                return Err(found.region_error());
            }
            let mut requests = vec![];
            if let Some(obs) = &found.obs {
                let listing = list_buckets::request(&key, obs, Scheme::Aws4)?;
                requests.push(step(Step::ListBuckets, listing));
            }
            if let (Some(iam), false) = (&found.iam, profile.provider == Provider::Aws) {
                requests.push(step(Step::IamProjects, auth_projects::request(&key, iam)?));
            }
            if let Some(bucket) = &check.bucket {
                let obs = found.need_obs()?;
                requests.push(step(
                    Step::Bucket,
                    head_bucket::request(&key, obs, bucket, Scheme::Aws4)?,
                ));
            }
            Ok(requests)
        }
        Provider::Ibm => {
            let api_key = ibm_api_key(&profile.credentials)?;
            let iam = found
                .ibm_iam
                .as_ref()
                .ok_or(RequestError::InvalidEndpoint)?;
            Ok(vec![step(Step::IbmToken, iam_token::request(api_key, iam))])
        }
        Provider::Azure => Err(RequestError::Unsupported(Provider::Azure)),
    }
}

/// The host-permission match patterns every request of the check needs (asked for at the
/// moment of a check, not at install).
pub fn origins(check: &KeyCheck) -> Result<Vec<String>, RequestError> {
    let found = endpoints(&check.profile);
    let mut patterns: Vec<String> = match check.profile.provider {
        Provider::Huawei | Provider::FlexibleEngine | Provider::Aws => {
            let mut list: Vec<String> = [&found.obs, &found.iam]
                .into_iter()
                .flatten()
                .map(Origin::match_pattern)
                .collect();
            if list.is_empty() {
                return Err(found.region_error());
            }
            if let Some(bucket) = &check.bucket {
                let obs = found.need_obs()?;
                if !obs.custom {
                    list.push(format!("https://{}.{}/*", valid_bucket(bucket)?, obs.host));
                }
            }
            list
        }
        Provider::Ibm => [&found.ibm_iam, &found.openscale]
            .into_iter()
            .flatten()
            .map(Origin::match_pattern)
            .collect(),
        Provider::Azure => return Err(RequestError::Unsupported(Provider::Azure)),
    };
    patterns.dedup();
    Ok(patterns)
}

/// The meaning of `answer` to the request `step` of `check`.
pub fn diagnose(
    check: &KeyCheck,
    step: Step,
    answer: &Answer,
) -> Result<StepDiagnosis, RequestError> {
    let region = check.profile.region();
    let sent_at = &check.timestamp;
    let mut next = vec![];
    let diagnosis = match step {
        Step::ListBuckets => {
            let permission = list_buckets::permission(check.profile.provider);
            list_buckets::diagnose(answer, sent_at, permission).0
        }
        Step::IamProjects => {
            next.extend(key_record_request(check, answer)?);
            auth_projects::diagnose(answer, region, sent_at)
        }
        Step::Bucket => {
            head_bucket::diagnose(answer, check.bucket.as_deref().unwrap_or_default(), region)
        }
        Step::IbmToken => match iam_token::diagnose(answer) {
            Ok(token) => {
                next.extend(openscale_request(check, &token.access_token)?);
                iam_token::accepted(answer, !next.is_empty())
            }
            Err(refused) => refused,
        },
        Step::OpenScaleDataMart => data_marts::diagnose(answer, openscale_region(&check.profile)),
        // Read into the profile's key facts, not into a line (`KeyCheckFlow::read`).
        Step::KeyRecord => return Err(RequestError::NotPlanned),
    };
    Ok(StepDiagnosis {
        step,
        stop: diagnosis.status.key_is_wrong(),
        diagnosis,
        next,
    })
}

/// IAM's record of the profile's key (*Querying a Permanent Access Key*), in the account the
/// projects just listed belong to (listed at all: the key works, whether or not the region's
/// project is among them): only for a permanent key, whose record says when it was made.
fn key_record_request(
    check: &KeyCheck,
    projects: &Answer,
) -> Result<Option<StepRequest>, RequestError> {
    let profile = &check.profile;
    let key = profile.credentials.iter().find_map(Credential::aksk);
    let (Some(key), Some(iam)) = (key, endpoints(profile).iam) else {
        return Ok(None);
    };
    let domain = accepted(projects).ok().and_then(auth_projects::domain_id);
    let Some(domain) = domain.filter(|_| key.security_token.is_none()) else {
        return Ok(None);
    };
    let signing = SigningKey::of(profile, &check.timestamp)?;
    let request = show_access_key::request(&signing, &iam, &domain, &key.access_key_id)?;
    Ok(Some(StepRequest {
        id: Step::KeyRecord,
        request,
    }))
}

/// When IAM made the profile's key. Any user may read their own key's record without a policy
/// (*Querying a Permanent Access Key*: "the user token (no special permission requirements)",
/// https://support.huaweicloud.com/intl/en-us/api-iam/iam_03_0002.html); a cloud that refuses it
/// or does not know the path (404) leaves the check as it was: the age counts from the import.
fn key_created(check: &KeyCheck, answer: &Answer) -> Option<KeyCreated> {
    let in_use = check
        .profile
        .credentials
        .iter()
        .find_map(Credential::aksk)?;
    let shown = show_access_key::parse(accepted(answer).ok()?)?;
    KeyCreated::of(&shown).filter(|k| k.access_key == in_use.access_key_id)
}

/// OpenScale's region: the profile's, `us-south` (its host without prefix) when none is set.
fn openscale_region(profile: &Profile) -> &str {
    match profile.region() {
        "" => "us-south",
        region => region,
    }
}

/// The OpenScale data-mart read made with a fresh token, when the profile names its instance.
fn openscale_request(
    check: &KeyCheck,
    token: &Secret,
) -> Result<Option<StepRequest>, RequestError> {
    let Some(guid) = instance_guid(&check.profile) else {
        return Ok(None);
    };
    let found = endpoints(&check.profile);
    let origin = found
        .openscale
        .as_ref()
        .ok_or_else(|| found.region_error())?;
    // The instance GUID is also its data mart's ID.
    let request = data_marts::request(token, origin, guid, Some(guid))
        .map_err(|e| RequestError::Ibm(e.to_string()))?;
    Ok(Some(StepRequest {
        id: Step::OpenScaleDataMart,
        request,
    }))
}

fn instance_guid(profile: &Profile) -> Option<&str> {
    profile.openscale_guid.as_deref().or_else(|| {
        profile.credentials.iter().find_map(|c| match c {
            Credential::IbmInstance(instance) => Some(instance.guid.as_str()),
            _ => None,
        })
    })
}

/// The platform API key first: it is the one OpenScale's checks are about.
pub(crate) fn ibm_api_key(credentials: &[Credential]) -> Result<&Secret, RequestError> {
    let platform = credentials.iter().find_map(|c| match c {
        Credential::IbmApiKey(key) => Some(&key.api_key),
        _ => None,
    });
    let service = || {
        credentials.iter().find_map(|c| match c {
            Credential::IbmService(service) => Some(&service.api_key),
            _ => None,
        })
    };
    platform
        .or_else(service)
        .ok_or(RequestError::NoCredential("ibm_api_key"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::key::tests::{
        aksk, endpoint, header, ibm_platform_key, key, profile, AK, SK, TIMESTAMP,
    };
    use crate::profile::{AkIssuer, AkSk, IbmInstance};
    use crate::profile::{Details, Status};

    const GUID: &str = "0123abcd-4567-89ef-0123-456789abcdef";

    fn check(provider: Provider, region: &str, credentials: Vec<Credential>) -> KeyCheck {
        KeyCheck {
            profile: profile(provider, region, credentials),
            timestamp: TIMESTAMP.into(),
            bucket: None,
        }
    }

    #[test]
    fn huawei_lists_buckets_then_projects_and_never_sends_the_sk() {
        let requests = plan(&check(Provider::Huawei, "cn-north-4", vec![aksk()])).unwrap();
        let ids: Vec<Step> = requests.iter().map(|r| r.id).collect();
        assert_eq!(ids, [Step::ListBuckets, Step::IamProjects]);
        for r in &requests {
            assert!(r.request.body.is_none());
            assert!(!format!("{r:?}").contains(SK), "the SK must never be sent");
        }
    }

    #[test]
    fn a_region_checks_the_services_it_has() {
        let steps = |region: &str| -> Vec<Step> {
            let c = check(Provider::Huawei, region, vec![aksk()]);
            plan(&c).unwrap().iter().map(|r| r.id).collect()
        };
        // IAM only (huaweicloudsdkiam lists it, huaweicloudsdkobs does not).
        assert_eq!(steps("ru-moscow-1"), [Step::IamProjects]);
        let mut c = check(Provider::Huawei, "ru-moscow-1", vec![aksk()]);
        assert_eq!(
            origins(&c).unwrap(),
            ["https://iam.ru-moscow-1.myhuaweicloud.com/*"]
        );
        c.bucket = Some("data".into());
        assert_eq!(plan(&c).unwrap_err(), RequestError::NotInRegion("OBS"));
        // OBS without an IAM host of its own: the project is looked up on the global IAM host.
        assert_eq!(steps("cn-south-4"), [Step::ListBuckets, Step::IamProjects]);
        let c = check(Provider::Huawei, "cn-south-4", vec![aksk()]);
        assert_eq!(
            plan(&c).unwrap()[1].request.url,
            "https://iam.myhuaweicloud.com/v3/auth/projects"
        );
    }

    #[test]
    fn a_bucket_adds_a_head_request_and_its_origin() {
        let mut c = check(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        c.bucket = Some("training-data".into());
        assert_eq!(plan(&c).unwrap().last().unwrap().id, Step::Bucket);
        assert_eq!(
            origins(&c).unwrap(),
            [
                "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://training-data.oss.eu-west-0.prod-cloud-ocb.orange-business.com/*",
            ]
        );
        c.bucket = Some("Bad_Name".into());
        assert_eq!(plan(&c).unwrap_err(), RequestError::InvalidBucket);
    }

    #[test]
    fn aws_has_no_projects_step_and_custom_origins_are_path_style() {
        let mut c = check(Provider::Aws, "us-east-1", vec![aksk()]);
        c.profile.endpoint = endpoint("http://127.0.0.1:5000");
        c.bucket = Some("data".into());
        let requests = plan(&c).unwrap();
        assert_eq!(requests.len(), 2);
        assert_eq!(requests[0].request.url, "http://127.0.0.1:5000/");
        assert_eq!(requests[1].request.url, "http://127.0.0.1:5000/data/");
        assert_eq!(origins(&c).unwrap(), ["http://127.0.0.1/*"]);
    }

    #[test]
    fn what_cannot_be_checked_is_refused_before_anything_is_sent() {
        let refused = |c: KeyCheck| plan(&c).unwrap_err();
        assert_eq!(
            refused(check(
                Provider::Huawei,
                "cn-north-4",
                vec![key(SK, AK, None)]
            )),
            RequestError::SwappedKey
        );
        // The AWS documentation's example pair, the right way round, is not mistaken for one.
        let aws = key(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
        );
        assert!(plan(&check(Provider::Aws, "us-east-1", vec![aws])).is_ok());
        assert_eq!(
            refused(check(Provider::Huawei, "cn-north-4", vec![])),
            RequestError::NoCredential("aksk")
        );
        assert_eq!(
            refused(check(Provider::Huawei, "xx-none-1", vec![aksk()])),
            RequestError::UnknownRegion
        );
        // A profile imported without a region is told to choose one, not that its region is unknown.
        assert_eq!(
            refused(check(Provider::Huawei, "", vec![aksk()])),
            RequestError::NoRegion
        );
        assert_eq!(
            refused(check(Provider::Azure, "", vec![])),
            RequestError::Unsupported(Provider::Azure)
        );
        assert_eq!(
            refused(check(Provider::Ibm, "eu-de", vec![aksk()])),
            RequestError::NoCredential("ibm_api_key")
        );
    }

    fn ibm_check(region: &str) -> KeyCheck {
        let api_key = ibm_platform_key();
        let instance = Credential::IbmInstance(IbmInstance {
            guid: GUID.into(),
            crn: None,
            location: None,
            service_name: None,
            name: None,
            account_id: None,
        });
        check(Provider::Ibm, region, vec![api_key, instance])
    }

    const TOKEN: &str =
        r#"{"access_token":"T","token_type":"Bearer","expires_in":3600,"expiration":1795000000}"#;

    #[test]
    fn ibm_starts_with_the_token_and_follows_with_openscale() {
        let mut c = ibm_check("eu-gb");
        let requests = plan(&c).unwrap();
        assert_eq!(requests.len(), 1);
        assert_eq!(
            requests[0].request.url,
            "https://iam.cloud.ibm.com/identity/token"
        );
        assert_eq!(
            origins(&c).unwrap(),
            [
                "https://iam.cloud.ibm.com/*",
                "https://eu-gb.api.aiopenscale.cloud.ibm.com/*"
            ]
        );
        let d = diagnose(&c, Step::IbmToken, &Answer::response(200, &[], TOKEN)).unwrap();
        let next = &d.next[0].request;
        assert_eq!(
            next.url,
            format!(
                "https://eu-gb.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2/data_marts/{GUID}"
            )
        );
        assert_eq!(header(&next.headers, "authorization"), Some("Bearer T"));
        c.profile.endpoint = endpoint("http://127.0.0.1:7000");
        assert_eq!(
            plan(&c).unwrap()[0].request.url,
            "http://127.0.0.1:7000/identity/token"
        );
        let d = diagnose(&c, Step::IbmToken, &Answer::response(200, &[], TOKEN)).unwrap();
        assert!(d.next[0]
            .request
            .url
            .starts_with("http://127.0.0.1:7000/openscale/"));
        c.profile.credentials.pop();
        let d = diagnose(&c, Step::IbmToken, &Answer::response(200, &[], TOKEN)).unwrap();
        assert!(d.next.is_empty());
    }

    #[test]
    fn an_iam_user_without_obs_rights_goes_on_to_its_projects() {
        let c = check(Provider::Huawei, "af-south-1", vec![aksk()]);
        let denied = crate::cloud::obs::tests::s3_error("AccessDenied");
        let d = diagnose(&c, Step::ListBuckets, &Answer::response(403, &[], &denied)).unwrap();
        assert!(!d.stop);
        assert_eq!(
            d.diagnosis.params["permission"],
            "obs:bucket:ListAllMyBuckets".into()
        );
        let projects = crate::cloud::iam::auth_projects::tests::HUAWEI;
        let d = diagnose(&c, Step::IamProjects, &Answer::response(200, &[], projects)).unwrap();
        assert_eq!(d.diagnosis.status, Status::Ok);
        assert!(d.diagnosis.details.project_id.is_some());
    }

    /// The documented record of the key (*Querying a Permanent Access Key*), as the profile's key's.
    fn key_record(access_key: &str) -> Answer {
        let shown = include_str!("../../tests/fixtures/cloud-answers/iam/credential-show.json");
        Answer::response(200, &[], &shown.replace("LOSZM4YRVLKOY9E8...", access_key))
    }

    #[test]
    fn the_projects_lead_to_the_keys_record_which_says_when_it_was_made_and_adds_no_line() {
        let c = check(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        let projects = crate::cloud::iam::auth_projects::tests::HUAWEI;
        let d = diagnose(&c, Step::IamProjects, &Answer::response(200, &[], projects)).unwrap();
        let [next] = &d.next[..] else {
            panic!("one read after the projects: {:?}", d.next)
        };
        assert_eq!(next.id, Step::KeyRecord);
        assert_eq!(
            (next.request.method, next.request.url.as_str()),
            (
                "GET",
                format!("https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/v3.0/OS-CREDENTIAL/credentials/{AK}").as_str()
            )
        );
        // The account the documented projects belong to, as huaweicloudsdkcore's GlobalCredentials sends it.
        assert_eq!(
            header(&next.request.headers, "x-domain-id"),
            Some("d78cbac186b744899480f25bd02...")
        );
        let read = |answer: &Answer| {
            crate::flows::flow::read::<KeyCheckFlow>(c.clone(), (), &Step::KeyRecord, answer, &[])
                .unwrap()
        };
        let turn = read(&key_record(AK));
        assert!(turn.lines.is_empty() && turn.send.is_empty());
        assert_eq!(
            turn.key_created,
            Some(KeyCreated {
                access_key: AK.into(),
                created_at: "2020-01-08T06:26:08.123059Z".into()
            })
        );
        // Refused (a policy that denies it) or unknown to the cloud: no line, no date, the check as before.
        let forbidden =
            include_str!("../../tests/fixtures/cloud-answers/iam/keystone-403-forbidden.json");
        for refused in [
            Answer::response(403, &[], forbidden),
            Answer::response(404, &[], ""),
        ] {
            let turn = read(&refused);
            assert!(turn.lines.is_empty() && turn.key_created.is_none() && !turn.stop);
        }
        assert_eq!(read(&key_record("ANOTHERKEY0000000000")).key_created, None);
    }

    #[test]
    fn a_temporary_key_reads_no_record_and_a_missing_project_does_not_matter() {
        let projects = crate::cloud::iam::auth_projects::tests::HUAWEI;
        let projects = Answer::response(200, &[], projects);
        let temporary = check(
            Provider::Huawei,
            "af-south-1",
            vec![key(AK, SK, Some("tok"))],
        );
        let d = diagnose(&temporary, Step::IamProjects, &projects).unwrap();
        assert!(d.next.is_empty());
        let no_project = check(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let d = diagnose(&no_project, Step::IamProjects, &projects).unwrap();
        assert_eq!((d.diagnosis.status, d.next.len()), (Status::NoProject, 1));
        let refused = crate::cloud::obs::tests::s3_error("AccessDenied");
        let d = diagnose(
            &no_project,
            Step::IamProjects,
            &Answer::response(403, &[], &refused),
        );
        assert!(d.unwrap().next.is_empty());
    }

    #[test]
    fn a_wrong_key_stops_the_check_and_no_secret_is_shown() {
        let mut c = check(Provider::Huawei, "cn-north-4", vec![]);
        c.profile.credentials.push(Credential::AkSk(AkSk {
            access_key_id: "AK".into(),
            secret_access_key: "SECRETSECRET".into(),
            user_name: None,
            security_token: None,
            expires_at: None,
            issuer: AkIssuer::Huawei,
        }));
        for code in [
            "SignatureDoesNotMatch",
            "InvalidAccessKeyId",
            "RequestTimeTooSkewed",
        ] {
            let body = crate::cloud::obs::tests::s3_error(code);
            let d = diagnose(&c, Step::ListBuckets, &Answer::response(403, &[], &body)).unwrap();
            assert!(d.stop, "{code}");
            let shown = serde_json::to_string(&d).unwrap();
            assert!(!shown.contains("SECRET") && shown.contains("\"step\":\"obs.list-buckets\""));
        }
        let d = diagnose(
            &c,
            Step::IamProjects,
            &Answer::response(200, &[], r#"{"projects":[]}"#),
        );
        let d = d.unwrap();
        assert_eq!((d.diagnosis.status, d.stop), (Status::NoProject, false));
        assert_eq!(
            d.diagnosis.details,
            Details {
                http_status: Some(200),
                ..Details::default()
            }
        );
    }
}

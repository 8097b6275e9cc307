//! *Prepare ModelArts*: from an imported AK/SK to a bucket ModelArts can use, its folders and the
//! ModelArts access authorization, each write shown to the user before it is sent.
//!
//! 1. **Storage overview** (reads): list the buckets of every region, each with its region; a
//!    bucket of another region is judged from the listing alone, each one of the profile's region
//!    by one `HEAD` through its own region's host (region, default storage class, generation);
//!    the first fit one's folders, page by page; the ModelArts authorizations already configured
//!    (the project ID first, if the key check has not stored it). A refused read on one bucket
//!    names the permission and goes on.
//! 2. **Bucket and folders** (writes, one click): create the bucket unless it is already the
//!    user's, then each folder it does not hold yet. A name that is the user's own bucket in
//!    another region is said so, and nothing is put into it.
//! 3. **Authorization** (a write, one click): `POST` this key to ModelArts; *Remove* deletes one.
//!
//! A [`Flow`]: the worker keeps its state, a [`Preparation`] (facts only, no secret), and passes it
//! back with each answer: a half-done preparation is reported step by step and resumed from where
//! it stopped.

use crate::cloud::catalog::{endpoints, Endpoints, Origin};
use crate::cloud::diagnosis::Diagnosis;
use crate::cloud::iam::auth_projects;
use crate::cloud::key::SigningKey;
use crate::cloud::modelarts::authorizations::{self, Authorization};
use crate::cloud::obs::head_bucket::{self, is_old_generation, COLD_CLASSES};
use crate::cloud::obs::put_folder::folder_key;
use crate::cloud::obs::{create_bucket, list_buckets, list_folders, put_folder, valid_bucket};
use crate::cloud::{Answer, Request, RequestError};
use crate::flows::flow::{Flow, Turn};
use crate::policy::SetupWrite;
use crate::profile::region::{modelarts_host_derived, region_param};
use crate::profile::{Credential, DiagnosisCode, Profile, Provider, Severity, Status};
use crate::sign::Scheme;
use crate::words::{message_codes, Params};
use serde::{Deserialize, Serialize};

/// The folders ModelArts' guides have the user create (training data, output, models, logs).
pub const DEFAULT_FOLDERS: &[&str] = &["data/", "output/", "models/", "logs/"];

/// The profile and the caller's clock (`YYYYMMDDTHHMMSSZ`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prepare {
    pub profile: Profile,
    #[serde(default)]
    pub timestamp: String,
}

/// One request of the preparation, by what it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Call {
    ListBuckets,
    IamProjects,
    HeadBucket {
        bucket: String,
    },
    /// One page of the folders, the first without a marker.
    ListFolders {
        bucket: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        marker: Option<String>,
    },
    ListAuthorizations,
    CreateBucket {
        bucket: String,
    },
    PutFolder {
        bucket: String,
        folder: String,
    },
    Authorize,
    RemoveAuthorization {
        user_id: String,
    },
}

impl Call {
    /// Writes are shown before they are sent and sent only after a click: the bucket and its
    /// folders, and the authorization.
    pub fn writes_as(&self) -> Option<SetupWrite> {
        match self {
            Call::CreateBucket { .. } | Call::PutFolder { .. } => Some(SetupWrite::CreateBucket),
            Call::Authorize | Call::RemoveAuthorization { .. } => Some(SetupWrite::Authorize),
            _ => None,
        }
    }
}

/// What the preparation has found and done; no secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preparation {
    #[serde(default)]
    pub project_id: Option<String>,
    /// `None` until the buckets were listed.
    #[serde(default)]
    pub buckets: Option<Vec<BucketFacts>>,
    #[serde(default)]
    pub authorizations: Option<Vec<Authorization>>,
    /// Every answer read, in order: the step-by-step report.
    #[serde(default)]
    pub log: Vec<Logged>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketFacts {
    pub name: String,
    /// From the listing's `<Location>`, or its `HEAD`.
    #[serde(default)]
    pub region: Option<String>,
    /// In another region, which one unknown: its `HEAD` through this region's host was sent
    /// elsewhere (`301`), or creating it answered `BucketAlreadyOwnedByYou`.
    #[serde(default)]
    pub elsewhere: bool,
    /// Its `HEAD` answered: what follows is all it says (a server may leave a header out).
    #[serde(default)]
    pub metadata_read: bool,
    #[serde(default)]
    pub storage_class: Option<String>,
    /// `x-obs-version`: `3.0` for a 2nd-generation bucket, `--` for an earlier one.
    #[serde(default)]
    pub version: Option<String>,
    /// The permission a refused read lacked.
    #[serde(default)]
    pub denied: Option<String>,
    /// The folders it holds, once listed (or created here).
    #[serde(default)]
    pub folders: Option<Vec<String>>,
}

/// One answer as the report shows it (the diagnosis's code and params, `check_<code>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Logged {
    pub call: Call,
    pub status: Status,
    pub severity: Severity,
    pub code: String,
    #[serde(default)]
    pub params: serde_json::Value,
}

/// The report keeps the latest answers only.
const LOG_LIMIT: usize = 60;

message_codes! {
    /// Whether a bucket suits ModelArts here; words `modelarts_fit_<code>` in `_locales`.
    pub enum FitCode {
        Fit = "fit" [region],
        OtherRegion = "other-region" [bucketRegion, region],
        Elsewhere = "elsewhere" [region],
        Cold = "cold" [storageClass],
        OldGeneration = "old-generation" [],
        Unread = "unread" [permission],
        Unknown = "unknown" [],
    }
}

/// What one answer changed, and what to send next (reads only; writes wait for a click).
#[derive(Debug, Clone)]
pub struct Read {
    pub state: Preparation,
    pub diagnosis: Diagnosis,
    pub next: Vec<Call>,
    /// The key itself is wrong, or a write failed: send nothing more.
    pub stop: bool,
}

impl Prepare {
    fn services(&self) -> Result<(SigningKey<'_>, Endpoints), RequestError> {
        if !matches!(
            self.profile.provider,
            Provider::Huawei | Provider::FlexibleEngine
        ) {
            return Err(RequestError::Unsupported(self.profile.provider));
        }
        Ok((
            SigningKey::of(&self.profile, &self.timestamp)?,
            endpoints(&self.profile),
        ))
    }

    fn project_id<'a>(&'a self, state: &'a Preparation) -> Option<&'a str> {
        state
            .project_id
            .as_deref()
            .or(self.profile.project_id.as_deref())
    }
}

/// Step 1's first requests.
pub fn overview(prepare: &Prepare, state: &Preparation) -> Vec<Call> {
    let authorizations = match prepare.project_id(state) {
        Some(_) => Call::ListAuthorizations,
        None => Call::IamProjects,
    };
    vec![Call::ListBuckets, authorizations]
}

/// Host permissions the whole preparation needs: object storage (every bucket's virtual host
/// under it), IAM and ModelArts.
pub fn origins(profile: &Profile) -> Result<Vec<String>, RequestError> {
    let found = endpoints(profile);
    let obs = found.need_obs()?;
    // Without ModelArts in the region there is nothing to prepare: say so before any read.
    let modelarts = found.need_modelarts()?;
    let mut patterns = vec![obs.match_pattern()];
    if !obs.custom {
        patterns.push(format!("https://*.{}/*", obs.host));
    }
    patterns.extend(found.iam.iter().map(Origin::match_pattern));
    patterns.push(modelarts.match_pattern());
    patterns.dedup();
    Ok(patterns)
}

pub fn request(
    prepare: &Prepare,
    state: &Preparation,
    call: &Call,
) -> Result<Request, RequestError> {
    let (key, found) = prepare.services()?;
    let obs = || found.need_obs();
    let modelarts = || found.need_modelarts();
    let project = || prepare.project_id(state).ok_or(RequestError::NoProjectId);
    match call {
        Call::ListBuckets => list_buckets::request(&key, obs()?, Scheme::Obs),
        Call::IamProjects => auth_projects::request(&key, found.need_iam()?),
        Call::HeadBucket { bucket } => head_bucket::request(&key, obs()?, bucket, Scheme::Obs),
        Call::ListFolders { bucket, marker } => {
            list_folders::request(&key, obs()?, bucket, marker.as_deref())
        }
        Call::ListAuthorizations => authorizations::list(&key, modelarts()?, project()?),
        Call::CreateBucket { bucket } => create_bucket::request(&key, obs()?, bucket),
        Call::PutFolder { bucket, folder } => put_folder::request(&key, obs()?, bucket, folder),
        Call::Authorize => authorizations::create(&key, modelarts()?, project()?),
        Call::RemoveAuthorization { user_id } => {
            authorizations::delete(&key, modelarts()?, project()?, user_id)
        }
    }
}

/// Step 2's writes for `bucket` and `folders`, checked before anything is sent: the bucket is
/// created unless the listing shows it is the user's (then it must suit ModelArts here), and only
/// folders it lacks are put.
pub fn plan_writes(
    prepare: &Prepare,
    state: &Preparation,
    bucket: &str,
    folders: &[String],
) -> Result<Vec<Call>, RequestError> {
    let bucket = valid_bucket(bucket.trim())?.to_owned();
    let keys = folders
        .iter()
        .filter(|f| !f.trim().is_empty())
        .map(|f| folder_key(f).ok_or(RequestError::InvalidFolder))
        .collect::<Result<Vec<_>, _>>()?;
    let listed = state.bucket(&bucket);
    let unfit = |b: &BucketFacts| {
        let (code, _) = fit(b, prepare.profile.region());
        matches!(
            code,
            FitCode::OtherRegion | FitCode::Elsewhere | FitCode::Cold | FitCode::OldGeneration
        )
    };
    if listed.is_some_and(unfit) {
        return Err(RequestError::UnfitBucket);
    }
    let mut calls = vec![];
    if listed.is_none() {
        calls.push(Call::CreateBucket {
            bucket: bucket.clone(),
        });
    }
    let existing = listed.and_then(|b| b.folders.clone()).unwrap_or_default();
    let mut seen = vec![];
    for folder in keys {
        if !existing.contains(&folder) && !seen.contains(&folder) {
            seen.push(folder.clone());
            calls.push(Call::PutFolder {
                bucket: bucket.clone(),
                folder,
            });
        }
    }
    Ok(calls)
}

/// Reads the answer to `call`.
pub fn read(
    prepare: &Prepare,
    mut state: Preparation,
    call: &Call,
    answer: &Answer,
) -> Result<Read, RequestError> {
    let region = prepare.profile.region();
    let sent_at = prepare.timestamp.as_str();
    let mut next = vec![];
    let diagnosis = match call {
        Call::ListBuckets => {
            let permission = list_buckets::permission(prepare.profile.provider);
            let (diagnosis, listed) = list_buckets::diagnose(answer, sent_at, permission);
            if diagnosis.status == Status::Ok {
                let known = state.buckets.take().unwrap_or_default();
                state.buckets = Some(
                    listed
                        .into_iter()
                        .map(|b| BucketFacts {
                            folders: known
                                .iter()
                                .find(|k| k.name == b.name)
                                .and_then(|k| k.folders.clone()),
                            region: b.location,
                            ..BucketFacts {
                                name: b.name,
                                ..BucketFacts::default()
                            }
                        })
                        .collect(),
                );
                // Another region's bucket is judged from the listing: no request, which its
                // region's host alone would answer.
                for bucket in state.buckets.iter().flatten() {
                    if bucket.region.as_deref().is_none_or(|r| r == region) {
                        next.push(Call::HeadBucket {
                            bucket: bucket.name.clone(),
                        });
                    }
                }
            }
            diagnosis
        }
        Call::IamProjects => {
            let diagnosis = auth_projects::diagnose(answer, region, sent_at);
            if let Some(id) = &diagnosis.details.project_id {
                state.project_id = Some(id.clone());
                next.push(Call::ListAuthorizations);
            }
            diagnosis
        }
        Call::HeadBucket { bucket } => {
            let diagnosis = read_head(&mut state, bucket, answer, region);
            // The first bucket found fit: its folders, so step 2 puts only the missing ones.
            let first_fit = state.chosen_bucket(region).map(|b| b.name.clone());
            if first_fit.as_ref() == Some(bucket) && state.bucket_mut(bucket).folders.is_none() {
                next.push(Call::ListFolders {
                    bucket: bucket.clone(),
                    marker: None,
                });
            }
            diagnosis
        }
        Call::ListFolders { bucket, marker } => {
            let (diagnosis, page) = list_folders::diagnose(answer, bucket, sent_at);
            if let Some(page) = page {
                let facts = state.bucket_mut(bucket);
                let folders = match marker {
                    None => facts.folders.insert(vec![]),
                    Some(_) => facts.folders.get_or_insert_with(Vec::new),
                };
                for folder in page.folders {
                    if !folders.contains(&folder) {
                        folders.push(folder);
                    }
                }
                // Pages come in key order: a marker that does not move on would loop.
                let onward = page
                    .next_marker
                    .filter(|m| marker.as_ref().is_none_or(|current| m > current));
                if let Some(onward) = onward {
                    next.push(Call::ListFolders {
                        bucket: bucket.clone(),
                        marker: Some(onward),
                    });
                }
            }
            diagnosis
        }
        Call::ListAuthorizations => {
            let (diagnosis, found) = authorizations::diagnose_list(answer, sent_at);
            if found.is_some() {
                state.authorizations = found;
            }
            diagnosis
        }
        Call::CreateBucket { bucket } => {
            let diagnosis =
                create_bucket::diagnose(answer, bucket, region, &suffix(sent_at), sent_at);
            if diagnosis.status == Status::Ok {
                let facts = state.bucket_mut(bucket);
                facts.region = Some(region.to_owned());
                facts.storage_class = Some("STANDARD".into());
                facts.metadata_read = true;
                facts.folders.get_or_insert_with(Vec::new);
            } else if diagnosis.code == DiagnosisCode::BucketOwnedElsewhere {
                state.bucket_mut(bucket).elsewhere = true;
            }
            diagnosis
        }
        Call::PutFolder { bucket, folder } => {
            let diagnosis = put_folder::diagnose(answer, bucket, folder, sent_at);
            if diagnosis.status == Status::Ok {
                let folders = state
                    .bucket_mut(bucket)
                    .folders
                    .get_or_insert_with(Vec::new);
                if !folders.contains(folder) {
                    folders.push(folder.clone());
                }
            }
            diagnosis
        }
        Call::Authorize | Call::RemoveAuthorization { .. } => {
            let done = if *call == Call::Authorize {
                DiagnosisCode::Authorized
            } else {
                DiagnosisCode::AuthorizationRemoved
            };
            let diagnosis = authorizations::diagnose_write(answer, sent_at, done);
            if diagnosis.status == Status::Ok {
                next.push(Call::ListAuthorizations);
            }
            diagnosis
        }
    };
    state.log.push(Logged {
        call: call.clone(),
        status: diagnosis.status,
        severity: diagnosis.severity,
        code: diagnosis.code.as_str().to_owned(),
        params: serde_json::to_value(&diagnosis.params).unwrap_or_default(),
    });
    let excess = state.log.len().saturating_sub(LOG_LIMIT);
    state.log.drain(..excess);
    // A failed write ends the click's writes: nothing half-done goes unreported.
    let stop = diagnosis.status.key_is_wrong()
        || (PrepareModelArts::is_write(call) && diagnosis.status != Status::Ok);
    if stop {
        next.clear();
    }
    Ok(Read {
        state,
        diagnosis,
        next,
        stop,
    })
}

/// *Prepare ModelArts* as a flow: [`overview`]'s reads, then each answer's next reads; the
/// writes of step 2 and 3 from the click that previewed them.
pub struct PrepareModelArts;

/// What a preview is asked for: these `calls` (the authorization's), else step 2's writes for
/// `bucket` and `folders` ([`plan_writes`]).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WritesAsked {
    #[serde(default)]
    pub calls: Option<Vec<Call>>,
    #[serde(default)]
    pub bucket: String,
    #[serde(default)]
    pub folders: Vec<String>,
}

impl Flow for PrepareModelArts {
    type Input = Prepare;
    type State = Preparation;
    type Call = Call;
    type Line = Diagnosis;
    type Ask = WritesAsked;
    type View = View;
    type Error = RequestError;

    fn origins(prepare: &Prepare) -> Result<Vec<String>, RequestError> {
        origins(&prepare.profile)
    }

    fn start(prepare: Prepare, state: Preparation) -> Result<Turn<Self>, RequestError> {
        let calls = overview(&prepare, &state);
        Turn::sending(&prepare, state, calls, vec![])
    }

    fn read(
        prepare: Prepare,
        state: Preparation,
        call: &Call,
        answer: &Answer,
    ) -> Result<Turn<Self>, RequestError> {
        let read = read(&prepare, state, call, answer)?;
        let lines = vec![read.diagnosis];
        match read.stop {
            true => Ok(Turn::stopped(read.state, lines)),
            false => Turn::sending(&prepare, read.state, read.next, lines),
        }
    }

    fn request(
        prepare: &Prepare,
        state: &Preparation,
        call: &Call,
    ) -> Result<Request, RequestError> {
        request(prepare, state, call)
    }

    fn writes_as(call: &Call) -> Option<SetupWrite> {
        call.writes_as()
    }

    fn writes(
        prepare: &Prepare,
        state: &Preparation,
        asked: WritesAsked,
    ) -> Result<Vec<Call>, RequestError> {
        match asked.calls {
            Some(calls) => Ok(calls),
            None => plan_writes(prepare, state, &asked.bucket, &asked.folders),
        }
    }

    fn view(prepare: &Prepare, state: &Preparation) -> View {
        view(prepare, state)
    }
}

/// What a bucket's `HEAD` says about it. A refusal names the permission (the listing just
/// proved the key itself right).
fn read_head(state: &mut Preparation, bucket: &str, answer: &Answer, region: &str) -> Diagnosis {
    let diagnosis = head_bucket::diagnose(answer, bucket, region);
    let facts = state.bucket_mut(bucket);
    let details = &diagnosis.details;
    match diagnosis.status {
        Status::NoPermission => {
            facts.denied = Some(head_bucket::PERMISSION.to_owned());
            return Diagnosis::new(
                Status::NoPermission,
                DiagnosisCode::MissingPermission,
                diagnosis.details,
            )
            .with("permission", head_bucket::PERMISSION);
        }
        Status::WrongRegion => match &details.bucket_region {
            Some(found) => facts.region = Some(found.clone()),
            None => facts.elsewhere = true,
        },
        Status::Ok | Status::ColdStorage | Status::OldBucket => {
            facts.metadata_read = true;
            if let Some(found) = &details.bucket_region {
                facts.region = Some(found.clone());
            }
            facts.storage_class = details.storage_class.clone();
            facts.version = details.bucket_version.clone();
        }
        _ => {}
    }
    diagnosis
}

/// A suffix for a taken name's suggestion: the day, hour and minute of the request (`ddHHMM`).
fn suffix(timestamp: &str) -> String {
    let digits: String = timestamp.chars().filter(char::is_ascii_digit).collect();
    digits.get(6..12).unwrap_or("1").to_owned()
}

impl Preparation {
    fn bucket(&self, name: &str) -> Option<&BucketFacts> {
        self.buckets.iter().flatten().find(|b| b.name == name)
    }

    fn bucket_mut(&mut self, name: &str) -> &mut BucketFacts {
        let buckets = self.buckets.get_or_insert_with(Vec::new);
        match buckets.iter().position(|b| b.name == name) {
            Some(i) => &mut buckets[i],
            None => {
                buckets.push(BucketFacts {
                    name: name.to_owned(),
                    ..BucketFacts::default()
                });
                buckets.last_mut().expect("just pushed")
            }
        }
    }

    /// The bucket step 2 uses: the first one fit for ModelArts in `region`.
    fn chosen_bucket(&self, region: &str) -> Option<&BucketFacts> {
        self.buckets
            .iter()
            .flatten()
            .find(|b| fit(b, region).0 == FitCode::Fit)
    }
}

/// Whether `bucket` suits ModelArts in `region`, and why not: in this region, not WARM/COLD,
/// 2nd generation (ModelArts' guide: "make sure it is the 2nd generation bucket").
fn fit(bucket: &BucketFacts, region: &str) -> (FitCode, Params) {
    let mut params = Params::new();
    let class = bucket.storage_class.as_deref().unwrap_or_default();
    let code = match &bucket.region {
        Some(r) if r != region => {
            params.insert("bucketRegion", region_param(r));
            params.insert("region", region_param(region));
            FitCode::OtherRegion
        }
        _ if bucket.elsewhere => {
            params.insert("region", region_param(region));
            FitCode::Elsewhere
        }
        _ if COLD_CLASSES.contains(&class) => {
            params.insert("storageClass", head_bucket::storage_class_param(class));
            FitCode::Cold
        }
        _ if is_old_generation(bucket.version.as_deref()) => FitCode::OldGeneration,
        _ => match &bucket.denied {
            Some(permission) => {
                params.insert("permission", permission.as_str().into());
                FitCode::Unread
            }
            None if bucket.metadata_read => {
                params.insert("region", region_param(region));
                FitCode::Fit
            }
            None => FitCode::Unknown,
        },
    };
    (code, params)
}

/// What the panel shows: each bucket with its fit, the bucket step 2 would use (or a new name),
/// the default folders and the authorizations.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub listed: bool,
    pub buckets: Vec<BucketView>,
    pub chosen_bucket: Option<String>,
    pub suggested_bucket: String,
    pub default_folders: Vec<&'static str>,
    pub project_id: Option<String>,
    pub authorizations: Option<Vec<AuthorizationView>>,
    /// This key is configured as a ModelArts authorization.
    pub authorized: bool,
    /// The catalog's ModelArts host for this profile is derived, not documented (a custom endpoint
    /// may be needed).
    pub modelarts_host_derived: bool,
    pub log: Vec<Logged>,
}

/// An authorization as the panel lists it: which key an AK/SK one was made with.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationView {
    #[serde(flatten)]
    pub authorization: Authorization,
    /// Absent for an agency (no key of the profile's to compare).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<AuthorizationKey>,
}

/// Whose AK an AK/SK authorization holds, compared with the profile's keys: after a rotation the
/// old key's authorization stays configured in ModelArts until the user removes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorizationKey {
    /// The profile's key in use.
    This,
    /// A key this profile replaced, still kept until the new one passes Test keys.
    Retired,
    /// Any other key (after a passed check the profile forgets the one it replaced).
    Other,
}

/// Which of `profile`'s keys the AK/SK `authorization` names.
fn authorization_key(
    profile: &Profile,
    key_id: Option<&str>,
    authorization: &Authorization,
) -> Option<AuthorizationKey> {
    if authorization.kind != "credential" {
        return None;
    }
    let content = authorization.content.as_str();
    let retired = profile
        .retired
        .iter()
        .filter_map(Credential::aksk)
        .any(|key| key.access_key_id == content);
    Some(if key_id == Some(content) {
        AuthorizationKey::This
    } else if retired {
        AuthorizationKey::Retired
    } else {
        AuthorizationKey::Other
    })
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketView {
    #[serde(flatten)]
    pub facts: BucketFacts,
    pub fit: FitCode,
    pub fit_params: Params,
}

pub fn view(prepare: &Prepare, state: &Preparation) -> View {
    let region = prepare.profile.region();
    let key_id = SigningKey::of(&prepare.profile, "")
        .map(|k| k.id.to_owned())
        .ok();
    let project_id = prepare.project_id(state).map(str::to_owned);
    let stem = project_id
        .as_deref()
        .map(|p| p.chars().take(8).collect::<String>().to_ascii_lowercase())
        .unwrap_or_else(|| region.to_owned());
    View {
        listed: state.buckets.is_some(),
        buckets: state
            .buckets
            .iter()
            .flatten()
            .map(|b| {
                let (fit, fit_params) = fit(b, region);
                BucketView {
                    facts: b.clone(),
                    fit,
                    fit_params,
                }
            })
            .collect(),
        chosen_bucket: state.chosen_bucket(region).map(|b| b.name.clone()),
        suggested_bucket: format!("modelarts-{stem}"),
        default_folders: DEFAULT_FOLDERS.to_vec(),
        authorized: state
            .authorizations
            .iter()
            .flatten()
            .any(|a| a.kind == "credential" && Some(&a.content) == key_id.as_ref()),
        project_id,
        authorizations: state.authorizations.as_ref().map(|list| {
            list.iter()
                .map(|a| AuthorizationView {
                    key: authorization_key(&prepare.profile, key_id.as_deref(), a),
                    authorization: a.clone(),
                })
                .collect()
        }),
        modelarts_host_derived: modelarts_host_derived(prepare.profile.provider),
        log: state.log.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::key::tests::{aksk, endpoint, profile, AK, TIMESTAMP};
    use crate::cloud::obs::tests::fixture;

    /// A preparation under way: its input and what it found so far.
    struct Under {
        input: Prepare,
        state: Preparation,
    }

    impl std::ops::Deref for Under {
        type Target = Prepare;
        fn deref(&self) -> &Prepare {
            &self.input
        }
    }

    impl std::ops::DerefMut for Under {
        fn deref_mut(&mut self) -> &mut Prepare {
            &mut self.input
        }
    }

    fn prepare() -> Under {
        let mut p = profile(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        p.project_id = Some("0123456789abcdef0123456789abcdef".into());
        Under {
            input: Prepare {
                profile: p,
                timestamp: TIMESTAMP.into(),
            },
            state: Preparation::default(),
        }
    }

    fn answered(prepare: &mut Under, call: Call, answer: &Answer) -> Read {
        let read = read(&prepare.input, prepare.state.clone(), &call, answer).unwrap();
        prepare.state = read.state.clone();
        read
    }

    fn answer(prepare: &mut Under, call: Call, status: u16, body: &str) -> Read {
        answered(prepare, call, &Answer::response(status, &[], body))
    }

    // Buckets in two regions as OBS lists them with `x-obs-location: true`; `moved` has no
    // `<Location>` (a server that names none), so only its HEAD can tell.
    const LIST: &str = r#"<ListAllMyBucketsResult xmlns="http://obs.example.com/doc/2015-06-30/"><Owner><ID>o</ID></Owner><Buckets>
<Bucket><Name>fit</Name><Location>eu-west-0</Location><BucketType>OBJECT</BucketType></Bucket>
<Bucket><Name>cold</Name><Location>eu-west-0</Location></Bucket>
<Bucket><Name>old</Name><Location>eu-west-0</Location></Bucket>
<Bucket><Name>far</Name><Location>cn-north-4</Location></Bucket>
<Bucket><Name>locked</Name><Location>eu-west-0</Location></Bucket>
<Bucket><Name>moved</Name></Bucket>
</Buckets></ListAllMyBucketsResult>"#;

    fn head(bucket: &str) -> Call {
        Call::HeadBucket {
            bucket: bucket.into(),
        }
    }

    /// The documented HEAD answer (`tests/fixtures/cloud-answers/obs/head-bucket.http`) with
    /// this bucket's region, class and version.
    fn metadata(p: &mut Under, bucket: &str, class: &str, version: &str) -> Read {
        let Answer::Response { mut headers, .. } = fixture("head-bucket.http") else {
            unreachable!()
        };
        for (name, value) in &mut headers {
            match name.as_str() {
                "x-obs-bucket-location" => *value = "eu-west-0".into(),
                "x-obs-storage-class" => *value = class.into(),
                "x-obs-version" => *value = version.into(),
                _ => {}
            }
        }
        let answer = Answer::Response {
            status: 200,
            headers,
            body: String::new(),
        };
        answered(p, head(bucket), &answer)
    }

    #[test]
    fn one_listing_then_one_head_per_bucket_of_the_region() {
        let mut p = prepare();
        assert_eq!(
            overview(&p.input, &p.state),
            [Call::ListBuckets, Call::ListAuthorizations]
        );
        let listed = answer(&mut p, Call::ListBuckets, 200, LIST);
        // None for `far`: the listing says it is in cn-north-4.
        assert_eq!(
            listed.next,
            ["fit", "cold", "old", "locked", "moved"].map(head)
        );
        let read = metadata(&mut p, "fit", "STANDARD", "3.0");
        assert_eq!(
            read.next,
            [Call::ListFolders {
                bucket: "fit".into(),
                marker: None
            }]
        );
        assert!(metadata(&mut p, "cold", "WARM", "3.0").next.is_empty());
        metadata(&mut p, "old", "STANDARD", "--");
        let denied = answer(&mut p, head("locked"), 403, "");
        assert!(!denied.stop);
        assert_eq!(denied.diagnosis.code, DiagnosisCode::MissingPermission);
        answered(&mut p, head("moved"), &fixture("permanent-redirect.http"));
        answer(&mut p, Call::ListFolders { bucket: "fit".into(), marker: None }, 200,
            "<ListBucketResult><CommonPrefixes><Prefix>data/</Prefix></CommonPrefixes></ListBucketResult>");
        let v = view(&p.input, &p.state);
        let fits: Vec<(&str, FitCode)> = v
            .buckets
            .iter()
            .map(|b| (b.facts.name.as_str(), b.fit))
            .collect();
        assert_eq!(
            fits,
            [
                ("fit", FitCode::Fit),
                ("cold", FitCode::Cold),
                ("old", FitCode::OldGeneration),
                ("far", FitCode::OtherRegion),
                ("locked", FitCode::Unread),
                ("moved", FitCode::Elsewhere),
            ]
        );
        assert_eq!(
            v.buckets[4].fit_params["permission"],
            "obs:bucket:HeadBucket".into()
        );
        // A region the catalog names is shown with its console name beside its ID.
        assert_eq!(
            v.buckets[3].fit_params["bucketRegion"],
            crate::words::Param::Coded {
                term: "region_cn_north_4".into(),
                code: "cn-north-4".into()
            }
        );
        assert_eq!(v.chosen_bucket.as_deref(), Some("fit"));
        assert_eq!(v.suggested_bucket, "modelarts-01234567");
        // Step 2 on the fit bucket: no creation, only the folders it lacks.
        let folders: Vec<String> = DEFAULT_FOLDERS.iter().map(|f| f.to_string()).collect();
        let writes = plan_writes(&p.input, &p.state, "fit", &folders).unwrap();
        assert_eq!(writes.len(), 3);
        assert!(writes
            .iter()
            .all(|c| PrepareModelArts::is_write(c) && matches!(c, Call::PutFolder { .. })));
        assert_eq!(
            plan_writes(&p.input, &p.state, "Bad_Name", &folders).unwrap_err(),
            RequestError::InvalidBucket
        );
        assert_eq!(
            plan_writes(&p.input, &p.state, "fit", &["../x".into()]).unwrap_err(),
            RequestError::InvalidFolder
        );
        for unfit in ["cold", "old", "far", "moved"] {
            assert_eq!(
                plan_writes(&p.input, &p.state, unfit, &folders).unwrap_err(),
                RequestError::UnfitBucket,
                "{unfit}"
            );
        }
        assert_eq!(p.state.log.len(), 7);
    }

    #[test]
    fn folders_are_read_page_by_page() {
        let mut p = prepare();
        answer(&mut p, Call::ListBuckets, 200, LIST);
        metadata(&mut p, "fit", "STANDARD", "3.0");
        let first = Call::ListFolders {
            bucket: "fit".into(),
            marker: None,
        };
        let read1 = answered(&mut p, first, &fixture("list-objects-truncated.http"));
        let second = Call::ListFolders {
            bucket: "fit".into(),
            marker: Some("logs/".into()),
        };
        assert_eq!(read1.next, std::slice::from_ref(&second));
        let url = request(&p.input, &p.state, &second).unwrap().url;
        assert!(url.ends_with("/?delimiter=%2F&marker=logs%2F"), "{url}");
        let last = answer(&mut p, second.clone(), 200,
            "<ListBucketResult><IsTruncated>false</IsTruncated><CommonPrefixes><Prefix>models/</Prefix></CommonPrefixes></ListBucketResult>");
        assert!(last.next.is_empty());
        assert_eq!(
            p.state.bucket("fit").unwrap().folders.as_deref(),
            Some(&["data/".to_owned(), "logs/".into(), "models/".into()][..])
        );
        // A page whose marker does not move on ends the listing.
        let stuck = answer(&mut p, second, 200,
            "<ListBucketResult><IsTruncated>true</IsTruncated><NextMarker>logs/</NextMarker></ListBucketResult>");
        assert!(stuck.next.is_empty());
        let folders: Vec<String> = DEFAULT_FOLDERS.iter().map(|f| f.to_string()).collect();
        assert_eq!(
            plan_writes(&p.input, &p.state, "fit", &folders).unwrap(),
            [Call::PutFolder {
                bucket: "fit".into(),
                folder: "output/".into()
            }]
        );
    }

    /// Listed: no bucket yet.
    fn without_buckets() -> Under {
        let mut p = prepare();
        answer(
            &mut p,
            Call::ListBuckets,
            200,
            "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>",
        );
        p
    }

    #[test]
    fn a_name_that_is_yours_in_another_region_is_not_used() {
        let mut p = without_buckets();
        let create = Call::CreateBucket {
            bucket: "ml-data".into(),
        };
        let read = answered(&mut p, create, &fixture("create-bucket-owned-by-you.http"));
        assert_eq!(read.diagnosis.code, DiagnosisCode::BucketOwnedElsewhere);
        assert_ne!(
            read.diagnosis.severity,
            Severity::Ok,
            "the writes stop here"
        );
        assert_eq!(read.diagnosis.params["suggestion"], "ml-data-231100".into());
        assert!(read.next.is_empty());
        let v = view(&p.input, &p.state);
        assert_eq!(v.buckets[0].fit, FitCode::Elsewhere);
        assert_eq!(v.chosen_bucket, None);
        assert_eq!(
            plan_writes(&p.input, &p.state, "ml-data", &["data/".into()]).unwrap_err(),
            RequestError::UnfitBucket
        );
    }

    #[test]
    fn a_new_bucket_then_folders_then_the_authorization() {
        let mut p = without_buckets();
        let writes = plan_writes(
            &p.input,
            &p.state,
            "ml-data",
            &["data".into(), "data/".into()],
        )
        .unwrap();
        assert_eq!(
            writes,
            [
                Call::CreateBucket {
                    bucket: "ml-data".into()
                },
                Call::PutFolder {
                    bucket: "ml-data".into(),
                    folder: "data/".into()
                }
            ]
        );
        for call in &writes {
            let r = request(&p.input, &p.state, call).unwrap();
            assert!(
                r.url.starts_with("https://ml-data.oss.eu-west-0."),
                "{}",
                r.url
            );
        }
        let taken = answer(
            &mut p,
            writes[0].clone(),
            409,
            "<Error><Code>BucketAlreadyExists</Code></Error>",
        );
        assert_eq!(
            taken.diagnosis.params["suggestion"],
            "ml-data-231100".into()
        );
        assert!(
            view(&p.input, &p.state).buckets.is_empty(),
            "someone else's name is no bucket of yours"
        );
        answer(
            &mut p,
            Call::CreateBucket {
                bucket: "ml-data-231100".into(),
            },
            200,
            "",
        );
        answer(
            &mut p,
            Call::PutFolder {
                bucket: "ml-data-231100".into(),
                folder: "data/".into(),
            },
            200,
            "",
        );
        assert_eq!(
            view(&p.input, &p.state).chosen_bucket.as_deref(),
            Some("ml-data-231100")
        );
        assert_eq!(
            plan_writes(&p.input, &p.state, "ml-data-231100", &["data/".into()]).unwrap(),
            []
        );
        let authorized = answer(&mut p, Call::Authorize, 200, r#"{"result":"true"}"#);
        assert_eq!(authorized.next, [Call::ListAuthorizations]);
        answer(
            &mut p,
            Call::ListAuthorizations,
            200,
            &format!(
                r#"{{"total_count":1,"auth":[{{"user_id":"u1","user_name":"me","type":"credential","content":"{AK}"}}]}}"#
            ),
        );
        assert!(view(&p.input, &p.state).authorized);
    }

    #[test]
    fn each_key_authorization_says_whose_key_it_holds() {
        let mut p = prepare();
        let old = "HPUAOLDOLDOLDOLDNV3E";
        p.profile.retired = vec![serde_json::from_value(serde_json::json!({
            "kind": "aksk", "accessKeyId": old, "secretAccessKey": "s".repeat(40), "issuer": "huawei"}))
        .unwrap()];
        let listed = format!(
            r#"{{"total_count":4,"auth":[{{"user_id":"u1","type":"credential","content":"{AK}"}},
            {{"user_id":"u2","type":"credential","content":"{old}"}},
            {{"user_id":"u3","type":"credential","content":"HPUASOMEONEELSE00001"}},
            {{"user_id":"u4","type":"agency","content":"modelarts_agency"}}]}}"#
        );
        answer(&mut p, Call::ListAuthorizations, 200, &listed);
        let keys = serde_json::to_value(view(&p.input, &p.state).authorizations).unwrap();
        let keys: Vec<_> = keys
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.get("key").cloned())
            .collect();
        assert_eq!(
            keys,
            [
                Some("this".into()),
                Some("retired".into()),
                Some("other".into()),
                None
            ]
        );
        p.profile.retired.clear(); // the new key passed Test keys: the old one is forgotten
        let after = serde_json::to_value(view(&p.input, &p.state).authorizations).unwrap();
        assert_eq!(after[1]["key"], "other");
        assert_eq!(after[1]["content"], old);
    }

    #[test]
    fn a_wrong_key_stops_and_a_missing_project_is_found_first() {
        let mut p = prepare();
        p.profile.project_id = None;
        assert_eq!(
            overview(&p.input, &p.state),
            [Call::ListBuckets, Call::IamProjects]
        );
        assert_eq!(
            request(&p.input, &p.state, &Call::Authorize).unwrap_err(),
            RequestError::NoProjectId
        );
        let wrong = answer(
            &mut p,
            Call::ListBuckets,
            403,
            "<Error><Code>SignatureDoesNotMatch</Code></Error>",
        );
        assert!(wrong.stop && wrong.next.is_empty());
        assert_eq!(view(&p.input, &p.state).log[0].code, "bad-sk");
        let found = answer(
            &mut p,
            Call::IamProjects,
            200,
            r#"{"projects":[{"id":"abc123","name":"eu-west-0"}]}"#,
        );
        assert_eq!(found.next, [Call::ListAuthorizations]);
        assert_eq!(found.state.project_id.as_deref(), Some("abc123"));
    }

    #[test]
    fn origins_cover_every_bucket_host_and_a_custom_modelarts_endpoint() {
        let mut p = prepare();
        assert_eq!(
            origins(&p.profile).unwrap(),
            [
                "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://*.oss.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://modelarts.eu-west-0.prod-cloud-ocb.orange-business.com/*",
            ]
        );
        // Flexible Engine's ModelArts host is derived, Huawei Cloud's printed by its SDK.
        assert!(view(&p.input, &p.state).modelarts_host_derived);
        // A region with OBS but no ModelArts says so before anything is asked or read.
        p.profile.provider = Provider::Huawei;
        assert!(!view(&p.input, &p.state).modelarts_host_derived);
        p.profile.region = Some("cn-east-2".into());
        assert_eq!(
            origins(&p.profile).unwrap_err(),
            RequestError::NotInRegion("ModelArts")
        );
        assert_eq!(
            request(&p.input, &p.state, &Call::ListAuthorizations).unwrap_err(),
            RequestError::NotInRegion("ModelArts")
        );
        p.profile.endpoint = endpoint("http://127.0.0.1:9000");
        assert_eq!(origins(&p.profile).unwrap(), ["http://127.0.0.1/*"]);
        let calls: Vec<Call> = serde_json::from_str(r#"[{"action":"put-folder","bucket":"b","folder":"f/"},{"action":"remove-authorization","userId":"u"}]"#).unwrap();
        assert_eq!(
            calls[1],
            Call::RemoveAuthorization {
                user_id: "u".into()
            }
        );
        p.profile.provider = Provider::Aws;
        assert_eq!(
            request(&p.input, &p.state, &calls[0]).unwrap_err(),
            RequestError::Unsupported(Provider::Aws)
        );
    }
}

//! Find every OpenScale ID from an IBM API key, as IBM's guide otherwise sends the user to a
//! terminal for (`ibmcloud resource service-instance`) and to the *Payload logging* page for:
//!
//! 1. an IAM token for the key (kept by the caller in memory for its lifetime, never stored);
//! 2. the OpenScale and Watson Machine Learning instances the key can see (Resource Controller,
//!    every page, in every state worth a reason), each with what stands in its way (another
//!    region, still provisioning, inactive, failed, Lite plan);
//! 3. inside the instance the user picks, on its region's OpenScale host: the data mart, the
//!    service providers (binding IDs) and the subscriptions (subscription and deployment IDs).
//!
//! The caller sends each request once, in order, and hands back its answer: nothing is retried,
//! and the first failure ends the lookup with what it means and what to do.

use crate::cloud::catalog::{endpoints, machine_learning_url};
use crate::cloud::ibm::resource_instances::{self, Instance, Page, MACHINE_LEARNING, OPENSCALE};
use crate::cloud::ibm::{iam_token, IbmError, ReadFailure};
use crate::cloud::openscale::data_marts::{self, DataMart};
use crate::cloud::openscale::service_providers::{
    self, service_type_param, CredentialField, NewProvider, ServiceProvider,
};
use crate::cloud::openscale::subscriptions::{self, Subscription};
use crate::cloud::{Answer, Origin, Preview, Request};
use crate::flows::key_check::ibm_api_key;
use crate::profile::is_guid;
use crate::profile::region::region_param;
use crate::profile::{AkIssuer, Credential, Profile, Provider};
use crate::secret::Secret;
use crate::words::{message_codes, Param, Params};
use serde::{Deserialize, Serialize};

/// A token is not used in its last minute: a read must not fail half-way for its age.
const TOKEN_MARGIN_SECONDS: u64 = 60;
/// Resource Controller pages hold up to 100 instances; no account needs more pages than this in
/// one listing, and an answer whose `next_url` never ends must not keep the lookup going.
const MAX_PAGES: u32 = 50;

/// One listing of instances: of one offering, in one state (`None`: Resource Controller's default).
struct Listing {
    resource_id: Option<&'static str>,
    state: Option<&'static str>,
}

/// Every instance worth showing, in as few listings as the API allows. Without `state`, Resource
/// Controller returns only `active` and `provisioning` instances, and it takes one `state` per
/// listing (platform-services SDK `list_resource_instances`). So each offering is listed in those
/// default states, then every offering once per other state that has a reason to show (sorted
/// here): 4 listings, each paged, rather than 6, as inactive and failed instances are few in an
/// account. `removed` and `pending_reclamation` (deleted) ones are left out: nothing here can use
/// or mend them.
const LISTINGS: [Listing; 4] = [
    Listing {
        resource_id: Some(OPENSCALE),
        state: None,
    },
    Listing {
        resource_id: Some(MACHINE_LEARNING),
        state: None,
    },
    Listing {
        resource_id: None,
        state: Some("inactive"),
    },
    Listing {
        resource_id: None,
        state: Some("failed"),
    },
];

message_codes! {
    /// What a lookup says; the words are `openscale_ids_<code>` in `_locales`.
    pub enum LookupCode {
        NoApiKey = "no-api-key" [],
        NoInstance = "no-instance" [],
        OtherRegion = "other-region" [region, instanceRegion],
        NotActive = "not-active" [state],
        InstanceProvisioning = "instance-provisioning" [],
        InstanceInactive = "instance-inactive" [],
        InstanceFailed = "instance-failed" [],
        LitePlan = "lite-plan" [],
        UnknownRegion = "unknown-region" [region],
        BadApiKey = "bad-api-key" [errorCode],
        TokenRefused = "token-refused" [errorCode],
        ResourceControllerUnauthorized = "resource-controller-unauthorized" [],
        ResourceControllerForbidden = "resource-controller-forbidden" [],
        OpenscaleUnauthorized = "openscale-unauthorized" [region],
        OpenscaleForbidden = "openscale-forbidden" [region],
        OpenscaleNotFound = "openscale-not-found" [region],
        Network = "network" [host],
        Redirect = "redirect" [host],
        UnexpectedStatus = "unexpected-status" [httpStatus, host],
        UnexpectedAnswer = "unexpected-answer" [host],
        TooManyPages = "too-many-pages" [],
        NoProviderCredential = "no-provider-credential" [serviceType],
        ProviderRefused = "provider-refused" [httpStatus],
    }
}

/// A message in codes: a failure that ended the lookup, or a note on an instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Said {
    pub code: LookupCode,
    pub params: Params,
}

impl Said {
    fn new(code: LookupCode) -> Self {
        Said {
            code,
            params: Params::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(name, value.into());
        self
    }
}

/// An IAM token as the caller holds it between lookups (in memory only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeldToken {
    pub access_token: Secret,
    /// Unix seconds.
    pub expiration: u64,
}

/// What to find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "find", rename_all = "kebab-case")]
pub enum Goal {
    /// The OpenScale and Watson Machine Learning instances the key can see.
    Instances,
    /// The IDs inside one OpenScale instance (as the instance list gave it).
    Ids { guid: String, region: String },
    /// A machine-learning provider added to the instance, from the profile's credentials (a
    /// write: the caller shows [`preview`] and starts it only on the user's click).
    AddProvider {
        guid: String,
        region: String,
        provider: ProviderChoice,
    },
}

/// The provider the user asked for, and what the profile cannot say for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderChoice {
    /// `watson_machine_learning`, `amazon_sagemaker`, `azure_machine_learning` or
    /// `azure_machine_learning_service` (IBM Docs, "Supported machine learning providers").
    pub service_type: String,
    pub name: String,
    /// SageMaker's region.
    #[serde(default)]
    pub region: Option<String>,
    /// Azure's subscription (a service principal's file does not name one).
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// The WML deployment space OpenScale should watch.
    #[serde(default)]
    pub deployment_space_id: Option<String>,
}

/// One lookup: the same value is given to [`start`] and every [`advance`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lookup {
    pub profile: Profile,
    /// The caller's clock, Unix seconds (to know whether a held token is still good).
    pub now: u64,
    #[serde(default)]
    pub token: Option<HeldToken>,
    pub goal: Goal,
}

/// Where a lookup is: which answer it waits for, and what it found so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "stage",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Stage {
    Token,
    /// Reading page `pages` of [`LISTINGS`]`[listing]`.
    Instances {
        listing: usize,
        pages: u32,
        openscale: Vec<Instance>,
        machine_learning: Vec<Instance>,
    },
    DataMarts,
    ServiceProviders {
        data_marts: Vec<DataMart>,
    },
    Subscriptions {
        data_marts: Vec<DataMart>,
        providers: Vec<ServiceProvider>,
    },
    AddProvider,
}

/// An OpenScale instance with what the user should know before choosing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenscaleInstance {
    #[serde(flatten)]
    pub instance: Instance,
    pub notes: Vec<Said>,
}

/// A Watson Machine Learning instance with the service URL its provider form asks for, and why
/// it cannot serve yet if it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MachineLearningInstance {
    #[serde(flatten)]
    pub instance: Instance,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub notes: Vec<Said>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "found",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Found {
    Instances {
        openscale: Vec<OpenscaleInstance>,
        machine_learning: Vec<MachineLearningInstance>,
        /// About the list as a whole (no instance visible).
        notes: Vec<Said>,
    },
    /// The IDs inside an instance. On IBM Cloud its one data mart's ID is its GUID.
    Ids {
        guid: String,
        region: String,
        data_marts: Vec<DataMart>,
        service_providers: Vec<ServiceProvider>,
        subscriptions: Vec<Subscription>,
    },
    ProviderAdded {
        provider: ServiceProvider,
    },
}

/// What to do next: send `request` and call [`advance`] with `stage`, or show `found` / `failed`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Serialized by the bindings, which send its body as is.
    #[serde(skip)]
    pub request: Option<Request>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// A new token for the caller to hold (and pass in [`Lookup::token`]) until it expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<HeldToken>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<Found>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<Said>,
}

impl Step {
    fn send(request: Request, stage: Stage) -> Self {
        Step {
            request: Some(request),
            stage: Some(stage),
            token: None,
            found: None,
            failed: None,
        }
    }

    fn found(found: Found) -> Self {
        Step {
            request: None,
            stage: None,
            token: None,
            found: Some(found),
            failed: None,
        }
    }

    fn failed(said: Said) -> Self {
        Step {
            request: None,
            stage: None,
            token: None,
            found: None,
            failed: Some(said),
        }
    }
}

/// The first request: the token exchange, unless the caller holds a token good for a while.
pub fn start(lookup: &Lookup) -> Step {
    match held_token(lookup) {
        Some(token) => first_read(lookup, token),
        None => token_request(lookup),
    }
}

/// Reads the answer to the request sent at `stage`, and says what comes next.
pub fn advance(lookup: &Lookup, stage: Stage, answer: &Answer) -> Step {
    if stage == Stage::Token {
        return token_answer(lookup, answer);
    }
    let Some(token) = held_token(lookup) else {
        return token_request(lookup);
    };
    match stage {
        Stage::Token => unreachable!("handled above"),
        Stage::Instances {
            listing,
            pages,
            openscale,
            machine_learning,
        } => instances_answer(
            lookup,
            token,
            answer,
            (listing, pages),
            (openscale, machine_learning),
        ),
        Stage::DataMarts => match data_marts::parse_list(answer) {
            Ok(data_marts) => ids_read(lookup, token, Stage::ServiceProviders { data_marts }),
            Err(failure) => openscale_failure(lookup, failure),
        },
        Stage::ServiceProviders { data_marts } => match service_providers::parse(answer) {
            Ok(providers) => ids_read(
                lookup,
                token,
                Stage::Subscriptions {
                    data_marts,
                    providers,
                },
            ),
            Err(failure) => openscale_failure(lookup, failure),
        },
        Stage::Subscriptions {
            data_marts,
            providers,
        } => match subscriptions::parse(answer) {
            Ok(found) => ids_found(lookup, data_marts, providers, found),
            Err(failure) => openscale_failure(lookup, failure),
        },
        Stage::AddProvider => match service_providers::parse_added(answer) {
            Ok(provider) => Step::found(Found::ProviderAdded { provider }),
            // OpenScale refused the provider itself (its credentials, a duplicate name…).
            Err(ReadFailure::Status(status)) => Step::failed(
                Said::new(LookupCode::ProviderRefused).with("httpStatus", usize::from(status)),
            ),
            Err(failure) => openscale_failure(lookup, failure),
        },
    }
}

/// The host-permission patterns the lookup reaches (asked for at the click that starts it):
/// IAM and Resource Controller to list instances, IAM and the instance's OpenScale host inside it.
pub fn origins(lookup: &Lookup) -> Vec<String> {
    let found = endpoints(&lookup.profile);
    let service = match &lookup.goal {
        Goal::Instances => found.resource_controller,
        Goal::Ids { .. } | Goal::AddProvider { .. } => {
            ids_target(lookup).ok().map(|(_, _, origin)| origin)
        }
    };
    let mut patterns: Vec<String> = [found.ibm_iam, service]
        .iter()
        .flatten()
        .map(Origin::match_pattern)
        .collect();
    patterns.dedup();
    patterns
}

fn held_token(lookup: &Lookup) -> Option<&Secret> {
    lookup
        .token
        .as_ref()
        .filter(|t| t.expiration > lookup.now + TOKEN_MARGIN_SECONDS)
        .map(|t| &t.access_token)
}

fn token_request(lookup: &Lookup) -> Step {
    let found = endpoints(&lookup.profile);
    let key = ibm_api_key(&lookup.profile.credentials).ok();
    let (Some(key), Some(origin), Provider::Ibm) = (key, found.ibm_iam, lookup.profile.provider)
    else {
        return Step::failed(Said::new(LookupCode::NoApiKey));
    };
    Step::send(iam_token::request(key, &origin), Stage::Token)
}

fn token_answer(lookup: &Lookup, answer: &Answer) -> Step {
    let host = endpoints(&lookup.profile)
        .ibm_iam
        .map(|o| o.host)
        .unwrap_or_default();
    let (status, body) = match answer {
        Answer::Response { status, body, .. } => (*status, body.as_str()),
        Answer::Failed { .. } => return Step::failed(transport(answer, &host)),
    };
    match iam_token::parse(status, body) {
        Ok(token) => {
            let held = HeldToken {
                access_token: token.access_token,
                expiration: token.expiration,
            };
            let mut step = first_read(lookup, &held.access_token);
            step.token = Some(held);
            step
        }
        // BXNIM0415E: "Provided API key could not be found" (deleted, or from another account).
        Err(IbmError::Iam { code, .. }) if code == "BXNIM0415E" => {
            Step::failed(Said::new(LookupCode::BadApiKey).with("errorCode", code))
        }
        Err(IbmError::Iam { code, .. }) => {
            Step::failed(Said::new(LookupCode::TokenRefused).with("errorCode", code))
        }
        Err(_) => Step::failed(unexpected(answer, &host)),
    }
}

/// The goal's first read with `token`.
fn first_read(lookup: &Lookup, token: &Secret) -> Step {
    match &lookup.goal {
        Goal::Instances => listing_start(lookup, token, 0, (Vec::new(), Vec::new())),
        Goal::Ids { .. } => ids_read(lookup, token, Stage::DataMarts),
        Goal::AddProvider { .. } => match add_provider_request(lookup, token) {
            Ok(request) => Step::send(request, Stage::AddProvider),
            Err(said) => Step::failed(said),
        },
    }
}

fn resource_controller(lookup: &Lookup) -> Option<Origin> {
    endpoints(&lookup.profile).resource_controller
}

fn instances_page(lookup: &Lookup, token: &Secret, page: Page, stage: Stage) -> Step {
    let Some(origin) = resource_controller(lookup) else {
        return Step::failed(Said::new(LookupCode::NoApiKey));
    };
    match resource_instances::request(&origin, token, &page) {
        Ok(request) => Step::send(request, stage),
        Err(_) => Step::failed(Said::new(LookupCode::UnexpectedAnswer).with("host", origin.host)),
    }
}

/// The first page of [`LISTINGS`]`[listing]`.
fn listing_start(
    lookup: &Lookup,
    token: &Secret,
    listing: usize,
    (openscale, machine_learning): (Vec<Instance>, Vec<Instance>),
) -> Step {
    let Listing { resource_id, state } = LISTINGS[listing];
    let stage = Stage::Instances {
        listing,
        pages: 1,
        openscale,
        machine_learning,
    };
    instances_page(lookup, token, Page::First { resource_id, state }, stage)
}

/// One page of a listing: the next page, the next listing, or the lists.
fn instances_answer(
    lookup: &Lookup,
    token: &Secret,
    answer: &Answer,
    (listing, pages): (usize, u32),
    (mut openscale, mut machine_learning): (Vec<Instance>, Vec<Instance>),
) -> Step {
    let host = resource_controller(lookup)
        .map(|o| o.host)
        .unwrap_or_default();
    let listed = match resource_instances::parse(answer, &[OPENSCALE, MACHINE_LEARNING]) {
        Ok(listed) => listed,
        Err(ReadFailure::Unauthorized) => {
            return Step::failed(Said::new(LookupCode::ResourceControllerUnauthorized))
        }
        Err(ReadFailure::Forbidden) => {
            return Step::failed(Said::new(LookupCode::ResourceControllerForbidden))
        }
        Err(failure) => return Step::failed(failure_words(failure, &host)),
    };
    for instance in listed.instances {
        let list = if instance.resource_id == OPENSCALE {
            &mut openscale
        } else {
            &mut machine_learning
        };
        // An instance whose state changed between two listings shows up once.
        if !list.iter().any(|known| known.guid == instance.guid) {
            list.push(instance);
        }
    }
    if let Some(next_url) = listed.next_url {
        if pages >= MAX_PAGES {
            return Step::failed(Said::new(LookupCode::TooManyPages));
        }
        let stage = Stage::Instances {
            listing,
            pages: pages + 1,
            openscale,
            machine_learning,
        };
        let next = Page::Next {
            next_url: &next_url,
        };
        return instances_page(lookup, token, next, stage);
    }
    if listing + 1 < LISTINGS.len() {
        return listing_start(lookup, token, listing + 1, (openscale, machine_learning));
    }
    Step::found(instances_found(
        &lookup.profile,
        openscale,
        machine_learning,
    ))
}

/// The lists, each OpenScale instance with its notes.
pub fn instances_found(
    profile: &Profile,
    openscale: Vec<Instance>,
    machine_learning: Vec<Instance>,
) -> Found {
    let notes = if openscale.is_empty() {
        vec![Said::new(LookupCode::NoInstance)]
    } else {
        Vec::new()
    };
    let openscale = openscale
        .into_iter()
        .map(|instance| OpenscaleInstance {
            notes: instance_notes(profile, &instance),
            instance,
        })
        .collect();
    let machine_learning = machine_learning
        .into_iter()
        .map(|instance| MachineLearningInstance {
            url: machine_learning_url(&instance.region),
            notes: state_note(&instance).into_iter().collect(),
            instance,
        })
        .collect();
    Found::Instances {
        openscale,
        machine_learning,
        notes,
    }
}

fn instance_notes(profile: &Profile, instance: &Instance) -> Vec<Said> {
    let mut notes = Vec::new();
    let region = profile.region();
    if !region.is_empty() && region != instance.region {
        notes.push(
            Said::new(LookupCode::OtherRegion)
                .with("region", region_param(region))
                .with("instanceRegion", region_param(&instance.region)),
        );
    }
    notes.extend(state_note(instance));
    if instance.is_lite() {
        notes.push(Said::new(LookupCode::LitePlan));
    }
    notes
}

/// Why an instance that is not active cannot serve (yet), by its Resource Controller state.
fn state_note(instance: &Instance) -> Option<Said> {
    let code = match instance.state.as_str() {
        "active" => return None,
        "provisioning" => LookupCode::InstanceProvisioning,
        "inactive" => LookupCode::InstanceInactive,
        "failed" => LookupCode::InstanceFailed,
        // Named in the user's words when it is one of IBM's documented states.
        other if resource_instances::STATES.contains(&other) => {
            let state = Param::term("instance_state", other);
            return Some(Said::new(LookupCode::NotActive).with("state", state));
        }
        other => return Some(Said::new(LookupCode::NotActive).with("state", other)),
    };
    Some(Said::new(code))
}

/// The instance the IDs are read in, and its region's OpenScale origin (the profile's custom
/// endpoint, if it has one, applies in every region).
fn ids_target(lookup: &Lookup) -> Result<(&str, &str, Origin), Said> {
    let (Goal::Ids { guid, region } | Goal::AddProvider { guid, region, .. }) = &lookup.goal else {
        unreachable!("only an IDs lookup or a provider's addition reads inside an instance")
    };
    let in_region = Profile {
        region: Some(region.clone()),
        ..lookup.profile.clone()
    };
    match endpoints(&in_region).openscale {
        Some(origin) if is_guid(guid) => Ok((guid, region, origin)),
        _ => Err(Said::new(LookupCode::UnknownRegion).with("region", region_param(region))),
    }
}

fn ids_read(lookup: &Lookup, token: &Secret, stage: Stage) -> Step {
    let (guid, _, origin) = match ids_target(lookup) {
        Ok(target) => target,
        Err(said) => return Step::failed(said),
    };
    // The instance GUID was checked by ids_target: these requests are built.
    let request = match stage {
        Stage::DataMarts => data_marts::request(token, &origin, guid, None).ok(),
        Stage::ServiceProviders { .. } => service_providers::request(&origin, guid, token).ok(),
        _ => subscriptions::request(&origin, guid, token).ok(),
    };
    match request {
        Some(request) => Step::send(request, stage),
        None => Step::failed(Said::new(LookupCode::UnknownRegion).with("region", origin.host)),
    }
}

/// The request adding the provider, as [`preview`] shows it and [`advance`] sends it.
fn add_provider_request(lookup: &Lookup, token: &Secret) -> Result<Request, Said> {
    let Goal::AddProvider { provider, .. } = &lookup.goal else {
        unreachable!("only a provider's addition posts one")
    };
    let (guid, _, origin) = ids_target(lookup)?;
    let new = new_provider(&lookup.profile, provider)?;
    service_providers::add_request(&origin, guid, token, &new)
        .map_err(|_| Said::new(LookupCode::UnknownRegion).with("region", origin.host))
}

/// The addition as the user sees it before it is sent: secrets masked, no token.
pub fn preview(lookup: &Lookup) -> Result<Preview, Said> {
    add_provider_request(lookup, &Secret::new("")).map(|r| r.preview())
}

/// The provider's credentials from the profile, in the fields OpenScale's SDK sends for its type
/// (`WMLCredentialsCloud`, `SageMakerCredentials`, `AzureCredentials` in
/// `base_classes/watson_open_scale_v2.py`).
fn new_provider(profile: &Profile, choice: &ProviderChoice) -> Result<NewProvider, Said> {
    let field = |name, value: &str, secret| CredentialField {
        name,
        value: Secret::new(value),
        secret,
    };
    let missing = || {
        Said::new(LookupCode::NoProviderCredential)
            .with("serviceType", service_type_param(&choice.service_type))
    };
    let credentials = &profile.credentials;
    let mut deployment_space_id = None;
    let fields = match choice.service_type.as_str() {
        "watson_machine_learning" => {
            let service = credentials
                .iter()
                .find_map(|c| match c {
                    Credential::IbmService(s) => Some(s),
                    _ => None,
                })
                .ok_or_else(missing)?;
            let Some(url) = &service.url else {
                return Err(missing());
            };
            deployment_space_id = choice.deployment_space_id.clone();
            // IBM now hands WML credentials out as `{url, apikey}` (watsonx.ai's "Setup on IBM
            // Cloud"); `WMLCredentialsCloud.to_dict` then leaves `instance_id` out, as here.
            let mut fields = vec![
                field("apikey", service.api_key.expose(), true),
                field("url", url, false),
            ];
            fields.extend(
                service
                    .instance_id
                    .as_deref()
                    .map(|id| field("instance_id", id, false)),
            );
            fields
        }
        "amazon_sagemaker" => {
            let key = credentials
                .iter()
                .filter_map(Credential::aksk)
                .find(|k| k.issuer == AkIssuer::Aws)
                .ok_or_else(missing)?;
            let mut fields = vec![
                field("access_key_id", &key.access_key_id, false),
                field("secret_access_key", key.secret_access_key.expose(), true),
            ];
            fields.extend(choice.region.as_deref().map(|r| field("region", r, false)));
            fields
        }
        "azure_machine_learning" | "azure_machine_learning_service" => {
            let sp = credentials
                .iter()
                .find_map(|c| match c {
                    Credential::AzureSp(sp) => Some(sp),
                    _ => None,
                })
                .ok_or_else(missing)?;
            let mut fields = vec![
                field("client_id", &sp.client_id, false),
                field("client_secret", sp.client_secret.expose(), true),
                field("tenant", &sp.tenant_id, false),
            ];
            let subscription = choice.subscription_id.as_deref();
            fields.extend(subscription.map(|s| field("subscription_id", s, false)));
            fields
        }
        _ => return Err(missing()),
    };
    Ok(NewProvider {
        name: choice.name.clone(),
        service_type: choice.service_type.clone(),
        credentials: fields,
        // IBM's samples bind providers to the production space unless told otherwise.
        operational_space_id: Some("production".into()),
        deployment_space_id: deployment_space_id.filter(|d| !d.is_empty()),
    })
}

fn ids_found(
    lookup: &Lookup,
    data_marts: Vec<DataMart>,
    service_providers: Vec<ServiceProvider>,
    subscriptions: Vec<Subscription>,
) -> Step {
    let Goal::Ids { guid, region } = &lookup.goal else {
        unreachable!("only an IDs lookup reads subscriptions")
    };
    Step::found(Found::Ids {
        guid: guid.clone(),
        region: region.clone(),
        data_marts,
        service_providers,
        subscriptions,
    })
}

fn openscale_failure(lookup: &Lookup, failure: ReadFailure) -> Step {
    let (_, region, origin) = match ids_target(lookup) {
        Ok(target) => target,
        Err(said) => return Step::failed(said),
    };
    let said = match failure {
        ReadFailure::Unauthorized => Said::new(LookupCode::OpenscaleUnauthorized),
        ReadFailure::Forbidden => Said::new(LookupCode::OpenscaleForbidden),
        ReadFailure::NotFound => Said::new(LookupCode::OpenscaleNotFound),
        other => return Step::failed(failure_words(other, &origin.host)),
    };
    Step::failed(said.with("region", region_param(region)))
}

fn failure_words(failure: ReadFailure, host: &str) -> Said {
    match failure {
        ReadFailure::Network => Said::new(LookupCode::Network).with("host", host),
        ReadFailure::Redirect => Said::new(LookupCode::Redirect).with("host", host),
        ReadFailure::Malformed => Said::new(LookupCode::UnexpectedAnswer).with("host", host),
        status => {
            let status = match status {
                ReadFailure::Unauthorized => 401,
                ReadFailure::Forbidden => 403,
                ReadFailure::NotFound => 404,
                ReadFailure::Status(status) => status,
                _ => unreachable!("matched above"),
            };
            Said::new(LookupCode::UnexpectedStatus)
                .with("httpStatus", usize::from(status))
                .with("host", host)
        }
    }
}

fn transport(answer: &Answer, host: &str) -> Said {
    match answer {
        Answer::Failed {
            error: crate::cloud::Failure::Redirect,
        } => Said::new(LookupCode::Redirect).with("host", host),
        _ => Said::new(LookupCode::Network).with("host", host),
    }
}

fn unexpected(answer: &Answer, host: &str) -> Said {
    match answer {
        Answer::Response { status, .. } => Said::new(LookupCode::UnexpectedStatus)
            .with("httpStatus", usize::from(*status))
            .with("host", host),
        Answer::Failed { .. } => transport(answer, host),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::ibm::resource_instances::tests::{page, FAILED, INACTIVE};
    use crate::cloud::key::tests::{endpoint, ibm_platform_key, profile};
    use crate::cloud::openscale::{data_marts, service_providers, subscriptions};

    const GUID: &str = "0123abcd-4567-89ef-0123-456789abcdef";
    const NOW: u64 = 1_800_000_000;

    fn lookup(region: &str, goal: Goal) -> Lookup {
        let api_key = ibm_platform_key();
        Lookup {
            profile: profile(Provider::Ibm, region, vec![api_key]),
            now: NOW,
            token: None,
            goal,
        }
    }

    fn token_answer_ok() -> Answer {
        let body = format!(
            r#"{{"access_token":"eyJ-T","refresh_token":"not_supported","token_type":"Bearer","expires_in":3600,"expiration":{}}}"#,
            NOW + 3600
        );
        Answer::response(200, &[], &body)
    }

    /// Runs a lookup to its end, answering each request with the next of `answers`; returns the
    /// URLs asked for and the last step.
    fn run(mut lookup: Lookup, answers: Vec<Answer>) -> (Vec<String>, Step) {
        let mut step = start(&lookup);
        let mut urls = Vec::new();
        for answer in answers {
            let request = step.request.take().expect("a request to answer");
            urls.push(request.url.clone());
            if let Some(token) = step.token.take() {
                lookup.token = Some(token);
            }
            step = advance(&lookup, step.stage.take().unwrap(), &answer);
        }
        assert!(step.request.is_none(), "the lookup wants more answers");
        (urls, step)
    }

    fn instances(step: &Step) -> (&[OpenscaleInstance], &[MachineLearningInstance], &[Said]) {
        match step.found.as_ref().expect("found") {
            Found::Instances {
                openscale,
                machine_learning,
                notes,
            } => (openscale, machine_learning, notes),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_token_then_every_page_of_both_offerings() {
        let next = "/v2/resource_instances?start=p2&limit=2";
        let (urls, step) = run(
            lookup("us-south", Goal::Instances),
            vec![
                token_answer_ok(),
                page(
                    &[
                        ("wos-dallas", GUID, "us-south", "active"),
                        (
                            "wos-frankfurt",
                            "11111111-2222-4333-8444-555555555555",
                            "eu-de",
                            "active",
                        ),
                    ],
                    Some(next),
                ),
                page(
                    &[(
                        "wos-tokyo",
                        "99999999-2222-4333-8444-555555555555",
                        "jp-tok",
                        "inactive",
                    )],
                    None,
                ),
                Answer::response(200, &[], r#"{"rows_count":0,"resources":[]}"#),
                Answer::response(200, &[], INACTIVE),
                Answer::response(200, &[], FAILED),
            ],
        );
        assert_eq!(urls[0], "https://iam.cloud.ibm.com/identity/token");
        assert!(urls[1].ends_with(&format!("resource_id={OPENSCALE}&type=service_instance")));
        assert_eq!(
            urls[2],
            format!("https://resource-controller.cloud.ibm.com{next}")
        );
        assert!(urls[3].ends_with(&format!(
            "resource_id={MACHINE_LEARNING}&type=service_instance"
        )));
        // Then every offering's inactive and failed instances, which the default leaves out.
        assert!(urls[4].ends_with("/v2/resource_instances?type=service_instance&state=inactive"));
        assert!(urls[5].ends_with("/v2/resource_instances?type=service_instance&state=failed"));
        let (openscale, machine_learning, notes) = instances(&step);
        assert!(notes.is_empty());
        let names: Vec<_> = openscale.iter().map(|i| i.instance.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "wos-dallas",
                "wos-frankfurt",
                "wos-tokyo",
                "openscale-tokyo"
            ]
        );
        let codes = |i: usize| {
            openscale[i]
                .notes
                .iter()
                .map(|n| n.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(0), [LookupCode::LitePlan]);
        assert_eq!(codes(1), [LookupCode::OtherRegion, LookupCode::LitePlan]);
        assert_eq!(
            codes(2),
            [
                LookupCode::OtherRegion,
                LookupCode::InstanceInactive,
                LookupCode::LitePlan
            ]
        );
        assert_eq!(
            codes(3),
            [LookupCode::OtherRegion, LookupCode::InstanceInactive]
        );
        assert_eq!(
            openscale[1].notes[0].params["instanceRegion"],
            Param::Coded {
                term: "region_eu_de".into(),
                code: "eu-de".into()
            }
        );
        let [failed] = machine_learning else {
            panic!("{machine_learning:?}")
        };
        assert_eq!(failed.instance.name, "wml-dallas");
        assert_eq!(failed.notes[0].code, LookupCode::InstanceFailed);
    }

    #[test]
    fn each_state_says_why_an_instance_cannot_serve() {
        let code = |state: &str| {
            let instance = Instance {
                state: state.into(),
                ..resource_instances::parse(
                    &page(&[("a", GUID, "us-south", "active")], None),
                    &[OPENSCALE],
                )
                .unwrap()
                .instances[0]
                    .clone()
            };
            state_note(&instance).map(|said| (said.code, said.params))
        };
        assert_eq!(code("active"), None);
        assert_eq!(
            code("provisioning").unwrap().0,
            LookupCode::InstanceProvisioning
        );
        assert_eq!(code("inactive").unwrap().0, LookupCode::InstanceInactive);
        assert_eq!(code("failed").unwrap().0, LookupCode::InstanceFailed);
        let other = code("pre_provisioning").unwrap();
        assert_eq!(other.0, LookupCode::NotActive);
        assert_eq!(
            other.1["state"],
            Param::term("instance_state", "pre_provisioning")
        );
        assert_eq!(code("paused").unwrap().1["state"], Param::from("paused"));
    }

    #[test]
    fn an_instance_listed_twice_shows_once() {
        let twice = page(&[("wos", GUID, "us-south", "active")], None);
        let (_, step) = run(
            lookup("us-south", Goal::Instances),
            vec![
                token_answer_ok(),
                twice.clone(),
                page(&[], None),
                twice,
                page(&[], None),
            ],
        );
        assert_eq!(instances(&step).0.len(), 1);
    }

    #[test]
    fn zero_instances_say_which_access_is_missing_and_wml_gets_its_url() {
        let mut wml = page(
            &[(
                "wml",
                "22222222-2222-4333-8444-555555555555",
                "eu-gb",
                "active",
            )],
            None,
        );
        if let Answer::Response { body, .. } = &mut wml {
            *body = body.replace(OPENSCALE, MACHINE_LEARNING);
        }
        let (_, step) = run(
            lookup("", Goal::Instances),
            vec![
                token_answer_ok(),
                page(&[], None),
                wml,
                page(&[], None),
                page(&[], None),
            ],
        );
        let (openscale, machine_learning, notes) = instances(&step);
        assert!(openscale.is_empty());
        assert_eq!(notes[0].code, LookupCode::NoInstance);
        assert_eq!(
            machine_learning[0].url.as_deref(),
            Some("https://eu-gb.ml.cloud.ibm.com")
        );
    }

    #[test]
    fn the_origins_asked_for_at_the_click() {
        assert_eq!(
            origins(&lookup("eu-de", Goal::Instances)),
            [
                "https://iam.cloud.ibm.com/*",
                "https://resource-controller.cloud.ibm.com/*"
            ]
        );
        let inside = Goal::Ids {
            guid: GUID.into(),
            region: "au-syd".into(),
        };
        assert_eq!(
            origins(&lookup("eu-de", inside)),
            [
                "https://iam.cloud.ibm.com/*",
                "https://au-syd.api.aiopenscale.cloud.ibm.com/*"
            ]
        );
        let mut local = lookup("eu-de", Goal::Instances);
        local.profile.endpoint = endpoint("http://127.0.0.1:7000");
        assert_eq!(origins(&local), ["http://127.0.0.1/*"]);
    }

    #[test]
    fn a_held_token_is_used_until_its_last_minute() {
        let mut l = lookup("eu-de", Goal::Instances);
        l.token = Some(HeldToken {
            access_token: Secret::new("held"),
            expiration: NOW + 600,
        });
        let step = start(&l);
        let request = step.request.unwrap();
        assert!(request
            .url
            .starts_with("https://resource-controller.cloud.ibm.com/"));
        assert_eq!(request.headers[0].1, "Bearer held");
        l.token.as_mut().unwrap().expiration = NOW + 30;
        assert_eq!(start(&l).stage, Some(Stage::Token));
    }

    #[test]
    fn the_ids_inside_the_chosen_instance_on_its_regional_host() {
        let goal = Goal::Ids {
            guid: GUID.into(),
            region: "eu-de".into(),
        };
        let (urls, step) = run(
            lookup("us-south", goal),
            vec![
                token_answer_ok(),
                Answer::response(200, &[], data_marts::tests::LIST),
                Answer::response(200, &[], service_providers::tests::LIST),
                Answer::response(200, &[], subscriptions::tests::LIST),
            ],
        );
        let base = format!("https://eu-de.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2");
        assert_eq!(
            urls[1..],
            [
                format!("{base}/data_marts"),
                format!("{base}/service_providers"),
                format!("{base}/subscriptions")
            ]
        );
        let Some(Found::Ids {
            data_marts,
            service_providers,
            subscriptions,
            ..
        }) = step.found
        else {
            panic!("ids")
        };
        assert_eq!(data_marts[0].name, "credit models");
        assert_eq!(service_providers.len(), 2);
        assert_eq!(subscriptions[0].binding_id, service_providers[0].id);
    }

    #[test]
    fn a_custom_endpoint_serves_every_service_in_every_region() {
        let mut l = lookup(
            "us-south",
            Goal::Ids {
                guid: GUID.into(),
                region: "jp-tok".into(),
            },
        );
        l.profile.endpoint = endpoint("http://127.0.0.1:7000");
        let (urls, _) = run(l, vec![token_answer_ok(), Answer::response(401, &[], "{}")]);
        assert_eq!(urls[0], "http://127.0.0.1:7000/identity/token");
        assert!(urls[1].starts_with(&format!("http://127.0.0.1:7000/openscale/{GUID}/")));
    }

    fn failure(l: Lookup, answers: Vec<Answer>) -> Said {
        run(l, answers).1.failed.expect("a failure")
    }

    #[test]
    fn each_failure_ends_the_lookup_with_what_to_do() {
        let iam = |code: &str| {
            Answer::response(
                400,
                &[],
                &format!(r#"{{"errorCode":"{code}","errorMessage":"m","context":{{}}}}"#),
            )
        };
        let instances = || lookup("us-south", Goal::Instances);
        assert_eq!(
            failure(instances(), vec![iam("BXNIM0415E")]).code,
            LookupCode::BadApiKey
        );
        let refused = failure(instances(), vec![iam("BXNIM0109E")]);
        assert_eq!(refused.code, LookupCode::TokenRefused);
        assert_eq!(refused.params["errorCode"], Param::from("BXNIM0109E"));
        let offline: Answer = serde_json::from_str(r#"{"error":"network"}"#).unwrap();
        let network = failure(instances(), vec![offline]);
        assert_eq!(network.code, LookupCode::Network);
        assert_eq!(network.params["host"], Param::from("iam.cloud.ibm.com"));
        for (status, code) in [
            (401, LookupCode::ResourceControllerUnauthorized),
            (403, LookupCode::ResourceControllerForbidden),
            (500, LookupCode::UnexpectedStatus),
        ] {
            let said = failure(
                instances(),
                vec![token_answer_ok(), Answer::response(status, &[], "{}")],
            );
            assert_eq!(said.code, code, "{status}");
        }
        let ids = || {
            lookup(
                "eu-gb",
                Goal::Ids {
                    guid: GUID.into(),
                    region: "eu-gb".into(),
                },
            )
        };
        for (status, code) in [
            (401, LookupCode::OpenscaleUnauthorized),
            (403, LookupCode::OpenscaleForbidden),
            (404, LookupCode::OpenscaleNotFound),
        ] {
            let said = failure(
                ids(),
                vec![token_answer_ok(), Answer::response(status, &[], "{}")],
            );
            assert_eq!(
                (said.code, &said.params["region"]),
                (code, &region_param("eu-gb"))
            );
        }
        let mut no_key = instances();
        no_key.profile.credentials.clear();
        assert_eq!(start(&no_key).failed.unwrap().code, LookupCode::NoApiKey);
        let mars = lookup(
            "us-south",
            Goal::Ids {
                guid: GUID.into(),
                region: "mars-1".into(),
            },
        );
        assert_eq!(
            failure(mars, vec![token_answer_ok()]).code,
            LookupCode::UnknownRegion
        );
    }

    fn add_provider(service_type: &str) -> Lookup {
        let mut l = lookup(
            "us-south",
            Goal::AddProvider {
                guid: GUID.into(),
                region: "eu-gb".into(),
                provider: ProviderChoice {
                    service_type: service_type.into(),
                    name: "models".into(),
                    region: Some("us-east-1".into()),
                    subscription_id: None,
                    deployment_space_id: Some("".into()),
                },
            },
        );
        let aws: Credential = serde_json::from_value(serde_json::json!({"kind": "aksk",
            "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "issuer": "aws"}))
        .unwrap();
        l.profile.credentials.push(aws);
        l
    }

    #[test]
    fn a_provider_is_added_as_previewed_once_the_user_sends_it() {
        let l = add_provider("amazon_sagemaker");
        let shown = preview(&l).unwrap();
        assert_eq!(shown.method, "POST");
        assert_eq!(
            shown.url,
            format!(
                "https://eu-gb.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2/service_providers"
            )
        );
        let body = shown.body.clone().unwrap();
        assert!(body.contains("AKIAIOSFODNN7EXAMPLE") && body.contains(crate::cloud::MASK));
        assert!(!body.contains("wJalrXUtnFEMI") && !body.contains(&"k".repeat(44)));
        let added = r#"{"metadata": {"id": "0f0e0d0c-1111-4222-8333-444455556666"}, "entity": {"name": "models", "service_type": "amazon_sagemaker"}}"#;
        let (urls, step) = run(
            l.clone(),
            vec![token_answer_ok(), Answer::response(201, &[], added)],
        );
        assert_eq!(urls[1], shown.url);
        let Some(Found::ProviderAdded { provider }) = step.found else {
            panic!("added")
        };
        assert_eq!(provider.id, "0f0e0d0c-1111-4222-8333-444455556666");
        let refused = failure(l, vec![token_answer_ok(), Answer::response(400, &[], "{}")]);
        assert_eq!(refused.code, LookupCode::ProviderRefused);
    }

    #[test]
    fn a_provider_needs_its_credential_in_the_profile() {
        for service_type in [
            "watson_machine_learning",
            "azure_machine_learning",
            "custom_machine_learning",
        ] {
            let said = preview(&add_provider(service_type)).unwrap_err();
            assert_eq!(
                said.code,
                LookupCode::NoProviderCredential,
                "{service_type}"
            );
            // The type in the user's words, not OpenScale's identifier.
            assert_eq!(
                said.params["serviceType"],
                Param::term("service_type", service_type)
            );
        }
        let unknown = preview(&add_provider("my_engine")).unwrap_err();
        assert_eq!(unknown.params["serviceType"], Param::from("my_engine"));
    }

    #[test]
    fn wml_credentials_without_an_instance_id_make_a_provider() {
        let mut l = add_provider("watson_machine_learning");
        let wml: Credential = serde_json::from_value(serde_json::json!({"kind": "ibm-service",
            "apiKey": "w".repeat(44), "url": "https://eu-de.ml.cloud.ibm.com"}))
        .unwrap();
        l.profile.credentials.push(wml);
        let body: serde_json::Value =
            serde_json::from_str(&preview(&l).unwrap().body.unwrap()).unwrap();
        assert_eq!(
            body["credentials"],
            serde_json::json!({"apikey": crate::cloud::MASK, "url": "https://eu-de.ml.cloud.ibm.com"})
        );
    }

    #[test]
    fn a_next_url_that_never_ends_stops_after_the_last_allowed_page() {
        let mut l = lookup("us-south", Goal::Instances);
        l.token = Some(HeldToken {
            access_token: Secret::new("T"),
            expiration: NOW + 3600,
        });
        let endless = page(&[], Some("/v2/resource_instances?start=again"));
        let mut step = start(&l);
        for _ in 0..MAX_PAGES {
            step = advance(&l, step.stage.unwrap(), &endless);
        }
        assert_eq!(step.failed.unwrap().code, LookupCode::TooManyPages);
    }

    #[test]
    fn the_token_and_the_key_never_show() {
        let step = start(&lookup("us-south", Goal::Instances));
        let request = step.request.unwrap();
        let preview = serde_json::to_string(&request.preview()).unwrap();
        assert!(!preview.contains(&"k".repeat(44)) && preview.contains("apikey="));
        let (_, step) = run(
            lookup("us-south", Goal::Instances),
            vec![
                token_answer_ok(),
                page(&[], None),
                page(&[], None),
                page(&[], None),
                page(&[], None),
            ],
        );
        assert!(!serde_json::to_string(&step).unwrap().contains("eyJ-T"));
    }
}

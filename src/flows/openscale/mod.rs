//! The OpenScale flows from an IBM API key, as IBM's guide otherwise sends the user to a terminal
//! (`ibmcloud resource service-instance`) and to the *Payload logging* page for:
//!
//! - [`instances`]: the OpenScale and Watson Machine Learning instances the key can see;
//! - [`ids`]: inside the instance the user picks, the data mart, service providers and
//!   subscriptions;
//! - [`add_provider`]: a machine-learning provider added to that instance (a write).
//!
//! Each is a [`Flow`](crate::flows::flow::Flow) that begins with an IAM token for the key (kept
//! by the caller in memory for its lifetime, never stored; see [`Lookup::token`]). What they
//! share lives here: the token step, the instance they work in, and what a failure says. The
//! first failure ends a flow with what it means and what to do.

pub mod add_provider;
pub mod ids;
pub mod instances;

use crate::cloud::catalog::endpoints;
use crate::cloud::ibm::iam_token::{self, HeldToken};
use crate::cloud::ibm::{IbmError, ReadFailure};
use crate::cloud::{Answer, Origin, Request};
use crate::flows::flow::{Flow, Turn, WriteNotPreviewed};
use crate::flows::key_check::ibm_api_key;
use crate::profile::region::region_param;
use crate::profile::{is_guid, Profile, Provider};
use crate::secret::Secret;
use crate::words::{message_codes, Param, Params};
use serde::{Deserialize, Serialize};

/// A token is not used in its last minute: a read must not fail half-way for its age.
const TOKEN_MARGIN_SECONDS: u64 = 60;

message_codes! {
    /// What an OpenScale flow says; the words are `openscale_ids_<code>` in `_locales`.
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
        /// The token ran out during a flow (it is not used in its last minute).
        TokenExpired = "token-expired" [],
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
        /// A write no click previewed: nothing was sent.
        WriteNotPreviewed = "write-not-previewed" [],
    }
}

/// A message in codes: a failure that ended a flow, or a note on an instance.
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

impl From<WriteNotPreviewed> for Said {
    fn from(_: WriteNotPreviewed) -> Self {
        Said::new(LookupCode::WriteNotPreviewed)
    }
}

/// One run of an OpenScale flow: the profile, the caller's clock, the token it holds, and what
/// the flow is about (`goal`, its own fields beside these).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lookup<G> {
    pub profile: Profile,
    /// Unix seconds (to know whether a held token is still good).
    pub now: u64,
    #[serde(default)]
    pub token: Option<HeldToken>,
    #[serde(flatten)]
    pub goal: G,
}

impl<G> Lookup<G> {
    /// The held token, unless it is in its last minute.
    fn held_token(&self) -> Option<&Secret> {
        self.token
            .as_ref()
            .filter(|t| t.expiration > self.now + TOKEN_MARGIN_SECONDS)
            .map(|t| &t.access_token)
    }

    /// The token a read is made with (the token step comes first, so it is held).
    fn token(&self) -> Result<&Secret, Said> {
        self.held_token()
            .ok_or_else(|| Said::new(LookupCode::TokenExpired))
    }

    /// The host-permission patterns of IAM and `service` (asked for at the click).
    fn origins(&self, service: Option<Origin>) -> Vec<String> {
        let found = endpoints(&self.profile);
        let mut patterns: Vec<String> = [found.ibm_iam, service]
            .iter()
            .flatten()
            .map(Origin::match_pattern)
            .collect();
        patterns.dedup();
        patterns
    }
}

/// The token exchange for the profile's API key.
fn token_request<G>(lookup: &Lookup<G>) -> Result<Request, Said> {
    let found = endpoints(&lookup.profile);
    let key = ibm_api_key(&lookup.profile.credentials).ok();
    match (key, found.ibm_iam, lookup.profile.provider) {
        (Some(key), Some(origin), Provider::Ibm) => Ok(iam_token::request(key, &origin)),
        _ => Err(Said::new(LookupCode::NoApiKey)),
    }
}

/// IAM's answer: the token, or what its refusal means.
fn token_answer<G>(lookup: &Lookup<G>, answer: &Answer) -> Result<HeldToken, Said> {
    let host = endpoints(&lookup.profile)
        .ibm_iam
        .map(|o| o.host)
        .unwrap_or_default();
    let (status, body) = match answer {
        Answer::Response { status, body, .. } => (*status, body.as_str()),
        Answer::Failed { .. } => return Err(transport(answer, &host)),
    };
    match iam_token::parse(status, body) {
        Ok(token) => Ok(HeldToken::from(token)),
        // BXNIM0415E: "Provided API key could not be found" (deleted, or from another account).
        Err(IbmError::Iam { code, .. }) if code == "BXNIM0415E" => {
            Err(Said::new(LookupCode::BadApiKey).with("errorCode", code))
        }
        Err(IbmError::Iam { code, .. }) => {
            Err(Said::new(LookupCode::TokenRefused).with("errorCode", code))
        }
        Err(_) => Err(unexpected(answer, &host)),
    }
}

/// The turn sending `calls`; a request that cannot be made ends the flow with what it says
/// (shown as the flow's outcome, like any failure).
fn sending<F, G>(lookup: &Lookup<G>, state: F::State, calls: Vec<F::Call>) -> Turn<F>
where
    F: Flow<Input = Lookup<G>, Line = Said, Error = Said>,
    F::State: Clone,
{
    match Turn::sending(lookup, state.clone(), calls, vec![]) {
        Ok(turn) => turn,
        Err(said) => Turn::stopped(state, vec![said]),
    }
}

/// A flow's first turn: `first` when a token is held, else `token` (the exchange) first.
fn begin<F, G>(lookup: &Lookup<G>, token: F::Call, first: Vec<F::Call>) -> Turn<F>
where
    F: Flow<Input = Lookup<G>, Line = Said, Error = Said>,
    F::State: Clone,
{
    let calls = match lookup.held_token() {
        Some(_) => first,
        None => vec![token],
    };
    sending(lookup, F::State::default(), calls)
}

/// After the token exchange: the turn sending `first` with the new token, which the caller holds
/// from then on; or the refusal, which ends the flow.
fn after_token<F, G>(
    lookup: Lookup<G>,
    state: F::State,
    answer: &Answer,
    first: Vec<F::Call>,
) -> Turn<F>
where
    F: Flow<Input = Lookup<G>, Line = Said, Error = Said>,
    F::State: Clone,
{
    match token_answer(&lookup, answer) {
        Ok(held) => {
            let lookup = Lookup {
                token: Some(held.clone()),
                ..lookup
            };
            let mut turn = sending(&lookup, state, first);
            turn.token = Some(held);
            turn
        }
        Err(said) => Turn::stopped(state, vec![said]),
    }
}

/// The instance a flow works in, as the instance list gave it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Target {
    pub guid: String,
    pub region: String,
}

impl Target {
    /// Its region's OpenScale origin (the profile's custom endpoint, if it has one, applies in
    /// every region).
    fn origin(&self, profile: &Profile) -> Result<Origin, Said> {
        let in_region = Profile {
            region: Some(self.region.clone()),
            ..profile.clone()
        };
        match endpoints(&in_region).openscale {
            Some(origin) if is_guid(&self.guid) => Ok(origin),
            _ => Err(self.unknown_region()),
        }
    }

    fn unknown_region(&self) -> Said {
        Said::new(LookupCode::UnknownRegion).with("region", region_param(&self.region))
    }

    /// What a failed read inside the instance means.
    fn failure(&self, profile: &Profile, failure: ReadFailure) -> Said {
        let origin = match self.origin(profile) {
            Ok(origin) => origin,
            Err(said) => return said,
        };
        let code = match failure {
            ReadFailure::Unauthorized => LookupCode::OpenscaleUnauthorized,
            ReadFailure::Forbidden => LookupCode::OpenscaleForbidden,
            ReadFailure::NotFound => LookupCode::OpenscaleNotFound,
            other => return failure_words(other, &origin.host),
        };
        Said::new(code).with("region", region_param(&self.region))
    }
}

fn failure_words(failure: ReadFailure, host: &str) -> Said {
    let status = match failure {
        ReadFailure::Network => return Said::new(LookupCode::Network).with("host", host),
        ReadFailure::Redirect => return Said::new(LookupCode::Redirect).with("host", host),
        ReadFailure::Malformed => {
            return Said::new(LookupCode::UnexpectedAnswer).with("host", host)
        }
        ReadFailure::Unauthorized => 401,
        ReadFailure::Forbidden => 403,
        ReadFailure::NotFound => 404,
        ReadFailure::Status(status) => status,
    };
    Said::new(LookupCode::UnexpectedStatus)
        .with("httpStatus", usize::from(status))
        .with("host", host)
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
pub(crate) mod tests {
    use super::*;
    use crate::cloud::key::tests::{ibm_platform_key, profile};
    use crate::flows::flow;

    pub const GUID: &str = "0123abcd-4567-89ef-0123-456789abcdef";
    pub const NOW: u64 = 1_800_000_000;

    pub fn lookup<G>(region: &str, goal: G) -> Lookup<G> {
        Lookup {
            profile: profile(Provider::Ibm, region, vec![ibm_platform_key()]),
            now: NOW,
            token: None,
            goal,
        }
    }

    pub fn token_answer_ok() -> Answer {
        let body = format!(
            r#"{{"access_token":"eyJ-T","refresh_token":"not_supported","token_type":"Bearer","expires_in":3600,"expiration":{}}}"#,
            NOW + 3600
        );
        Answer::response(200, &[], &body)
    }

    /// How a run ended: the state, and the failure that ended it, if one did.
    pub struct Ended<F: Flow> {
        pub state: F::State,
        pub failed: Option<Said>,
    }

    /// Runs `turn` to its end as the worker does (each request once, in order, the token held
    /// once it comes), answering each request with the next of `answers`; returns the URLs asked
    /// for and how it ended.
    pub fn run_from<F, G: Clone>(
        mut lookup: Lookup<G>,
        turn: Turn<F>,
        answers: Vec<Answer>,
        approved: &[F::Call],
    ) -> (Vec<String>, Ended<F>)
    where
        F: Flow<Input = Lookup<G>, Line = Said, Error = Said>,
    {
        let mut queue = turn.send;
        let mut state = turn.state;
        let mut urls = Vec::new();
        let mut answers = answers.into_iter();
        while !queue.is_empty() {
            let sent = queue.remove(0);
            urls.push(sent.request.url.clone());
            let answer = answers.next().expect("an answer for each request");
            let turn = flow::read::<F>(lookup.clone(), state, &sent.call, &answer, approved)
                .expect("a turn");
            if let Some(token) = turn.token {
                lookup.token = Some(token);
            }
            state = turn.state;
            if turn.stop {
                return (
                    urls,
                    Ended {
                        state,
                        failed: turn.lines.into_iter().next(),
                    },
                );
            }
            queue.extend(turn.send);
        }
        assert!(answers.next().is_none(), "answers left over");
        (
            urls,
            Ended {
                state,
                failed: None,
            },
        )
    }

    /// A run of reads from the flow's start.
    pub fn run<F, G: Clone>(lookup: Lookup<G>, answers: Vec<Answer>) -> (Vec<String>, Ended<F>)
    where
        F: Flow<Input = Lookup<G>, Line = Said, Error = Said>,
    {
        let turn = flow::start::<F>(lookup.clone(), F::State::default()).expect("a first turn");
        run_from(lookup, turn, answers, &[])
    }

    #[test]
    fn a_held_token_is_used_until_its_last_minute() {
        let mut l = lookup("eu-de", ());
        assert!(l.held_token().is_none());
        l.token = Some(HeldToken {
            access_token: Secret::new("held"),
            expiration: NOW + 600,
        });
        assert_eq!(l.held_token().unwrap().expose(), "held");
        l.token.as_mut().unwrap().expiration = NOW + 30;
        assert!(l.held_token().is_none());
        assert_eq!(l.token().unwrap_err().code, LookupCode::TokenExpired);
    }

    #[test]
    fn a_refused_token_says_what_to_do() {
        let iam = |code: &str| {
            Answer::response(
                400,
                &[],
                &format!(r#"{{"errorCode":"{code}","errorMessage":"m","context":{{}}}}"#),
            )
        };
        let l = lookup("us-south", ());
        assert_eq!(
            token_answer(&l, &iam("BXNIM0415E")).unwrap_err().code,
            LookupCode::BadApiKey
        );
        let refused = token_answer(&l, &iam("BXNIM0109E")).unwrap_err();
        assert_eq!(refused.code, LookupCode::TokenRefused);
        assert_eq!(refused.params["errorCode"], Param::from("BXNIM0109E"));
        let offline: Answer = serde_json::from_str(r#"{"error":"network"}"#).unwrap();
        let network = token_answer(&l, &offline).unwrap_err();
        assert_eq!(network.code, LookupCode::Network);
        assert_eq!(network.params["host"], Param::from("iam.cloud.ibm.com"));
        let mut no_key = lookup("us-south", ());
        no_key.profile.credentials.clear();
        assert_eq!(
            token_request(&no_key).unwrap_err().code,
            LookupCode::NoApiKey
        );
    }

    #[test]
    fn the_key_never_shows_in_the_token_request_preview() {
        let request = token_request(&lookup("us-south", ())).unwrap();
        let preview = serde_json::to_string(&request.preview()).unwrap();
        assert!(!preview.contains(&"k".repeat(44)) && preview.contains("apikey="));
    }
}

//! *Use in code* with a short-lived credential instead of the profile's own key. For a Huawei Cloud
//! or Flexible Engine profile the permanent AK/SK signs one request for a temporary AK/SK and
//! security token ([`create_temporary_key`]); for an IBM Cloud profile the API key is exchanged for
//! an IAM bearer token ([`iam_token`]), which code then uses with `BearerTokenAuthenticator`, or,
//! for a job longer than the token's hour (and for the `ibmcloud` CLI and Terraform, which take no
//! token), a new API key with an end date ([`create_api_key`] with `expires_at`): IAM disables it
//! then, and deletes it for good 90 days later (ibm-platform-services `IamIdentityV1.create_api_key`).
//!
//! 1. **Read** (Huawei keys) the account's ID (`X-Domain-Id`, as huaweicloudsdkcore's
//!    `GlobalCredentials` sends it); (IBM) a token, then the key's own record (its owner and
//!    account, which the new key is made for), as the key's rotation reads them.
//! 2. **Issue** (previewed, sent once from the click): not a change to the cloud, but it makes a
//!    credential, so the user sees the request first. What it brings goes to the caller in
//!    [`Turn::issued`], which renders the snippet with it and forgets it: never in the state, the
//!    lines, the vault or a log.
//!
//! Flexible Engine's IAM is the same API, but whether it issues temporary keys to an AK/SK-signed
//! call is not documented: a refusal there says so plainly, and the permanent-key snippets remain.

use crate::cloud::catalog::endpoints;
use crate::cloud::iam::{accepted, auth_domains, create_temporary_key, Refusal};
use crate::cloud::ibm::api_key_details::{self, ApiKey};
use crate::cloud::ibm::create_api_key::{self, NewApiKey};
use crate::cloud::ibm::iam_refusal;
use crate::cloud::ibm::iam_token::{self, HeldToken};
use crate::cloud::key::SigningKey;
use crate::cloud::{Answer, Request, RequestError};
use crate::code::{lifetimes, makes_new_key, ExpiringKey, ShortLived};
use crate::flows::flow::{Flow, Turn};
use crate::flows::rotate_ibm_key::{ibm_api_key, ibm_iam, RotateIbm};
use crate::flows::rotate_key::{holds_temporary_key, iam_origins, status_of, Asked, Line};
use crate::policy::SetupWrite;
use crate::profile::{Profile, Provider};
use crate::words::message_codes;
use serde::{Deserialize, Serialize};

/// The profile and the caller's clock (`YYYYMMDDTHHMMSSZ`), as a rotation has them, and for an IBM
/// key the token the worker holds for it (given back after the token step), as an IBM rotation has it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub profile: Profile,
    #[serde(default)]
    pub timestamp: String,
    #[serde(default)]
    pub token: Option<HeldToken>,
}

impl Issue {
    /// The IBM key's rotation's input: its reads are this flow's.
    fn rotating(&self) -> RotateIbm {
        RotateIbm {
            profile: self.profile.clone(),
            token: self.token.clone(),
        }
    }

    /// When a key asked for now with `seconds` to live ends, as IAM Identity takes it.
    fn expires_at(&self, seconds: u32) -> Result<String, RequestError> {
        let now = crate::date::parse_basic(&self.timestamp).ok_or(RequestError::NotPlanned)?;
        crate::date::format_minute_utc(now + i64::from(seconds)).ok_or(RequestError::NotPlanned)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Call {
    AccountId,
    /// IBM: a token for the profile's key, then the key's record (the rotation's reads).
    Token,
    KeyDetails,
    /// A short-lived credential valid `seconds`, one of the cloud's [`lifetimes`].
    Issue {
        seconds: u32,
    },
}

message_codes! {
    /// Why no temporary key came; the words are `temporary_<code>` in `_locales`.
    pub enum TemporaryCode {
        /// The profile's own key is temporary: its snippet is the key itself.
        TemporaryKey = "temporary-key" [],
        /// API Gateway refused the permanent key (wrong secret, unknown or locked key, clock).
        KeyRefused = "key-refused" [],
        /// Huawei Cloud IAM did not issue one.
        NotIssued = "not-issued" [httpStatus],
        /// Flexible Engine's IAM did not issue one: its support is not documented.
        FlexibleEngineRefused = "flexible-engine-refused" [httpStatus],
        /// IAM Identity did not make the IBM key that ends (or did not read the profile's key's
        /// record first), in its own code and words.
        KeyNotCreated = "key-not-created" [httpStatus, errorCode, message],
        Network = "network" [host],
    }
}

/// What the flow found (no secret): the account's ID (Huawei) or the key's record (IBM), the
/// click's calls sent once a token came (IBM), and what the last run said.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Issuing {
    #[serde(default)]
    pub domain_id: Option<String>,
    #[serde(default)]
    pub ibm_key: Option<ApiKey>,
    #[serde(default)]
    pub pending: Vec<Call>,
    #[serde(default)]
    pub said: Vec<Line>,
}

/// What the panel shows: whether a key can be asked for now (the account is known), what went wrong.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub ready: bool,
    pub said: Vec<Line>,
}

pub struct TemporaryKey;

impl Flow for TemporaryKey {
    type Input = Issue;
    type State = Issuing;
    type Call = Call;
    type Line = Line;
    type Ask = Asked<Call>;
    type View = View;
    type Error = RequestError;

    fn origins(issue: &Issue) -> Result<Vec<String>, RequestError> {
        match issue.profile.provider {
            Provider::Ibm => Ok(vec![ibm_iam(&issue.profile)?.match_pattern()]),
            _ => iam_origins(&issue.profile),
        }
    }

    fn start(issue: Issue, _: Issuing) -> Result<Turn<Self>, RequestError> {
        if issue.profile.provider == Provider::Ibm {
            ibm_api_key(&issue.profile)?;
            return Turn::sending(&issue, Issuing::default(), vec![Call::Token], vec![]);
        }
        if holds_temporary_key(&issue.profile)? {
            let said = vec![Line::coded(TemporaryCode::TemporaryKey.as_str())];
            let state = Issuing {
                said: said.clone(),
                ..Issuing::default()
            };
            return Ok(Turn::stopped(state, said));
        }
        Turn::sending(&issue, Issuing::default(), vec![Call::AccountId], vec![])
    }

    fn read(
        issue: Issue,
        mut state: Issuing,
        call: &Call,
        answer: &Answer,
    ) -> Result<Turn<Self>, RequestError> {
        if issue.profile.provider == Provider::Ibm {
            return ibm_read(issue, state, call, answer);
        }
        let body = match accepted(answer) {
            Ok(body) => body,
            Err(refusal) => return Ok(said(&issue, state, refusal)),
        };
        let other = || Refusal::Other(status_of(answer));
        match call {
            Call::AccountId => match auth_domains::parse(body) {
                Some(id) => {
                    state.domain_id = Some(id);
                    Ok(Turn::stopped(state, vec![]))
                }
                None => Ok(said(&issue, state, other())),
            },
            Call::Issue { .. } => match create_temporary_key::parse(body) {
                Some(key) => Ok(issued(state, ShortLived::Aksk(key))),
                None => Ok(said(&issue, state, other())),
            },
            Call::Token | Call::KeyDetails => Err(RequestError::NotPlanned),
        }
    }

    fn request(issue: &Issue, state: &Issuing, call: &Call) -> Result<Request, RequestError> {
        if issue.profile.provider == Provider::Ibm {
            return ibm_request(issue, state, call);
        }
        let key = SigningKey::of(&issue.profile, &issue.timestamp)?;
        let found = endpoints(&issue.profile);
        let iam = found.need_iam()?;
        match call {
            Call::AccountId => auth_domains::request(&key, iam),
            Call::Issue { seconds } => {
                let domain = state.domain_id.as_deref().ok_or(RequestError::NotPlanned)?;
                create_temporary_key::request(&key, iam, domain, *seconds)
            }
            Call::Token | Call::KeyDetails => Err(RequestError::NotPlanned),
        }
    }

    /// Issuing creates a credential (short-lived, but one the account's logs show): shown first,
    /// sent from its click, and the organisation may refuse it.
    fn writes_as(call: &Call) -> Option<SetupWrite> {
        matches!(call, Call::Issue { .. }).then_some(SetupWrite::TemporaryKey)
    }

    /// A click's run says only what its own request did. An IBM key that ends is made with a
    /// fresh token: the token step first, then the click's call.
    fn write(
        issue: Issue,
        mut state: Issuing,
        calls: Vec<Call>,
    ) -> Result<Turn<Self>, RequestError> {
        state.said.clear();
        match calls.as_slice() {
            [Call::Issue { seconds }] if makes_new_key(issue.profile.provider, *seconds) => {
                state.pending = calls;
                Turn::sending(&issue, state, vec![Call::Token], vec![])
            }
            _ => Turn::sending(&issue, state, calls, vec![]),
        }
    }

    /// One credential of a lifetime the cloud issues, once the account is known.
    fn writes(
        issue: &Issue,
        state: &Issuing,
        asked: Asked<Call>,
    ) -> Result<Vec<Call>, RequestError> {
        let offered = lifetimes(issue.profile.provider);
        match asked.calls.as_slice() {
            [Call::Issue { seconds }]
                if ready(issue, state, *seconds) && offered.contains(seconds) =>
            {
                Ok(asked.calls)
            }
            _ => Err(RequestError::WriteNotPreviewed),
        }
    }

    fn view(issue: &Issue, state: &Issuing) -> View {
        let longest = lifetimes(issue.profile.provider).iter().max();
        View {
            ready: longest.is_some_and(|seconds| ready(issue, state, *seconds)),
            said: state.said.clone(),
        }
    }
}

/// Whether the issuing request for `seconds` can be made: IBM's token at once, IBM's key that ends
/// once its owner is known, Huawei's once the account is known.
fn ready(issue: &Issue, state: &Issuing, seconds: u32) -> bool {
    match issue.profile.provider {
        Provider::Ibm => !makes_new_key(Provider::Ibm, seconds) || state.ibm_key.is_some(),
        _ => state.domain_id.is_some(),
    }
}

/// What a new IBM key that ends says of itself in the account's list of API keys.
fn new_key_description(expires_at: &str) -> String {
    format!("credfill: a temporary key for code; IAM disables it at {expires_at}")
}

/// IBM's requests: the rotation's reads, the token, or the key that ends, made with the held token.
fn ibm_request(issue: &Issue, state: &Issuing, call: &Call) -> Result<Request, RequestError> {
    use crate::flows::rotate_ibm_key::{Call as Rotation, IbmRotation, RotateIbmKey};
    let read = |call| RotateIbmKey::request(&issue.rotating(), &IbmRotation::default(), &call);
    match call {
        Call::Token => read(Rotation::Token),
        Call::KeyDetails => read(Rotation::Details),
        Call::Issue { seconds } if makes_new_key(Provider::Ibm, *seconds) => {
            let key = state.ibm_key.as_ref().ok_or(RequestError::NotPlanned)?;
            let expires_at = issue.expires_at(*seconds)?;
            let name = format!("credfill-temporary-{}", &expires_at[..10]);
            let new = NewApiKey {
                name: &name,
                iam_id: &key.iam_id,
                account_id: &key.account_id,
                description: &new_key_description(&expires_at),
                expires_at: Some(&expires_at),
            };
            let token = issue.rotating().token();
            Ok(create_api_key::request(
                &ibm_iam(&issue.profile)?,
                &token,
                &new,
            ))
        }
        Call::Issue { .. } => Ok(iam_token::request(
            ibm_api_key(&issue.profile)?,
            &ibm_iam(&issue.profile)?,
        )),
        Call::AccountId => Err(RequestError::NotPlanned),
    }
}

/// IBM's answers: a token (then the click's call, or the key's record), the key's record, the
/// bearer token, or the new key that ends.
fn ibm_read(
    issue: Issue,
    mut state: Issuing,
    call: &Call,
    answer: &Answer,
) -> Result<Turn<TemporaryKey>, RequestError> {
    let Answer::Response { status, body, .. } = answer else {
        return Ok(said(&issue, state, Refusal::Unreached));
    };
    let status = *status;
    let refused = |state: Issuing| match iam_refusal(body) {
        Some((code, message)) => {
            let line = Line::coded(TemporaryCode::KeyNotCreated.as_str())
                .with("httpStatus", status)
                .with("errorCode", code)
                .with("message", message);
            stopped(state, line)
        }
        None => said(&issue, state, Refusal::Other(status)),
    };
    match call {
        Call::Token => match iam_token::parse(status, body) {
            Ok(token) => {
                let held = HeldToken::from(token);
                let pending = std::mem::take(&mut state.pending);
                let issue = Issue {
                    token: Some(held.clone()),
                    ..issue
                };
                Turn::after_token(&issue, state, pending, Call::KeyDetails, held)
            }
            Err(_) => Ok(said(&issue, state, Refusal::Key(None))),
        },
        Call::KeyDetails if !(200..300).contains(&status) => Ok(refused(state)),
        Call::Issue { seconds }
            if makes_new_key(Provider::Ibm, *seconds) && !(200..300).contains(&status) =>
        {
            Ok(refused(state))
        }
        Call::KeyDetails => match api_key_details::parse(body) {
            Some(key) => {
                state.ibm_key = Some(key);
                Ok(Turn::stopped(state, vec![]))
            }
            None => Ok(refused(state)),
        },
        Call::Issue { seconds } if makes_new_key(Provider::Ibm, *seconds) => {
            match create_api_key::parse(body) {
                Some((_, key)) => {
                    let expires_at = issue.expires_at(*seconds)?;
                    let api_key = key.api_key;
                    Ok(issued(
                        state,
                        ShortLived::ExpiringKey(ExpiringKey {
                            api_key,
                            expires_at,
                        }),
                    ))
                }
                None => Ok(refused(state)),
            }
        }
        Call::Issue { .. } => Ok(bearer_token(&issue, state, answer)),
        Call::AccountId => Err(RequestError::NotPlanned),
    }
}

/// The last turn, with what the cloud issued.
fn issued(state: Issuing, short_lived: ShortLived) -> Turn<TemporaryKey> {
    let mut turn = Turn::stopped(state, vec![]);
    turn.issued = Some(short_lived);
    turn
}

/// IBM IAM's answer: the bearer token, or why none came (IAM refuses an unknown or disabled API key
/// with 400 `BXNIM0415E`, https://cloud.ibm.com/docs/iam?topic=iam-iamtoken_from_apikey).
fn bearer_token(issue: &Issue, state: Issuing, answer: &Answer) -> Turn<TemporaryKey> {
    let status = status_of(answer);
    let Answer::Response { body, .. } = answer else {
        return said(issue, state, Refusal::Unreached);
    };
    match iam_token::parse(status, body) {
        Ok(token) => issued(state, ShortLived::BearerToken(HeldToken::from(token))),
        Err(_) if matches!(status, 400 | 401 | 403) => said(issue, state, Refusal::Key(None)),
        Err(_) => said(issue, state, Refusal::Other(status)),
    }
}

/// The stopped turn that says why no key came.
fn said(issue: &Issue, state: Issuing, refusal: Refusal) -> Turn<TemporaryKey> {
    let line = |code: TemporaryCode| Line::coded(code.as_str());
    let not_issued = |status: u16| {
        match issue.profile.provider {
            Provider::FlexibleEngine => line(TemporaryCode::FlexibleEngineRefused),
            _ => line(TemporaryCode::NotIssued),
        }
        .with("httpStatus", status)
    };
    let said = match refusal {
        Refusal::Unreached => {
            let found = endpoints(&issue.profile);
            let iam = match issue.profile.provider {
                Provider::Ibm => found.ibm_iam,
                _ => found.iam,
            };
            let host = iam.map(|o| o.host);
            line(TemporaryCode::Network).with("host", host.unwrap_or_default())
        }
        Refusal::Key(_) => line(TemporaryCode::KeyRefused),
        Refusal::Forbidden => not_issued(403),
        Refusal::NotFound => not_issued(404),
        Refusal::TwoKeys => not_issued(400),
        Refusal::Other(status) => not_issued(status),
    };
    stopped(state, said)
}

/// The stopped turn that says `said`, kept for the panel.
fn stopped(mut state: Issuing, said: Line) -> Turn<TemporaryKey> {
    state.pending.clear();
    state.said = vec![said.clone()];
    Turn::stopped(state, vec![said])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::key::tests::{aksk, ibm_platform_key, key, profile, AK, TIMESTAMP};
    use crate::flows::flow;

    const DOMAINS: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/keystone-list-auth-domains.json");
    const ISSUED: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/securitytoken-create.json");
    const WRONG_SK: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/apig-401-signature.json");
    const FORBIDDEN: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/keystone-403-forbidden.json");

    fn issue(provider: Provider) -> Issue {
        Issue {
            profile: profile(provider, "eu-west-0", vec![aksk()]),
            timestamp: TIMESTAMP.into(),
            token: None,
        }
    }

    fn ready() -> Issuing {
        Issuing {
            domain_id: Some("d78cbac186b744899480f25bd022f468".into()),
            ..Issuing::default()
        }
    }

    const FIFTEEN_MINUTES: Call = Call::Issue { seconds: 900 };

    #[test]
    fn reads_the_account_then_issues_one_key_from_the_click_that_previewed_it() {
        let turn =
            flow::start::<TemporaryKey>(issue(Provider::Huawei), Issuing::default()).unwrap();
        assert_eq!(turn.send.len(), 1);
        assert_eq!(turn.send[0].call, Call::AccountId);
        let answer = Answer::response(200, &[], DOMAINS);
        let turn = flow::read::<TemporaryKey>(
            issue(Provider::Huawei),
            turn.state,
            &Call::AccountId,
            &answer,
            &[],
        )
        .unwrap();
        assert!(turn.send.is_empty() && turn.issued.is_none());
        assert_eq!(turn.state, ready());
        assert!(TemporaryKey::view(&issue(Provider::Huawei), &turn.state).ready);

        let asked = || Asked {
            calls: vec![FIFTEEN_MINUTES],
        };
        let shown =
            flow::preview::<TemporaryKey>(&issue(Provider::Huawei), &ready(), asked()).unwrap();
        let sent =
            flow::write::<TemporaryKey>(issue(Provider::Huawei), ready(), asked().calls).unwrap();
        assert_eq!(shown[0].preview, sent.send[0].request.preview());
        assert!(sent.send[0].write);
        // Signed with the permanent key, in the account.
        let signed = &sent.send[0].request;
        assert!(signed
            .headers
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case("authorization") && v.contains(AK)));

        let answer = Answer::response(201, &[], ISSUED);
        let approved = asked().calls;
        let turn = flow::read::<TemporaryKey>(
            issue(Provider::Huawei),
            ready(),
            &FIFTEEN_MINUTES,
            &answer,
            &approved,
        )
        .unwrap();
        let Some(ShortLived::Aksk(temporary)) = &turn.issued else {
            panic!("no key issued")
        };
        assert_eq!(temporary.access_key_id, "E6DX0TF2ZREQ4Z...");
        assert!(temporary.security_token.is_some());
        assert!(turn.stop && turn.send.is_empty());
        // Nothing of the temporary key in what is kept or shown.
        let kept = serde_json::to_string(&turn.state).unwrap()
            + &serde_json::to_string(&turn.lines).unwrap();
        assert!(
            !kept.contains("w9ePum0") && !kept.contains("E6DX0TF2"),
            "{kept}"
        );
    }

    #[test]
    fn only_a_lifetime_iam_allows_and_only_once_the_account_is_known() {
        let preview = |state: &Issuing, calls| {
            flow::preview::<TemporaryKey>(&issue(Provider::Huawei), state, Asked { calls })
        };
        assert!(preview(&ready(), vec![Call::Issue { seconds: 86_400 }]).is_ok());
        for calls in [
            vec![Call::Issue { seconds: 899 }],
            vec![Call::Issue { seconds: 86_401 }],
            vec![FIFTEEN_MINUTES, FIFTEEN_MINUTES],
            vec![Call::AccountId],
            vec![],
        ] {
            assert_eq!(
                preview(&ready(), calls).err(),
                Some(RequestError::WriteNotPreviewed)
            );
        }
        assert_eq!(
            preview(&Issuing::default(), vec![FIFTEEN_MINUTES]).err(),
            Some(RequestError::WriteNotPreviewed)
        );
        assert_eq!(
            flow::write::<TemporaryKey>(issue(Provider::Huawei), ready(), vec![Call::AccountId])
                .err(),
            Some(RequestError::WriteNotPreviewed)
        );
    }

    #[test]
    fn a_refusal_says_why_and_flexible_engine_says_it_plainly() {
        let refused = |provider, status, body| {
            let answer = Answer::response(status, &[], body);
            let turn = flow::read::<TemporaryKey>(
                issue(provider),
                ready(),
                &FIFTEEN_MINUTES,
                &answer,
                &[FIFTEEN_MINUTES],
            )
            .unwrap();
            assert!(turn.stop && turn.issued.is_none());
            (
                turn.lines[0].code.clone(),
                turn.state.said[0].params.get("httpStatus").cloned(),
            )
        };
        assert_eq!(
            refused(Provider::Huawei, 401, WRONG_SK),
            ("key-refused".into(), None)
        );
        assert_eq!(
            refused(Provider::Huawei, 403, FORBIDDEN),
            ("not-issued".into(), Some("403".into()))
        );
        assert_eq!(
            refused(Provider::FlexibleEngine, 404, ""),
            ("flexible-engine-refused".into(), Some("404".into()))
        );
        assert_eq!(
            refused(Provider::Huawei, 201, "{}"),
            ("not-issued".into(), Some("201".into()))
        );
    }

    #[test]
    fn a_temporary_key_is_not_exchanged_for_another() {
        let mut temporary = issue(Provider::Huawei);
        temporary.profile.credentials = vec![key(AK, "s", Some("t"))];
        let turn = flow::start::<TemporaryKey>(temporary, Issuing::default()).unwrap();
        assert!(turn.stop && turn.send.is_empty());
        assert_eq!(turn.lines[0].code, "temporary-key");
    }

    const IBM_TOKEN: &str = include_str!("../../tests/fixtures/cloud-answers/ibm/iam_token.json");
    const IBM_DETAILS: &str =
        include_str!("../../tests/fixtures/cloud-answers/ibm/api_key_details.json");
    const IBM_ENDING_KEY: &str =
        include_str!("../../tests/fixtures/cloud-answers/ibm/api_key_created_expiring.json");

    fn ibm_issue() -> Issue {
        Issue {
            profile: profile(Provider::Ibm, "eu-de", vec![ibm_platform_key()]),
            timestamp: TIMESTAMP.into(),
            token: None,
        }
    }

    use super::ready as ready_for;

    const EIGHT_HOURS: Call = Call::Issue { seconds: 28_800 };

    /// Runs `turn`'s requests in order, answering each with `answers` (one per request), and gives
    /// the last turn and every call sent.
    fn answered(
        mut issue: Issue,
        mut turn: Turn<TemporaryKey>,
        answers: &[(u16, &str)],
        approved: &[Call],
    ) -> (Turn<TemporaryKey>, Vec<Call>) {
        let mut sent = vec![];
        for (status, body) in answers {
            let next = turn.send.remove(0);
            assert!(!next.write || approved.contains(&next.call));
            sent.push(next.call.clone());
            let answer = Answer::response(*status, &[], body);
            turn = flow::read::<TemporaryKey>(
                issue.clone(),
                turn.state,
                &next.call,
                &answer,
                approved,
            )
            .unwrap();
            if let Some(token) = turn.token.clone() {
                issue.token = Some(token);
            }
        }
        (turn, sent)
    }

    #[test]
    fn ibm_makes_a_key_that_ends_for_eight_hours_from_the_click_that_previewed_it() {
        let start = flow::start::<TemporaryKey>(ibm_issue(), Issuing::default()).unwrap();
        let (read, sent) = answered(
            ibm_issue(),
            start,
            &[(200, IBM_TOKEN), (200, IBM_DETAILS)],
            &[],
        );
        assert_eq!(sent, [Call::Token, Call::KeyDetails]);
        assert!(read.stop);
        let state = read.state;
        assert!(TemporaryKey::view(&ibm_issue(), &state).ready);
        let asked = || Asked {
            calls: vec![EIGHT_HOURS],
        };
        // Before the owner is known, no key is made.
        assert_eq!(
            flow::preview::<TemporaryKey>(&ibm_issue(), &Issuing::default(), asked()).err(),
            Some(RequestError::WriteNotPreviewed)
        );
        let shown = flow::preview::<TemporaryKey>(&ibm_issue(), &state, asked()).unwrap();
        assert_eq!(shown[0].preview.url, "https://iam.cloud.ibm.com/v1/apikeys");
        let body = shown[0].preview.body.clone().unwrap();
        // Named and described for the account's list of keys; ends 8 h after the click (11:00 UTC).
        assert_eq!(
            body,
            r#"{"name":"credfill-temporary-2026-11-23","iam_id":"IBMid-270000ABCD","account_id":"0123456789abcdef0123456789abcdef","description":"credfill: a temporary key for code; IAM disables it at 2026-11-23T19:00+0000","expires_at":"2026-11-23T19:00+0000"}"#
        );

        // The click: a fresh token, then the one creation, made with that token.
        let click = flow::write::<TemporaryKey>(ibm_issue(), state, asked().calls).unwrap();
        assert_eq!(click.send.len(), 1);
        assert!(!click.send[0].write);
        let (done, sent) = answered(
            ibm_issue(),
            click,
            &[(200, IBM_TOKEN), (201, IBM_ENDING_KEY)],
            &asked().calls,
        );
        assert_eq!(sent, [Call::Token, EIGHT_HOURS]);
        let Some(ShortLived::ExpiringKey(key)) = &done.issued else {
            panic!("no key made")
        };
        assert_eq!(
            key.api_key.expose(),
            "ENDINGKEYplaceholder0123456789abcdefghijklmn"
        );
        assert_eq!(key.expires_at, "2026-11-23T19:00+0000");
        assert!(done.stop && done.send.is_empty() && done.state.pending.is_empty());
        // The new key goes to the snippet only: not in what is kept or said.
        let kept = serde_json::to_string(&done.state).unwrap()
            + &serde_json::to_string(&done.lines).unwrap();
        assert!(!kept.contains("ENDINGKEY"), "{kept}");
    }

    #[test]
    fn ibm_says_why_no_key_that_ends_was_made_in_iams_words() {
        let state = Issuing {
            ibm_key: crate::cloud::ibm::api_key_details::parse(IBM_DETAILS),
            pending: vec![EIGHT_HOURS],
            ..Issuing::default()
        };
        let issue = Issue {
            token: Some(HeldToken {
                access_token: "T".into(),
                expiration: 0,
            }),
            ..ibm_issue()
        };
        let answer = Answer::response(403, &[], IBM_UNKNOWN_KEY);
        let turn = flow::read::<TemporaryKey>(issue, state, &EIGHT_HOURS, &answer, &[EIGHT_HOURS])
            .unwrap();
        assert!(turn.stop && turn.issued.is_none());
        assert_eq!(turn.lines[0].code, "key-not-created");
        assert_eq!(turn.lines[0].params["errorCode"], "BXNIM0415E");
        assert!(turn.state.pending.is_empty());
    }
    const IBM_UNKNOWN_KEY: &str =
        include_str!("../../tests/fixtures/cloud-answers/ibm/iam_bxnim0415e.json");

    #[test]
    fn ibm_exchanges_the_api_key_for_a_bearer_token_from_the_click_that_previewed_it() {
        let ibm = ibm_issue;
        assert_eq!(
            TemporaryKey::origins(&ibm()).unwrap(),
            ["https://iam.cloud.ibm.com/*"]
        );
        // The reads a key that ends needs (a token, the key's record) do not hold the hour's token back.
        let turn = flow::start::<TemporaryKey>(ibm(), Issuing::default()).unwrap();
        assert_eq!(turn.send[0].call, Call::Token);
        assert!(!TemporaryKey::view(&ibm(), &turn.state).ready);
        assert!(ready_for(&ibm(), &turn.state, 3600));
        let hour = || Asked {
            calls: vec![Call::Issue { seconds: 3600 }],
        };
        let shown = flow::preview::<TemporaryKey>(&ibm(), &Issuing::default(), hour()).unwrap();
        assert!(shown[0].preview.url.ends_with("/identity/token"));
        assert!(
            !format!("{:?}", shown[0].preview).contains(&"k".repeat(44)),
            "the API key is masked"
        );
        let fifteen = Asked {
            calls: vec![FIFTEEN_MINUTES],
        };
        let not_ibms = flow::preview::<TemporaryKey>(&ibm(), &Issuing::default(), fifteen);
        assert_eq!(
            not_ibms.err(),
            Some(RequestError::WriteNotPreviewed),
            "IAM decides: one hour"
        );

        let read = |status, body| {
            let answer = Answer::response(status, &[], body);
            flow::read::<TemporaryKey>(
                ibm(),
                Issuing::default(),
                &hour().calls[0],
                &answer,
                &hour().calls,
            )
            .unwrap()
        };
        let turn = read(200, IBM_TOKEN);
        let Some(ShortLived::BearerToken(token)) = &turn.issued else {
            panic!("no token")
        };
        assert!(!token.access_token.expose().is_empty());
        assert!(
            turn.stop && turn.token.is_none(),
            "not held for other flows"
        );
        let kept = serde_json::to_string(&turn.state).unwrap();
        assert!(!kept.contains(token.access_token.expose()));
        let refused = read(400, IBM_UNKNOWN_KEY);
        assert!(refused.issued.is_none());
        assert_eq!(refused.lines[0].code, "key-refused");
    }
}

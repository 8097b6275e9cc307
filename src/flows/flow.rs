//! The one shape every flow has. A flow starts from its input (the profile, the caller's clock…)
//! and a state (what it found so far, no secret), and reads each answer into the next state. Each
//! [`Turn`] says which requests to send next, what the answer meant ([`Flow::Line`]: kebab-case
//! codes with params) and whether to stop.
//!
//! Reads are sent by the worker as they come. A write is sent only from the click that previewed
//! it: [`write`] starts from the calls the click names, and [`start`] and [`read`] refuse a turn
//! that would send any other write. The worker sends each request once, in order.

use crate::cloud::iam::AccessKey;
use crate::cloud::ibm::iam_token::HeldToken;
use crate::cloud::{Answer, Preview, Request, RequestError};
use crate::code::ShortLived;
use crate::policy::{ManagedPolicy, Refused, SetupWrite};
use crate::profile::{parse_ms, Credential};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A write no click previewed was about to be sent: nothing of the turn is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteNotPreviewed;

impl From<WriteNotPreviewed> for RequestError {
    fn from(_: WriteNotPreviewed) -> Self {
        RequestError::WriteNotPreviewed
    }
}

/// A flow: its types and its steps. Inputs and states arrive by value (the bindings read them
/// fresh for each call), so a flow moves them into its next state without copying.
pub trait Flow {
    /// What the caller gives every step: the profile, its clock, a token it holds.
    type Input: DeserializeOwned;
    /// What the flow has found so far, kept by the caller between steps (no secret).
    type State: Serialize + DeserializeOwned + Default;
    /// Names a request, so its answer is read as the answer to that request.
    type Call: Serialize + DeserializeOwned + Clone + PartialEq;
    /// What one answer meant.
    type Line: Serialize;
    /// What a preview is asked for (the writes a click would send); by default, the flow's own.
    type Ask: DeserializeOwned + Default;
    /// What the panel shows of a state.
    type View: Serialize;
    /// Why a request cannot be made, in the flow's own codes.
    type Error: From<WriteNotPreviewed>;

    /// The host-permission match patterns the flow reaches (asked for at the click).
    fn origins(input: &Self::Input) -> Result<Vec<String>, Self::Error>;
    /// The first turn: its reads.
    fn start(input: Self::Input, state: Self::State) -> Result<Turn<Self>, Self::Error>;
    /// The answer to `call`, read into the next turn.
    fn read(
        input: Self::Input,
        state: Self::State,
        call: &Self::Call,
        answer: &Answer,
    ) -> Result<Turn<Self>, Self::Error>;
    /// The request `call` sends with this input and state.
    fn request(
        input: &Self::Input,
        state: &Self::State,
        call: &Self::Call,
    ) -> Result<Request, Self::Error>;
    /// The setup action a call writes as (the organisation's policy allows or refuses each:
    /// `crate::policy`), or `None` for a read. Writes change the user's cloud: shown first, sent
    /// only from a click.
    fn writes_as(call: &Self::Call) -> Option<SetupWrite>;
    fn is_write(call: &Self::Call) -> bool {
        Self::writes_as(call).is_some()
    }
    /// The calls a click would send for `ask` (checked first: a refusal sends nothing).
    fn writes(
        input: &Self::Input,
        state: &Self::State,
        ask: Self::Ask,
    ) -> Result<Vec<Self::Call>, Self::Error>;
    /// The turn a click starts with its previewed `calls`: by default, exactly them. A flow whose
    /// write needs a read first (a token) sends that read, and the write after its answer.
    fn write(
        input: Self::Input,
        state: Self::State,
        calls: Vec<Self::Call>,
    ) -> Result<Turn<Self>, Self::Error> {
        Turn::sending(&input, state, calls, vec![])
    }
    fn view(input: &Self::Input, state: &Self::State) -> Self::View;
}

/// One request to send, named by its call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Send<C> {
    pub call: C,
    pub request: Request,
    pub write: bool,
}

/// When the cloud made the key the profile uses, as the key's own record says (`credentials.csv`
/// does not): the caller records it on the profile (`Operation::KeyCreated`), so the key-age
/// reminder counts from it rather than from the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyCreated {
    pub access_key: String,
    pub created_at: String,
}

impl KeyCreated {
    /// What IAM's record of `key` says, when it gives a readable creation date.
    pub fn of(key: &AccessKey) -> Option<Self> {
        let created_at = key.created_at.clone().filter(|at| parse_ms(at).is_some())?;
        Some(KeyCreated {
            access_key: key.access_key.clone(),
            created_at,
        })
    }
}

/// What a step of a flow says: the state now, the requests to send next, what the answer meant,
/// whether to send nothing more (the key itself is wrong, or a write failed), a token for the
/// caller to hold in memory (and give back in the input) until it expires, a key the cloud
/// just made, and when the profile's key was made.
pub struct Turn<F: Flow + ?Sized> {
    pub state: F::State,
    pub send: Vec<Send<F::Call>>,
    pub lines: Vec<F::Line>,
    pub stop: bool,
    pub token: Option<HeldToken>,
    /// A key whose secret the cloud shows once (a rotation's new key): the caller saves it in the
    /// vault in place of the key it replaces in the input's profile, and gives back that profile
    /// before the next request. Never in the state, the lines, the popup or a log.
    pub new_key: Option<Credential>,
    /// Recorded after `new_key` is saved (it may be that key's).
    pub key_created: Option<KeyCreated>,
    /// A short-lived credential the cloud issued for code (a temporary AK/SK and security token, an
    /// IBM bearer token): the caller renders it into the snippet the click asked for and forgets it.
    /// Never saved, never in the state, the lines or a log.
    pub issued: Option<ShortLived>,
}

impl<F: Flow + ?Sized> Turn<F> {
    /// A turn that sends `calls`, each built from `input` and the new `state`.
    pub fn sending(
        input: &F::Input,
        state: F::State,
        calls: Vec<F::Call>,
        lines: Vec<F::Line>,
    ) -> Result<Self, F::Error> {
        let send = calls
            .into_iter()
            .map(|call| {
                Ok(Send {
                    request: F::request(input, &state, &call)?,
                    write: F::is_write(&call),
                    call,
                })
            })
            .collect::<Result<_, F::Error>>()?;
        Ok(Self::plain(state, send, lines, false))
    }

    /// The turn after IAM gave `token` (which `input` now holds): sends the click's `pending`
    /// calls, or else `otherwise`, and gives the token to the caller to hold.
    pub fn after_token(
        input: &F::Input,
        state: F::State,
        pending: Vec<F::Call>,
        otherwise: F::Call,
        token: HeldToken,
    ) -> Result<Self, F::Error> {
        let next = match pending.is_empty() {
            true => vec![otherwise],
            false => pending,
        };
        let mut turn = Self::sending(input, state, next, vec![])?;
        turn.token = Some(token);
        Ok(turn)
    }

    /// Sends nothing more after this answer.
    pub fn stopped(state: F::State, lines: Vec<F::Line>) -> Self {
        Self::plain(state, vec![], lines, true)
    }

    /// A turn of requests already built, with no token, key or credential for the caller (a flow
    /// that has one sets it on this turn).
    pub fn plain(
        state: F::State,
        send: Vec<Send<F::Call>>,
        lines: Vec<F::Line>,
        stop: bool,
    ) -> Self {
        Turn {
            state,
            send,
            lines,
            stop,
            token: None,
            new_key: None,
            key_created: None,
            issued: None,
        }
    }

    /// Every write of the turn is one of `approved` (the click's calls; none without a click).
    fn writes_within(self, approved: &[F::Call]) -> Result<Self, F::Error> {
        let unasked = |s: &Send<F::Call>| s.write && !approved.contains(&s.call);
        match self.send.iter().any(unasked) {
            true => Err(WriteNotPreviewed.into()),
            false => Ok(self),
        }
    }
}

/// The flow's first turn (reads only).
pub fn start<F: Flow>(input: F::Input, state: F::State) -> Result<Turn<F>, F::Error> {
    F::start(input, state)?.writes_within(&[])
}

/// The turn after the answer to `call`: reads, and writes only among `approved`, the calls of
/// the click this run comes from (none for a run of reads).
pub fn read<F: Flow>(
    input: F::Input,
    state: F::State,
    call: &F::Call,
    answer: &Answer,
    approved: &[F::Call],
) -> Result<Turn<F>, F::Error> {
    F::read(input, state, call, answer)?.writes_within(approved)
}

/// A call with what the user is shown of it before the click that sends it (no signature, a
/// secret as `••••`).
#[derive(Debug, Clone, Serialize)]
pub struct Previewed<C> {
    pub call: C,
    pub preview: Preview,
}

/// Refuses `calls` when one of them is a write the organisation's policy does not allow: checked
/// before a write is previewed and before the click's writes are sent.
pub fn check_policy<F: Flow>(calls: &[F::Call], policy: &ManagedPolicy) -> Result<(), Refused> {
    calls
        .iter()
        .filter_map(F::writes_as)
        .try_for_each(|write| policy.check_write(write))
}

/// The writes a click would send for `ask`, as the user sees them.
pub fn preview<F: Flow>(
    input: &F::Input,
    state: &F::State,
    ask: F::Ask,
) -> Result<Vec<Previewed<F::Call>>, F::Error> {
    F::writes(input, state, ask)?
        .into_iter()
        .map(|call| {
            Ok(Previewed {
                preview: F::request(input, state, &call)?.preview(),
                call,
            })
        })
        .collect()
}

/// The turn a click starts: `calls` are writes (they were previewed), and only they are written.
pub fn write<F: Flow>(
    input: F::Input,
    state: F::State,
    calls: Vec<F::Call>,
) -> Result<Turn<F>, F::Error> {
    if calls.is_empty() || !calls.iter().all(F::is_write) {
        return Err(WriteNotPreviewed.into());
    }
    F::write(input, state, calls.clone())?.writes_within(&calls)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::key::tests::{aksk, profile, TIMESTAMP};
    use crate::flows::key_check::{KeyCheck, KeyCheckFlow};
    use crate::flows::prepare_modelarts::{
        Call, Preparation, Prepare, PrepareModelArts, WritesAsked,
    };
    use crate::profile::{Provider, Status, Step};

    fn prepare() -> Prepare {
        let mut p = profile(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        p.project_id = Some("0123456789abcdef0123456789abcdef".into());
        Prepare {
            profile: p,
            timestamp: TIMESTAMP.into(),
        }
    }

    fn calls<F: Flow>(turn: &Turn<F>) -> Vec<F::Call> {
        turn.send.iter().map(|s| s.call.clone()).collect()
    }

    #[test]
    fn a_flow_starts_with_reads_and_reads_each_answer_into_the_next_turn() {
        let turn = start::<KeyCheckFlow>(key_check(), ()).unwrap();
        assert_eq!(calls(&turn), [Step::ListBuckets, Step::IamProjects]);
        assert!(turn.send.iter().all(|s| !s.write));
        let denied = crate::cloud::obs::tests::s3_error("SignatureDoesNotMatch");
        let answer = Answer::response(403, &[], &denied);
        let turn = read::<KeyCheckFlow>(key_check(), (), &Step::ListBuckets, &answer, &[]).unwrap();
        assert!(turn.stop, "a wrong key sends nothing more");
        assert_eq!(turn.lines[0].diagnosis.status, Status::BadSk);
    }

    #[test]
    fn a_write_is_sent_only_from_the_click_that_previewed_it() {
        let state = Preparation::default();
        let turn = start::<PrepareModelArts>(prepare(), state.clone()).unwrap();
        assert_eq!(calls(&turn), [Call::ListBuckets, Call::ListAuthorizations]);
        // A write among a turn's requests is refused before anything is sent.
        let unasked = Turn::<PrepareModelArts>::sending(
            &prepare(),
            state.clone(),
            vec![Call::ListBuckets, Call::Authorize],
            vec![],
        );
        let unasked = unasked.unwrap();
        assert_eq!(
            unasked.writes_within(&[]).err(),
            Some(RequestError::WriteNotPreviewed)
        );
        // The click's own calls: writes only, each previewed as it is sent (the SK as ••••).
        let asked = || vec![Call::Authorize];
        let shown = preview::<PrepareModelArts>(
            &prepare(),
            &state,
            WritesAsked {
                calls: Some(asked()),
                ..WritesAsked::default()
            },
        );
        let sent = write::<PrepareModelArts>(prepare(), state.clone(), asked()).unwrap();
        assert_eq!(shown.unwrap()[0].preview, sent.send[0].request.preview());
        assert!(sent.send[0].write);
        for refused in [
            vec![],
            vec![Call::ListBuckets],
            vec![Call::Authorize, Call::ListAuthorizations],
        ] {
            let refused = write::<PrepareModelArts>(prepare(), state.clone(), refused);
            assert_eq!(refused.err(), Some(RequestError::WriteNotPreviewed));
        }
        assert_eq!(
            write::<KeyCheckFlow>(key_check(), (), vec![Step::ListBuckets]).err(),
            Some(RequestError::WriteNotPreviewed)
        );
    }

    #[test]
    fn a_failed_write_ends_the_click() {
        let failed = Answer::response(
            403,
            &[],
            &crate::cloud::obs::tests::s3_error("AccessDenied"),
        );
        let bucket = Call::CreateBucket {
            bucket: "ml-data".into(),
        };
        let turn =
            read::<PrepareModelArts>(prepare(), Preparation::default(), &bucket, &failed, &[]);
        let turn = turn.unwrap();
        assert!(turn.stop && turn.send.is_empty());
    }

    fn key_check() -> KeyCheck {
        KeyCheck {
            profile: profile(Provider::Huawei, "cn-north-4", vec![aksk()]),
            timestamp: TIMESTAMP.into(),
            bucket: None,
        }
    }
}

#[cfg(test)]
mod policy_tests {
    use super::check_policy;
    use crate::flows::prepare_modelarts::{Call, PrepareModelArts};
    use crate::flows::rotate_key::{self, RotateKey};
    use crate::policy::ManagedPolicy;
    use serde_json::json;

    #[test]
    fn a_write_the_policy_refuses_is_refused_by_its_action_and_reads_never_are() {
        let policy = ManagedPolicy::read(&json!({"allowedWrites": {"createBucket": false}}));
        let bucket = Call::CreateBucket { bucket: "b".into() };
        let refused = check_policy::<PrepareModelArts>(&[Call::Authorize, bucket], &policy);
        assert_eq!(
            serde_json::to_value(refused.unwrap_err()).unwrap(),
            json!({"code": "policy-forbids", "params": {"what": {"term": "managed_what_create_bucket"}}})
        );
        assert!(
            check_policy::<PrepareModelArts>(&[Call::Authorize, Call::ListBuckets], &policy)
                .is_ok()
        );
        let rotation = [rotate_key::Call::CreateKey];
        assert!(check_policy::<RotateKey>(&rotation, &policy).is_ok());
        let no_rotation = ManagedPolicy::read(&json!({"allowedWrites": {"rotateKey": false}}));
        assert!(check_policy::<RotateKey>(&rotation, &no_rotation).is_err());
        assert!(check_policy::<RotateKey>(&[rotate_key::Call::ListKeys], &no_rotation).is_ok());
    }
}

//! *Rotate this key* for an IBM Cloud profile's API key, on IAM Identity
//! (https://cloud.ibm.com/apidocs/iam-identity-token-api), where a user manages their own API
//! keys without any access granted ("My IBM Cloud API keys: no access required",
//! https://cloud.ibm.com/docs/iam?topic=iam-userapikey):
//!
//! 1. **Reads**: a token for the profile's key, then the key's own record (`GET
//!    /v1/apikeys/details`): its ID, its owner's `iam_id`, its account, whether it is locked.
//!    Right after a rotation these reads prove the new key (IAM gave it a token).
//! 2. **Create** (a write): the new key, with the old one's name, owner and account. Its value
//!    comes back once; it goes to the vault in place of the profile's key ([`Turn::new_key`]),
//!    the old one kept as retired as *Replace* keeps it.
//! 3. **Unlock** the old key if it is locked, then **delete** it (writes), each with a token of
//!    the **new** key the profile now holds.
//!
//! Every click exchanges the profile's key for a fresh token first (a read), then sends its
//! writes: the token is that of the key the profile holds at that moment.

use crate::cloud::catalog::{endpoints, Origin};
use crate::cloud::ibm::api_key_details::{self, ApiKey};
use crate::cloud::ibm::create_api_key::{self, NewApiKey};
use crate::cloud::ibm::iam_token::{self, HeldToken};
use crate::cloud::ibm::{delete_api_key, iam_refusal, unlock_api_key};
use crate::cloud::{Answer, Failure, Request, RequestError, MASK};
use crate::flows::flow::{Flow, Turn};
use crate::flows::rotate_key::{Asked, Line};
use crate::policy::SetupWrite;
use crate::profile::{Credential, IbmApiKey, Profile, Provider};
use crate::secret::Secret;
use crate::words::message_codes;
use serde::{Deserialize, Serialize};

/// The IBM Cloud API key `profile` uses now.
pub(crate) fn ibm_api_key(profile: &Profile) -> Result<&Secret, RequestError> {
    let key = profile.credentials.iter().find_map(|c| match c {
        Credential::IbmApiKey(key) => Some(&key.api_key),
        _ => None,
    });
    key.ok_or(RequestError::NoCredential("ibm-api-key"))
}

/// IBM IAM for an IBM Cloud profile (the catalog's, or the profile's own).
pub(crate) fn ibm_iam(profile: &Profile) -> Result<Origin, RequestError> {
    if profile.provider != Provider::Ibm {
        return Err(RequestError::Unsupported(profile.provider));
    }
    endpoints(profile)
        .ibm_iam
        .ok_or(RequestError::NotInRegion("IAM"))
}

/// What the new key says of itself in the account's list of keys.
const DESCRIPTION: &str = "credfill rotation";

/// The profile, and the token the worker holds for it (given back after the token step).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RotateIbm {
    pub profile: Profile,
    #[serde(default)]
    pub token: Option<HeldToken>,
}

impl RotateIbm {
    fn api_key(&self) -> Result<&Secret, RequestError> {
        ibm_api_key(&self.profile)
    }

    fn iam(&self) -> Result<Origin, RequestError> {
        ibm_iam(&self.profile)
    }

    /// The input as it is once the vault holds `key` in place of the profile's API key (no
    /// token yet): what the new key's proof is sent with.
    fn holding(&self, key: &IbmApiKey) -> RotateIbm {
        let mut profile = self.profile.clone();
        for credential in &mut profile.credentials {
            if let Credential::IbmApiKey(held) = credential {
                *held = key.clone();
            }
        }
        RotateIbm {
            profile,
            token: None,
        }
    }

    /// The token a request is made with. Every run sends the token step first, so only a
    /// preview is built without one (and a preview never shows the `Authorization` header).
    pub(crate) fn token(&self) -> Secret {
        match &self.token {
            Some(held) => held.access_token.clone(),
            None => Secret::new(MASK),
        }
    }
}

/// One request of the rotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Call {
    Token,
    Details,
    CreateKey,
    UnlockKey { id: String },
    DeleteKey { id: String },
}

impl Call {
    /// A rotation's writes: the new key, retiring and deleting the old one.
    pub fn writes_as(&self) -> Option<SetupWrite> {
        matches!(
            self,
            Call::CreateKey | Call::UnlockKey { .. } | Call::DeleteKey { .. }
        )
        .then_some(SetupWrite::RotateKey)
    }
}

message_codes! {
    /// What an IBM key's rotation says; the words are `rotate_ibm_<code>` in `_locales`.
    pub enum RotateIbmCode {
        /// A key replaced by this rotation is still in the account: the rotation stopped half-way.
        Halfway = "halfway" [name],
        /// The key is locked: IAM refuses to delete it until it is unlocked.
        Locked = "locked" [name],
        Created = "created" [name],
        /// The new key got a token: it works.
        NewKeyWorks = "new-key-works" [],
        Unlocked = "unlocked" [name],
        Deleted = "deleted" [name],
        /// IAM gave no token for the profile's key (deleted, disabled, from another account).
        KeyRefused = "key-refused" [errorCode],
        /// IAM gave no token for the key this rotation just made.
        NewKeyRefused = "new-key-refused" [errorCode],
        /// The creation was refused: the account restricts API-key creation, or a trusted
        /// profile is applied (IAM documents no code of its own for either: its words are shown).
        CreationRefused = "creation-refused" [errorCode, message],
        /// Another refusal, in IAM's own code and words.
        Refused = "refused" [httpStatus, errorCode, message],
        UnexpectedAnswer = "unexpected-answer" [httpStatus],
        Network = "network" [host],
    }
}

fn line(code: RotateIbmCode) -> Line {
    Line::coded(code.as_str())
}

/// What the rotation found and did; no secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IbmRotation {
    /// The record of the key the profile holds.
    #[serde(default)]
    pub key: Option<ApiKey>,
    /// The key this rotation's new key replaced, until it is deleted.
    #[serde(default)]
    pub replaced: Option<ApiKey>,
    /// The click's writes, sent once the token step answered.
    #[serde(default)]
    pub pending: Vec<Call>,
    /// What the latest run said.
    #[serde(default)]
    pub said: Vec<Line>,
}

/// What the panel shows: the key in use, the one it replaced, and what may be done next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IbmView {
    pub key: Option<ApiKey>,
    pub replaced: Option<ApiKey>,
    pub can_create: bool,
    /// The write the old key needs next: unlock it, or delete it.
    pub next: Option<Call>,
    pub said: Vec<Line>,
}

pub struct RotateIbmKey;

impl Flow for RotateIbmKey {
    type Input = RotateIbm;
    type State = IbmRotation;
    type Call = Call;
    type Line = Line;
    type Ask = Asked<Call>;
    type View = IbmView;
    type Error = RequestError;

    fn origins(input: &RotateIbm) -> Result<Vec<String>, RequestError> {
        input.api_key()?;
        Ok(vec![input.iam()?.match_pattern()])
    }

    /// Reads the profile's key again; only the key this rotation replaced is remembered.
    fn start(input: RotateIbm, before: IbmRotation) -> Result<Turn<Self>, RequestError> {
        input.api_key()?;
        let state = IbmRotation {
            replaced: before.replaced,
            ..IbmRotation::default()
        };
        Turn::sending(&input, state, vec![Call::Token], vec![])
    }

    /// A token for the profile's key first, then the click's writes.
    fn write(
        input: RotateIbm,
        mut state: IbmRotation,
        calls: Vec<Call>,
    ) -> Result<Turn<Self>, RequestError> {
        state.said.clear();
        state.pending = calls;
        Turn::sending(&input, state, vec![Call::Token], vec![])
    }

    fn read(
        input: RotateIbm,
        mut state: IbmRotation,
        call: &Call,
        answer: &Answer,
    ) -> Result<Turn<Self>, RequestError> {
        let stopped = |mut state: IbmRotation, said: Line| {
            state.pending.clear();
            state.said.push(said.clone());
            Ok(Turn::stopped(state, vec![said]))
        };
        let (status, body) = match answer {
            Answer::Response { status, body, .. } => (*status, body.as_str()),
            Answer::Failed { error } => {
                let said = match error {
                    Failure::Network | Failure::Redirect => {
                        line(RotateIbmCode::Network).with("host", input.iam()?.host)
                    }
                };
                return stopped(state, said);
            }
        };
        let unexpected = || line(RotateIbmCode::UnexpectedAnswer).with("httpStatus", status);
        let mut lines = vec![];
        let mut new_key = None;
        let (mut next, mut proving) = (vec![], None);
        match call {
            // IAM's token answer, refused or not, is read by iam_token.
            Call::Token => {
                return match iam_token::parse(status, body) {
                    Ok(token) => {
                        let held = HeldToken::from(token);
                        let pending = std::mem::take(&mut state.pending);
                        let input = RotateIbm {
                            token: Some(held.clone()),
                            ..input
                        };
                        Turn::after_token(&input, state, pending, Call::Details, held)
                    }
                    Err(refused) => {
                        let code = match state.replaced {
                            Some(_) => RotateIbmCode::NewKeyRefused,
                            None => RotateIbmCode::KeyRefused,
                        };
                        stopped(state, line(code).with("errorCode", refused.code()))
                    }
                };
            }
            _ if !(200..300).contains(&status) => {
                return stopped(state, refusal(call, status, body))
            }
            Call::Details => {
                let Some(key) = api_key_details::parse(body) else {
                    return stopped(state, unexpected());
                };
                match &state.replaced {
                    Some(old) if old.id == key.id => {}
                    Some(old) => {
                        lines.push(line(RotateIbmCode::NewKeyWorks));
                        lines.push(line(RotateIbmCode::Halfway).with("name", &old.name));
                    }
                    None if key.locked => {
                        lines.push(line(RotateIbmCode::Locked).with("name", &key.name));
                    }
                    None => {}
                }
                state.key = Some(key);
            }
            Call::CreateKey => {
                let Some((record, key)) = create_api_key::parse(body) else {
                    return stopped(state, unexpected());
                };
                lines.push(line(RotateIbmCode::Created).with("name", &record.name));
                // The new key is proven at once: a token for it, then its own record.
                state.replaced = state.key.take();
                proving = Some(input.holding(&key));
                next = vec![Call::Token];
                new_key = Some(Credential::IbmApiKey(key));
            }
            Call::UnlockKey { id } => {
                if let Some(old) = state.replaced.as_mut().filter(|k| &k.id == id) {
                    old.locked = false;
                    lines.push(line(RotateIbmCode::Unlocked).with("name", &old.name));
                }
            }
            Call::DeleteKey { id } => {
                if let Some(old) = state.replaced.take_if(|k| &k.id == id) {
                    lines.push(line(RotateIbmCode::Deleted).with("name", &old.name));
                }
            }
        }
        state.said.extend(lines.clone());
        let input = proving.unwrap_or(input);
        let mut turn = Turn::sending(&input, state, next, lines)?;
        turn.new_key = new_key;
        Ok(turn)
    }

    fn request(
        input: &RotateIbm,
        state: &IbmRotation,
        call: &Call,
    ) -> Result<Request, RequestError> {
        let iam = input.iam()?;
        let key = || state.key.as_ref().ok_or(RequestError::NotPlanned);
        match call {
            Call::Token => Ok(iam_token::request(input.api_key()?, &iam)),
            Call::Details => Ok(api_key_details::request(
                &iam,
                &input.token(),
                input.api_key()?,
            )),
            Call::CreateKey => {
                let key = key()?;
                let new = NewApiKey {
                    name: &key.name,
                    iam_id: &key.iam_id,
                    account_id: &key.account_id,
                    description: DESCRIPTION,
                    expires_at: None,
                };
                Ok(create_api_key::request(&iam, &input.token(), &new))
            }
            Call::UnlockKey { id } => unlock_api_key::request(&iam, &input.token(), id),
            Call::DeleteKey { id } => delete_api_key::request(&iam, &input.token(), id),
        }
    }

    fn writes_as(call: &Call) -> Option<SetupWrite> {
        call.writes_as()
    }

    /// Only what the panel offers: a new key when none is pending deletion, then the old key's
    /// unlocking or deletion (never the key the profile holds).
    fn writes(
        _: &RotateIbm,
        state: &IbmRotation,
        asked: Asked<Call>,
    ) -> Result<Vec<Call>, RequestError> {
        let offered = view(state);
        let allowed = |call: &Call| match call {
            Call::CreateKey => offered.can_create,
            _ => offered.next.as_ref() == Some(call),
        };
        match asked.calls.len() == 1 && asked.calls.iter().all(allowed) {
            true => Ok(asked.calls),
            false => Err(RequestError::WriteNotPreviewed),
        }
    }

    fn view(_: &RotateIbm, state: &IbmRotation) -> IbmView {
        view(state)
    }
}

fn view(state: &IbmRotation) -> IbmView {
    let in_use = state.key.as_ref().map(|k| k.id.as_str());
    // The old key is written to only once the profile holds (and IAM accepted) the new one.
    let next = state
        .replaced
        .as_ref()
        .filter(|old| in_use.is_some_and(|id| id != old.id))
        .map(|old| match old.locked {
            true => Call::UnlockKey { id: old.id.clone() },
            false => Call::DeleteKey { id: old.id.clone() },
        });
    IbmView {
        key: state.key.clone(),
        replaced: state.replaced.clone(),
        can_create: state.key.is_some() && state.replaced.is_none(),
        next,
        said: state.said.clone(),
    }
}

/// What IAM's refusal of `call` means, in its own code and words.
fn refusal(call: &Call, status: u16, body: &str) -> Line {
    let Some((code, message)) = iam_refusal(body) else {
        return line(RotateIbmCode::UnexpectedAnswer).with("httpStatus", status);
    };
    let said = match (call, status) {
        (Call::CreateKey, 403) => line(RotateIbmCode::CreationRefused),
        _ => line(RotateIbmCode::Refused).with("httpStatus", status),
    };
    said.with("errorCode", code).with("message", message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::flow;

    const TOKEN: &str = include_str!("../../tests/fixtures/cloud-answers/ibm/iam_token.json");
    const UNKNOWN: &str =
        include_str!("../../tests/fixtures/cloud-answers/ibm/iam_bxnim0415e.json");
    const DETAILS: &str =
        include_str!("../../tests/fixtures/cloud-answers/ibm/api_key_details.json");
    const CREATED: &str =
        include_str!("../../tests/fixtures/cloud-answers/ibm/api_key_created.json");
    const OLD_KEY: &str = "OLDKEYplaceholder0123456789abcdefghijklmnopq";
    const NEW_KEY: &str = "NEWKEYplaceholder0123456789abcdefghijklmnopq";
    const OLD_ID: &str = "ApiKey-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const NEW_ID: &str = "ApiKey-5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f";

    fn input(key: &str) -> RotateIbm {
        serde_json::from_value(serde_json::json!({
            "profile": {"id": "p", "name": "p", "provider": "ibm", "region": "us-south",
                "credentials": [{"kind": "ibm-api-key", "apiKey": key}]},
        }))
        .unwrap()
    }

    fn ok(body: &str) -> Answer {
        Answer::response(200, &[], body)
    }

    fn codes(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.code.as_str()).collect()
    }

    fn calls(turn: &Turn<RotateIbmKey>) -> Vec<Call> {
        turn.send.iter().map(|s| s.call.clone()).collect()
    }

    fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
        let found = request.headers.iter().find(|(n, _)| n == name);
        found.map(|(_, v)| v.as_str())
    }

    /// The input as the worker gives it after the token step (it holds the token).
    fn holding(input: &RotateIbm, turn: &Turn<RotateIbmKey>) -> RotateIbm {
        RotateIbm {
            token: turn.token.clone().or(input.token.clone()),
            ..input.clone()
        }
    }

    /// Reads `answer` to the turn's first call (the click's `approved` writes allowed).
    fn step(
        input: &RotateIbm,
        turn: Turn<RotateIbmKey>,
        answer: Answer,
        approved: &[Call],
    ) -> Turn<RotateIbmKey> {
        let call = turn.send[0].call.clone();
        let input = holding(input, &turn);
        flow::read::<RotateIbmKey>(input, turn.state, &call, &answer, approved).unwrap()
    }

    /// A click: the previewed `call`, after a token for the profile's key.
    fn click(
        input: &RotateIbm,
        state: IbmRotation,
        call: Call,
        answer: Answer,
    ) -> Turn<RotateIbmKey> {
        let asked = Asked {
            calls: vec![call.clone()],
        };
        let shown = flow::preview::<RotateIbmKey>(input, &state, asked).unwrap();
        assert_eq!(shown[0].call, call);
        let turn = flow::write::<RotateIbmKey>(input.clone(), state, vec![call.clone()]).unwrap();
        assert_eq!(calls(&turn), [Call::Token]);
        let approved = [call.clone()];
        let turn = step(input, turn, ok(TOKEN), &approved);
        assert_eq!(calls(&turn), std::slice::from_ref(&call));
        assert!(turn.send[0].write);
        step(input, turn, answer, &approved)
    }

    fn reads(input: &RotateIbm, state: IbmRotation, details: &str) -> Turn<RotateIbmKey> {
        let turn = flow::start::<RotateIbmKey>(input.clone(), state).unwrap();
        assert_eq!(calls(&turn), [Call::Token]);
        let turn = step(input, turn, ok(TOKEN), &[]);
        assert_eq!(calls(&turn), [Call::Details]);
        step(input, turn, ok(details), &[])
    }

    #[test]
    fn the_key_is_read_with_its_value_to_iam_and_a_bearer_token() {
        let old = input(OLD_KEY);
        let turn = flow::start::<RotateIbmKey>(old.clone(), IbmRotation::default()).unwrap();
        let token = &turn.send[0].request;
        assert_eq!(token.url, "https://iam.cloud.ibm.com/identity/token");
        let turn = step(&old, turn, ok(TOKEN), &[]);
        let details = &turn.send[0].request;
        assert_eq!(details.url, "https://iam.cloud.ibm.com/v1/apikeys/details");
        assert_eq!(header(details, "IAM-ApiKey"), Some(OLD_KEY));
        assert!(header(details, "Authorization")
            .unwrap()
            .starts_with("Bearer eyJ"));
        let turn = step(&old, turn, ok(DETAILS), &[]);
        assert!(turn.send.is_empty() && turn.lines.is_empty());
        let v = view(&turn.state);
        assert!(v.can_create && v.next.is_none());
        assert_eq!(
            RotateIbmKey::origins(&old).unwrap(),
            ["https://iam.cloud.ibm.com/*"]
        );
    }

    #[test]
    fn a_rotation_saves_the_new_key_proves_it_then_deletes_the_old_one_with_it() {
        let old = input(OLD_KEY);
        let state = reads(&old, IbmRotation::default(), DETAILS).state;
        let create = click(&old, state.clone(), Call::CreateKey, ok(CREATED));
        let Some(Credential::IbmApiKey(saved)) = &create.new_key else {
            panic!("the new key goes to the vault");
        };
        assert_eq!(saved.api_key.expose(), NEW_KEY);
        assert_eq!(codes(&create.lines), ["created"]);
        for kept in [
            serde_json::to_string(&create.state).unwrap(),
            serde_json::to_string(&view(&create.state)).unwrap(),
            serde_json::to_string(&create.lines).unwrap(),
        ] {
            assert!(!kept.contains("NEWKEY"), "the value stays out of {kept}");
        }
        // Nothing is offered on the old key until the new one is proven.
        let v = view(&create.state);
        assert!(v.next.is_none() && !v.can_create);
        // The same click proves the new key: a token for it (the vault holds it by then), then
        // its own record.
        assert_eq!(calls(&create), [Call::Token]);
        let proof = create.send[0].request.body.as_ref().unwrap();
        assert!(proof.sent.expose().contains(&format!("apikey={NEW_KEY}")));
        let new = input(NEW_KEY);
        let turn = step(&new, create, ok(TOKEN), &[Call::CreateKey]);
        assert_eq!(header(&turn.send[0].request, "IAM-ApiKey"), Some(NEW_KEY));
        let proven = step(&new, turn, ok(CREATED), &[Call::CreateKey]);
        assert_eq!(codes(&proven.lines), ["new-key-works", "halfway"]);
        // The created key's body: the old key's name, owner and account.
        let written = flow::write::<RotateIbmKey>(old.clone(), state, vec![Call::CreateKey]);
        let token = step(&old, written.unwrap(), ok(TOKEN), &[Call::CreateKey]);
        let body = token.send[0].request.body.as_ref().unwrap();
        assert_eq!(
            body.shown,
            r#"{"name":"credfill-api-key","iam_id":"IBMid-270000ABCD","account_id":"0123456789abcdef0123456789abcdef","description":"credfill rotation"}"#
        );
        // Read again later (a new run), the rotation still knows the old key to delete.
        let again = reads(&new, proven.state, CREATED);
        assert_eq!(codes(&again.lines), ["new-key-works", "halfway"]);
        let proven = again;
        let delete = Call::DeleteKey { id: OLD_ID.into() };
        assert_eq!(view(&proven.state).next, Some(delete.clone()));
        let turn =
            flow::write::<RotateIbmKey>(new.clone(), proven.state.clone(), vec![delete.clone()]);
        let token = turn.unwrap().send[0].request.body.clone().unwrap();
        assert!(
            token.sent.expose().contains(&format!("apikey={NEW_KEY}")),
            "the old key is deleted with a token of the new one"
        );
        let deleted = click(&new, proven.state, delete, Answer::response(204, &[], ""));
        assert_eq!(codes(&deleted.lines), ["deleted"]);
        let v = view(&deleted.state);
        assert!(v.replaced.is_none() && v.next.is_none() && v.can_create);
        assert_eq!(v.key.unwrap().id, NEW_ID);
    }

    #[test]
    fn a_locked_old_key_is_unlocked_first_by_its_own_click() {
        let new = input(NEW_KEY);
        let locked: ApiKey =
            api_key_details::parse(&DETAILS.replace(r#""locked": false"#, r#""locked": true"#))
                .unwrap();
        let state = IbmRotation {
            replaced: Some(locked),
            ..IbmRotation::default()
        };
        let state = reads(&new, state, CREATED).state;
        let unlock = Call::UnlockKey { id: OLD_ID.into() };
        assert_eq!(view(&state).next, Some(unlock.clone()));
        let delete = Call::DeleteKey { id: OLD_ID.into() };
        let refused = flow::preview::<RotateIbmKey>(
            &new,
            &state,
            Asked {
                calls: vec![delete.clone()],
            },
        );
        assert_eq!(refused.err(), Some(RequestError::WriteNotPreviewed));
        let turn = click(&new, state, unlock, Answer::response(204, &[], ""));
        assert_eq!(codes(&turn.lines), ["unlocked"]);
        assert_eq!(view(&turn.state).next, Some(delete));
        // The key in use is locked: said so, and still rotated (only the old key is deleted).
        let locked_in_use = DETAILS.replace(r#""locked": false"#, r#""locked": true"#);
        let turn = reads(&input(OLD_KEY), IbmRotation::default(), &locked_in_use);
        assert_eq!(codes(&turn.lines), ["locked"]);
        assert!(view(&turn.state).can_create);
    }

    #[test]
    fn nothing_else_is_written_and_never_the_key_in_use() {
        let old = input(OLD_KEY);
        let state = reads(&old, IbmRotation::default(), DETAILS).state;
        for refused in [
            vec![Call::DeleteKey { id: OLD_ID.into() }],
            vec![Call::UnlockKey { id: OLD_ID.into() }],
            vec![Call::Details],
            vec![Call::CreateKey, Call::CreateKey],
            vec![],
        ] {
            let refused = flow::preview::<RotateIbmKey>(&old, &state, Asked { calls: refused });
            assert_eq!(refused.err(), Some(RequestError::WriteNotPreviewed));
        }
        let none = flow::preview::<RotateIbmKey>(
            &old,
            &IbmRotation::default(),
            Asked {
                calls: vec![Call::CreateKey],
            },
        );
        assert!(none.is_err(), "nothing is created before the key was read");
        // A rotation whose new key was not read yet offers nothing on the old key.
        let halfway = IbmRotation {
            key: state.key.clone(),
            replaced: state.key.clone(),
            ..IbmRotation::default()
        };
        assert_eq!(view(&halfway).next, None);
        assert!(!view(&halfway).can_create);
    }

    fn refused(call: Call, status: u16, body: &str) -> Vec<String> {
        let state = IbmRotation {
            key: api_key_details::parse(DETAILS),
            ..IbmRotation::default()
        };
        let mut old = input(OLD_KEY);
        old.token = Some(HeldToken {
            access_token: Secret::new("T"),
            expiration: 1,
        });
        let approved = [call.clone()];
        let answer = Answer::response(status, &[], body);
        let turn = flow::read::<RotateIbmKey>(old, state, &call, &answer, &approved).unwrap();
        assert!(turn.stop && turn.send.is_empty() && turn.new_key.is_none());
        assert_eq!(turn.state.said, turn.lines, "the panel shows it later");
        assert!(turn.state.key.is_some(), "nothing is lost");
        turn.lines
            .iter()
            .flat_map(|l| {
                [l.code.clone()]
                    .into_iter()
                    .chain(l.params.values().cloned())
            })
            .collect()
    }

    #[test]
    fn each_blocking_answer_says_what_blocks_in_iams_own_words() {
        // IAM documents no code for a restricted account or a trusted profile: its own is shown.
        assert_eq!(
            refused(Call::CreateKey, 403, UNKNOWN),
            [
                "creation-refused",
                "BXNIM0415E",
                "Provided API key could not be found"
            ]
        );
        let listed =
            r#"{"errors":[{"code":"not_found","message":"No key"}],"trace":"t","status_code":404}"#;
        let delete = Call::DeleteKey { id: OLD_ID.into() };
        assert_eq!(
            refused(delete, 404, listed),
            ["refused", "not_found", "404", "No key"]
        );
        assert_eq!(
            refused(Call::Token, 400, UNKNOWN),
            ["key-refused", "BXNIM0415E"]
        );
        assert_eq!(
            refused(Call::Details, 200, "<html>"),
            ["unexpected-answer", "200"]
        );
        assert_eq!(
            refused(Call::CreateKey, 201, DETAILS),
            ["unexpected-answer", "201"]
        );
        assert_eq!(
            refused(Call::Details, 502, "<html>"),
            ["unexpected-answer", "502"]
        );
        let offline: Answer = serde_json::from_str(r#"{"error":"network"}"#).unwrap();
        let turn = flow::read::<RotateIbmKey>(
            input(OLD_KEY),
            IbmRotation::default(),
            &Call::Token,
            &offline,
            &[],
        )
        .unwrap();
        assert_eq!(codes(&turn.lines), ["network"]);
        assert_eq!(turn.lines[0].params["host"], "iam.cloud.ibm.com");
    }

    #[test]
    fn a_new_key_iam_refuses_is_said_so() {
        let new = input(NEW_KEY);
        let state = IbmRotation {
            replaced: api_key_details::parse(DETAILS),
            ..IbmRotation::default()
        };
        let turn = flow::start::<RotateIbmKey>(new.clone(), state).unwrap();
        let turn = step(&new, turn, Answer::response(400, &[], UNKNOWN), &[]);
        assert!(turn.stop);
        assert_eq!(codes(&turn.lines), ["new-key-refused"]);
        assert!(
            turn.state.replaced.is_some(),
            "the old key is still to delete"
        );
    }

    #[test]
    fn other_clouds_and_profiles_without_an_api_key_are_not_rotated() {
        let mut huawei = input(OLD_KEY);
        huawei.profile.provider = Provider::Huawei;
        assert_eq!(
            RotateIbmKey::origins(&huawei).err(),
            Some(RequestError::Unsupported(Provider::Huawei))
        );
        let mut none = input(OLD_KEY);
        none.profile.credentials.clear();
        assert_eq!(
            flow::start::<RotateIbmKey>(none, IbmRotation::default()).err(),
            Some(RequestError::NoCredential("ibm-api-key"))
        );
    }
}

//! *Rotate this key* for a Huawei Cloud or Flexible Engine profile: Huawei's own rotation
//! (create → list or show → delete → switch to the new key; *密钥定期自动化轮换*,
//! https://support.huaweicloud.com/api-iam/iam_20_0002.html, where a user managing their own keys
//! needs no permission), from the key the profile holds and with the user's click on each write.
//!
//! 1. **Reads**: the account's ID (`X-Domain-Id`), the key's user, the user's keys (IAM allows
//!    two, https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html), each with
//!    its status, creation and last use.
//! 2. **Create** (a write): the new key's secret comes back once; it goes to the vault in place of
//!    the profile's key ([`Turn::new_key`]), the old key kept as retired as *Replace* keeps it.
//!    At the limit the user first deletes one of the keys not in use.
//! 3. The user proves the new key with *Test keys* (IAM may take a moment to accept it).
//! 4. **Deactivate, then delete** the old key (writes), signed with the new key the profile now
//!    holds. A key still listed that the profile keeps as retired is a rotation stopped half-way:
//!    the panel says so and offers these steps again.

use crate::cloud::catalog::endpoints;
use crate::cloud::iam::{
    accepted, auth_domains, create_access_key, delete_access_key, list_access_keys,
    show_access_key, update_access_key, AccessKey, Refusal,
};
use crate::cloud::key::SigningKey;
use crate::cloud::{Answer, Request, RequestError};
use crate::flows::flow::{Flow, KeyCreated, Turn};
use crate::policy::SetupWrite;
use crate::profile::{parse_ms, Credential, Profile, Provider, Status};
use crate::words::message_codes;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The keys IAM lets one user hold (the quota cannot be raised).
pub const KEY_LIMIT: usize = 2;

/// The profile and the caller's clock (`YYYYMMDDTHHMMSSZ`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rotate {
    pub profile: Profile,
    #[serde(default)]
    pub timestamp: String,
}

impl Rotate {
    /// The AK/SK the profile uses now (it signs every request).
    fn key_in_use(&self) -> Option<&str> {
        let key = self.profile.credentials.iter().find_map(Credential::aksk)?;
        Some(&key.access_key_id)
    }

    /// Whether `access_key` is the key a newer one replaced: this rotation's old key, or one the
    /// profile keeps as retired (until the new key passes *Test keys*).
    fn replaced(&self, state: &Rotation, access_key: &str) -> bool {
        state.replaced.as_deref() == Some(access_key)
            || self
                .profile
                .retired
                .iter()
                .filter_map(Credential::aksk)
                .any(|k| k.access_key_id == access_key)
    }

    fn user_name(&self) -> Option<String> {
        let key = self.profile.credentials.iter().find_map(Credential::aksk)?;
        key.user_name.clone()
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
    AccountId,
    ShowKey { access_key: String },
    ListKeys,
    CreateKey,
    DeactivateKey { access_key: String },
    DeleteKey { access_key: String },
}

impl Call {
    /// A rotation's writes: the new key, retiring and deleting the old one.
    pub fn writes_as(&self) -> Option<SetupWrite> {
        matches!(
            self,
            Call::CreateKey | Call::DeactivateKey { .. } | Call::DeleteKey { .. }
        )
        .then_some(SetupWrite::RotateKey)
    }
}

message_codes! {
    /// What a rotation says; the words are `rotate_<code>` in `_locales`.
    pub enum RotateCode {
        /// Temporary credentials are re-issued, not rotated.
        TemporaryKey = "temporary-key" [],
        /// The user holds the two keys IAM allows: one not in use goes first.
        TwoKeys = "two-keys" [],
        /// A key the profile replaced is still in the cloud: the rotation stopped half-way.
        Halfway = "halfway" [accessKey],
        Created = "created" [accessKey],
        Deactivated = "deactivated" [accessKey],
        Deleted = "deleted" [accessKey],
        /// A refused write of a key that could read its own keys: the account's access-key
        /// protection lets only administrators manage keys.
        Protected = "protected" [],
        /// A refused read: the key may not read its own keys.
        NoRights = "no-rights" [],
        /// API Gateway refused the key itself (wrong secret, unknown or locked key, clock).
        KeyRefused = "key-refused" [],
        /// The key this rotation just made was refused: IAM has not accepted it everywhere yet.
        NotPropagated = "not-propagated" [],
        FlexibleEngineDiffers = "flexible-engine-differs" [httpStatus],
        UnexpectedAnswer = "unexpected-answer" [httpStatus],
        Network = "network" [host],
    }
}

/// One thing the rotation said, in codes (kept in the state, so the panel shows it later: its
/// parameters are texts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub code: String,
    pub params: BTreeMap<String, String>,
}

impl Line {
    fn new(code: RotateCode) -> Self {
        Line::coded(code.as_str())
    }

    /// A line of another rotation's codes (IBM's).
    pub(crate) fn coded(code: &str) -> Self {
        Line {
            code: code.into(),
            params: BTreeMap::new(),
        }
    }

    pub(crate) fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.into(), value.to_string());
        self
    }
}

/// What the rotation found and did; no secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rotation {
    #[serde(default)]
    pub domain_id: Option<String>,
    #[serde(default)]
    pub user_id: Option<String>,
    /// `None` until the keys were listed.
    #[serde(default)]
    pub keys: Option<Vec<AccessKey>>,
    /// The key this rotation's new key replaced, until it is deleted (the profile's retired
    /// keys forget it once the new key passes *Test keys*).
    #[serde(default)]
    pub replaced: Option<String>,
    /// What the latest run said.
    #[serde(default)]
    pub said: Vec<Line>,
}

impl Rotation {
    fn key_mut(&mut self, access_key: &str) -> Option<&mut AccessKey> {
        let keys = self.keys.as_mut()?;
        keys.iter_mut().find(|k| k.access_key == access_key)
    }
}

pub struct RotateKey;

/// The writes a click sends (a rotation's calls: Huawei's, or IBM's).
#[derive(Debug, Clone, Deserialize)]
pub struct Asked<C> {
    #[serde(default = "Vec::new")]
    pub calls: Vec<C>,
}

impl<C> Default for Asked<C> {
    fn default() -> Self {
        Asked { calls: vec![] }
    }
}

impl Flow for RotateKey {
    type Input = Rotate;
    type State = Rotation;
    type Call = Call;
    type Line = Line;
    type Ask = Asked<Call>;
    type View = View;
    type Error = RequestError;

    fn origins(rotate: &Rotate) -> Result<Vec<String>, RequestError> {
        iam_origins(&rotate.profile)
    }

    /// Reads everything again; only the key this rotation replaced is remembered.
    fn start(rotate: Rotate, before: Rotation) -> Result<Turn<Self>, RequestError> {
        if holds_temporary_key(&rotate.profile)? {
            let said = vec![Line::new(RotateCode::TemporaryKey)];
            return Ok(Turn::stopped(Rotation::default(), said));
        }
        let state = Rotation {
            replaced: before.replaced,
            ..Rotation::default()
        };
        Turn::sending(&rotate, state, vec![Call::AccountId], vec![])
    }

    fn read(
        rotate: Rotate,
        state: Rotation,
        call: &Call,
        answer: &Answer,
    ) -> Result<Turn<Self>, RequestError> {
        let read = match accepted(answer) {
            Ok(body) => read(&rotate, state, call, body)
                .map_err(|state| (state, Refusal::Other(status_of(answer)))),
            Err(refusal) => Err((state, refusal)),
        };
        let (mut state, next, lines) = match read {
            Ok(read) => read,
            Err((mut state, refusal)) => {
                let lines = vec![refused(&rotate, &state, call, refusal)];
                state.said.extend(lines.clone());
                return Ok(Turn::stopped(state, lines));
            }
        };
        state.said.extend(lines.clone());
        let key_created = key_created(&rotate, &state, call, &next);
        let (calls, new_key) = match next {
            NextStep::Send(calls) => (calls, None),
            NextStep::Save(key) => (vec![], Some(key)),
        };
        let mut turn = Turn::sending(&rotate, state, calls, lines)?;
        turn.new_key = new_key;
        turn.key_created = key_created;
        Ok(turn)
    }

    fn request(rotate: &Rotate, state: &Rotation, call: &Call) -> Result<Request, RequestError> {
        let key = SigningKey::of(&rotate.profile, &rotate.timestamp)?;
        let found = endpoints(&rotate.profile);
        let iam = found.need_iam()?;
        // Every key action is in the account; its ID is the first read.
        let domain = || state.domain_id.as_deref().ok_or(RequestError::NotPlanned);
        let user = || state.user_id.as_deref().ok_or(RequestError::NotPlanned);
        match call {
            Call::AccountId => auth_domains::request(&key, iam),
            Call::ShowKey { access_key } => {
                show_access_key::request(&key, iam, domain()?, access_key)
            }
            Call::ListKeys => list_access_keys::request(&key, iam, domain()?, user()?),
            Call::CreateKey => create_access_key::request(&key, iam, domain()?, user()?),
            Call::DeactivateKey { access_key } => {
                update_access_key::deactivate(&key, iam, domain()?, access_key)
            }
            Call::DeleteKey { access_key } => {
                delete_access_key::request(&key, iam, domain()?, access_key)
            }
        }
    }

    fn writes_as(call: &Call) -> Option<SetupWrite> {
        call.writes_as()
    }

    /// A click's run says only what its own writes did.
    fn write(
        rotate: Rotate,
        mut state: Rotation,
        calls: Vec<Call>,
    ) -> Result<Turn<Self>, RequestError> {
        state.said.clear();
        Turn::sending(&rotate, state, calls, vec![])
    }

    /// Only what the panel offers: a new key below the limit, and a key not in use.
    fn writes(
        rotate: &Rotate,
        state: &Rotation,
        asked: Asked<Call>,
    ) -> Result<Vec<Call>, RequestError> {
        let offered = view(rotate, state);
        let allowed = |call: &Call| match call {
            Call::CreateKey => offered.can_create,
            Call::DeactivateKey { access_key } | Call::DeleteKey { access_key } => offered
                .keys
                .iter()
                .flatten()
                .any(|k| &k.key.access_key == access_key && k.role != KeyRole::InUse),
            _ => false,
        };
        match !asked.calls.is_empty() && asked.calls.iter().all(allowed) {
            true => Ok(asked.calls),
            false => Err(RequestError::WriteNotPreviewed),
        }
    }

    fn view(rotate: &Rotate, state: &Rotation) -> View {
        view(rotate, state)
    }
}

/// The IAM host a flow over a Huawei Cloud or Flexible Engine key reaches.
pub(crate) fn iam_origins(profile: &Profile) -> Result<Vec<String>, RequestError> {
    supported(profile)?;
    Ok(vec![endpoints(profile).need_iam()?.match_pattern()])
}

/// Whether the profile's AK/SK is temporary (it comes with a security token): such a key is
/// neither rotated nor exchanged for another. Refuses a profile without an AK/SK.
pub(crate) fn holds_temporary_key(profile: &Profile) -> Result<bool, RequestError> {
    supported(profile)?;
    let key = profile.credentials.iter().find_map(Credential::aksk);
    Ok(key
        .ok_or(RequestError::NoCredential("aksk"))?
        .security_token
        .is_some())
}

/// Only Huawei Cloud and Flexible Engine keys are rotated here.
fn supported(profile: &Profile) -> Result<(), RequestError> {
    match profile.provider.takes_huawei_keys() {
        true => Ok(()),
        false => Err(RequestError::Unsupported(profile.provider)),
    }
}

/// After an accepted answer: the requests it makes possible, or the key to save (a created key's).
enum NextStep {
    Send(Vec<Call>),
    Save(Credential),
}

type Read = (Rotation, NextStep, Vec<Line>);

/// An accepted answer read into the state; `Err` when its body is not what IAM documents.
fn read(rotate: &Rotate, mut state: Rotation, call: &Call, body: &str) -> Result<Read, Rotation> {
    let in_use = rotate.key_in_use().unwrap_or_default();
    let mut lines = vec![];
    let next = match call {
        Call::AccountId => match auth_domains::parse(body) {
            Some(id) => {
                state.domain_id = Some(id);
                vec![Call::ShowKey {
                    access_key: in_use.into(),
                }]
            }
            None => return Err(state),
        },
        Call::ShowKey { access_key } => {
            let Some(shown) = show_access_key::parse(body) else {
                return Err(state);
            };
            if access_key == in_use && state.keys.is_none() {
                // The key's own user: the one whose keys are listed (and rotated).
                state.user_id = Some(shown.user_id.clone());
                state.keys = Some(vec![shown]);
                return Ok((state, NextStep::Send(vec![Call::ListKeys]), lines));
            }
            if let Some(key) = state.key_mut(access_key) {
                key.last_used_at = shown.last_used_at;
            }
            vec![]
        }
        Call::ListKeys => {
            let Some(mut listed) = list_access_keys::parse(body) else {
                return Err(state);
            };
            // The listing does not say when a key was last used: keep what the key's read said.
            let shown = state.keys.take().unwrap_or_default();
            for key in &mut listed {
                let before = shown.iter().find(|s| s.access_key == key.access_key);
                key.last_used_at = before.and_then(|s| s.last_used_at.clone());
            }
            let others: Vec<Call> = listed
                .iter()
                .filter(|k| k.access_key != in_use)
                .map(|k| Call::ShowKey {
                    access_key: k.access_key.clone(),
                })
                .collect();
            let stopped_halfway = listed
                .iter()
                .find(|k| rotate.replaced(&state, &k.access_key));
            if let Some(old) = stopped_halfway {
                lines.push(Line::new(RotateCode::Halfway).with("accessKey", &old.access_key));
            } else if listed.len() >= KEY_LIMIT {
                lines.push(Line::new(RotateCode::TwoKeys));
            }
            state.keys = Some(listed);
            others
        }
        Call::CreateKey => {
            let Some((described, key)) = create_access_key::parse(body, rotate.user_name()) else {
                return Err(state);
            };
            lines.push(Line::new(RotateCode::Created).with("accessKey", &described.access_key));
            state.keys.get_or_insert_with(Vec::new).push(described);
            state.replaced = Some(in_use.into());
            return Ok((state, NextStep::Save(Credential::AkSk(key)), lines));
        }
        Call::DeactivateKey { access_key } => {
            if let Some(key) = state.key_mut(access_key) {
                key.status = "inactive".into();
            }
            lines.push(Line::new(RotateCode::Deactivated).with("accessKey", access_key));
            vec![]
        }
        Call::DeleteKey { access_key } => {
            if let Some(keys) = state.keys.as_mut() {
                keys.retain(|k| &k.access_key != access_key);
            }
            if state.replaced.as_ref() == Some(access_key) {
                state.replaced = None;
            }
            lines.push(Line::new(RotateCode::Deleted).with("accessKey", access_key));
            vec![]
        }
    };
    Ok((state, NextStep::Send(next), lines))
}

/// When the key the profile holds after this answer was made: the key in use, read first, or the
/// key just made (its record is in the create's answer).
fn key_created(
    rotate: &Rotate,
    state: &Rotation,
    call: &Call,
    next: &NextStep,
) -> Option<KeyCreated> {
    let held = match (call, next) {
        (Call::ShowKey { access_key }, _) if rotate.key_in_use() == Some(access_key) => access_key,
        (Call::CreateKey, NextStep::Save(Credential::AkSk(made))) => &made.access_key_id,
        _ => return None,
    };
    let keys = state.keys.as_deref()?;
    KeyCreated::of(keys.iter().find(|k| &k.access_key == held)?)
}

pub(crate) fn status_of(answer: &Answer) -> u16 {
    match answer {
        Answer::Response { status, .. } => *status,
        Answer::Failed { .. } => 0,
    }
}

/// What a refusal means for this call, in plain words.
fn refused(rotate: &Rotate, state: &Rotation, call: &Call, refusal: Refusal) -> Line {
    let flexible = rotate.profile.provider == Provider::FlexibleEngine;
    let differs = |status: u16| match flexible {
        true => Line::new(RotateCode::FlexibleEngineDiffers).with("httpStatus", status),
        false => Line::new(RotateCode::UnexpectedAnswer).with("httpStatus", status),
    };
    match refusal {
        Refusal::Unreached => {
            let host = endpoints(&rotate.profile).iam.map(|o| o.host);
            Line::new(RotateCode::Network).with("host", host.unwrap_or_default())
        }
        // Signed with the key this rotation made: a fresh key takes a moment to be accepted.
        Refusal::Key(_) if state.replaced.is_some() => Line::new(RotateCode::NotPropagated),
        Refusal::Key(_) => Line::new(RotateCode::KeyRefused),
        Refusal::TwoKeys => Line::new(RotateCode::TwoKeys),
        // The reads proved the key may see its own keys: a refused write is the account's
        // access-key protection (only administrators manage keys).
        Refusal::Forbidden if RotateKey::is_write(call) => Line::new(RotateCode::Protected),
        Refusal::Forbidden => Line::new(RotateCode::NoRights),
        Refusal::NotFound => differs(404),
        Refusal::Other(status) => differs(status),
    }
}

/// What a listed key is to this profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyRole {
    /// The profile's key: it signs the rotation and is never offered for deletion.
    InUse,
    /// The key a newer one replaced in the profile: the rotation deletes it.
    Replaced,
    /// Another key of the user's (another tool's, or one made elsewhere).
    Other,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyView {
    #[serde(flatten)]
    pub key: AccessKey,
    pub role: KeyRole,
}

/// What *Test keys* said of the new key, while the old one is still in the cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NewKeyTest {
    /// No check since the new key was made (or one that failed for another reason).
    Untested,
    /// A check since the key was made found the key unknown: IAM has not accepted it yet.
    NotAcceptedYet,
    /// It passed (the profile then forgets the retired key).
    Passed,
}

/// What the panel shows: the user's keys, whether a new one may be made, whether a rotation
/// stopped half-way (and what *Test keys* said of the new key), and what the latest run said.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub keys: Option<Vec<KeyView>>,
    pub limit: usize,
    pub can_create: bool,
    pub halfway: bool,
    pub new_key_test: Option<NewKeyTest>,
    pub said: Vec<Line>,
}

/// A passed check clears the profile's retired keys: the old key still listed but no longer
/// retired means the new one passed. A check recorded after the new key was made that found it
/// unknown means IAM has not accepted it yet.
fn new_key_test(rotate: &Rotate, keys: &[KeyView]) -> NewKeyTest {
    let retired = |key: &KeyView| {
        let mut retired = rotate.profile.retired.iter().filter_map(Credential::aksk);
        retired.any(|r| r.access_key_id == key.key.access_key)
    };
    let replaced: Vec<&KeyView> = keys
        .iter()
        .filter(|k| k.role == KeyRole::Replaced)
        .collect();
    if !replaced.is_empty() && !replaced.into_iter().any(retired) {
        return NewKeyTest::Passed;
    }
    let in_use = keys.iter().find(|k| k.role == KeyRole::InUse);
    let made_at = in_use.and_then(|k| parse_ms(k.key.created_at.as_deref()?));
    let check = rotate.profile.last_check.as_ref();
    let since_made = match (check.and_then(|c| parse_ms(&c.at)), made_at) {
        (Some(at), Some(made)) => at >= made,
        _ => false,
    };
    let unknown = check.is_some_and(|c| c.results.iter().any(|l| l.status == Status::BadAk));
    match since_made && unknown {
        true => NewKeyTest::NotAcceptedYet,
        false => NewKeyTest::Untested,
    }
}

pub fn view(rotate: &Rotate, state: &Rotation) -> View {
    let in_use = rotate.key_in_use().unwrap_or_default();
    let keys: Option<Vec<KeyView>> = state.keys.as_ref().map(|keys| {
        keys.iter()
            .map(|key| KeyView {
                role: match () {
                    _ if key.access_key == in_use => KeyRole::InUse,
                    _ if rotate.replaced(state, &key.access_key) => KeyRole::Replaced,
                    _ => KeyRole::Other,
                },
                key: key.clone(),
            })
            .collect()
    });
    let listed = keys.as_deref().unwrap_or_default();
    let halfway = listed.iter().any(|k| k.role == KeyRole::Replaced);
    View {
        new_key_test: halfway.then(|| new_key_test(rotate, listed)),
        can_create: state.user_id.is_some()
            && keys.is_some()
            && listed.len() < KEY_LIMIT
            && !halfway
            && listed.iter().any(|k| k.role == KeyRole::InUse),
        halfway,
        keys,
        limit: KEY_LIMIT,
        said: state.said.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::iam::tests::TWO_KEYS;
    use crate::cloud::key::tests::{aksk, header, key, profile, AK, SK, TIMESTAMP};
    use crate::flows::flow;

    const DOMAINS: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/keystone-list-auth-domains.json");
    const SHOW: &str = include_str!("../../tests/fixtures/cloud-answers/iam/credential-show.json");
    const LIST: &str = include_str!("../../tests/fixtures/cloud-answers/iam/credential-list.json");
    const CREATED: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/credential-create.json");
    const FORBIDDEN: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/keystone-403-forbidden.json");
    const WRONG_SK: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/apig-401-signature.json");
    const NOT_EXIST: &str =
        include_str!("../../tests/fixtures/cloud-answers/iam/apig-401-ak-not-exist.json");
    const DOMAIN: &str = "d78cbac186b744899480f25bd022f468";
    /// The documented answers' keys, the first being the profile's.
    const IN_USE: &str = "LOSZM4YRVLKOY9E8X...";
    const OTHER: &str = "P83EVBZJMXCYTMU...";

    fn rotate(provider: Provider, access_key: &str) -> Rotate {
        let region = match provider {
            Provider::FlexibleEngine => "eu-west-0",
            _ => "cn-north-4",
        };
        Rotate {
            profile: profile(provider, region, vec![key(access_key, SK, None)]),
            timestamp: TIMESTAMP.into(),
        }
    }

    fn ok(body: &str) -> Answer {
        Answer::response(200, &[], body)
    }

    /// The documented list, with only the profile's key when `one`.
    fn list(one: bool) -> String {
        let mut listed: serde_json::Value = serde_json::from_str(LIST).unwrap();
        if one {
            listed["credentials"].as_array_mut().unwrap().truncate(1);
        }
        listed.to_string()
    }

    fn calls(turn: &Turn<RotateKey>) -> Vec<Call> {
        turn.send.iter().map(|s| s.call.clone()).collect()
    }

    /// The reads, answered with the documented answers (the listing holds `one` key or two).
    fn reads(rotate: &Rotate, one: bool) -> Turn<RotateKey> {
        let turn = flow::start::<RotateKey>(rotate.clone(), Rotation::default()).unwrap();
        assert_eq!(calls(&turn), [Call::AccountId]);
        let turn = step(rotate, turn, &Call::AccountId, ok(DOMAINS));
        let show = Call::ShowKey {
            access_key: IN_USE.into(),
        };
        assert_eq!(calls(&turn), std::slice::from_ref(&show));
        let shown = SHOW.replace("LOSZM4YRVLKOY9E8...", IN_USE);
        let turn = step(rotate, turn, &show, ok(&shown));
        assert_eq!(calls(&turn), [Call::ListKeys]);
        // The key in use's record says when it was made: the profile keeps it for the reminder.
        assert_eq!(
            turn.key_created,
            Some(KeyCreated {
                access_key: IN_USE.into(),
                created_at: "2020-01-08T06:26:08.123059Z".into()
            })
        );
        let listed = step(rotate, turn, &Call::ListKeys, ok(&list(one)));
        assert_eq!(listed.key_created, None);
        listed
    }

    fn step(
        rotate: &Rotate,
        turn: Turn<RotateKey>,
        call: &Call,
        answer: Answer,
    ) -> Turn<RotateKey> {
        let approved: Vec<Call> = turn
            .send
            .iter()
            .filter(|s| s.write)
            .map(|s| s.call.clone())
            .collect();
        flow::read::<RotateKey>(rotate.clone(), turn.state, call, &answer, &approved).unwrap()
    }

    fn codes(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.code.as_str()).collect()
    }

    #[test]
    fn reads_find_the_user_and_each_key_with_its_last_use() {
        let r = rotate(Provider::Huawei, IN_USE);
        let turn = reads(&r, false);
        let other = Call::ShowKey {
            access_key: OTHER.into(),
        };
        assert_eq!(calls(&turn), std::slice::from_ref(&other));
        assert_eq!(codes(&turn.lines), ["two-keys"]);
        let shown = SHOW
            .replace("LOSZM4YRVLKOY9E8...", OTHER)
            .replace("06:26:08", "07:00:00");
        let turn = step(&r, turn, &other, ok(&shown));
        let v = view(&r, &turn.state);
        let keys = v.keys.unwrap();
        assert_eq!(
            keys.iter()
                .map(|k| (k.key.access_key.as_str(), k.role))
                .collect::<Vec<_>>(),
            [(IN_USE, KeyRole::InUse), (OTHER, KeyRole::Other)]
        );
        assert_eq!(
            keys[0].key.last_used_at.as_deref(),
            Some("2020-01-08T06:26:08.123059Z")
        );
        assert_eq!(
            keys[1].key.last_used_at.as_deref(),
            Some("2020-01-08T07:00:00.123059Z")
        );
        assert_eq!(
            turn.state.user_id.as_deref(),
            Some("07609fb9358010e21f7bc003751...")
        );
        assert!(!v.can_create && !v.halfway);
    }

    #[test]
    fn every_request_is_signed_for_the_account_with_the_profiles_key() {
        let r = rotate(Provider::Huawei, AK);
        let state = Rotation {
            domain_id: Some(DOMAIN.into()),
            user_id: Some("u1".into()),
            ..Rotation::default()
        };
        let cases = [
            (Call::AccountId, "GET", "/v3/auth/domains", None),
            (
                Call::ShowKey {
                    access_key: OTHER.into(),
                },
                "GET",
                "/v3.0/OS-CREDENTIAL/credentials/P83EVBZJMXCYTMU...",
                None,
            ),
            (
                Call::ListKeys,
                "GET",
                "/v3.0/OS-CREDENTIAL/credentials?user_id=u1",
                None,
            ),
            (
                Call::CreateKey,
                "POST",
                "/v3.0/OS-CREDENTIAL/credentials",
                Some(r#"{"credential":{"description":"credfill rotation","user_id":"u1"}}"#),
            ),
            (
                Call::DeactivateKey {
                    access_key: OTHER.into(),
                },
                "PUT",
                "/v3.0/OS-CREDENTIAL/credentials/P83EVBZJMXCYTMU...",
                Some(r#"{"credential":{"status":"inactive"}}"#),
            ),
            (
                Call::DeleteKey {
                    access_key: OTHER.into(),
                },
                "DELETE",
                "/v3.0/OS-CREDENTIAL/credentials/P83EVBZJMXCYTMU...",
                None,
            ),
        ];
        for (call, method, path, body) in cases {
            let request = RotateKey::request(&r, &state, &call).unwrap();
            assert_eq!(request.method, method);
            assert_eq!(
                request.url,
                format!("https://iam.cn-north-4.myhuaweicloud.com{path}")
            );
            let domain = header(&request.headers, "x-domain-id");
            assert_eq!(
                domain,
                (call != Call::AccountId).then_some(DOMAIN),
                "{call:?}"
            );
            assert!(header(&request.headers, "authorization")
                .unwrap()
                .contains(AK));
            let shown = request.body.as_ref().map(|b| b.shown.as_str());
            assert_eq!(shown, body);
            assert_eq!(
                RotateKey::is_write(&call),
                matches!(method, "POST" | "PUT" | "DELETE")
            );
        }
        // Nothing but the account's ID is asked before the account is known.
        let unknown = RotateKey::request(&r, &Rotation::default(), &Call::ListKeys);
        assert_eq!(unknown.err(), Some(RequestError::NotPlanned));
        let fe = rotate(Provider::FlexibleEngine, AK);
        let request = RotateKey::request(&fe, &state, &Call::ListKeys).unwrap();
        assert!(request
            .url
            .starts_with("https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/v3.0/"));
        assert_eq!(
            RotateKey::origins(&fe).unwrap(),
            ["https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/*"]
        );
    }

    #[test]
    fn the_new_keys_secret_goes_to_the_vault_only() {
        let r = rotate(Provider::Huawei, IN_USE);
        let turn = reads(&r, true);
        assert!(turn.send.is_empty() && turn.lines.is_empty());
        let v = view(&r, &turn.state);
        assert!(v.can_create);
        let shown = flow::preview::<RotateKey>(
            &r,
            &turn.state,
            Asked {
                calls: vec![Call::CreateKey],
            },
        );
        assert_eq!(shown.unwrap()[0].preview.method, "POST");
        let turn = flow::write::<RotateKey>(r.clone(), turn.state, vec![Call::CreateKey]).unwrap();
        let turn = step(
            &r,
            turn,
            &Call::CreateKey,
            Answer::response(201, &[], CREATED),
        );
        let Some(Credential::AkSk(new)) = &turn.new_key else {
            panic!("the new key goes to the vault");
        };
        assert_eq!(
            new.secret_access_key.expose(),
            "TTqAHPbhWorg9ozx8Dv9MUyzYnOKDppxzHt..."
        );
        assert_eq!(codes(&turn.lines), ["created"]);
        // Saved in place of the old key, the new key ages from its creation, as the answer says.
        assert_eq!(
            turn.key_created,
            Some(KeyCreated {
                access_key: "P83EVBZJMXCYTMUII...".into(),
                created_at: "2020-01-08T06:25:19.014028Z".into()
            })
        );
        let kept = serde_json::to_string(&turn.state).unwrap();
        let lines = serde_json::to_string(&turn.lines).unwrap();
        let viewed = serde_json::to_string(&view(&r, &turn.state)).unwrap();
        for text in [kept, lines, viewed] {
            assert!(!text.contains("TTqAH"), "the secret stays out of {text}");
        }
        assert!(turn.send.is_empty());
        // The vault now holds the new key, and Test keys dropped the retired one: the rotation
        // still knows which key it replaced.
        let after = rotate(Provider::Huawei, "P83EVBZJMXCYTMUII...");
        let again = flow::start::<RotateKey>(after.clone(), turn.state).unwrap();
        assert_eq!(again.state.replaced.as_deref(), Some(IN_USE));
        let roles: Vec<_> = view(&after, &two_keys(again.state))
            .keys
            .unwrap()
            .iter()
            .map(|k| k.role)
            .collect();
        assert_eq!(roles, [KeyRole::Replaced, KeyRole::InUse]);
    }

    fn two_keys(mut state: Rotation) -> Rotation {
        let listed = list(false).replace("P83EVBZJMXCYTMU...", "P83EVBZJMXCYTMUII...");
        state.keys = list_access_keys::parse(&listed);
        state
    }

    /// The profile after the vault saved the new key: the old one is kept as retired.
    fn rotated() -> Rotate {
        let mut r = rotate(Provider::Huawei, OTHER);
        r.profile.retired.push(key(IN_USE, SK, None));
        r
    }

    #[test]
    fn a_rotation_stopped_half_way_offers_to_remove_the_old_key_signed_with_the_new_one() {
        let r = rotated();
        let turn = flow::start::<RotateKey>(r.clone(), Rotation::default()).unwrap();
        let turn = step(&r, turn, &Call::AccountId, ok(DOMAINS));
        let shown = SHOW.replace("LOSZM4YRVLKOY9E8...", OTHER);
        let turn = step(
            &r,
            turn,
            &Call::ShowKey {
                access_key: OTHER.into(),
            },
            ok(&shown),
        );
        let turn = step(&r, turn, &Call::ListKeys, ok(&list(false)));
        assert_eq!(codes(&turn.lines), ["halfway"]);
        assert_eq!(turn.lines[0].params["accessKey"], IN_USE);
        let v = view(&r, &turn.state);
        assert!(v.halfway && !v.can_create);
        let old = || Call::DeactivateKey {
            access_key: IN_USE.into(),
        };
        let delete = || Call::DeleteKey {
            access_key: IN_USE.into(),
        };
        let state = turn.state;
        let turn = flow::write::<RotateKey>(r.clone(), state.clone(), vec![old()]).unwrap();
        assert!(header(&turn.send[0].request.headers, "authorization")
            .unwrap()
            .contains(OTHER));
        let turn = step(&r, turn, &old(), ok(""));
        assert_eq!(codes(&turn.lines), ["deactivated"]);
        assert_eq!(turn.state.keys.as_ref().unwrap()[0].status, "inactive");
        let turn = flow::write::<RotateKey>(r.clone(), turn.state, vec![delete()]).unwrap();
        let turn = step(&r, turn, &delete(), Answer::response(204, &[], ""));
        assert_eq!(codes(&turn.state.said), ["deleted"]);
        let v = view(&r, &turn.state);
        assert_eq!(v.keys.unwrap().len(), 1);
        assert!(!v.halfway);
    }

    #[test]
    fn after_a_rotation_the_panel_says_what_test_keys_said_of_the_new_key() {
        let listed = || {
            let mut state = Rotation {
                replaced: Some(IN_USE.into()),
                ..Rotation::default()
            };
            // The profile's new key was made at 06:25:19 (the documented list's second key).
            state.keys =
                list_access_keys::parse(&list(false).replace("LOSZM4YRVLKOY9E8X...", IN_USE));
            state
        };
        let checked = |at: &str, status: &str| {
            serde_json::from_value(serde_json::json!({
                "at": at, "passed": false,
                "results": [{"step": "iam.projects", "status": status, "severity": "error"}]
            }))
            .unwrap()
        };
        let test = |r: &Rotate| view(r, &listed()).new_key_test;
        let mut r = rotated();
        assert_eq!(test(&r), Some(NewKeyTest::Untested));
        r.profile.last_check = Some(checked("2020-01-08T06:30:00Z", "bad-ak"));
        assert_eq!(test(&r), Some(NewKeyTest::NotAcceptedYet));
        // A check of the old key, before the new one was made, says nothing of it.
        r.profile.last_check = Some(checked("2020-01-08T06:00:00Z", "bad-ak"));
        assert_eq!(test(&r), Some(NewKeyTest::Untested));
        r.profile.last_check = Some(checked("2020-01-08T06:30:00Z", "bad-sk"));
        assert_eq!(test(&r), Some(NewKeyTest::Untested));
        // A passed check forgets the retired key: the rotation still knows it replaced it.
        r.profile.retired.clear();
        assert_eq!(test(&r), Some(NewKeyTest::Passed));
        assert!(view(&r, &listed()).halfway);
        // Not half-way: nothing to say.
        let plain = rotate(Provider::Huawei, IN_USE);
        let one = Rotation {
            keys: list_access_keys::parse(&list(true)),
            ..Rotation::default()
        };
        assert_eq!(view(&plain, &one).new_key_test, None);
    }

    #[test]
    fn the_key_in_use_is_never_offered_and_nothing_unlisted_is_written() {
        let r = rotate(Provider::Huawei, IN_USE);
        let state = reads(&r, false).state;
        let ask = |calls| Asked { calls };
        let in_use = Call::DeleteKey {
            access_key: IN_USE.into(),
        };
        for refused in [
            vec![in_use],
            vec![Call::DeactivateKey {
                access_key: IN_USE.into(),
            }],
            vec![Call::CreateKey],
            vec![Call::DeleteKey {
                access_key: "unlisted".into(),
            }],
            vec![Call::ListKeys],
            vec![],
        ] {
            let refused = flow::preview::<RotateKey>(&r, &state, ask(refused));
            assert_eq!(refused.err(), Some(RequestError::WriteNotPreviewed));
        }
        let other = vec![Call::DeleteKey {
            access_key: OTHER.into(),
        }];
        assert!(flow::preview::<RotateKey>(&r, &state, ask(other)).is_ok());
        // Before anything was read nothing may be created.
        let none = flow::preview::<RotateKey>(&r, &Rotation::default(), ask(vec![Call::CreateKey]));
        assert!(none.is_err());
    }

    fn refusal(provider: Provider, call: Call, status: u16, body: &str) -> Vec<String> {
        let r = rotate(provider, IN_USE);
        let state = Rotation {
            domain_id: Some(DOMAIN.into()),
            user_id: Some("u1".into()),
            keys: Some(vec![]),
            ..Rotation::default()
        };
        let answer = Answer::response(status, &[], body);
        let approved = [call.clone()];
        let turn = flow::read::<RotateKey>(r, state, &call, &answer, &approved).unwrap();
        assert!(turn.stop && turn.send.is_empty() && turn.new_key.is_none());
        assert_eq!(turn.state.said, turn.lines, "the panel shows it later");
        turn.lines.iter().map(|l| l.code.clone()).collect()
    }

    #[test]
    fn each_blocking_answer_says_what_blocks_and_sends_nothing_more() {
        let huawei = Provider::Huawei;
        assert_eq!(
            refusal(huawei, Call::CreateKey, 400, TWO_KEYS),
            ["two-keys"]
        );
        assert_eq!(
            refusal(huawei, Call::CreateKey, 403, FORBIDDEN),
            ["protected"]
        );
        let delete = Call::DeleteKey {
            access_key: OTHER.into(),
        };
        assert_eq!(refusal(huawei, delete, 403, FORBIDDEN), ["protected"]);
        assert_eq!(
            refusal(huawei, Call::ListKeys, 403, FORBIDDEN),
            ["no-rights"]
        );
        assert_eq!(
            refusal(huawei, Call::AccountId, 401, WRONG_SK),
            ["key-refused"]
        );
        assert_eq!(
            refusal(huawei, Call::ListKeys, 404, "{}"),
            ["unexpected-answer"]
        );
        assert_eq!(
            refusal(huawei, Call::ListKeys, 200, "<html/>"),
            ["unexpected-answer"]
        );
        let fe = Provider::FlexibleEngine;
        assert_eq!(
            refusal(fe, Call::ListKeys, 404, "{}"),
            ["flexible-engine-differs"]
        );
        assert_eq!(
            refusal(fe, Call::CreateKey, 201, "{}"),
            ["flexible-engine-differs"]
        );
    }

    #[test]
    fn a_new_key_iam_does_not_accept_yet_is_said_so_and_nothing_is_retried() {
        let r = rotated();
        let state = Rotation {
            domain_id: Some(DOMAIN.into()),
            replaced: Some(IN_USE.into()),
            ..Rotation::default()
        };
        let call = Call::DeactivateKey {
            access_key: IN_USE.into(),
        };
        let refused = Answer::response(401, &[], NOT_EXIST);
        let approved = [call.clone()];
        let turn = flow::read::<RotateKey>(r, state, &call, &refused, &approved).unwrap();
        assert!(turn.stop && turn.send.is_empty());
        assert_eq!(codes(&turn.lines), ["not-propagated"]);
    }

    #[test]
    fn temporary_credentials_and_other_clouds_are_not_rotated() {
        let mut r = rotate(Provider::Huawei, AK);
        r.profile.credentials = vec![key(AK, SK, Some("token"))];
        let turn = flow::start::<RotateKey>(r, Rotation::default()).unwrap();
        assert!(turn.stop && turn.send.is_empty());
        assert_eq!(codes(&turn.lines), ["temporary-key"]);
        let ibm = Rotate {
            profile: profile(Provider::Ibm, "us-south", vec![aksk()]),
            timestamp: TIMESTAMP.into(),
        };
        assert_eq!(
            RotateKey::origins(&ibm).err(),
            Some(RequestError::Unsupported(Provider::Ibm))
        );
    }
}

//! Settings an organisation enforces: the managed policy the browser hands the extension
//! (`storage.managed`: Chrome's policy files under `3rdparty.extensions.<id>`, Firefox's
//! `policies.json` under `3rdparty.Extensions.<id>`; see docs/managed-policy.md).
//!
//! [`ManagedPolicy::read`] takes the object `storage.managed.get()` resolved to, as it is, and
//! never fails: each key is checked on its own, and a value it cannot read is replaced by the
//! stricter choice (a permission refused, the shortest time, the costliest key derivation),
//! with a [`Problem`] the options page shows. A bad policy never unlocks anything. No policy (an
//! empty object) leaves every setting the user's.
//!
//! The rules that use it live here too: the console hosts a fill may use, the vault settings the
//! user may keep, the key derivation of a new passphrase, what may be copied or downloaded with a
//! secret, which custom endpoints a profile may reach, and which setup writes may be sent.

use serde::Serialize;
use serde_json::{Map, Value};
use tsify_next::Tsify;

use crate::fill::{normalize_console_host, ExtraHost, HostError};
use crate::profile::{CustomOrigin, Document, Profile, Provider};
use crate::vault::{KdfCost, DEFAULT_COST};
use crate::words::{locale_key, message_codes, Param, Params};

mod schema;
pub use schema::KEYS;

/// The auto-lock setting's range, in minutes (extension/lib/vault-settings.js keeps the same
/// range for the user's own value).
const AUTO_LOCK_MINUTES: (u32, u32) = (1, 24 * 60);
/// The key-age reminder's range, in days.
const KEY_AGE_DAYS: (u32, u32) = (1, 3650);
/// What a key derivation floor the policy names but cannot be read becomes: the costliest the
/// vault accepts (256 MiB × 4 passes reaches its bound on memory × passes).
const STRICTEST_KDF: KdfCost = KdfCost {
    m_kib: 256 * 1024,
    t: 4,
    p: 1,
};

/// A setup action that writes to the user's cloud, as the policy's `allowedWrites` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum SetupWrite {
    /// Prepare ModelArts: the OBS bucket and its folders.
    CreateBucket,
    /// Prepare ModelArts: the ModelArts authorization.
    Authorize,
    /// OpenScale: adding a machine-learning provider.
    AddProvider,
    /// A key's rotation: create the new key, retire and delete the old one.
    RotateKey,
    /// *Use in code*: a temporary key (Huawei IAM's securitytokens) or a bearer token for a snippet.
    TemporaryKey,
}

impl SetupWrite {
    const ALL: [(SetupWrite, &'static str); 5] = [
        (SetupWrite::CreateBucket, "createBucket"),
        (SetupWrite::Authorize, "authorize"),
        (SetupWrite::AddProvider, "addProvider"),
        (SetupWrite::RotateKey, "rotateKey"),
        (SetupWrite::TemporaryKey, "temporaryKey"),
    ];

    /// Its name in a refusal (the term `managed_what_<name>`) and in `AllowedWrites`.
    fn term(self) -> &'static str {
        match self {
            SetupWrite::CreateBucket => "create-bucket",
            SetupWrite::Authorize => "authorize",
            SetupWrite::AddProvider => "add-provider",
            SetupWrite::RotateKey => "rotate-key",
            SetupWrite::TemporaryKey => "temporary-key",
        }
    }
}

/// What the user may do with a secret outside the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretUse {
    /// *Use in code* → *Copy with secret*.
    CopyWithSecret,
    /// *Use in code* → *Download* (a configuration file with the secret in it).
    Download,
}

message_codes! {
    /// Why a managed setting was not taken as given; the words are `managed_problem_<code>`.
    pub enum ProblemCode {
        /// The policy is not an object of settings.
        NotAnObject = "not-an-object" [],
        UnknownKey = "unknown-key" [key],
        NotABoolean = "not-a-boolean" [key],
        NotAWholeNumber = "not-a-whole-number" [key, min, max],
        NotAList = "not-a-list" [key],
        /// `allowedWrites` is not an object of booleans.
        NotWrites = "not-writes" [key],
        /// An entry of `consoleHosts` that is not `{host, provider}` with a console provider.
        BadConsoleHost = "bad-console-host" [key, host],
        /// An entry of `allowedEndpointOrigins` that is not an `https://host[:port]` origin.
        BadOrigin = "bad-origin" [key, origin],
        /// `kdfFloor` is not `{mKib, t, p}` between the vault's floor and its ceiling.
        BadKdf = "bad-kdf" [key],
    }
}

message_codes! {
    /// What the organisation's policy refuses; the words are `managed_<code>`, whichever panel
    /// shows them (extension/lib/words.js).
    pub enum PolicyRefusal {
        /// `what` is the term `managed_what_<action>`.
        Forbids = "policy-forbids" [what],
        /// The auto-lock may not be set above `max` minutes.
        LockMaximum = "policy-lock-maximum" [max],
        /// The key-age reminder is the organisation's: `days`.
        KeyAgeSet = "policy-key-age-set" [days],
        /// The profile's custom endpoint `origin` is not one the organisation allows.
        ForbidsEndpoint = "policy-forbids-endpoint" [origin],
        /// The same, when a profile edit would save it.
        ForbidsEndpointSaved = "policy-forbids-endpoint-saved" [origin],
    }
}

/// A refusal and its parameters, as the worker throws it (`{code, params}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    pub code: PolicyRefusal,
    pub params: Params,
}

/// What [`PolicyRefusal::Forbids`] names besides a [`SetupWrite`], each a term `managed_what_<what>`.
const FORBIDDABLE: &[&str] = &[
    "user-console-hosts",
    "copy-with-secret",
    "download",
    "custom-endpoints",
];

/// The terms a refusal names and the options page's label of each key (`managed_key_<key>`),
/// for the words test.
pub fn terms() -> impl Iterator<Item = String> {
    let whats = FORBIDDABLE
        .iter()
        .copied()
        .chain(SetupWrite::ALL.iter().map(|(write, _)| write.term()))
        .map(|what| locale_key("managed_what", what));
    whats.chain(KEYS.iter().map(|key| locale_key("managed_key", key)))
}

impl Refused {
    fn forbids(what: &'static str) -> Self {
        debug_assert!(
            FORBIDDABLE.contains(&what) || SetupWrite::ALL.iter().any(|(w, _)| w.term() == what)
        );
        Refused {
            code: PolicyRefusal::Forbids,
            params: [("what", Param::term("managed_what", what))].into(),
        }
    }
}

/// A managed setting that could not be read as given, and was taken as the stricter choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct Problem {
    pub code: ProblemCode,
    #[tsify(type = "Record<string, unknown>")]
    pub params: Params,
}

/// Which setup writes may be sent, each named as [`SetupWrite`] (the popup disables a write its
/// field refuses, and the options page lists them in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub struct AllowedWrites {
    pub create_bucket: bool,
    pub authorize: bool,
    pub add_provider: bool,
    pub rotate_key: bool,
    pub temporary_key: bool,
}

impl AllowedWrites {
    const ALL: AllowedWrites = AllowedWrites {
        create_bucket: true,
        authorize: true,
        add_provider: true,
        rotate_key: true,
        temporary_key: true,
    };
    const NONE: AllowedWrites = AllowedWrites {
        create_bucket: false,
        authorize: false,
        add_provider: false,
        rotate_key: false,
        temporary_key: false,
    };

    fn slot(&mut self, write: SetupWrite) -> &mut bool {
        match write {
            SetupWrite::CreateBucket => &mut self.create_bucket,
            SetupWrite::Authorize => &mut self.authorize,
            SetupWrite::AddProvider => &mut self.add_provider,
            SetupWrite::RotateKey => &mut self.rotate_key,
            SetupWrite::TemporaryKey => &mut self.temporary_key,
        }
    }

    pub fn allows(mut self, write: SetupWrite) -> bool {
        *self.slot(write)
    }
}

/// The vault settings a user keeps (extension/lib/vault-settings.js stores them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct VaultSettings {
    pub auto_lock_minutes: u32,
    pub max_key_age_days: u32,
}

/// The organisation's settings, each as it applies: a setting the policy does not name is the
/// user's (every permission given, no limit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ManagedPolicy {
    /// Console hosts the organisation adds, each with its provider.
    pub console_hosts: Vec<ExtraHost>,
    /// Whether users may add console hosts of their own (and fill on those they added).
    pub allow_user_console_hosts: bool,
    pub max_auto_lock_minutes: Option<u32>,
    /// The key-age reminder's days, in place of the user's.
    pub key_age_reminder_days: Option<u32>,
    /// The least key derivation cost of a new or changed passphrase.
    pub kdf_floor: Option<KdfCost>,
    pub allow_copy_with_secret: bool,
    pub allow_download: bool,
    pub allow_custom_endpoints: bool,
    /// When named, the only custom endpoint origins a profile may reach.
    pub allowed_endpoint_origins: Option<Vec<String>>,
    pub allowed_writes: AllowedWrites,
    /// The keys the organisation set (read or not), in [`KEYS`] order: the options page locks them.
    pub managed: Vec<&'static str>,
    pub problems: Vec<Problem>,
}

impl Default for ManagedPolicy {
    fn default() -> Self {
        ManagedPolicy {
            console_hosts: vec![],
            allow_user_console_hosts: true,
            max_auto_lock_minutes: None,
            key_age_reminder_days: None,
            kdf_floor: None,
            allow_copy_with_secret: true,
            allow_download: true,
            allow_custom_endpoints: true,
            allowed_endpoint_origins: None,
            allowed_writes: AllowedWrites::ALL,
            managed: vec![],
            problems: vec![],
        }
    }
}

/// Reads one key's value, noting a problem (and giving the stricter choice) when it cannot.
struct Reader<'a> {
    problems: &'a mut Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, code: ProblemCode, key: &str, more: Params) -> &mut Self {
        let mut params: Params = [("key", Param::from(key))].into();
        params.extend(more);
        self.problems.push(Problem { code, params });
        self
    }

    /// A boolean; anything else is `false`: the permission refused.
    fn boolean(&mut self, key: &str, value: &Value) -> bool {
        value.as_bool().unwrap_or_else(|| {
            self.problem(ProblemCode::NotABoolean, key, Params::new());
            false
        })
    }

    /// A whole number within `(min, max)`; anything else is `min`: the shortest time.
    fn whole(&mut self, key: &str, value: &Value, (min, max): (u32, u32)) -> u32 {
        let read = value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (min..=max).contains(n));
        read.unwrap_or_else(|| {
            let range = [
                ("min", Param::Number(min.into())),
                ("max", Param::Number(max.into())),
            ];
            self.problem(ProblemCode::NotAWholeNumber, key, range.into());
            min
        })
    }

    /// A list's entries, each read by `entry` (`None`: dropped); not a list, no entry.
    fn list<T>(
        &mut self,
        key: &str,
        value: &Value,
        mut entry: impl FnMut(&mut Self, &Value) -> Option<T>,
    ) -> Vec<T> {
        let Some(items) = value.as_array() else {
            self.problem(ProblemCode::NotAList, key, Params::new());
            return vec![];
        };
        items.iter().filter_map(|item| entry(self, item)).collect()
    }

    /// `{host, provider}`: the host as the options page would store it, a provider with consoles.
    /// A built-in console host is dropped without a word: it is filled already.
    fn console_host(&mut self, key: &str, value: &Value) -> Option<ExtraHost> {
        let text = |name| value.get(name).and_then(Value::as_str);
        let provider = text("provider")
            .and_then(|p| serde_json::from_value::<Provider>(Value::from(p)).ok())
            .filter(|p| p.has_console());
        let shown = text("host").unwrap_or_default();
        match (text("host").map(normalize_console_host), provider) {
            (Some(Err(HostError::BuiltIn)), Some(_)) => None,
            (Some(Ok(host)), Some(provider)) => Some(ExtraHost { host, provider }),
            _ => {
                let host = [("host", Param::from(shown))];
                self.problem(ProblemCode::BadConsoleHost, key, host.into());
                None
            }
        }
    }

    /// An `https:` origin, written as a profile's custom endpoint is.
    fn origin(&mut self, key: &str, value: &Value) -> Option<String> {
        let text = value.as_str().unwrap_or_default();
        match CustomOrigin::parse(text) {
            Ok(origin) if origin.scheme == "https" => Some(origin.into()),
            _ => {
                let origin = [("origin", Param::from(text))];
                self.problem(ProblemCode::BadOrigin, key, origin.into());
                None
            }
        }
    }

    /// `{mKib, t, p}` from the vault's floor to its ceiling; anything else the costliest.
    fn kdf(&mut self, key: &str, value: &Value) -> KdfCost {
        serde_json::from_value::<KdfCost>(value.clone())
            .ok()
            .filter(|cost| !cost.is_below_floor() && !cost.is_above_ceiling())
            .unwrap_or_else(|| {
                self.problem(ProblemCode::BadKdf, key, Params::new());
                STRICTEST_KDF
            })
    }

    /// `{createBucket, authorize, addProvider, rotateKey, temporaryKey}`: a write named with anything but
    /// `true` is refused; one left out is allowed. Not an object: every write refused.
    fn writes(&mut self, key: &str, value: &Value) -> AllowedWrites {
        let mut allowed = AllowedWrites::ALL;
        let Some(named) = value.as_object() else {
            self.problem(ProblemCode::NotWrites, key, Params::new());
            return AllowedWrites::NONE;
        };
        for (name, value) in named {
            let full = format!("{key}.{name}");
            match SetupWrite::ALL.iter().find(|(_, known)| known == name) {
                Some(&(write, _)) => *allowed.slot(write) = self.boolean(&full, value),
                None => {
                    self.problem(ProblemCode::UnknownKey, &full, Params::new());
                }
            }
        }
        allowed
    }
}

impl ManagedPolicy {
    /// The policy `storage.managed` holds (`{}` or `null` when there is none).
    pub fn read(raw: &Value) -> ManagedPolicy {
        let mut policy = ManagedPolicy::default();
        let empty = Map::new();
        let settings = match raw {
            Value::Object(settings) => settings,
            Value::Null => &empty,
            _ => {
                // Nothing can be read: every setting takes its stricter choice.
                let strict: Map<String, Value> = KEYS
                    .iter()
                    .map(|&key| (key.to_owned(), Value::Null))
                    .collect();
                let mut policy = ManagedPolicy::read(&Value::Object(strict));
                policy.problems = vec![Problem {
                    code: ProblemCode::NotAnObject,
                    params: Params::new(),
                }];
                return policy;
            }
        };
        let mut problems = vec![];
        let mut reader = Reader {
            problems: &mut problems,
        };
        for (key, value) in settings {
            let Some(&key) = KEYS.iter().find(|&&known| known == key) else {
                reader.problem(ProblemCode::UnknownKey, key, Params::new());
                continue;
            };
            let r = &mut reader;
            match key {
                "consoleHosts" => {
                    policy.console_hosts = r.list(key, value, |r, v| r.console_host(key, v))
                }
                "allowUserConsoleHosts" => policy.allow_user_console_hosts = r.boolean(key, value),
                "maxAutoLockMinutes" => {
                    policy.max_auto_lock_minutes = Some(r.whole(key, value, AUTO_LOCK_MINUTES))
                }
                "keyAgeReminderDays" => {
                    policy.key_age_reminder_days = Some(r.whole(key, value, KEY_AGE_DAYS))
                }
                "kdfFloor" => policy.kdf_floor = Some(r.kdf(key, value)),
                "allowCopyWithSecret" => policy.allow_copy_with_secret = r.boolean(key, value),
                "allowDownload" => policy.allow_download = r.boolean(key, value),
                "allowCustomEndpoints" => policy.allow_custom_endpoints = r.boolean(key, value),
                "allowedEndpointOrigins" => {
                    policy.allowed_endpoint_origins =
                        Some(r.list(key, value, |r, v| r.origin(key, v)))
                }
                "allowedWrites" => policy.allowed_writes = r.writes(key, value),
                _ => unreachable!("every key of KEYS is read above"),
            }
        }
        policy.managed = KEYS
            .iter()
            .copied()
            .filter(|key| settings.contains_key(*key))
            .collect();
        policy.problems = problems;
        policy
    }

    /// The console hosts a fill may use besides the built-in ones: the organisation's, then the
    /// user's own when the policy lets users add hosts.
    pub fn console_hosts(&self, users: &[ExtraHost]) -> Vec<ExtraHost> {
        let mut hosts = self.console_hosts.clone();
        if self.allow_user_console_hosts {
            let known = |h: &ExtraHost| hosts.iter().any(|m| m.host == h.host);
            let added: Vec<_> = users.iter().filter(|h| !known(h)).cloned().collect();
            hosts.extend(added);
        }
        hosts
    }

    /// Whether the user may add a console host of their own.
    pub fn check_user_console_host(&self) -> Result<(), Refused> {
        match self.allow_user_console_hosts {
            true => Ok(()),
            false => Err(Refused::forbids("user-console-hosts")),
        }
    }

    /// The user's vault settings within the policy: the auto-lock no longer than its maximum, the
    /// key-age reminder the organisation's.
    pub fn vault_settings(&self, user: VaultSettings) -> VaultSettings {
        VaultSettings {
            auto_lock_minutes: self
                .max_auto_lock_minutes
                .map_or(user.auto_lock_minutes, |max| {
                    user.auto_lock_minutes.min(max)
                }),
            max_key_age_days: self.key_age_reminder_days.unwrap_or(user.max_key_age_days),
        }
    }

    /// Refuses settings the user asks for that the policy does not allow (rather than saving
    /// something else than what they typed).
    pub fn check_vault_settings(&self, asked: VaultSettings) -> Result<(), Refused> {
        if let Some(max) = self.max_auto_lock_minutes {
            if asked.auto_lock_minutes > max {
                return Err(Refused {
                    code: PolicyRefusal::LockMaximum,
                    params: [("max", Param::Number(max.into()))].into(),
                });
            }
        }
        match self.key_age_reminder_days {
            Some(days) if asked.max_key_age_days != days => Err(Refused {
                code: PolicyRefusal::KeyAgeSet,
                params: [("days", Param::Number(days.into()))].into(),
            }),
            _ => Ok(()),
        }
    }

    /// The key derivation cost of a new or changed passphrase: the vault's default, raised to the
    /// organisation's floor in each of its knobs.
    pub fn new_kdf_cost(&self) -> KdfCost {
        let floor = self.kdf_floor.unwrap_or(DEFAULT_COST);
        KdfCost {
            m_kib: floor.m_kib.max(DEFAULT_COST.m_kib),
            t: floor.t.max(DEFAULT_COST.t),
            p: floor.p.max(DEFAULT_COST.p),
        }
    }

    /// Whether a stored record's key derivation is below the vault's floor or the organisation's:
    /// once its passphrase has opened it, it is sealed again under [`Self::new_kdf_cost`].
    pub fn below_kdf_floor(&self, cost: KdfCost) -> bool {
        let below =
            |floor: KdfCost| cost.m_kib < floor.m_kib || cost.t < floor.t || cost.p < floor.p;
        cost.is_below_floor() || self.kdf_floor.is_some_and(below)
    }

    pub fn check_secret_use(&self, secret_use: SecretUse) -> Result<(), Refused> {
        match secret_use {
            SecretUse::CopyWithSecret if !self.allow_copy_with_secret => {
                Err(Refused::forbids("copy-with-secret"))
            }
            SecretUse::Download if !self.allow_download => Err(Refused::forbids("download")),
            _ => Ok(()),
        }
    }

    /// Refuses a setup write the organisation does not allow.
    pub fn check_write(&self, write: SetupWrite) -> Result<(), Refused> {
        match self.allowed_writes.allows(write) {
            true => Ok(()),
            false => Err(Refused::forbids(write.term())),
        }
    }

    /// Refuses a profile whose custom endpoints the policy does not allow, before anything of it
    /// is sent.
    pub fn check_endpoints(&self, profile: &Profile) -> Result<(), Refused> {
        let Some(endpoint) = &profile.endpoint else {
            return Ok(());
        };
        if !self.allow_custom_endpoints {
            return Err(Refused::forbids("custom-endpoints"));
        }
        let Some(allowed) = &self.allowed_endpoint_origins else {
            return Ok(());
        };
        let each = endpoint.per_service();
        let origins = [
            each.obs,
            each.iam,
            each.modelarts,
            each.ibm_iam,
            each.resource_controller,
            each.openscale,
        ];
        match origins
            .into_iter()
            .flatten()
            .map(String::from)
            .find(|origin| !allowed.contains(origin))
        {
            Some(origin) => Err(Refused {
                code: PolicyRefusal::ForbidsEndpoint,
                params: [("origin", Param::from(origin))].into(),
            }),
            None => Ok(()),
        }
    }

    /// Refuses a change of the vault (`before` → `after`) that gives a profile custom endpoints
    /// the organisation does not allow: the profile editor's save. Endpoints the change leaves as
    /// they were (a profile saved before the policy, a deletion undone) are refused when they are
    /// used ([`Self::check_endpoints`]); going back to the catalog is always allowed.
    pub fn check_saved(&self, before: &Document, after: &Document) -> Result<(), Refused> {
        let kept = |p: &Profile| {
            let known = before.profiles.iter();
            let deleted = before.deleted.as_ref().map(|d| &d.profile);
            known
                .chain(deleted)
                .any(|b| b.id == p.id && b.endpoint == p.endpoint)
        };
        let changed = |p: &&Profile| p.endpoint.is_some() && !kept(p);
        after
            .profiles
            .iter()
            .filter(changed)
            .try_for_each(|profile| {
                self.check_endpoints(profile)
                    .map_err(|refused| match refused.code {
                        PolicyRefusal::ForbidsEndpoint => Refused {
                            code: PolicyRefusal::ForbidsEndpointSaved,
                            ..refused
                        },
                        _ => refused,
                    })
            })
    }
}

#[cfg(test)]
mod tests;

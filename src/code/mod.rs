//! "Use this key in code": the configuration each SDK or CLI wants for a profile's key, rendered
//! from templates that are data (one table per target family: [`obs`], [`modelarts`], [`ibm`]).
//!
//! A template's text names the values it needs as `{name}` ([`Value`]); a line that starts with
//! `{?name}` is kept only when the value is known, one that starts with `{!name}` only when it is
//! not. `{secret}` is the key's secret: by default a program reads it from the environment variable
//! the template names ([`Template::secret_env`]); only [`render`] with `with_secret` writes the
//! secret itself, and config files (which have no way to read the environment) exist only so.
//! Every value is escaped for the target's language ([`Language::literal`]). A comment that explains
//! the snippet says so in the user's language: `{~code}` is replaced by the words of a [`Comment`]
//! the caller passes in (`_locales`' `code_comment_<code>`), after the values, so those words are
//! never read as a template.

mod escape;
mod ibm;
mod modelarts;
mod obs;

pub use escape::Language;

use crate::cloud::catalog::{self, Origin};
use crate::cloud::ibm::iam_token::HeldToken;
use crate::profile::{AkSk, Credential, Profile, Provider};
use crate::secret::Secret;
use crate::words::{message_codes, Param, Params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tsify_next::Tsify;

/// What a snippet configures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    ObsPython,
    Obsutil,
    ObsutilConfig,
    S3cmd,
    AwsCli,
    ModelartsPython,
    ModelartsSession,
    HuaweicloudCredentials,
    HuaweicloudEnv,
    HuaweicloudDotenv,
    OpenscalePython,
    IbmcloudLogin,
    IbmcloudEnv,
    IbmcloudDotenv,
    TerraformIbm,
}

/// The values a template can name, each as `{name}` in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// The access key ID.
    Ak,
    /// The SK or API key: never a plain value, see [`Template::secret_env`].
    Secret,
    Region,
    ProjectId,
    /// Only when the project ID is not known: the IAM endpoint the SDK looks it up at.
    IamUrl,
    ObsUrl,
    /// `host[:port]` of OBS, and the host s3cmd addresses a bucket at.
    ObsHost,
    ObsBucketHost,
    /// s3cmd's `use_https`: `True` or `False`.
    ObsHttps,
    /// ModelArts' endpoint: the catalog's, or the profile's own.
    ModelartsUrl,
    /// The region, where huaweicloudsdkmodelarts' own table gives the catalog's ModelArts host
    /// (Huawei Cloud without a custom endpoint: the catalog is generated from that table).
    ModelartsRegion,
    OpenscaleUrl,
    /// Only a custom IAM: the SDK knows IBM's own.
    IbmIamUrl,
    /// The OpenScale service instance GUID.
    Instance,
    /// A temporary key's security token (a secret: only with the secret's own snippet).
    SecurityToken,
    /// When a temporary key expires, as IAM wrote it (the `{~temporary-until}` comment says it).
    ExpiresAt,
    /// An IBM IAM bearer token, in place of the API key (a secret: only with the secret's own snippet).
    BearerToken,
}

impl Value {
    const ALL: [Value; 17] = [
        Value::Ak,
        Value::Secret,
        Value::Region,
        Value::ProjectId,
        Value::IamUrl,
        Value::ObsUrl,
        Value::ObsHost,
        Value::ObsBucketHost,
        Value::ObsHttps,
        Value::ModelartsUrl,
        Value::ModelartsRegion,
        Value::OpenscaleUrl,
        Value::IbmIamUrl,
        Value::Instance,
        Value::SecurityToken,
        Value::ExpiresAt,
        Value::BearerToken,
    ];

    fn name(self) -> &'static str {
        match self {
            Value::Ak => "ak",
            Value::Secret => "secret",
            Value::Region => "region",
            Value::ProjectId => "project_id",
            Value::IamUrl => "iam_url",
            Value::ObsUrl => "obs_url",
            Value::ObsHost => "obs_host",
            Value::ObsBucketHost => "obs_bucket_host",
            Value::ObsHttps => "obs_https",
            Value::ModelartsUrl => "modelarts_url",
            Value::ModelartsRegion => "modelarts_region",
            Value::OpenscaleUrl => "openscale_url",
            Value::IbmIamUrl => "ibm_iam_url",
            Value::Instance => "instance",
            Value::SecurityToken => "security_token",
            Value::ExpiresAt => "expires_at",
            Value::BearerToken => "bearer_token",
        }
    }

    /// The `_locales` keys of every value's name, as a refusal's `value` param shows it.
    pub fn terms() -> impl Iterator<Item = String> {
        Value::ALL
            .into_iter()
            .map(|v| crate::words::locale_key("code_value", v.name()))
    }

    fn named(name: &str) -> Option<Value> {
        Value::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// One target's template.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub target: Target,
    pub language: Language,
    pub providers: &'static [Provider],
    /// The file a *Download* writes, named as the tool looks for it; `None` for a snippet to paste.
    pub file_name: Option<&'static str>,
    /// The environment variable the default snippet reads the secret from (and says so); `None`
    /// when the text always holds the secret (a config file, an `export` block).
    pub secret_env: Option<&'static str>,
    /// What the text cannot do without.
    pub needs: &'static [Value],
    /// Written before every line that is not a comment (`export ` for shell variable blocks).
    pub line_prefix: &'static str,
    /// Whether the text has a form for a temporary key (its `{?security_token}` lines).
    pub temporary: bool,
    pub text: &'static str,
}

impl Template {
    /// A program or command, which by default reads the secret from `secret_env`.
    const fn program(
        target: Target,
        language: Language,
        providers: &'static [Provider],
        secret_env: &'static str,
        needs: &'static [Value],
        text: &'static str,
    ) -> Template {
        Template {
            target,
            language,
            providers,
            file_name: None,
            secret_env: Some(secret_env),
            needs,
            line_prefix: "",
            temporary: true,
            text,
        }
    }

    /// A tool with no documented way to take a temporary key's security token.
    const fn permanent_only(self) -> Template {
        Template {
            temporary: false,
            ..self
        }
    }

    /// A config file to download, which always holds the secret.
    const fn file(
        target: Target,
        language: Language,
        providers: &'static [Provider],
        file_name: &'static str,
        needs: &'static [Value],
        text: &'static str,
    ) -> Template {
        Template {
            file_name: Some(file_name),
            secret_env: None,
            ..Template::program(target, language, providers, "", needs, text)
        }
    }

    /// `NAME={value}` lines: a shell `export` block to paste, or a `.env` file (for `Dotenv`).
    const fn variables(
        target: Target,
        language: Language,
        providers: &'static [Provider],
        text: &'static str,
    ) -> Template {
        let dotenv = matches!(language, Language::Dotenv);
        Template {
            file_name: if dotenv { Some(".env") } else { None },
            line_prefix: if dotenv { "" } else { "export " },
            secret_env: None,
            ..Template::program(target, language, providers, "", &[], text)
        }
    }
}

/// Every template, by family.
pub fn templates() -> impl Iterator<Item = &'static Template> {
    obs::TEMPLATES
        .iter()
        .chain(modelarts::TEMPLATES)
        .chain(ibm::TEMPLATES)
}

fn template(target: Target) -> &'static Template {
    templates()
        .find(|t| t.target == target)
        .expect("every target has a template")
}

message_codes! {
    /// What a snippet's comments explain (`{~code}` in a template); words are
    /// `code_comment_<code>` in `_locales`, `{variable}` being the template's [`Template::secret_env`].
    pub enum Comment {
        ReadsSk = "reads-sk" [variable],
        ReadsApiKey = "reads-api-key" [variable],
        ProviderReadsApiKey = "provider-reads-api-key" [variable],
        /// A temporary key's snippet: until when it works, and how to get a new one.
        TemporaryUntil = "temporary-until" [expires],
        OrKeyFile = "or-key-file" [],
        ObsutilSteps = "obsutil-steps" [],
        S3Compatible = "s3-compatible" [],
        NotebookSdk = "notebook-sdk" [],
        IbmProvider = "ibm-provider" [],
        /// The IBM variable blocks' bearer-token form: which client reads it, and that the CLI does not.
        OpenscaleReadsToken = "openscale-reads-token" [],
    }
}

/// The words of each [`Comment`] by its `_locales` key, in the user's language.
pub type CommentWords = BTreeMap<String, String>;

/// The words of `{~code}` for `template`: the caller's, on one line, `{variable}` and `{expires}`
/// filled; the code itself when the caller has none (a test, or a language without them).
fn comment_words(
    code: &str,
    template: &Template,
    values: &BTreeMap<Value, String>,
    words: &CommentWords,
) -> String {
    let key = crate::words::locale_key("code_comment", code);
    let said = words.get(&key).map_or(code, String::as_str);
    // A line break in the words would end the comment and start code (see `one_line`).
    let on_one_line: String = said
        .chars()
        .map(|c| if LINE_BREAKS.contains(&c) { ' ' } else { c })
        .collect();
    let expires = values.get(&Value::ExpiresAt).map_or("", String::as_str);
    on_one_line
        .replace("{variable}", template.secret_env.unwrap_or_default())
        .replace("{expires}", expires)
}

message_codes! {
    /// Why a snippet was not made: words are `code_error_<code>` in `_locales`.
    pub enum CodeError {
        /// The target is for another provider's keys.
        WrongProvider = "wrong-provider" [],
        /// The profile holds no key this target uses (an AK/SK, an IBM API key).
        NoKey = "no-key" [],
        /// `value` (a term `code_value_<name>`) is not known for this profile yet.
        MissingValue = "missing-value" [value],
        /// A config file always holds the secret: it is made only on the explicit request.
        NeedsSecret = "needs-secret" [],
        /// `value` cannot be written in this file's format (surrounding spaces, a line break).
        Unrepresentable = "unrepresentable" [value],
        /// A temporary key needs its security token, which this tool has no documented way to take.
        NoTemporaryForm = "no-temporary-form" [],
    }
}

impl CodeError {
    fn about(self, value: Value) -> (CodeError, Params) {
        (
            self,
            [("value", Param::term("code_value", value.name()))].into(),
        )
    }
}

/// A refused snippet: the code and its params (never a value: only which one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    pub code: CodeError,
    pub params: Params,
}

impl From<CodeError> for Refused {
    fn from(code: CodeError) -> Self {
        Refused {
            code,
            params: Params::new(),
        }
    }
}

impl From<(CodeError, Params)> for Refused {
    fn from((code, params): (CodeError, Params)) -> Self {
        Refused { code, params }
    }
}

/// A rendered snippet. Its text is a [`Secret`] whether or not it holds the secret: it names the
/// key and the account's IDs, and with `with_secret` it is the secret's own carrier.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    /// What was rendered; its `secret_env` is `None` when the text holds the secret.
    #[serde(flatten)]
    pub about: Offer,
    pub with_secret: bool,
    pub text: Secret,
    /// A short-lived credential's expiry, as written in the snippet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// What the "Use in code" panel offers for a profile: the targets of its provider.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub target: Target,
    pub language: Language,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_name: Option<&'static str>,
    /// `None`: only the variant with the secret exists (copy with secret, download).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_env: Option<&'static str>,
    /// Whether a temporary key can be asked for this snippet (see [`Temporary`]).
    pub temporary: Temporary,
    /// The lifetimes one can be asked for, in seconds.
    pub lifetimes: &'static [u32],
    /// Those of them that make a new API key, one the account's list of keys shows (IBM).
    pub new_key_lifetimes: &'static [u32],
}

/// What a short-lived key offers for a snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum Temporary {
    /// The permanent key only (another cloud, a tool without a token form).
    No,
    /// Offered, and the panel's default (Huawei Cloud, whose IAM documents it for AK/SK calls).
    Default,
    /// Offered, the permanent key the default: Flexible Engine's IAM has the same call, but no
    /// page says it answers it for an AK/SK signature.
    Unconfirmed,
}

impl Offer {
    fn of(t: &Template, provider: Provider) -> Self {
        let (temporary, lifetimes) = match provider {
            Provider::Huawei | Provider::Ibm if t.temporary => {
                (Temporary::Default, lifetimes(provider))
            }
            // A tool that takes no token takes an IBM API key that ends.
            Provider::Ibm => (Temporary::Default, &IBM_LIFETIMES[1..]),
            Provider::FlexibleEngine if t.temporary => {
                (Temporary::Unconfirmed, lifetimes(provider))
            }
            _ => (Temporary::No, &[][..]),
        };
        Offer {
            target: t.target,
            language: t.language,
            file_name: t.file_name,
            secret_env: t.secret_env,
            temporary,
            lifetimes,
            new_key_lifetimes: match provider {
                Provider::Ibm => &IBM_LIFETIMES[1..],
                _ => &[],
            },
        }
    }
}

/// IBM IAM's bearer tokens last the hour IAM gives them
/// (https://cloud.ibm.com/docs/iam?topic=iam-iamtoken_from_apikey); a longer job gets a new API key
/// that ends (IAM Identity's `expires_at`).
const IBM_LIFETIMES: [u32; 3] = [3_600, 28_800, 86_400];

/// The lifetimes of a short-lived credential for `provider`'s code, in seconds: Huawei IAM's temporary
/// keys last 15 min, 1 h, 8 h or 24 h (within what it issues,
/// [`crate::cloud::iam::create_temporary_key::SECONDS`]); IBM's token an hour, its keys that end
/// 8 h or 24 h.
pub fn lifetimes(provider: Provider) -> &'static [u32] {
    match provider {
        Provider::Huawei | Provider::FlexibleEngine => &[900, 3_600, 28_800, 86_400],
        Provider::Ibm => &IBM_LIFETIMES,
        _ => &[],
    }
}

/// Whether a credential living `seconds` is, for `provider`, a new API key that ends (IBM, longer
/// than its token's hour) rather than a token.
pub fn makes_new_key(provider: Provider, seconds: u32) -> bool {
    provider == Provider::Ibm && seconds > IBM_LIFETIMES[0]
}

/// A short-lived credential a cloud issued for code, in place of the profile's own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ShortLived {
    /// A temporary AK/SK with its security token (Huawei Cloud IAM's securitytokens).
    Aksk(AkSk),
    /// An IBM IAM bearer token (from the profile's API key).
    BearerToken(HeldToken),
    /// A new IBM API key that IAM disables at `expires_at`.
    ExpiringKey(ExpiringKey),
}

/// An IBM API key made for code, with its end (`yyyy-MM-ddTHH:mm+0000`, as IAM Identity took it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpiringKey {
    pub api_key: Secret,
    pub expires_at: String,
}

/// The targets that fit `profile`'s provider.
pub fn offers(profile: &Profile) -> Vec<Offer> {
    templates()
        .filter(|t| t.providers.contains(&profile.provider))
        .map(|t| Offer::of(t, profile.provider))
        .collect()
}

/// The snippet of `target` for `profile`; with the secret only when `with_secret`; its comments in
/// `comments`' words.
pub fn render(
    profile: &Profile,
    target: Target,
    with_secret: bool,
    comments: &CommentWords,
) -> Result<Snippet, Refused> {
    let (values, secret) = values(profile);
    write(
        profile.provider,
        target,
        values,
        secret,
        with_secret,
        comments,
    )
}

/// The snippet of `target` for `provider` from its values and its secret.
fn write(
    provider: Provider,
    target: Target,
    values: BTreeMap<Value, String>,
    secret: Option<Secret>,
    with_secret: bool,
    comments: &CommentWords,
) -> Result<Snippet, Refused> {
    let template = template(target);
    if !template.providers.contains(&provider) {
        return Err(CodeError::WrongProvider.into());
    }
    if template.secret_env.is_none() && !with_secret {
        return Err(CodeError::NeedsSecret.into());
    }
    let secret = secret.ok_or(CodeError::NoKey)?;
    // A short-lived credential works only with its token, itself a secret: written with the secret only.
    if values.contains_key(&Value::SecurityToken) || values.contains_key(&Value::BearerToken) {
        if !template.temporary {
            return Err(CodeError::NoTemporaryForm.into());
        }
        if !with_secret {
            return Err(CodeError::NeedsSecret.into());
        }
    }
    if let Some(missing) = template
        .needs
        .iter()
        .find(|v| **v != Value::Secret && !values.contains_key(v))
    {
        return Err(CodeError::MissingValue.about(*missing).into());
    }
    // Without the secret, `{secret}` reads the variable (a template whose language cannot read
    // one names the secret only on `{?secret}` lines).
    let secret_text = if with_secret {
        Some(literal(template.language, Value::Secret, secret.expose())?)
    } else {
        template
            .secret_env
            .and_then(|name| template.language.env_read(name))
            .map(Secret::new)
    };
    let mut text = String::with_capacity(template.text.len() + 64);
    for line in template.text.lines() {
        let Some(line) = kept(line, &values, with_secret) else {
            continue;
        };
        let comment = template
            .language
            .comment()
            .is_some_and(|c| line.starts_with(c));
        if !comment && !line.is_empty() {
            text.push_str(template.line_prefix);
        }
        // The template's own text gets the values; a comment's words are written as they are.
        let mut rest = line;
        while let Some((before, code, after)) = rest
            .split_once("{~")
            .and_then(|(before, tail)| Some((before, tail.split_once('}')?)))
            .map(|(before, (code, after))| (before, code, after))
        {
            fill(
                before,
                template.language,
                &values,
                secret_text.as_ref(),
                &mut text,
            )?;
            text.push_str(&comment_words(code, template, &values, comments));
            rest = after;
        }
        fill(
            rest,
            template.language,
            &values,
            secret_text.as_ref(),
            &mut text,
        )?;
        text.push('\n');
    }
    let mut about = Offer::of(template, provider);
    if with_secret {
        about.secret_env = None;
    }
    Ok(Snippet {
        about,
        with_secret,
        text: Secret::new(text),
        expires_at: values.get(&Value::ExpiresAt).cloned(),
    })
}

/// The snippet of `target` with `issued` (a short-lived credential the cloud just issued for it) in
/// place of the profile's own key, which it never holds.
pub fn render_temporary(
    profile: &Profile,
    target: Target,
    issued: ShortLived,
    comments: &CommentWords,
) -> Result<Snippet, Refused> {
    match issued {
        ShortLived::Aksk(key) => {
            if key.security_token.is_none() || !profile.provider.takes_huawei_keys() {
                return Err(CodeError::NoKey.into());
            }
            let mut with_temporary = profile.clone();
            with_temporary
                .credentials
                .retain(|c| !matches!(c, Credential::AkSk(_)));
            with_temporary.credentials.insert(0, Credential::AkSk(key));
            render(&with_temporary, target, true, comments)
        }
        ShortLived::BearerToken(token) => {
            if profile.provider != Provider::Ibm {
                return Err(CodeError::NoKey.into());
            }
            let (mut values, _api_key) = values(profile);
            let expires = crate::date::format_rfc3339_ms(token.expiration as i64 * 1000);
            values.extend(expires.map(|e| (Value::ExpiresAt, e)));
            values.insert(Value::BearerToken, token.access_token.expose().to_owned());
            // The token stands in for the API key everywhere: a `{secret}` writes the token.
            let secret = Some(token.access_token);
            write(profile.provider, target, values, secret, true, comments)
        }
        ShortLived::ExpiringKey(key) => {
            if profile.provider != Provider::Ibm {
                return Err(CodeError::NoKey.into());
            }
            let (mut values, _api_key) = values(profile);
            let expires = crate::date::parse_rfc3339_ms(&key.expires_at)
                .and_then(crate::date::format_rfc3339_ms)
                .ok_or(CodeError::NoKey)?;
            values.insert(Value::ExpiresAt, expires);
            write(
                profile.provider,
                target,
                values,
                Some(key.api_key),
                true,
                comments,
            )
        }
    }
}

/// The line without its condition prefixes, if its conditions hold.
fn kept<'a>(
    mut line: &'a str,
    values: &BTreeMap<Value, String>,
    with_secret: bool,
) -> Option<&'a str> {
    let present = |value| value == Value::Secret && with_secret || values.contains_key(&value);
    loop {
        let (wanted, rest) = if let Some(rest) = line.strip_prefix("{?") {
            (true, rest)
        } else if let Some(rest) = line.strip_prefix("{!") {
            (false, rest)
        } else {
            return Some(line);
        };
        let (name, rest) = rest.split_once('}').expect("a closed condition");
        let value = Value::named(name).expect("a known condition");
        if present(value) != wanted {
            return None;
        }
        line = rest;
    }
}

/// Appends `line` with each `{name}` of a [`Value`] replaced; other braces stay as they are.
fn fill(
    line: &str,
    language: Language,
    values: &BTreeMap<Value, String>,
    secret: Option<&Secret>,
    out: &mut String,
) -> Result<(), Refused> {
    let mut rest = line;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let named = after
            .split_once('}')
            .and_then(|(name, tail)| Some((Value::named(name)?, tail)));
        match named {
            Some((Value::Secret, tail)) => {
                let secret = secret.ok_or(CodeError::NeedsSecret)?;
                out.push_str(one_line(Value::Secret, secret.expose())?);
                rest = tail;
            }
            Some((value, tail)) => {
                let text = values.get(&value).expect("needed values are checked");
                let written = literal(language, value, text)?;
                out.push_str(one_line(value, written.expose())?);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(())
}

/// `written`, if it stays on its template's line. Shell quotes may hold a line break, and a value in
/// a `#` comment line (the region in the IBM CLI snippet) would end the comment there: a region
/// from a shared backup could then put a command of its own on the next line, pushed out of view.
/// So no value may add a line, in code or in comments, whatever its language allows.
const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
];

fn one_line(value: Value, written: &str) -> Result<&str, Refused> {
    if written.contains(LINE_BREAKS) {
        return Err(CodeError::Unrepresentable.about(value).into());
    }
    Ok(written)
}

fn literal(language: Language, value: Value, text: &str) -> Result<Secret, Refused> {
    language
        .literal(text)
        .map(Secret::new)
        .map_err(|_| CodeError::Unrepresentable.about(value).into())
}

/// The profile's values by name, and its key's secret.
fn values(profile: &Profile) -> (BTreeMap<Value, String>, Option<Secret>) {
    let endpoints = catalog::endpoints(profile);
    let mut values = BTreeMap::new();
    let mut put = |value: Value, text: Option<String>| {
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            values.insert(value, text);
        }
    };
    let key = profile.credentials.iter().find_map(|c| match c {
        Credential::AkSk(key) if profile.provider.takes_huawei_keys() => {
            put(
                Value::SecurityToken,
                key.security_token.as_ref().map(|t| t.expose().to_owned()),
            );
            // IAM's `2020-01-08T02:56:19.587000Z`; anything else is left unsaid.
            let stamp = |e: &&String| {
                e.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-:.+".contains(c))
            };
            put(
                Value::ExpiresAt,
                key.expires_at.clone().filter(|e| stamp(&e)),
            );
            Some((
                Some(key.access_key_id.clone()),
                key.secret_access_key.clone(),
            ))
        }
        Credential::IbmApiKey(key) if profile.provider == Provider::Ibm => {
            Some((None, key.api_key.clone()))
        }
        _ => None,
    });
    let (ak, secret) = key.map_or((None, None), |(ak, secret)| (ak, Some(secret)));
    put(Value::Ak, ak);
    put(Value::Region, profile.region.clone());
    put(Value::ProjectId, profile.project_id.clone());
    if profile.project_id.is_none() {
        put(Value::IamUrl, endpoints.iam.as_ref().map(Origin::base));
    }
    if let Some(obs) = &endpoints.obs {
        let host = obs.base().split_once("://").map(|(_, h)| h.to_owned());
        // A custom endpoint has no wildcard DNS for virtual-host buckets: path style.
        let bucket_host = match (&host, obs.custom) {
            (Some(host), false) => Some(format!("%(bucket)s.{host}")),
            _ => host.clone(),
        };
        put(Value::ObsUrl, Some(obs.base()));
        put(Value::ObsHost, host);
        put(Value::ObsBucketHost, bucket_host);
        put(
            Value::ObsHttps,
            Some(
                if obs.scheme == "https" {
                    "True"
                } else {
                    "False"
                }
                .into(),
            ),
        );
    }
    // huaweicloudsdkmodelarts knows Huawei Cloud's regions (modelarts_region.py, whose hosts the
    // catalog is generated from); alliance clouds pass the endpoint (huaweicloud-sdk-python-v3
    // README, "Cloud Service Alliance Scenarios").
    if let Some(modelarts) = &endpoints.modelarts {
        put(Value::ModelartsUrl, Some(modelarts.base()));
        if !modelarts.custom && profile.provider == Provider::Huawei {
            put(Value::ModelartsRegion, profile.region.clone());
        }
    }
    put(
        Value::OpenscaleUrl,
        endpoints.openscale.as_ref().map(Origin::base),
    );
    put(
        Value::IbmIamUrl,
        endpoints
            .ibm_iam
            .as_ref()
            .filter(|o| o.custom)
            .map(Origin::base),
    );
    let instance = profile.openscale_guid.clone().or_else(|| {
        profile.credentials.iter().find_map(|c| match c {
            Credential::IbmInstance(instance) => Some(instance.guid.clone()),
            _ => None,
        })
    });
    put(Value::Instance, instance);
    (values, secret)
}

#[cfg(test)]
mod tests;

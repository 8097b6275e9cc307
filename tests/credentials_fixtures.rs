//! Every file in tests/fixtures/credentials/ through `credentials::parse`, with the outcome
//! each one must have; and no message of any of them may quote a secret.

use credfill::credentials::{parse, ErrorCode, Import, WarningCode};

use credfill::profile::{AkIssuer, Credential};
use std::path::Path;

const AK1: &str = "AKFAKE0000EXAMPLE001";
const AK2: &str = "AKFAKE0000EXAMPLE002";
const SK1: &str = "fakeSecretAccessKey0000000000000Example1";
const SK2: &str = "fakeSecretAccessKey0000000000000Example2";
const AWS_AK: &str = "AKIAFAKE0000EXAMPLE1";
const AWS_SK: &str = "fake/Aws+SecretAccessKey000000000Example";
const IBM_KEY: &str = "fake-IBM_apikey0000000000000000000000Example";
const IBM_SERVICE_KEY: &str = "fake-IBM_servicekey000000000000000000Example";
const GUID: &str = "fa1ef00d-0000-4000-8000-000000000001";

enum Expect {
    /// (AK, SK, user name) per row, and the warning codes in order.
    AkSk(
        &'static [(&'static str, &'static str, Option<&'static str>)],
        &'static [WarningCode],
    ),
    Check(fn(&Import)),
    /// The rows as read in Chinese (`zh-CN`); in another language only their keys are checked,
    /// as a name of a few bytes reads as the code page of that language.
    AkSkInChinese(&'static [(&'static str, &'static str, Option<&'static str>)]),
    Error(ErrorCode, Option<u32>, Option<u32>),
}

use Expect::*;

const ALICE: &[(&str, &str, Option<&str>)] = &[(AK1, SK1, Some("alice"))];
const ZHANG_WEI: &[(&str, &str, Option<&str>)] = &[(AK1, SK1, Some("张伟"))];
const LEGACY: &[WarningCode] = &[WarningCode::LegacyEncoding];
/// The languages credfill speaks: the hint for a legacy code page must not change these files'
/// reading. (A Japanese browser reads a two-character GBK name as EUC-JP, as Firefox would.)
const LANGUAGES: [Option<&str>; 4] = [None, Some("en-US"), Some("fr"), Some("zh-CN")];

fn expectations() -> Vec<(&'static str, Expect)> {
    vec![
        ("huawei.csv", AkSk(ALICE, &[])),
        ("huawei-crlf.csv", AkSk(ALICE, &[])),
        ("huawei-cr.csv", AkSk(ALICE, &[])),
        ("huawei-utf8-bom.csv", AkSk(ALICE, &[])),
        ("huawei-utf16le-tab.txt", AkSk(ALICE, &[])),
        ("huawei-utf16be.csv", AkSk(ALICE, &[])),
        ("huawei-semicolon.csv", AkSk(ALICE, &[])),
        ("huawei-excel-sep.csv", AkSk(ALICE, &[])),
        ("huawei-tab.tsv", AkSk(ALICE, &[])),
        (
            "huawei-quoted.csv",
            AkSk(&[(AK1, SK1, Some("Dupont, Alice \"ops\""))], &[]),
        ),
        ("huawei-no-user-name.csv", AkSk(&[(AK1, SK1, None)], &[])),
        ("huawei-reordered.csv", AkSk(ALICE, &[])),
        ("huawei-header-variants.csv", AkSk(ALICE, &[])),
        (
            "huawei-two-rows.csv",
            AkSk(&[(AK1, SK1, Some("alice")), (AK2, SK2, Some("alice"))], &[]),
        ),
        ("huawei-trailing-blank.csv", AkSk(ALICE, &[])),
        (
            "huawei-swapped.csv",
            AkSk(ALICE, &[WarningCode::SwappedColumns]),
        ),
        (
            "huawei-headerless.csv",
            AkSk(ALICE, &[WarningCode::NoHeader]),
        ),
        (
            "huawei-long-access-key.csv",
            AkSk(
                &[("AKFAKE0000EXAMPLE001ABCD", SK1, Some("alice"))],
                &[WarningCode::UnusualAccessKey],
            ),
        ),
        (
            "huawei-windows-1252.csv",
            AkSk(&[(AK1, SK1, Some("José"))], LEGACY),
        ),
        (
            "huawei-windows-1252-french.csv",
            AkSk(&[(AK1, SK1, Some("Hélène Lefèvre"))], LEGACY),
        ),
        ("huawei-gbk.csv", AkSk(ZHANG_WEI, LEGACY)),
        ("huawei-gbk-chinese-header.csv", AkSk(ZHANG_WEI, LEGACY)),
        (
            "huawei-gbk-two-characters.csv",
            AkSkInChinese(&[(AK1, SK1, Some("李娜"))]),
        ),
        (
            "huawei-gb18030.csv",
            AkSk(&[(AK1, SK1, Some("欧阳𫖯"))], LEGACY),
        ),
        (
            "huawei-big5.csv",
            AkSk(&[(AK1, SK1, Some("陳志明"))], LEGACY),
        ),
        (
            "huawei-shift-jis.csv",
            AkSk(&[(AK1, SK1, Some("山田太郎"))], LEGACY),
        ),
        ("huawei-utf8-chinese.csv", AkSk(ZHANG_WEI, &[])),
        ("huawei-utf8-bom-chinese.csv", AkSk(ZHANG_WEI, &[])),
        ("huawei-full-width-commas.csv", AkSk(ZHANG_WEI, &[])),
        ("huawei-temporary.json", Check(temporary)),
        ("aws-console.csv", Check(aws)),
        ("aws-access-keys.csv", Check(aws)),
        ("ibm-apikey.json", Check(ibm_api_key)),
        ("ibm-apikey-casing.json", Check(ibm_api_key)),
        ("ibmcloud-api-key-create.txt", Check(ibm_api_key)),
        (
            "ibm-service-credentials.json",
            Check(|import| ibm_service(import, "wml-credentials")),
        ),
        (
            "ibm-service-credentials-array.json",
            Check(|import| ibm_service(import, "wml-credentials")),
        ),
        (
            "ibm-service-vcap.json",
            Check(|import| ibm_service(import, "wml-key")),
        ),
        ("ibmcloud-service-instance.txt", Check(ibm_instance)),
        ("azure-sp.json", Check(azure)),
        ("bad-binary.bin", Error(ErrorCode::NotText, None, None)),
        ("bad-workbook.xlsx", Error(ErrorCode::Workbook, None, None)),
        (
            "bad-truncated.json",
            Error(ErrorCode::BadJson, Some(3), Some(58)),
        ),
        (
            "bad-missing-column.csv",
            Error(ErrorCode::MissingColumn, Some(1), None),
        ),
        ("bad-empty.csv", Error(ErrorCode::Empty, None, None)),
        ("bad-blank.csv", Error(ErrorCode::Empty, None, None)),
        (
            "bad-header-only.csv",
            Error(ErrorCode::NoKeyRows, Some(1), None),
        ),
        (
            "bad-short-secret.csv",
            Error(ErrorCode::BadSecret, Some(2), Some(3)),
        ),
        (
            "bad-access-key.csv",
            Error(ErrorCode::BadAccessKey, Some(2), Some(2)),
        ),
        (
            "bad-secret-in-access-key-column.csv",
            Error(ErrorCode::BadAccessKey, Some(2), Some(2)),
        ),
        (
            "bad-api-key.json",
            Error(ErrorCode::BadApiKey, Some(3), None),
        ),
        ("bad-guid.txt", Error(ErrorCode::BadGuid, Some(3), None)),
        (
            "ibmcloud-service-instance-elided-crn.txt",
            Check(elided_crn),
        ),
        (
            "bad-unknown.txt",
            Error(ErrorCode::UnknownFormat, None, None),
        ),
        (
            "bad-json-no-keys.json",
            Error(ErrorCode::NoKeys, None, None),
        ),
        (
            "bad-azure-tenant.json",
            Error(ErrorCode::BadGuid, Some(1), None),
        ),
    ]
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/credentials");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        // Not the dot files, nor the script that writes the legacy-encoded ones.
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            !name.starts_with('.') && !name.ends_with(".py")
        })
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_has_its_expected_outcome() {
    let expectations = expectations();
    let files = fixtures();
    for (name, _) in &files {
        assert!(
            expectations.iter().any(|(expected, _)| expected == name),
            "{name} has no expectation"
        );
    }
    // The outcome is the same whatever the user's language, the hint for a legacy code page.
    for ((file_name, expect), language) in expectations
        .iter()
        .flat_map(|expectation| LANGUAGES.map(|language| (expectation, language)))
    {
        let bytes = &files
            .iter()
            .find(|(file, _)| file == file_name)
            .unwrap_or_else(|| panic!("{file_name} is missing"))
            .1;
        let result = parse(bytes, Some(file_name), language);
        let name = format!("{file_name} in {language:?}");
        match expect {
            AkSkInChinese(rows) => {
                let import = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                let found: Vec<_> = import.items.iter().map(aksk_row).collect();
                let keys = |rows: &[(&str, &str, Option<&str>)]| -> Vec<(String, String)> {
                    rows.iter()
                        .map(|(ak, sk, _)| (ak.to_string(), sk.to_string()))
                        .collect()
                };
                assert_eq!(keys(&found), keys(rows), "{name}");
                if language == Some("zh-CN") {
                    assert_eq!(found, *rows, "{name}");
                }
                let codes: Vec<_> = import.warnings.iter().map(|w| w.code).collect();
                assert_eq!(codes, LEGACY, "{name}");
            }
            AkSk(rows, warnings) => {
                let import = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                let found: Vec<_> = import.items.iter().map(aksk_row).collect();
                assert_eq!(found, *rows, "{name}");
                let codes: Vec<_> = import.warnings.iter().map(|w| w.code).collect();
                assert_eq!(codes, *warnings, "{name}");
            }
            Check(check) => check(&result.unwrap_or_else(|e| panic!("{name}: {e}"))),
            Error(code, line, column) => {
                let error = result
                    .err()
                    .unwrap_or_else(|| panic!("{name} was accepted"));
                assert_eq!(
                    (error.code, error.line, error.column),
                    (*code, *line, *column),
                    "{name}: {error}"
                );
            }
        }
    }
}

/// An AK/SK item as (AK, SK, user name).
fn aksk_row(item: &Credential) -> (&str, &str, Option<&str>) {
    match item {
        Credential::AkSk(k) => (
            k.access_key_id.as_str(),
            k.secret_access_key.expose(),
            k.user_name.as_deref(),
        ),
        other => panic!("{other:?}"),
    }
}

fn only_item(import: &Import) -> &Credential {
    assert_eq!(import.items.len(), 1, "{import:?}");
    &import.items[0]
}

fn temporary(import: &Import) {
    let Credential::AkSk(k) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!(k.access_key_id, "AKFAKETEMP00EXAMPLE1");
    assert!(k
        .security_token
        .as_ref()
        .unwrap()
        .expose()
        .starts_with("fakeSecurityToken"));
    assert_eq!(k.expires_at.as_deref(), Some("2026-01-01T12:00:00.000000Z"));
    assert_eq!(k.issuer, AkIssuer::Huawei);
}

fn aws(import: &Import) {
    let Credential::AkSk(k) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!(
        (k.access_key_id.as_str(), k.secret_access_key.expose()),
        (AWS_AK, AWS_SK)
    );
    assert_eq!(k.issuer, AkIssuer::Aws);
}

fn ibm_api_key(import: &Import) {
    let Credential::IbmApiKey(k) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!(k.api_key.expose(), IBM_KEY);
    assert_eq!(k.name.as_deref(), Some("credfill-test"));
    assert_eq!(k.created_at.as_deref(), Some("2026-11-23T10:00+0000"));
}

fn ibm_service(import: &Import, name: &str) {
    let Credential::IbmService(s) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!(s.api_key.expose(), IBM_SERVICE_KEY);
    assert_eq!(s.name.as_deref(), Some(name));
    assert_eq!(
        s.instance_id.as_deref(),
        Some("fa1ef00d-0000-4000-8000-000000000002")
    );
    assert_eq!(s.url.as_deref(), Some("https://us-south.ml.cloud.ibm.com"));
    assert_eq!(
        s.iam_role_crn.as_deref(),
        Some("crn:v1:bluemix:public:iam::::serviceRole:Writer")
    );
    assert!(s
        .iam_service_id_crn
        .as_deref()
        .unwrap()
        .contains(":serviceid:"));
    assert!(import.warnings.is_empty());
}

fn ibm_instance(import: &Import) {
    let Credential::IbmInstance(i) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!(i.guid, GUID);
    assert!(i
        .crn
        .as_deref()
        .unwrap()
        .starts_with("crn:v1:bluemix:public:aiopenscale:us-south:a/"));
    assert_eq!(i.location.as_deref(), Some("us-south"));
    assert_eq!(i.service_name.as_deref(), Some("aiopenscale"));
    assert_eq!(i.name.as_deref(), Some("openscale"));
    assert_eq!(
        i.account_id.as_deref(),
        Some("fa1e0000000000000000000000000001")
    );
}

fn azure(import: &Import) {
    let Credential::AzureSp(sp) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!(sp.client_id, "fa1ef00d-0000-4000-8000-0000000000a1");
    assert_eq!(sp.tenant_id, "fa1ef00d-0000-4000-8000-0000000000a2");
    assert_eq!(
        sp.client_secret.expose(),
        "fake~Azure.Client_Secret-00000000Example"
    );
    assert_eq!(sp.display_name.as_deref(), Some("credfill-openscale"));
}

/// Every key-like token of the fixtures (16+ characters mixing letters and digits): no
/// error or warning, params included, may contain 8 consecutive characters of one. Values are
/// never quoted, so this also covers secrets sitting in the wrong column. Each carries exactly
/// the params its code's words use.
#[test]
fn no_params_quote_a_value() {
    for (name, bytes) in fixtures() {
        let text = String::from_utf8_lossy(&bytes).replace('\0', "");
        let tokens: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || "/+_-~.".contains(c)))
            .filter(|t| {
                t.len() >= 16
                    && t.chars().any(|c| c.is_ascii_digit())
                    && t.chars().any(|c| c.is_ascii_alphabetic())
            })
            .collect();
        let messages: Vec<String> = match parse(&bytes, Some(&name), None) {
            Ok(import) => import
                .warnings
                .iter()
                .map(|w| {
                    assert!(
                        w.params.keys().copied().eq(sorted(w.code.params())),
                        "{name}: {w:?}"
                    );
                    serde_json::to_string(w).unwrap()
                })
                .collect(),
            Err(error) => {
                let expected = sorted(error.code.params());
                assert!(
                    error.params.keys().copied().eq(expected),
                    "{name}: {error:?}"
                );
                vec![serde_json::to_string(&error).unwrap()]
            }
        };
        for message in &messages {
            for token in &tokens {
                for window in token.as_bytes().windows(8) {
                    let window = std::str::from_utf8(window).unwrap();
                    assert!(
                        !message.contains(window),
                        "{name}: {message:?} quotes {window:?}"
                    );
                }
            }
        }
    }
}

/// Each legacy-encoded fixture's warning names the code page it was read in, as a user knows it:
/// the script's term and the code page's name.
#[test]
fn legacy_encodings_are_named() {
    let files = fixtures();
    for (name, script, encoding) in [
        ("huawei-windows-1252.csv", "script_western", "Windows-1252"),
        (
            "huawei-windows-1252-french.csv",
            "script_western",
            "Windows-1252",
        ),
        ("huawei-gbk.csv", "script_simplified_chinese", "GBK"),
        (
            "huawei-gbk-chinese-header.csv",
            "script_simplified_chinese",
            "GBK",
        ),
        // encoding_rs's GBK decoder is GB18030's (WHATWG Encoding Standard).
        ("huawei-gb18030.csv", "script_simplified_chinese", "GBK"),
        ("huawei-big5.csv", "script_traditional_chinese", "Big5"),
        ("huawei-shift-jis.csv", "script_japanese", "Shift_JIS"),
    ] {
        let bytes = &files.iter().find(|(file, _)| file == name).unwrap().1;
        let warning = &parse(bytes, Some(name), None).unwrap().warnings[0];
        assert_eq!(
            serde_json::to_value(&warning.params).unwrap(),
            serde_json::json!({"script": {"term": script}, "encoding": encoding}),
            "{name}"
        );
    }
}

/// IBM's docs print the CRN elided; the GUID the user needs is kept.
fn elided_crn(import: &Import) {
    let Credential::IbmInstance(i) = only_item(import) else {
        panic!("{import:?}")
    };
    assert_eq!((i.guid.as_str(), i.crn.as_deref()), (GUID, None));
    assert_eq!(i.location.as_deref(), Some("us-south"));
    let codes: Vec<_> = import.warnings.iter().map(|w| (w.code, w.line)).collect();
    assert_eq!(codes, [(WarningCode::UnreadableCrn, Some(2))]);
}

fn sorted(names: &[&'static str]) -> Vec<&'static str> {
    let mut names = names.to_vec();
    names.sort_unstable();
    names
}

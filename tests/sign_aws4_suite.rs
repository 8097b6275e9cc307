//! AWS's public SigV4 test suites, fetched by `scripts/fetch-test-vectors.sh` into `tests/.cache/`:
//! - `aws4_testsuite/`: the original suite from botocore's source distribution, header form
//!   (`<name>.req` signed must give `<name>.authz`);
//! - `aws-signing-test-suite/`: the newer CRT suite as the aws-sigv4 crate ships it, header and
//!   presigned forms (`request.txt` + `context.json` must give `header-signature.txt` and
//!   `query-signature.txt`).
//!
//! Skipped cases name their reason; a listed case that disappears fails the test, so the lists
//! cannot go stale.

use credfill::secret::Secret;
use credfill::sign::{presign, sign, Scheme, SignRequest};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// A browser never sends these request lines: fetch percent-encodes a raw space or raw UTF-8 in
/// a path, and AWS then signs the sent `%XX` encoded once more.
const RAW_PATH: &str = "raw characters in the request line, which no browser sends";
/// The token is added after signing, whereas credfill always signs it (as S3 and OBS require).
const TOKEN_AFTER: &str = "session token added after signing";

const ORIGINAL_SKIPS: &[(&str, &str)] = &[
    ("post-sts-header-after", TOKEN_AFTER),
    ("get-utf8", RAW_PATH),
    ("get-space", RAW_PATH),
];

const CRT_SKIPS: &[(&str, &str)] = &[
    ("post-sts-header-after", TOKEN_AFTER),
    ("get-utf8", RAW_PATH),
    // The aws-sigv4 crate skips it too: generated with single encoding, where AWS services other
    // than S3 encode the sent path twice (the double-encode cases check that).
    (
        "get-space-normalized",
        "generated with single path encoding",
    ),
];

fn cache(dir: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/.cache")
        .join(dir);
    assert!(
        path.is_dir(),
        "{} is missing: run scripts/fetch-test-vectors.sh first",
        path.display()
    );
    path
}

/// The raw HTTP request of a suite file: request line, headers (indented lines continue the
/// previous value), blank line, body.
struct RawRequest {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl RawRequest {
    fn parse(text: &str) -> Self {
        let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
        let mut lines = head.lines();
        let request_line = lines.next().expect("a request line");
        let (method, rest) = request_line.split_once(' ').expect("method and target");
        let path = rest.strip_suffix(" HTTP/1.1").unwrap_or(rest);
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                let last = headers.last_mut().expect("a continued header");
                last.1.push('\n');
                last.1.push_str(line);
            } else {
                let (name, value) = line.split_once(':').expect("name:value");
                headers.push((name.to_owned(), value.to_owned()));
            }
        }
        RawRequest {
            method: method.to_owned(),
            path: path.to_owned(),
            headers,
            body: body.to_owned(),
        }
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let index = self
            .headers
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name))?;
        Some(self.headers.remove(index).1)
    }

    /// A SigV4 request for the host named by the `Host` header.
    fn into_sign_request(mut self, scope: Scope, timestamp: String) -> SignRequest {
        let host = self.take("host").expect("a Host header");
        SignRequest {
            scheme: Scheme::Aws4,
            method: self.method,
            url: format!("https://{host}{}", self.path),
            headers: self.headers,
            body: self.body.into_bytes(),
            access_key_id: ACCESS_KEY_ID.to_owned(),
            secret_access_key: Secret::new(SECRET_ACCESS_KEY),
            security_token: scope.token.map(Secret::new),
            region: Some(scope.region),
            service: Some(scope.service),
            bucket: None,
            unsigned_payload: false,
            timestamp,
        }
    }
}

struct Scope {
    region: String,
    service: String,
    token: Option<String>,
}

fn authorization(request: &SignRequest) -> Result<String, String> {
    let signed = sign(request).map_err(|e| format!("not signed: {e}"))?;
    signed
        .headers
        .into_iter()
        .find(|(n, _)| n == "Authorization")
        .map(|(_, v)| v)
        .ok_or_else(|| "no Authorization header".to_owned())
}

fn signature_of(authorization: &str) -> &str {
    authorization
        .rsplit_once("Signature=")
        .map_or("", |(_, s)| s)
}

/// Runs `check` on every case directory, apart from `skips`; panics listing every mismatch.
fn run_suite(
    cases: Vec<PathBuf>,
    skips: &[(&str, &str)],
    minimum: usize,
    check: impl Fn(&Path) -> Result<(), String>,
) {
    let name_of = |case: &PathBuf| case.file_name().unwrap().to_string_lossy().into_owned();
    for (skip, _) in skips {
        assert!(
            cases.iter().any(|c| name_of(c) == *skip),
            "the skipped case {skip} no longer exists"
        );
    }
    let run: Vec<&PathBuf> = cases
        .iter()
        .filter(|c| !skips.iter().any(|(s, _)| name_of(c) == *s))
        .collect();
    assert!(run.len() >= minimum, "only {} cases found", run.len());
    let failures: Vec<String> = run
        .iter()
        .filter_map(|case| check(case).err().map(|e| format!("{}: {e}", name_of(case))))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} suite cases fail:\n{}",
        failures.len(),
        run.len(),
        failures.join("\n")
    );
}

// ---- the original suite (botocore) ----

fn original_cases(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable suite directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.join(format!("{name}.req")).exists() {
                found.push(path.clone());
            }
            original_cases(&path, found);
        }
    }
}

fn check_original(case: &Path) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let read = |ext: &str| fs::read_to_string(case.join(format!("{name}.{ext}")));
    let mut raw = RawRequest::parse(&read("req").map_err(|e| e.to_string())?);
    let expected = read("authz").map_err(|e| e.to_string())?;
    let timestamp = raw.take("x-amz-date").ok_or("no X-Amz-Date header")?;
    // The token is in the .req when it is signed, else only in the signed request (.sreq).
    let token = raw.take("x-amz-security-token").or_else(|| {
        read("sreq")
            .ok()
            .and_then(|s| RawRequest::parse(&s).take("x-amz-security-token"))
    });
    let scope = Scope {
        region: "us-east-1".into(),
        service: "service".into(),
        token,
    };
    let got = authorization(&raw.into_sign_request(scope, timestamp))?;
    if got == expected.trim_end() {
        Ok(())
    } else {
        Err(format!(
            "\n    expected {}\n    got      {got}",
            expected.trim_end()
        ))
    }
}

#[test]
fn original_suite_header_form() {
    let mut cases = Vec::new();
    original_cases(&cache("aws4_testsuite"), &mut cases);
    cases.sort();
    run_suite(cases, ORIGINAL_SKIPS, 30, check_original);
}

// ---- the CRT suite (aws-sigv4 crate) ----

/// One CRT case: its request, scope and time from `context.json`. (The crate's two older
/// double-encoding cases have none: their parameters live in its code. Double encoding is checked
/// against botocore by the differential tests.)
struct CrtCase {
    dir: PathBuf,
    context: Value,
}

impl CrtCase {
    fn load(dir: &Path) -> Result<Self, String> {
        let text = fs::read_to_string(dir.join("context.json")).map_err(|e| e.to_string())?;
        let context = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        Ok(CrtCase {
            dir: dir.to_owned(),
            context,
        })
    }

    fn read(&self, file: &str) -> Result<String, String> {
        fs::read_to_string(self.dir.join(file)).map_err(|e| format!("{file}: {e}"))
    }

    fn flag(&self, name: &str) -> bool {
        self.context[name].as_bool().unwrap_or(false)
    }

    fn request(&self) -> Result<SignRequest, String> {
        let raw = RawRequest::parse(&self.read("request.txt")?);
        let scope = Scope {
            region: self.context["region"].as_str().unwrap_or_default().into(),
            service: self.context["service"].as_str().unwrap_or_default().into(),
            token: self.context["credentials"]["token"]
                .as_str()
                .map(str::to_owned),
        };
        let iso = self.context["timestamp"].as_str().ok_or("no timestamp")?;
        let timestamp: String = iso.chars().filter(|c| !matches!(c, '-' | ':')).collect();
        Ok(raw.into_sign_request(scope, timestamp))
    }

    fn expected(&self, form: &str) -> Result<String, String> {
        Ok(self
            .read(&format!("{form}-signature.txt"))?
            .trim()
            .to_owned())
    }

    fn mismatch(&self, form: &str, got: &str, expected: &str) -> String {
        let canonical = self
            .read(&format!("{form}-canonical-request.txt"))
            .unwrap_or_default();
        format!("\n    expected {expected}\n    got      {got}\n    their canonical request:\n{canonical}")
    }
}

fn crt_cases(form: &str) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(cache("aws-signing-test-suite"))
        .expect("readable suite directory")
        .map(|e| e.expect("directory entry").path())
        // Unnormalised paths are for S3-style signers; credfill's `s3` is checked against botocore.
        .filter(|p| CrtCase::load(p).is_ok_and(|c| c.flag("normalize")))
        .filter(|p| p.join(format!("{form}-signature.txt")).exists())
        .collect();
    cases.sort();
    cases
}

#[test]
fn crt_suite_header_form() {
    let cases = crt_cases("header")
        .into_iter()
        // `sign_body` adds x-amz-content-sha256, which credfill (like botocore's SigV4Auth) sends
        // only to S3; the presigned form of these cases checks their body hash.
        .filter(|p| CrtCase::load(p).is_ok_and(|c| !c.flag("sign_body")))
        .collect();
    run_suite(cases, CRT_SKIPS, 20, |dir| {
        let case = CrtCase::load(dir)?;
        let got = authorization(&case.request()?)?;
        let expected = case.expected("header")?;
        if signature_of(&got) == expected {
            Ok(())
        } else {
            Err(case.mismatch("header", signature_of(&got), &expected))
        }
    });
}

#[test]
fn crt_suite_presigned_form() {
    run_suite(crt_cases("query"), CRT_SKIPS, 20, |dir| {
        let case = CrtCase::load(dir)?;
        let expires = case.context["expiration_in_seconds"]
            .as_u64()
            .ok_or("no expiration_in_seconds")?;
        let url = presign(&case.request()?, expires as u32).map_err(|e| e.to_string())?;
        let got = url.rsplit_once("X-Amz-Signature=").map_or("", |(_, s)| s);
        let expected = case.expected("query")?;
        if got == expected {
            Ok(())
        } else {
            Err(case.mismatch("query", got, &expected))
        }
    });
}

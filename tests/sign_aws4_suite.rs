//! Every case of the public AWS SigV4 test suite (from botocore's source distribution, fetched
//! by `scripts/fetch-test-vectors.sh` into `tests/.cache/aws4_testsuite/`) through the header form.

use credfill::secret::Secret;
use credfill::sign::{sign, Scheme, SignRequest};
use std::fs;
use std::path::{Path, PathBuf};

const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";
const SERVICE: &str = "service";

/// Cases the suite itself marks as another signer's choice (its `readme.txt`): the token is
/// added after signing, whereas credfill always signs it (as S3 and OBS require).
const NOT_APPLICABLE: &[&str] = &["post-sts-header-after"];

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/.cache/aws4_testsuite")
}

/// Directories holding `<name>.req` and `<name>.authz`.
fn cases(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable suite directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.join(format!("{name}.req")).exists() {
                found.push(path.clone());
            }
            cases(&path, found);
        }
    }
}

/// The raw HTTP request of a `.req`/`.sreq` file: request line, headers (indented lines continue
/// the previous value), blank line, body.
struct RawRequest {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

fn parse_raw(text: &str) -> RawRequest {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let request_line = lines.next().expect("a request line");
    let (method, rest) = request_line.split_once(' ').expect("method and target");
    let path = rest
        .strip_suffix(" HTTP/1.1")
        .expect("HTTP/1.1 request line");
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

fn take(headers: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    let index = headers
        .iter()
        .position(|(n, _)| n.eq_ignore_ascii_case(name))?;
    Some(headers.remove(index).1)
}

/// Signs one case; `Err` explains a mismatch.
fn check(case: &Path) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let read = |ext: &str| fs::read_to_string(case.join(format!("{name}.{ext}")));
    let raw = parse_raw(&read("req").map_err(|e| e.to_string())?);
    let expected = read("authz").map_err(|e| e.to_string())?;
    let mut headers = raw.headers;
    let host = take(&mut headers, "host").ok_or("no Host header")?;
    let timestamp = take(&mut headers, "x-amz-date").ok_or("no X-Amz-Date header")?;
    // The token is in the .req when it is signed, else only in the signed request (.sreq).
    let token = take(&mut headers, "x-amz-security-token").or_else(|| {
        read("sreq")
            .ok()
            .and_then(|s| take(&mut parse_raw(&s).headers, "x-amz-security-token"))
    });
    let request = SignRequest {
        scheme: Scheme::Aws4,
        method: raw.method,
        url: format!("https://{host}{}", raw.path),
        headers,
        body: raw.body.into_bytes(),
        access_key_id: ACCESS_KEY_ID.to_owned(),
        secret_access_key: Secret::new(SECRET_ACCESS_KEY),
        security_token: token.map(Secret::new),
        region: Some(REGION.to_owned()),
        service: Some(SERVICE.to_owned()),
        bucket: None,
        unsigned_payload: false,
        timestamp,
    };
    let signed = sign(&request).map_err(|e| format!("not signed: {e}"))?;
    let authorization = signed
        .headers
        .iter()
        .find(|(n, _)| n == "Authorization")
        .map(|(_, v)| v.as_str())
        .ok_or("no Authorization header")?;
    if authorization == expected.trim_end() {
        Ok(())
    } else {
        Err(format!(
            "\n    expected {}\n    got      {authorization}",
            expected.trim_end()
        ))
    }
}

#[test]
fn aws_sigv4_test_suite_header_form() {
    let dir = suite_dir();
    assert!(
        dir.is_dir(),
        "the AWS SigV4 test suite is missing from {}: run scripts/fetch-test-vectors.sh first",
        dir.display()
    );
    let mut found = Vec::new();
    cases(&dir, &mut found);
    found.sort();
    let (skipped, run): (Vec<_>, Vec<_>) = found.iter().partition(|case| {
        NOT_APPLICABLE.contains(&case.file_name().unwrap().to_string_lossy().as_ref())
    });
    assert_eq!(
        skipped.len(),
        NOT_APPLICABLE.len(),
        "a listed skip no longer exists"
    );
    assert!(
        run.len() >= 30,
        "only {} cases found in {}",
        run.len(),
        dir.display()
    );
    let failures: Vec<String> = run
        .iter()
        .filter_map(|case| {
            check(case)
                .err()
                .map(|e| format!("{}: {e}", case.display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} suite cases fail:\n{}",
        failures.len(),
        run.len(),
        failures.join("\n")
    );
}

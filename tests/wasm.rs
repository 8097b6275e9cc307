//! The exports as JavaScript sees them, run inside a real WASM engine (Node, via wasm-bindgen-test-runner):
//! plain objects out, `{code, message}` (or an import's `{code, params}`) thrown, secrets only where asked for.
#![cfg(target_arch = "wasm32")]

use credfill::bindings::{credentials, fill, sign, vault};
use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(value.clone(), |v, key| match key.parse::<u32>() {
            Ok(index) => Reflect::get_u32(&v, index).unwrap(),
            Err(_) => Reflect::get(&v, &JsValue::from_str(key)).unwrap(),
        })
}

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn version_crosses_the_boundary() {
    assert_eq!(credfill::bindings::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn parse_credentials_gives_plain_objects() {
    let csv = b"User Name,Access Key Id,Secret Access Key\nbob,AKFAKE0000EXAMPLE002,fakeSecretAccessKey0000000000000Example2\n";
    let result = credentials::parse_credentials(csv, Some("credentials.csv".into()), None).unwrap();
    let item = get(&result, "items.0");
    assert!(item.is_instance_of::<Object>() && !item.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&item, "kind"), "aksk");
    assert_eq!(get(&item, "accessKeyId"), "AKFAKE0000EXAMPLE002");
    assert_eq!(get(&item, "userName"), "bob");
}

#[wasm_bindgen_test]
fn parse_errors_are_thrown_as_code_and_params() {
    let error = credentials::parse_credentials(b"\x89PNG\r\n\x1a\n\0\0\0", None, None).unwrap_err();
    assert_eq!(get(&error, "code"), "not-text");
    assert!(get(&error, "params").is_instance_of::<Object>());
}

#[wasm_bindgen_test]
fn sign_request_matches_huaweis_published_vector() {
    let req = js(r#"{"scheme": "apig", "method": "GET",
        "url": "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        "headers": {"Content-Type": "application/json"}, "timestamp": "20191115T033655Z",
        "accessKeyId": "QTWAOYTTINDUT2QVKYUC", "secretAccessKey": "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"}"#);
    let signed = sign::sign_request(req).unwrap();
    let headers = get(&signed, "headers");
    let authorization = Object::entries(headers.unchecked_ref())
        .iter()
        .find(|e| {
            get(e, "0")
                .as_string()
                .unwrap()
                .eq_ignore_ascii_case("authorization")
        })
        .map(|e| get(&e, "1").as_string().unwrap())
        .unwrap();
    assert!(
        authorization.ends_with(
            "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
        ),
        "{authorization}"
    );
}

#[wasm_bindgen_test]
fn match_console_answers_object_or_null() {
    assert_eq!(
        get(
            &fill::match_console("https://console.huaweicloud.com/modelarts/").unwrap(),
            "provider"
        ),
        "huawei"
    );
    assert!(
        fill::match_console("https://console.huaweicloud.com.evil.example/")
            .unwrap()
            .is_null()
    );
}

#[wasm_bindgen_test]
fn vault_round_trip_and_wrong_passphrase() {
    let kdf = vault::vault_new_kdf(JsValue::UNDEFINED).unwrap();
    let key = vault::vault_derive_key("correct horse battery staple".into(), kdf.clone()).unwrap();
    let record = vault::vault_seal(
        key.clone(),
        kdf.clone(),
        "vault".into(),
        "{\"profiles\":[]}".into(),
    )
    .unwrap();
    assert_eq!(
        vault::vault_open(key, record.clone()).unwrap(),
        "{\"profiles\":[]}"
    );
    let wrong = vault::vault_derive_key("not the passphrase".into(), kdf).unwrap();
    assert_eq!(
        get(&vault::vault_open(wrong, record).unwrap_err(), "code"),
        "wrong-passphrase"
    );
}

#[wasm_bindgen_test]
fn freed_heap_memory_is_wiped() {
    const LEN: usize = 4096;
    let block = vec![0xA5u8; LEN];
    let start = block.as_ptr();
    drop(block);
    // The allocator may keep its free-list links in the first words of a freed block; past them
    // nothing of the old contents may remain. (Reading freed memory is sound in WASM's linear
    // memory, which is never unmapped; volatile so the compiler keeps the reads.)
    let left = (64..LEN)
        .filter(|&i| unsafe { std::ptr::read_volatile(start.add(i)) } == 0xA5)
        .count();
    assert_eq!(left, 0, "{left} bytes of a freed block survived");
}

#[wasm_bindgen_test]
fn match_download_reads_the_browsers_items_and_names_the_entry() {
    let file = js(r#"{"name": "credentials.csv", "size": 118, "lastModified": 1796550900000}"#);
    let history = js(r#"[
        {"id": 3, "filename": "/dl/credentials.csv", "fileSize": 119, "state": "complete", "exists": true,
         "startTime": "2026-12-06T09:54:59.700Z", "endTime": "2026-12-06T09:55:00.000Z"},
        {"id": 4, "filename": "/dl/credentials(1).csv", "fileSize": 118, "totalBytes": 118, "state": "complete",
         "exists": true, "mime": "text/csv", "startTime": "2026-12-06T09:54:59.700Z", "endTime": "2026-12-06T09:55:00.000Z"}
    ]"#);
    let now = 1_796_551_200_000.0;
    let found = credentials::match_download(file.clone(), history.clone(), now, None).unwrap();
    assert_eq!(get(&found, "code"), "found");
    assert_eq!(get(&found, "id"), 4);
    assert_eq!(get(&found, "params.fileName"), "credentials.csv");
    let still = credentials::match_download(file.clone(), history.clone(), now, Some(4)).unwrap();
    assert_eq!(get(&still, "id"), 4);
    let other = credentials::match_download(file.clone(), history, now, Some(3)).unwrap();
    assert_eq!(get(&other, "code"), "changed");
    assert!(get(&other, "id").is_undefined());
    let none = credentials::match_download(file.clone(), js("[]"), now, None).unwrap();
    assert_eq!(get(&none, "code"), "not-found");
    assert!(get(&none, "id").is_undefined());
    let refused =
        credentials::match_download(file, js(r#"[{"filename": 3}]"#), 0.0, None).unwrap_err();
    assert_eq!(get(&refused, "code"), "bad-download");
}

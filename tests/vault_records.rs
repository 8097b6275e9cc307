//! Sealed records end to end: round trips, wrong passphrase, tampering, formats, migration.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::Aes256Gcm;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::{json, Value};

use credfill::secret::Secret;
use credfill::vault::{derive_key, Envelope, KdfParams, Record, VaultKey, DEFAULT_COST};

const DOCUMENT: &str = r#"{"profiles":[{"id":"p-1","name":"Huawei …WXYZ","secret":"MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"}]}"#;

/// Test-only parameters, far below the floor, read as a stored record would be
/// (creation refuses them), so tests stay fast.
fn fast_kdf() -> KdfParams {
    serde_json::from_value(json!({
        "alg": "argon2id", "mKib": 64, "t": 1, "p": 1, "salt": "AAECAwQFBgcICQoLDA0ODw=="
    }))
    .unwrap()
}

fn unlock(passphrase: &str, kdf: &KdfParams) -> VaultKey {
    derive_key(&Secret::new(passphrase), kdf).unwrap()
}

fn open(key: &VaultKey, envelope: &Envelope) -> Result<String, &'static str> {
    Record::V2(envelope.clone())
        .open_text(key)
        .map(|text| text.expose().to_owned())
        .map_err(|e| e.code())
}

fn sealed() -> (VaultKey, Envelope) {
    let key = unlock("correct horse battery staple", &fast_kdf());
    let envelope = Envelope::seal(&key, &fast_kdf(), "vault", DOCUMENT.as_bytes()).unwrap();
    (key, envelope)
}

fn flip_byte(field: &str, at: usize) -> String {
    let mut raw = BASE64.decode(field).unwrap();
    raw[at] ^= 0x01;
    BASE64.encode(raw)
}

#[test]
fn round_trip_through_the_passphrase() {
    let (_, envelope) = sealed();
    let again = unlock("correct horse battery staple", &envelope.kdf);
    assert_eq!(open(&again, &envelope).unwrap(), DOCUMENT);
}

#[test]
fn the_record_is_the_documented_json_and_holds_no_plaintext() {
    let (key, envelope) = sealed();
    let json = serde_json::to_value(&envelope).unwrap();
    let mut fields: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    fields.sort();
    assert_eq!(
        fields,
        ["ciphertext", "format", "id", "kdf", "nonce", "verifier"]
    );
    assert_eq!(json["format"], 2);
    assert_eq!(json["kdf"]["mKib"], 64);
    let text = json.to_string();
    assert!(!text.contains("MFyfvK41") && !text.contains("Huawei"));
    // From JSON and back, as the extension stores it.
    let record = Record::from_json(serde_json::from_str(&text).unwrap()).unwrap();
    assert_eq!(record.open_text(&key).unwrap().expose(), DOCUMENT);
}

#[test]
fn every_write_gets_a_fresh_nonce() {
    let (key, first) = sealed();
    let second = Envelope::seal(&key, &fast_kdf(), "vault", DOCUMENT.as_bytes()).unwrap();
    assert_ne!(first.nonce, second.nonce);
    assert_ne!(first.ciphertext, second.ciphertext);
}

#[test]
fn wrong_passphrase_is_told_apart_from_tampering() {
    let (_, envelope) = sealed();
    let wrong = unlock("correct horse battery stapler", &envelope.kdf);
    assert_eq!(open(&wrong, &envelope), Err("wrong-passphrase"));
}

#[test]
fn every_flipped_ciphertext_byte_is_tampering() {
    let (key, envelope) = sealed();
    let len = BASE64.decode(&envelope.ciphertext).unwrap().len();
    assert_eq!(len, DOCUMENT.len() + 16);
    for at in 0..len {
        let altered = Envelope {
            ciphertext: flip_byte(&envelope.ciphertext, at),
            ..envelope.clone()
        };
        assert_eq!(open(&key, &altered), Err("tampered"), "byte {at}");
    }
}

#[test]
fn altered_header_fields_are_tampering_with_the_right_key() {
    let (key, envelope) = sealed();
    let salt = flip_byte(&envelope.kdf.salt, 0);
    let altered = [
        Envelope {
            nonce: flip_byte(&envelope.nonce, 3),
            ..envelope.clone()
        },
        Envelope {
            verifier: flip_byte(&envelope.verifier, 0),
            ..envelope.clone()
        },
        Envelope {
            id: "vault.gen.2".into(),
            ..envelope.clone()
        },
        Envelope {
            kdf: KdfParams {
                salt,
                ..envelope.kdf.clone()
            },
            ..envelope.clone()
        },
        Envelope {
            kdf: KdfParams {
                m_kib: 32,
                ..envelope.kdf.clone()
            },
            ..envelope.clone()
        },
        Envelope {
            ciphertext: "AAAA".into(),
            ..envelope.clone()
        },
        Envelope {
            nonce: "***".into(),
            ..envelope.clone()
        },
    ];
    for (n, record) in altered.iter().enumerate() {
        assert_eq!(open(&key, record), Err("tampered"), "alteration {n}");
    }
}

/// A damaged salt or cost derives another key: indistinguishable from a wrong passphrase,
/// and just as closed.
#[test]
fn altered_kdf_when_unlocking_with_the_passphrase_fails_closed() {
    let (_, envelope) = sealed();
    let altered = KdfParams {
        t: 2,
        ..envelope.kdf.clone()
    };
    let key = unlock("correct horse battery staple", &altered);
    let record = Envelope {
        kdf: altered,
        ..envelope
    };
    assert_eq!(open(&key, &record), Err("wrong-passphrase"));
}

#[test]
fn unknown_or_foreign_records_are_refused_with_a_code() {
    let (key, envelope) = sealed();
    let code = |value: Value| {
        Record::from_json(value)
            .and_then(|r| r.open(&key))
            .unwrap_err()
            .code()
    };
    let mut future = serde_json::to_value(&envelope).unwrap();
    future["format"] = json!(3);
    assert_eq!(code(future), "unsupported-format");
    assert_eq!(code(json!({"hello": "world"})), "bad-envelope");
    assert_eq!(code(json!({"format": 2, "id": "vault"})), "bad-envelope");
    assert_eq!(code(json!("a string")), "bad-envelope");
    let mut other_kdf = serde_json::to_value(&envelope).unwrap();
    other_kdf["kdf"]["alg"] = json!("scrypt");
    assert_eq!(code(other_kdf), "tampered"); // bound in the associated data
    assert_eq!(
        VaultKey::from_base64("c2hvcnQ=").unwrap_err().code(),
        "bad-key"
    );
}

#[test]
fn default_parameters_meet_the_floor_and_round_trip() {
    let kdf = KdfParams::create(DEFAULT_COST).unwrap();
    assert!(kdf.m_kib >= 19_456 && kdf.t >= 2 && kdf.p >= 1);
    let key = unlock("a passphrase", &kdf);
    let envelope = Envelope::seal(&key, &kdf, "vault", DOCUMENT.as_bytes()).unwrap();
    assert_eq!(
        open(&unlock("a passphrase", &envelope.kdf), &envelope).unwrap(),
        DOCUMENT
    );
}

/// A format-1 record built here straight from its layout with the `aes-gcm` crate (derived
/// key as the AES key, AAD "credfill-vault-v1", `version: 1`), not by the vault's code.
fn v1_record(key: &VaultKey, plaintext: &str) -> Value {
    let raw = BASE64.decode(key.to_base64().expose()).unwrap();
    let nonce = [7u8; 12];
    let ciphertext = Aes256Gcm::new_from_slice(&raw)
        .unwrap()
        .encrypt(
            (&nonce).into(),
            Payload {
                msg: plaintext.as_bytes(),
                aad: b"credfill-vault-v1",
            },
        )
        .unwrap();
    json!({
        "version": 1,
        "kdf": fast_kdf(),
        "nonce": BASE64.encode(nonce),
        "ciphertext": BASE64.encode(ciphertext),
    })
}

#[test]
fn migration_from_format_1_to_format_2() {
    let key = unlock("old passphrase", &fast_kdf());
    let v1 = Record::from_json(v1_record(&key, DOCUMENT)).unwrap();
    assert!(matches!(v1, Record::V1(_)));
    assert_eq!(v1.open_text(&key).unwrap().expose(), DOCUMENT);

    let v2 = v1.migrate(&key).unwrap();
    assert_eq!((v2.format, v2.id.as_str()), (2, "vault"));
    assert_eq!(
        v2.kdf,
        fast_kdf(),
        "same KDF, so the unlocked key stays valid"
    );
    assert_eq!(open(&key, &v2).unwrap(), DOCUMENT);
    // The migrated record unlocks from the passphrase too, and migrating again changes nothing.
    assert_eq!(
        open(&unlock("old passphrase", &v2.kdf), &v2).unwrap(),
        DOCUMENT
    );
    assert_eq!(Record::V2(v2.clone()).migrate(&key).unwrap(), v2);
}

#[test]
fn migration_needs_the_right_key_and_an_intact_record() {
    let key = unlock("old passphrase", &fast_kdf());
    let wrong = unlock("other passphrase", &fast_kdf());
    let v1 = Record::from_json(v1_record(&key, DOCUMENT)).unwrap();
    assert_eq!(v1.migrate(&wrong).unwrap_err().code(), "wrong-passphrase");

    let (key, envelope) = sealed();
    let altered = Envelope {
        ciphertext: flip_byte(&envelope.ciphertext, 0),
        ..envelope
    };
    assert_eq!(
        Record::V2(altered).migrate(&key).unwrap_err().code(),
        "tampered"
    );
}

//! The vault's primitives against published known answers.

use credfill::secret::Secret;
use credfill::vault::seal::{decrypt, encrypt};
use credfill::vault::{derive_key, KdfParams};

fn bytes<const N: usize>(hex_text: &str) -> [u8; N] {
    hex::decode(hex_text).unwrap().try_into().unwrap()
}

/// McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Appendix B, test cases
/// 13–16 (the AES-256 ones): key, IV, plaintext, AAD, ciphertext, tag.
const GCM_CASES: [[&str; 6]; 4] = [
    [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "000000000000000000000000",
        "",
        "",
        "",
        "530f8afbc74536b9a963b4f1c4cb738b",
    ],
    [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "000000000000000000000000",
        "00000000000000000000000000000000",
        "",
        "cea7403d4d606b6e074ec5d3baf39d18",
        "d0d1c8a799996bf0265b98b5d48ab919",
    ],
    [
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
        "cafebabefacedbaddecaf888",
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
         1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
        "",
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
         8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
        "b094dac5d93471bdec1a502270e3cc6c",
    ],
    [
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
        "cafebabefacedbaddecaf888",
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
         1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
        "feedfacedeadbeeffeedfacedeadbeefabaddad2",
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
         8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
        "76fc6ece0f4e1768cddf8853bb2d551b",
    ],
];

#[test]
fn aes_256_gcm_mcgrew_viega_cases_13_to_16() {
    for (n, [key, iv, plaintext, aad, ciphertext, tag]) in GCM_CASES.into_iter().enumerate() {
        let case = n + 13;
        let (key, iv) = (bytes::<32>(key), bytes::<12>(iv));
        let (plaintext, aad) = (hex::decode(plaintext).unwrap(), hex::decode(aad).unwrap());
        let sealed = encrypt(&key, &iv, &aad, &plaintext).unwrap();
        assert_eq!(
            hex::encode(&sealed),
            format!("{ciphertext}{tag}"),
            "case {case}"
        );
        assert_eq!(
            decrypt(&key, &iv, &aad, &sealed).unwrap().as_slice(),
            plaintext,
            "case {case}"
        );
        let mut bad_tag = sealed.clone();
        *bad_tag.last_mut().unwrap() ^= 1;
        assert!(decrypt(&key, &iv, &aad, &bad_tag).is_none(), "case {case}");
    }
}

/// phc-winner-argon2 (the reference implementation), `src/test.c`, Argon2id v=19 with
/// password "password" and salt "somesalt" ("c29tZXNhbHQ="): the same path unlocking takes.
#[test]
fn argon2id_reference_implementation_vectors_through_derive_key() {
    for (m_kib, p, expected) in [
        (
            256,
            1,
            "9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe",
        ),
        (
            256,
            2,
            "6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037",
        ),
        (
            65_536,
            1,
            "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
        ),
    ] {
        let kdf = KdfParams {
            alg: "argon2id".into(),
            m_kib,
            t: 2,
            p,
            salt: "c29tZXNhbHQ=".into(),
        };
        let key = derive_key(&Secret::new("password"), &kdf).unwrap();
        let raw = base64_decode(key.to_base64().expose());
        assert_eq!(hex::encode(raw), expected, "m={m_kib} p={p}");
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

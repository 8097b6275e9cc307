//! Native signing throughput: `cargo bench --bench sign`. One JSON line per figure, the median of
//! ROUNDS timed passes over the N requests with their spread, e.g.
//! `{"bench":"aws4_sign","target":"native","n":10000,"rounds":5,"per_s":123456,"spread":"…"}`.

mod common;

use credfill::secret::Secret;
use credfill::sign::aws4::Aws4Signer;
use credfill::sign::{apig, Scheme, SignRequest};
use std::hint::black_box;
use std::time::Instant;

const N: u32 = 10_000;
/// `native` uses the CPU's SHA instructions where it has them (`sha2` detects them at run time);
/// `native-soft-sha` is the portable SHA-256 code the WASM build runs, WASM having no such
/// instructions: the WASM figures are compared with both. The soft figures name `native` as their
/// reference: that ratio is what the SHA instructions buy.
const TARGET: &str = if cfg!(feature = "soft-sha") {
    r#""native-soft-sha","reference":"native""#
} else {
    r#""native""#
};

fn request(scheme: Scheme, i: u32) -> SignRequest {
    SignRequest {
        scheme,
        method: "GET".into(),
        url: format!(
            "https://bucket.obs.eu-west-0.example.com/models/run-{i}/weights.bin?partNumber={i}"
        ),
        // No headers: bench/sign-browser.mjs signs the same requests (aws4fetch signs no Content-Type).
        headers: vec![],
        body: vec![],
        access_key_id: "QTWAOYTTINDUT2QVKYUC".into(),
        secret_access_key: Secret::new("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
        security_token: None,
        region: Some("eu-west-0".into()),
        service: Some("s3".into()),
        bucket: None,
        unsigned_payload: true,
        timestamp: "20261123T104600Z".into(),
    }
}

fn report(bench: &str, mut run: impl FnMut(u32)) {
    // One pass first, as bench/sign-browser.mjs does: caches and the signing-key cache warm.
    for i in 0..N {
        run(i);
    }
    let rounds = common::runs(5);
    let rates: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for i in 0..N {
                run(i);
            }
            f64::from(N) / start.elapsed().as_secs_f64()
        })
        .collect();
    let (per_s, spread) = common::median_spread(&rates, "ops/s", 0);
    println!(
        r#"{{"bench":"{bench}","target":{TARGET},"n":{N},"rounds":{rounds},"per_s":{per_s:.0},"spread":"{spread}"}}"#
    );
}

fn main() {
    let aws4: Vec<SignRequest> = (0..N).map(|i| request(Scheme::Aws4, i)).collect();
    let apig_requests: Vec<SignRequest> = (0..N).map(|i| request(Scheme::Apig, i)).collect();
    let mut signer = Aws4Signer::default();
    report("aws4_sign", |i| {
        black_box(signer.sign(&aws4[i as usize]).unwrap());
    });
    report("apig_sign", |i| {
        black_box(apig::sign(&apig_requests[i as usize]).unwrap());
    });
    report("aws4_presign", |i| {
        black_box(signer.presign(&aws4[i as usize], 3600).unwrap());
    });
}

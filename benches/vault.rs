//! Unlock time with the default Argon2id parameters, natively. Prints one JSON line: the median of
//! the runs, their spread next to it.

mod common;

use std::time::Instant;

use credfill::secret::Secret;
use credfill::vault::{derive_key, KdfParams, DEFAULT_COST};

fn main() {
    let kdf = KdfParams::create(DEFAULT_COST).expect("default parameters meet the floor");
    let passphrase = Secret::new("correct horse battery staple");
    derive_key(&passphrase, &kdf).expect("warm-up");
    let runs = common::runs(5);
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            derive_key(&passphrase, &kdf).expect("derive");
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let (ms, spread) = common::median_spread(&times, "ms", 1);
    println!(
        r#"{{"bench":"unlock_default_kdf","target":"native","ms":{ms:.1},"runs":{runs},"spread":"{spread}","mKib":{},"t":{},"p":{}}}"#,
        kdf.m_kib, kdf.t, kdf.p
    );
}

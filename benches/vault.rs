//! Unlock time with the default Argon2id parameters, natively. Prints one JSON line.

use std::time::Instant;

use credfill::secret::Secret;
use credfill::vault::{derive_key, KdfParams, DEFAULT_COST};

const RUNS: u32 = 5;

fn main() {
    let kdf = KdfParams::create(DEFAULT_COST).expect("default parameters meet the floor");
    let passphrase = Secret::new("correct horse battery staple");
    derive_key(&passphrase, &kdf).expect("warm-up");
    let started = Instant::now();
    for _ in 0..RUNS {
        derive_key(&passphrase, &kdf).expect("derive");
    }
    let ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    println!(
        r#"{{"bench":"unlock_default_kdf","target":"native","ms":{ms:.1},"mKib":{},"t":{},"p":{}}}"#,
        kdf.m_kib, kdf.t, kdf.p
    );
}

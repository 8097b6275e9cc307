//! The one place the vault draws randomness (salts and nonces): the OS source natively,
//! `crypto.getRandomValues` in the browser (getrandom's `wasm_js` backend).

use super::VaultError;

pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], VaultError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| VaultError::NoRandomness)?;
    Ok(bytes)
}

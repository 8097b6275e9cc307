//! The exports as JavaScript sees them, run inside a real WASM engine (Node, via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_crosses_the_boundary() {
    assert_eq!(credfill::bindings::version(), env!("CARGO_PKG_VERSION"));
}

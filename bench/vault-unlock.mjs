// Unlock time in the browser: vaultDeriveKey (Argon2id, default parameters) in the WASM build, run
// inside an extension page of headless Chromium — where users pay it. Prints one JSON line; its
// reference is `cargo bench --bench vault` (native), measured in the same `make bench` run.
// Needs `make build` (dist/chrome).
import { launchChromium } from '../tests/e2e/lib/browsers.mjs';

const RUNS = 5;

const browser = await launchChromium();
try {
  const page = await browser.open('popup.html');
  const result = await page.evaluate(async (runs) => {
    const core = await import('./pkg/credfill.js');
    await core.default({ module_or_path: './pkg/credfill_bg.wasm' });
    const kdf = core.vaultNewKdf();
    const passphrase = 'correct horse battery staple';
    core.vaultDeriveKey(passphrase, kdf); // warm-up: compilation and first allocation
    const started = performance.now();
    for (let i = 0; i < runs; i++) core.vaultDeriveKey(passphrase, kdf);
    return { ms: (performance.now() - started) / runs, kdf };
  }, RUNS);
  const { mKib, t, p } = result.kdf;
  console.log(JSON.stringify({
    bench: 'unlock_default_kdf', target: 'wasm-chromium', ms: Number(result.ms.toFixed(1)), reference: 'native', mKib, t, p,
  }));
} finally {
  await browser.close();
}

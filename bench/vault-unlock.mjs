// Unlock time in the browser: vaultDeriveKey (Argon2id) in the WASM build, run inside an extension
// page of headless Chromium — where users pay it. Prints JSON lines:
// - the default parameters, against `cargo bench --bench vault` (native), measured in the same run;
// - the OWASP floor, 64 MiB × 3 passes and the most a stored record may ask for (the ceiling a
//   hostile backup can make unlock pay), each against the floor.
// Each figure is the median of RUNS runs, their spread next to it. Needs `make build` (dist/chrome).
import { launchChromium } from '../tests/e2e/lib/browsers.mjs';
import { median, spread } from './lib/stats.mjs';

const RUNS = process.env.CREDFILL_BENCH_ONCE ? 1 : 5;
const FLOOR = { mKib: 19_456, t: 2, p: 1 };
const COSTS = [FLOOR, { mKib: 65_536, t: 3, p: 1 }, { mKib: 262_144, t: 4, p: 1 }];
const label = ({ mKib, t }) => `m${mKib}-t${t}`;

const browser = await launchChromium();
try {
  const page = await browser.open('popup.html');
  const results = await page.evaluate(async ({ runs, costs }) => {
    const core = await import('./pkg/credfill.js');
    await core.default({ module_or_path: './pkg/credfill_bg.wasm' });
    const passphrase = 'correct horse battery staple';
    const time = (kdf) => {
      core.vaultDeriveKey(passphrase, kdf); // warm-up: compilation and first allocation
      return Array.from({ length: runs }, () => {
        const started = performance.now();
        core.vaultDeriveKey(passphrase, kdf);
        return performance.now() - started;
      });
    };
    // A stored record's parameters, as vaultDeriveKey reads them (the ceiling is above what vaultNewKdf makes by default).
    const stored = (cost) => ({ ...core.vaultNewKdf(), ...cost });
    const kdf = core.vaultNewKdf();
    return { defaultTimes: time(kdf), kdf, costs: costs.map((cost) => ({ cost, times: time(stored(cost)) })) };
  }, { runs: RUNS, costs: COSTS });
  const { mKib, t, p } = results.kdf;
  const figure = (times) => ({ ms: Number(median(times).toFixed(1)), runs: times.length, spread: spread(times) });
  console.log(JSON.stringify({ bench: 'unlock_default_kdf', target: 'wasm-chromium', ...figure(results.defaultTimes), reference: 'native', mKib, t, p }));
  for (const { cost, times } of results.costs) {
    const reference = cost === results.costs[0].cost ? {} : { reference: label(FLOOR) };
    console.log(JSON.stringify({ bench: 'unlock_kdf_cost_wasm_chromium', target: label(cost), ...figure(times), ...reference, p: cost.p }));
  }
} finally {
  await browser.close();
}

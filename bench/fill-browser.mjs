// Autofill time in Chromium, as the user feels it: one `fill.run` round trip from an extension page
// (inject the content script into every frame, collect descriptors, plan in the WASM core, type the
// values), on each console replica and on a generated page of 2,000 inputs. Median of RUNS runs.
// Prints JSON lines {"bench", "target": "chromium", "ms", "runs"}; needs `make build` (dist-e2e, replicas).
import { launchWithConsoles, probe, runFill } from '../tests/e2e/lib/fill.mjs';
import { HOSTS } from '../tests/e2e/lib/consoles.mjs';
import { seedProfile } from '../tests/e2e/lib/profiles.mjs';

const RUNS = process.env.CREDFILL_BENCH_ONCE ? 1 : 7;
const TARGETS = [
  ['fill_2000_inputs', HOSTS.huawei, 'generated.html?n=2000', 'huawei'],
  ['fill_replica_modelarts_vue', HOSTS.huawei, 'modelarts-vue.html', 'huawei'],
  ['fill_replica_modelarts_angular', HOSTS.orange, 'modelarts-angular.html', 'orange'],
  ['fill_replica_openscale_react', HOSTS.openscale, 'openscale-react.html#wml', 'ibm'],
  ['fill_replica_openscale_web_components', HOSTS.dataplatform, 'openscale-wc.html', 'ibm'],
  ['fill_replica_modelarts_opentiny', HOSTS.huawei, 'modelarts-tiny.html', 'huawei'],
  ['fill_replica_openscale_carbon', HOSTS.openscale, 'openscale-carbon.html#wml', 'ibm'],
  ['fill_replica_same_origin_iframe', HOSTS.ibm, 'frame-same.html', 'ibm'],
];
const PROFILES = {
  huawei: { name: 'bench', provider: 'huawei', credentials: [{ kind: 'aksk', accessKeyId: 'HWAKBENCH000000000AA', secretAccessKey: 'hwSecretBench00000000000000000000000000' }] },
  orange: { name: 'bench', provider: 'flexible-engine', credentials: [{ kind: 'aksk', accessKeyId: 'FEAKBENCH000000000AA', secretAccessKey: 'feSecretBench00000000000000000000000000' }] },
  ibm: {
    name: 'bench', provider: 'ibm', openscaleGuid: '0f1e2d3c-0000-4000-8000-00000000be7c',
    credentials: [{ kind: 'ibm-api-key', apiKey: 'benchPlatformKey0123456789' }, { kind: 'ibm-service', apiKey: 'benchApiKey0123456789', instanceId: 'wml', url: 'https://x' }],
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { server, browser } = await launchWithConsoles('chromium');
try {
  const ids = {};
  for (const [key, profile] of Object.entries(PROFILES)) ids[key] = await seedProfile(browser, profile);
  const control = await browser.open('popup.html');
  for (const [bench, host, path, profile] of TARGETS) {
    const url = `https://${host}/${path}`;
    const page = await browser.open(url);
    await page.waitFor('input');
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const reply = await runFill(control, url, { profileId: ids[profile] });
      times.push(performance.now() - start);
      if (reply.ok?.status !== 'filled' || !reply.ok.filled.length) throw new Error(`${bench}: ${JSON.stringify(reply)}`);
    }
    console.log(JSON.stringify({ bench, target: 'chromium', ms: Number(median(times).toFixed(1)), runs: RUNS }));
    if (bench === 'fill_2000_inputs') {
      // The content script's share: describing 2,000 fields inside the page.
      const collect = [];
      for (let i = 0; i < RUNS; i++) {
        const [ms] = await probe(control, url, 'time-collect');
        collect.push(ms);
      }
      console.log(JSON.stringify({ bench: 'collect_2000_inputs', target: 'chromium', ms: Number(median(collect).toFixed(1)), runs: RUNS }));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// Autofill time as the user feels it, in Chromium and Firefox: *Fill this page* (the popup's
// `fill.run` message) until the worker's answer, which comes once the fields hold their values
// (inject the content script into every frame, collect descriptors, plan in the WASM core, type the
// values). Timed inside the popup page, so the test driver's own round trips are not counted.
// On each console replica twice: with the worker running, and with the worker stopped just before
// (as the browser stops it after 30 s idle: the click then also wakes it and instantiates the
// core), plus a generated page of 2,000 inputs with the worker running. Median of RUNS runs.
// Prints JSON lines {"bench", "target": browser[, worker stopped], "ms", "runs", "spread"}; needs `make build`
// (dist-e2e, replicas).
import { BROWSERS, eventually, stopBackground } from '../tests/e2e/lib/browsers.mjs';
import { HOSTS, launchWithConsoles } from '../tests/e2e/lib/consoles.mjs';
import { probe, tabIdOf } from '../tests/e2e/lib/tabs.mjs';
import { seedProfile } from '../tests/e2e/lib/profiles.mjs';
import { median, spread } from './lib/stats.mjs';

const RUNS = process.env.CREDFILL_BENCH_ONCE ? 1 : 7;
const PAGE_2000 = ['fill_2000_inputs', HOSTS.huawei, 'generated.html?n=2000', 'huawei', 'input'];
const REPLICAS = [
  ['fill_replica_modelarts_vue', HOSTS.huawei, 'modelarts-vue.html', 'huawei', 'input'],
  ['fill_replica_modelarts_angular', HOSTS.orange, 'modelarts-angular.html', 'orange', 'input'],
  ['fill_replica_openscale_react', HOSTS.openscale, 'openscale-react.html#wml', 'ibm', 'input'],
  ['fill_replica_openscale_web_components', HOSTS.dataplatform, 'openscale-wc.html', 'ibm', '#state'],
  ['fill_replica_modelarts_opentiny', HOSTS.huawei, 'modelarts-tiny.html', 'huawei', '.tiny-dialog-box input[type=password]'],
  ['fill_replica_openscale_carbon', HOSTS.openscale, 'openscale-carbon.html#wml', 'ibm', '#save'],
  ['fill_replica_same_origin_iframe', HOSTS.ibm, 'frame-same.html', 'ibm', '#form'],
];
const PROFILES = {
  huawei: { name: 'bench', provider: 'huawei', credentials: [{ kind: 'aksk', accessKeyId: 'HWAKBENCH000000000AA', secretAccessKey: 'hwSecretBench00000000000000000000000000' }] },
  orange: { name: 'bench', provider: 'flexible-engine', credentials: [{ kind: 'aksk', accessKeyId: 'FEAKBENCH000000000AA', secretAccessKey: 'feSecretBench00000000000000000000000000' }] },
  ibm: {
    name: 'bench', provider: 'ibm', openscaleGuid: '0f1e2d3c-0000-4000-8000-00000000be7c',
    credentials: [{ kind: 'ibm-api-key', apiKey: 'benchPlatformKey0123456789' }, { kind: 'ibm-service', apiKey: 'benchApiKey0123456789', instanceId: 'wml', url: 'https://x' }],
  },
};

const print = (bench, target, times, extra = {}) =>
  console.log(JSON.stringify({ bench, target, ms: Number(median(times).toFixed(1)), runs: times.length, spread: spread(times), ...extra }));

for (const [name] of BROWSERS) {
  const { server, browser } = await launchWithConsoles(name);
  try {
    const ids = {};
    for (const [key, profile] of Object.entries(PROFILES)) ids[key] = await seedProfile(browser, profile);
    const control = await browser.open('popup.html');
    /** One fill of `url`'s tab from the popup page, in ms; throws unless it filled. */
    const timeFill = async (bench, tabId, profileId) => {
      const { ms, reply } = await control.evaluate(async ({ tabId: id, profileId: p }) => {
        const start = performance.now();
        const answer = await (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'fill.run', tabId: id, profileId: p });
        return { ms: performance.now() - start, reply: answer };
      }, { tabId, profileId });
      if (reply.ok?.status !== 'filled' || !reply.ok.filled.length) throw new Error(`${bench}, ${name}: ${JSON.stringify(reply)}`);
      return ms;
    };
    for (const [bench, host, path, profile, ready] of [PAGE_2000, ...REPLICAS]) {
      const url = `https://${host}/${path}`;
      const page = await browser.open(url);
      await page.waitFor(ready);
      const tabId = await tabIdOf(control, url);
      // One fill first, untimed: a page may still be loading a frame or rendering its form.
      await eventually(() => timeFill(bench, tabId, ids[profile]).catch(() => null), (ms) => ms !== null);
      const running = [];
      for (let i = 0; i < RUNS; i++) running.push(await timeFill(bench, tabId, ids[profile]));
      print(bench, name, running);
      if (bench === PAGE_2000[0]) {
        // The content script's share: describing 2,000 fields inside the page.
        const collect = [];
        for (let i = 0; i < RUNS; i++) collect.push((await probe(control, url, 'time-collect'))[0]);
        print('collect_2000_inputs', name, collect);
      } else {
        const stopped = [];
        for (let i = 0; i < RUNS; i++) {
          if (!(await stopBackground(browser, control))) throw new Error(`${name}: the background did not stop`);
          stopped.push(await timeFill(bench, tabId, ids[profile]));
        }
        print(bench, `${name}, worker stopped`, stopped, { reference: name });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

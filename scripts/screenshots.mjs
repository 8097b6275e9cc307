// README screenshots, taken from the real built extension (dist-e2e/chrome) in Chromium against the
// local stand-ins the tests use, so they show what the current build does: `make screenshots`
// writes docs/screenshots/*.png. The keys are the stand-ins' own random ones.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_EXTENSION, ROOT, launchChromium } from '../tests/e2e/lib/browsers.mjs';
import { HOSTS, chromiumConsoleArgs, startConsoles } from '../tests/e2e/lib/consoles.mjs';
import { E2E_PASSPHRASE, seedProfile } from '../tests/e2e/lib/profiles.mjs';
import { tabIdOf } from '../tests/e2e/lib/tabs.mjs';
import { click, settled } from '../tests/e2e/lib/modelarts.mjs';
import { startServer } from '../tests/e2e/servers/launch.mjs';

const OUT = join(ROOT, 'docs/screenshots');
const TIMEOUT = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'credfill-shots-'));
const [moto, consoles, obs] = await Promise.all([startServer('moto_s3.py'), startConsoles(0), startServer('huawei_obs.py', ['eu-west-0'])]);
const iam = await startServer('huawei_iam.py', [], { env: { HUAWEI_AK: obs.accessKeyId, HUAWEI_SK: obs.secretAccessKey } });
const browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, args: chromiumConsoleArgs(consoles.port) });
mkdirSync(OUT, { recursive: true });

/** The popup's whole height, as a user scrolls it. */
const shoot = async (page, name) => {
  await page.raw.setViewportSize({ width: 380, height: 600 });
  await page.raw.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
};

try {
  // 1. Import: a credentials.csv as the Huawei console gives it, its questions asked.
  const csv = join(dir, 'credentials.csv');
  writeFileSync(csv, `User Name,Access Key Id,Secret Access Key\nalice,${moto.huaweiKeys[0].accessKeyId},${moto.huaweiKeys[0].secretAccessKey}\n`);
  let popup = await browser.open('popup.html');
  await popup.setFile('#import-file', csv);
  await popup.waitFor('#import-save:not([hidden])');
  await shoot(popup, 'popup-import');

  // 2. Saved: the passphrase at the first save (a short one refused under its field, with the
  // minimum), then the profile list, and a profile's editor with its endpoint per service.
  await popup.click('#import-save');
  await popup.waitFor('#vault-pending');
  await popup.fill('#vault-passphrase', 'short');
  await popup.fill('#vault-confirm', 'short');
  await popup.click('#vault-submit');
  await popup.waitFor('#vault-passphrase-note.error');
  await shoot(popup, 'popup-passphrase');
  await popup.fill('#vault-passphrase', E2E_PASSPHRASE);
  await popup.fill('#vault-confirm', E2E_PASSPHRASE);
  await popup.click('#vault-submit');
  await popup.waitFor('#vault-saved li', { timeout: TIMEOUT });
  await shoot(popup, 'popup-profiles');
  await popup.click('#profile-list .profile .edit');
  await popup.waitFor('.profile-edit .profile-endpoints input');
  await shoot(popup, 'popup-edit');

  // 3. Test keys: a key the S3 stand-in refuses, and the diagnosis in plain words.
  const wrongSk = moto.secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  const id = await seedProfile(browser, {
    name: 'S3 test (wrong SK)', provider: 'aws', region: 'us-east-1', endpoint: moto.url,
    credentials: [{ kind: 'aksk', accessKeyId: moto.accessKeyId, secretAccessKey: wrongSk }],
  });
  await popup.close();
  popup = await browser.open('popup.html');
  await popup.click('#check-section summary.check-title');
  const row = `.check-profile[data-profile-id="${id}"]`;
  await popup.waitFor(`${row} button.check-run`, { timeout: TIMEOUT });
  await popup.click(`${row} button.check-run`);
  await popup.waitFor(`${row} .check-result`, { timeout: TIMEOUT });
  await popup.raw.locator('#check-section').scrollIntoViewIfNeeded();
  await shoot(popup, 'popup-check');
  await popup.close();

  // 4. Fill: the ModelArts replica (Vue, as the console's own dialog), filled from the popup.
  const target = `https://${HOSTS.huawei}/modelarts-vue.html`;
  const page = await browser.open(target);
  await page.waitFor('input[type=password]');
  const control = await browser.open('options.html');
  const tabId = await tabIdOf(control, target);
  await control.close();
  popup = await browser.open(`popup.html?tab=${tabId}`);
  await popup.waitFor('#fill-run:not([hidden])');
  await popup.click('#fill-run');
  await popup.waitFor('#fill-result[data-state=filled], #fill-result[data-state=choose-profile]', { timeout: TIMEOUT });
  await shoot(popup, 'popup-fill');

  // 5. Prepare ModelArts on Flexible Engine against the OBS and IAM stand-ins: storage read, the
  // folders created, the key authorized; what is done is marked, the Create button is disabled, and
  // the removal's request stays folded until the user opens it.
  const modelarts = await seedProfile(browser, {
    name: 'Flexible Engine', provider: 'flexible-engine', region: 'eu-west-0',
    endpoint: { obs: obs.url, iam: iam.url, modelarts: iam.url },
    credentials: [{ kind: 'aksk', accessKeyId: obs.accessKeyId, secretAccessKey: obs.secretAccessKey }],
  });
  popup = await browser.open('popup.html');
  await popup.waitFor('#modelarts-section summary.modelarts-title[data-ready]', { timeout: TIMEOUT });
  await popup.click('#modelarts-section summary.modelarts-title');
  // The section opens on the imported Huawei Cloud profile: this one's storage is read by its own button.
  const panel = `.modelarts-profile[data-profile-id="${modelarts}"]`;
  await popup.waitFor(`${panel} .modelarts-overview`);
  await click(popup, modelarts, `${panel} .modelarts-overview`, []);
  await settled(popup, modelarts, (p) => p.bucketInput && p.log.some((l) => l.action === 'list-authorizations'));
  // The fit bucket offered, its missing folders created.
  await settled(popup, modelarts, (p) => p.plan.length > 0);
  await click(popup, modelarts, `${panel} .modelarts-create`, []);
  await settled(popup, modelarts, (p) => p.previews.some((text) => text.startsWith('POST ')));
  await click(popup, modelarts, `${panel} .modelarts-authorize`, []);
  await settled(popup, modelarts, (p) => p.authorized && p.previews.some((text) => text.startsWith('DELETE ')));
  await popup.waitFor(`${panel} .modelarts-ready`);
  await popup.raw.locator('#modelarts-section').scrollIntoViewIfNeeded();
  await shoot(popup, 'popup-modelarts');
  await popup.close();

  // 6. Options: the vault's settings, backup and restore (a vault is there: no new passphrase asked), console hosts.
  const options = await browser.open('options.html');
  await options.waitFor('#vault-options h2');
  await options.raw.setViewportSize({ width: 800, height: 900 });
  await options.raw.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
  console.log('docs/screenshots/options.png');
} finally {
  await browser.close();
  await Promise.all([moto.stop(), consoles.close(), obs.stop(), iam.stop()]);
  rmSync(dir, { recursive: true, force: true });
}

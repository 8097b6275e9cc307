// Issue 27 in both browsers: "Use in code" copies a snippet holding a 15-minute temporary key, never the
// permanent SK. Against the IAM stand-in (huawei_iam.py: it issues temporary keys, verifying every
// signature with huaweicloudsdkcore's Signer) and the OBS stand-in (obs_native.py: it verifies the signature
// made with the temporary key and requires its x-obs-security-token): the first click shows the one
// securitytokens request and sends nothing; the second sends it once, signed with the permanent key → the
// clipboard holds the temporary key and its token, never the permanent SK, and the popup says when it
// expires → the copied snippet runs (esdk-obs-python lists the buckets) → once the stand-in's clock ends
// the key (its test-only POST /e2e/expire, rather than waiting 15 minutes) the same snippet is refused.
// The temporary secret reaches neither the page's DOM nor storage.session. Flexible Engine, whose IAM is not
// documented to answer the call: against a stand-in without it, the user is told plainly, nothing is copied.
// IBM Cloud: the OpenScale snippet copied with an IAM bearer token (ibm_cloud.py's), never the API key; it
// runs with ibm-watson-openscale until the token expires. For 8 hours, the export block gets a new API key
// that ends: the preview shows the one IAM Identity creation with its expires_at, the click sends it once,
// the clipboard holds the new key, never the profile's.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION, eventually, grantByPrompt } from './lib/browsers.mjs';
import { startXvfb } from './lib/xvfb.mjs';
import { chooseSnippet, readClipboard } from './lib/code.mjs';
import { seedProfile } from './lib/profiles.mjs';
import { startServer } from './servers/launch.mjs';
import { ok, sandbox } from '../snippets/sandbox.mjs';

const TIMEOUT = 30_000;
const SECURITYTOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';
const { dir, python } = sandbox('credfill-short-lived-');


/** The keys a Python snippet names: `name='value'`. */
const pythonValue = (text, name) => text.match(new RegExp(`${name}='([^']*)'`))?.[1];

for (const [name, launch] of BROWSERS) {
  describe(`${name}: a temporary key into code`, () => {
    let browser, popup, id, xvfb, iam, obs, feIam, feId, ibm, ibmId;
    before(async () => {
      iam = await startServer('huawei_iam.py');
      feIam = await startServer('huawei_iam.py', [], { env: { SECURITYTOKENS_ABSENT: '1' } });
      ibm = await startServer('ibm_cloud.py');
      obs = await startServer('obs_native.py', [], { env: { IAM_URL: iam.url } });
      if (name === 'chromium') xvfb = await startXvfb();
      browser = await launch({ extDir: E2E_EXTENSION[name], display: xvfb?.display });
      id = await seedProfile(browser, {
        name: 'short-lived', provider: 'huawei', region: 'cn-north-4', endpoint: { iam: iam.url, obs: obs.url },
        credentials: [{ kind: 'aksk', accessKeyId: iam.accessKeyId, secretAccessKey: iam.secretAccessKey }],
      });
      feId = await seedProfile(browser, {
        name: 'orange', provider: 'flexible-engine', region: 'eu-west-0', endpoint: { iam: feIam.url, obs: obs.url },
        credentials: [{ kind: 'aksk', accessKeyId: feIam.accessKeyId, secretAccessKey: feIam.secretAccessKey }],
      });
      ibmId = await seedProfile(browser, {
        name: 'ibm', provider: 'ibm', region: 'us-south', endpoint: ibm.url, openscaleGuid: ibm.instanceId,
        credentials: [{ kind: 'ibm-api-key', apiKey: ibm.apiKey }],
      });
      popup = await browser.open('popup.html');
      await grantByPrompt(browser, popup, { permissions: ['clipboardRead', 'clipboardWrite'] });
    });
    after(async () => {
      await browser?.close();
      xvfb?.stop();
      await Promise.all([iam, obs, feIam, ibm].map((s) => s?.stop()));
    });

    it('copies a 15-minute snippet: one request signed with the permanent key, the temporary key on the clipboard, refused after expiry', async () => {
      await chooseSnippet(popup, id, 'obs-python');
      // Temporary, 15 minutes, is Huawei Cloud's default.
      await popup.waitFor('.code-lifetime', { state: 'visible', timeout: TIMEOUT });
      assert.equal(await popup.evaluate(() => document.querySelector('.code-lifetime').value), '900');
      await popup.waitFor('.code-get-temporary:not([disabled])', { state: 'visible', timeout: TIMEOUT });
      await popup.click('.code-get-temporary');
      await popup.waitFor('.code-confirm-go', { state: 'visible', timeout: TIMEOUT });
      const shown = await popup.text('.code-temporary-request');
      assert.match(shown, new RegExp(`^POST ${iam.url.replaceAll('.', '\\.')}${SECURITYTOKENS}\\n`));
      assert.match(shown, /X-Domain-Id: [0-9a-f]{32}/);
      assert.match(shown, /"duration_seconds":900/);
      assert.doesNotMatch(shown, /Authorization|Signature=/);
      const issuing = () => iam.requests().filter((r) => r.path === SECURITYTOKENS);
      assert.equal(issuing().length, 0, 'the first click sends nothing but the account read');

      await popup.click('.code-confirm-go');
      const copied = await eventually(() => readClipboard(popup), (text) => Boolean(text?.includes('security_token=')), TIMEOUT);
      const sent = issuing();
      assert.equal(sent.length, 1, 'exactly one securitytokens request');
      const authorization = sent[0].headers.Authorization ?? sent[0].headers.authorization;
      assert.match(authorization, new RegExp(`Access=${iam.accessKeyId},`), 'signed with the permanent key');

      const temporaryAk = pythonValue(copied, 'access_key_id');
      const held = await (await fetch(`${iam.url}/e2e/temporary/${temporaryAk}`)).json();
      assert.equal(pythonValue(copied, 'secret_access_key'), held.secret);
      assert.equal(pythonValue(copied, 'security_token'), held.securitytoken);
      assert.ok(!copied.includes(iam.secretAccessKey) && !copied.includes(iam.accessKeyId), 'no permanent key on the clipboard');
      assert.match(copied, /# Temporary key, valid until \d{4}-\d\d-\d\dT[\d:.]+Z/);
      assert.match(await popup.text('.code-status'), /valid until .*60/);
      // The temporary secret reached neither the page nor the session storage.
      const session = await popup.evaluate(async () => JSON.stringify(await (globalThis.browser ?? chrome).storage.session.get(null)));
      const page = await popup.evaluate(() => document.documentElement.outerHTML);
      for (const text of [session, page]) assert.ok(!text.includes(held.secret) && !text.includes(held.securitytoken));

      const listed = python(copied);
      ok(listed, 'the copied snippet');
      assert.match(listed.stdout, /credfill-snippets/);
      await fetch(`${iam.url}/e2e/expire`, { method: 'POST' });
      assert.match(python(copied).output, /ExpiredToken/, 'refused after its expiry');
    });

    it('IBM Cloud: copies the OpenScale snippet with a one-hour IAM token, never the API key; refused once the token expired', async () => {
      await chooseSnippet(popup, ibmId, 'openscale-python');
      await popup.waitFor('.code-lifetime option[value="3600"]', { timeout: TIMEOUT });
      assert.equal(await popup.evaluate(() => document.querySelector('.code-lifetime').value), '3600');
      await popup.waitFor('.code-get-temporary:not([disabled])', { state: 'visible', timeout: TIMEOUT });
      await popup.click('.code-get-temporary');
      await popup.waitFor('.code-confirm-go', { state: 'visible', timeout: TIMEOUT });
      const shown = await popup.text('.code-temporary-request');
      assert.match(shown, /^POST http:\/\/127\.0\.0\.1:\d+\/identity\/token\n/);
      assert.ok(!shown.includes(ibm.apiKey), 'the API key is masked');
      const tokens = () => ibm.requests().filter((r) => r.path === '/identity/token').length;
      const before = tokens();
      await popup.click('.code-confirm-go');
      const copied = await eventually(() => readClipboard(popup), (text) => Boolean(text?.includes('BearerTokenAuthenticator(')), TIMEOUT);
      assert.equal(tokens() - before, 1, 'one token request');
      assert.ok(!copied.includes(ibm.apiKey), 'no API key on the clipboard');
      const listed = python(copied);
      ok(listed, 'the copied OpenScale snippet');
      assert.match(listed.stdout, new RegExp(ibm.instanceId));
      await fetch(`${ibm.url}/e2e/expire`, { method: 'POST' });
      assert.notEqual(python(copied).status, 0, 'refused after its expiry');
    });

    it('IBM Cloud, 8 hours: one new API key that ends, created after its preview; the clipboard holds it, not the profile\'s key', async () => {
      await chooseSnippet(popup, ibmId, 'ibmcloud-env', 28800);
      assert.match(await popup.text('.code-about'), /shows in your account's API keys: IBM disables it at its end date and deletes it for good 90 days later/);
      await popup.waitFor('.code-get-temporary:not([disabled])', { state: 'visible', timeout: TIMEOUT });
      const creations = () => ibm.requests().filter((r) => r.method === 'POST' && r.path === '/v1/apikeys');
      await popup.click('.code-get-temporary');
      await popup.waitFor('.code-confirm-go', { state: 'visible', timeout: TIMEOUT });
      const shown = await popup.text('.code-temporary-request');
      assert.match(shown, /^POST http:\/\/127\.0\.0\.1:\d+\/v1\/apikeys\n/);
      assert.match(shown, /"name":"credfill-temporary-\d{4}-\d\d-\d\d"/);
      assert.match(shown, /"expires_at":"\d{4}-\d\d-\d\dT\d\d:\d\d\+0000"/);
      assert.ok(!shown.includes(ibm.apiKey), 'the API key is not shown');
      assert.equal(creations().length, 0, 'nothing made before the click');

      await popup.click('.code-confirm-go');
      const copied = await eventually(() => readClipboard(popup), (text) => Boolean(text?.includes('IBMCLOUD_API_KEY=')), TIMEOUT);
      assert.equal(creations().length, 1, 'exactly one creation');
      const made = (await (await fetch(`${ibm.url}/e2e/api-keys`)).json())['IBMid-apiKey'].filter((k) => k.expires_at);
      assert.equal(made.length, 1);
      assert.ok(copied.includes(made[0].apikey), 'the new key on the clipboard');
      assert.ok(!copied.includes(ibm.apiKey), 'not the profile\'s key');
      assert.match(copied, /# Temporary key, valid until \d{4}-\d\d-\d\dT\d\d:\d\d:00Z/);
      // The new key reached neither the page nor the session storage.
      const session = await popup.evaluate(async () => JSON.stringify(await (globalThis.browser ?? chrome).storage.session.get(null)));
      const page = await popup.evaluate(() => document.documentElement.outerHTML);
      for (const text of [session, page]) assert.ok(!text.includes(made[0].apikey));
    });

    it('Flexible Engine: the permanent key by default; a temporary key its IAM does not issue is refused in plain words', async () => {
      await popup.evaluate(() => navigator.clipboard.writeText('before'));
      await chooseSnippet(popup, feId, 'obs-python');
      await popup.waitFor('.code-lifetime option[value="permanent"]', { timeout: TIMEOUT });
      assert.equal(await popup.evaluate(() => document.querySelector('.code-lifetime').value), 'permanent');
      await chooseSnippet(popup, feId, 'obs-python', 900);
      assert.match(await popup.text('.code-about'), /Flexible Engine: no page says/);
      await popup.waitFor('.code-get-temporary:not([disabled])', { state: 'visible', timeout: TIMEOUT });
      await popup.click('.code-get-temporary');
      await popup.waitFor('.code-confirm-go', { state: 'visible', timeout: TIMEOUT });
      await popup.click('.code-confirm-go');
      const said = await eventually(() => popup.text('.code-status.error'), (text) => Boolean(text), TIMEOUT);
      assert.match(said, /Flexible Engine's IAM did not issue a temporary key to your access key \(HTTP 404\)/);
      assert.equal(feIam.requests().filter((r) => r.path === SECURITYTOKENS).length, 1, 'asked once, not retried');
      assert.equal(await readClipboard(popup), 'before', 'nothing copied');
    });
  });
}

after(() => rmSync(dir, { recursive: true, force: true }));

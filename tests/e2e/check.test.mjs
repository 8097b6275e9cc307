// Key checks end to end, in both browsers, against real servers on 127.0.0.1 that verify what they get:
// moto (SigV4 for S3, verified by botocore's signer), a Huawei IAM stand-in (SDK-HMAC-SHA256 verified by
// huaweicloudsdkcore's signer; one with its clock two hours ahead, one where every key is an IAM user without IAM read
// permission) and an IBM IAM + OpenScale stand-in.
// The checks are run from the popup's "Test keys" buttons; every request the servers saw is then
// searched for the secrets, which must never travel (but the API key in IBM's token request body).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION, eventually } from './lib/browsers.mjs';
import { seedProfile } from './lib/profiles.mjs';
import { startServer } from './servers/launch.mjs';

const TIMEOUT = 30_000;

/** The Test keys button of one profile: clicks it, waits for the diagnosis, returns `{step: status}`. */
async function testKeys(popup, id, bucket) {
  const row = `.check-profile[data-profile-id="${id}"]`;
  await popup.waitFor(`${row} button.check-run`, { timeout: TIMEOUT });
  if (bucket) await popup.fill(`${row} .check-bucket`, bucket);
  await popup.click(`${row} button.check-run`);
  const end = Date.now() + TIMEOUT;
  while (Date.now() < end) {
    const found = await popup.evaluate((selector) => {
      const el = document.querySelector(selector);
      const items = [...el.querySelectorAll('.check-result')];
      if (el.querySelector('button.check-run').disabled || !items.length) return null;
      return items.map((li) => [li.dataset.step ?? 'error', `${li.dataset.status}: ${li.textContent}`, li.dataset.severity]);
    }, row);
    if (found) return Object.fromEntries(found.map(([step, text, severity]) => [step, { status: text.split(':')[0], text, severity }]));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no diagnosis for ${id}`);
}

const status = (results) => Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.status]));

describe('key checks against local real servers', () => {
  let moto, iam, skewedIam, subUserIam, ibm;
  before(async () => {
    [moto, ibm] = await Promise.all([startServer('moto_s3.py'), startServer('ibm_cloud.py')]);
    const key = { HUAWEI_AK: moto.accessKeyId, HUAWEI_SK: moto.secretAccessKey };
    [iam, skewedIam, subUserIam] = await Promise.all([
      startServer('huawei_iam.py', [], { env: key }),
      startServer('huawei_iam.py', [2 * 3600], { env: key }),
      startServer('huawei_iam.py', [], { env: { ...key, HUAWEI_KEYS: JSON.stringify([moto.iamUserKey]), IAM_SUB_USER: '1' } }),
    ]);
  });
  after(async () => Promise.all([moto, iam, skewedIam, subUserIam, ibm].map((s) => s?.stop())));

  // Not a cn-* region: moto files those under the aws-cn partition, where its IAM user does not exist.
  const aksk = (accessKeyId, secretAccessKey) => [{ kind: 'aksk', accessKeyId, secretAccessKey }];
  const profiles = () => ({
    good: { name: 'moto good', provider: 'aws', region: 'us-east-1', endpoint: moto.url, credentials: aksk(moto.accessKeyId, moto.secretAccessKey) },
    badSk: { name: 'moto bad SK', provider: 'aws', region: 'us-east-1', endpoint: moto.url, credentials: aksk(moto.accessKeyId, moto.secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))) },
    unknownAk: { name: 'moto unknown AK', provider: 'aws', region: 'us-east-1', endpoint: moto.url, credentials: aksk('AKIAUNKNOWNUNKNOWN00', moto.secretAccessKey) },
    swapped: { name: 'AK and SK swapped', provider: 'aws', region: 'us-east-1', endpoint: moto.url, credentials: aksk(moto.secretAccessKey, moto.accessKeyId) },
    huawei: { name: 'huawei', provider: 'huawei', region: 'ap-southeast-3', endpoint: { obs: moto.url, iam: iam.url }, credentials: aksk(moto.accessKeyId, moto.secretAccessKey) },
    skewed: { name: 'huawei skewed', provider: 'huawei', region: 'ap-southeast-3', endpoint: { obs: moto.url, iam: skewedIam.url }, credentials: aksk(moto.accessKeyId, moto.secretAccessKey) },
    // An IAM user of the account: no IAM read permission, may not list the buckets (moto's "bob").
    iamUser: { name: 'huawei IAM user', provider: 'huawei', region: 'ap-southeast-3', endpoint: { obs: moto.url, iam: subUserIam.url }, credentials: aksk(moto.iamUserKey.accessKeyId, moto.iamUserKey.secretAccessKey) },
    ibmGood: { name: 'ibm', provider: 'ibm', region: 'us-south', endpoint: ibm.url, openscaleGuid: ibm.instanceId, credentials: [{ kind: 'ibm-api-key', apiKey: ibm.apiKey }] },
    ibmBadKey: { name: 'ibm bad key', provider: 'ibm', region: 'us-south', endpoint: ibm.url, credentials: [{ kind: 'ibm-api-key', apiKey: 'x'.repeat(44) }] },
    ibmNoInstance: { name: 'ibm no instance', provider: 'ibm', region: 'eu-de', endpoint: ibm.url, openscaleGuid: randomUUID(), credentials: [{ kind: 'ibm-api-key', apiKey: ibm.apiKey }] },
  });

  for (const [name, launch] of BROWSERS) {
    describe(name, () => {
      let browser, popup;
      const ids = {};
      before(async () => {
        browser = await launch({ extDir: E2E_EXTENSION[name] });
        for (const [key, profile] of Object.entries(profiles())) ids[key] = await seedProfile(browser, { id: `${key}-${name}`, ...profile });
        popup = await browser.open('popup.html');
        await popup.click('#check-section summary.check-title');
      });
      after(async () => browser?.close());

      it('reports OK for the good key, with the bucket count', async () => {
        const r = await testKeys(popup, ids.good);
        assert.deepEqual(status(r), { 'obs.list-buckets': 'ok' }, JSON.stringify(r));
        assert.match(r['obs.list-buckets'].text, /1 bucket/);
      });

      it('reports "SK wrong" for a wrong SK; refuses to send a swapped AK and SK', async () => {
        assert.deepEqual(status(await testKeys(popup, ids.badSk)), { 'obs.list-buckets': 'bad-sk' });
        assert.deepEqual(status(await testKeys(popup, ids.swapped)), { error: 'swapped-key' });
      });

      it('reports "AK unknown" for an unknown AK', async () => {
        const r = await testKeys(popup, ids.unknownAk);
        assert.deepEqual(status(r), { 'obs.list-buckets': 'bad-ak' });
        assert.match(r['obs.list-buckets'].text, /AK unknown/);
      });

      it('checks the ModelArts bucket: existing, then missing', async () => {
        assert.equal((await testKeys(popup, ids.good, 'credfill-e2e'))['obs.bucket'].status, 'ok');
        assert.equal((await testKeys(popup, ids.good, 'no-such-bucket'))['obs.bucket'].status, 'no-bucket');
      });

      it('Huawei: OBS and IAM (APIG signature verified) pass, and the project ID is stored', async () => {
        assert.deepEqual(status(await testKeys(popup, ids.huawei)), { 'obs.list-buckets': 'ok', 'iam.projects': 'ok' });
        const listed = await popup.evaluate(() => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'profiles.view' }));
        const stored = listed.ok.profiles.find((p) => p.id === ids.huawei);
        assert.equal(stored.projectId, iam.projectId);
        assert.equal(stored.lastCheck.results.length, 2);
      });

      it('Huawei: an IAM user\'s key passes, warned of the one read it may not do, and its project ID is stored', async () => {
        const r = await testKeys(popup, ids.iamUser);
        assert.deepEqual(status(r), { 'obs.list-buckets': 'no-permission', 'iam.projects': 'ok' }, JSON.stringify(r));
        assert.equal(r['obs.list-buckets'].severity, 'warning');
        assert.match(r['obs.list-buckets'].text, /obs:bucket:ListAllMyBuckets/);
        const listed = await popup.evaluate(() => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'profiles.view' }));
        const stored = listed.ok.profiles.find((p) => p.id === ids.iamUser);
        assert.equal(stored.lastCheck.passed, true);
        assert.equal(stored.projectId, subUserIam.projectId);
        const paths = subUserIam.requests().map((q) => q.path);
        assert.ok(paths.includes('/v3/auth/projects') && !paths.includes('/v3/projects'), paths.join(' '));
      });

      it('Huawei: a clock two hours off is named as such', async () => {
        const r = await testKeys(popup, ids.skewed);
        assert.equal(r['iam.projects'].status, 'clock-skew', JSON.stringify(r));
        assert.match(r['iam.projects'].text, /about 2 hours behind/);
      });

      it('IBM: good key reaches OpenScale; unknown key and unknown instance are named', async () => {
        assert.deepEqual(status(await testKeys(popup, ids.ibmGood)), { 'ibm.token': 'ok', 'openscale.data-mart': 'ok' });
        assert.deepEqual(status(await testKeys(popup, ids.ibmBadKey)), { 'ibm.token': 'bad-api-key' });
        assert.deepEqual(status(await testKeys(popup, ids.ibmNoInstance)), { 'ibm.token': 'ok', 'openscale.data-mart': 'no-instance' });
      });

      it('the popup makes a presigned link for an object', async () => {
        await popup.click('details.presign summary');
        await popup.fill('.presign-bucket', 'credfill-e2e');
        await popup.fill('.presign-key', 'report.pdf');
        await popup.click('button.presign-create');
        const url = await eventually(() => popup.evaluate(() => document.querySelector('.presign-url').value), (v) => v !== '');
        assert.match(url, /\/credfill-e2e\/report\.pdf\?X-Amz-Algorithm=AWS4-HMAC-SHA256.*X-Amz-Expires=3600/);
      });

      it('presigns an object URL that carries no secret', async () => {
        const url = await popup.evaluate((id) => (globalThis.browser ?? chrome).runtime.sendMessage(
          { type: 'check.presign', profileId: id, bucket: 'credfill-e2e', key: 'data/a b.csv', expiresIn: 3600 }), ids.good);
        assert.match(url.ok, /^http:\/\/127\.0\.0\.1:\d+\/credfill-e2e\/data\/a%20b\.csv\?X-Amz-Algorithm=AWS4-HMAC-SHA256/);
        assert.ok(!url.ok.includes(moto.secretAccessKey));
      });
    });
  }

  it('no request the browsers sent carries an SK or an API key (but the token request body)', () => {
    const secrets = [moto.secretAccessKey, ...Object.values(profiles()).flatMap((p) => p.credentials.map((c) => c.secretAccessKey ?? c.apiKey))];
    const servers = { moto, iam, skewedIam, subUserIam, ibm };
    let seen = 0;
    for (const [server, s] of Object.entries(servers)) {
      for (const request of s.requests()) {
        seen++;
        const tokenBody = server === 'ibm' && request.path === '/identity/token';
        const visible = JSON.stringify(tokenBody ? { ...request, body: '' } : request);
        for (const secret of secrets) {
          if (secret === moto.accessKeyId) continue; // the swapped profile's "SK" is the (public) AK
          assert.ok(!visible.includes(secret) && !visible.includes(encodeURIComponent(secret)), `${server} saw a secret in ${request.method} ${request.path}`);
        }
      }
    }
    assert.ok(seen >= 20, `only ${seen} requests recorded`);
    assert.ok(ibm.requests().some((r) => r.path === '/identity/token' && r.body.includes(encodeURIComponent(ibm.apiKey))), 'the API key went to the token endpoint');
  });
});

// Prepare ModelArts end to end, in both browsers, against stateful stand-ins that verify every
// signature with the clouds' own SDKs: OBS (huawei_obs.py, esdk-obs-python's Authentication: buckets in
// two regions answering 301 through the other's host, STANDARD/WARM/COLD, both generations, one whose
// HEAD is refused, one listing over a page, one name taken by someone else, one the account holds in
// another region) and IAM + ModelArts (huawei_iam.py, huaweicloudsdkcore's Signer). From a profile
// holding only the key: open the panel (the storage overview: one listing, one HEAD per bucket of the
// region, none for the others) → create bucket and folders → authorize, counting the clicks; then the
// failures: a taken name (409), the user's own name in another region (409), a missing permission
// (403), a wrong SK, a network failure, ModelArts' own refusal; and an IAM user of the account without
// IAM read permission (IAM_SUB_USER) authorizes too.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, E2E_EXTENSION } from './lib/browsers.mjs';
import { seedProfile } from './lib/profiles.mjs';
import { click, openRemoval, settled } from './lib/modelarts.mjs';
import { startServer } from './servers/launch.mjs';

const TIMEOUT = 30_000;
const REGION = 'eu-west-0';

/** A port nothing listens on: the network failure. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Prepare ModelArts against stand-ins that verify the signatures', () => {
  let obs, iam, agencyOnly, subUser, deadPort;
  before(async () => {
    obs = await startServer('huawei_obs.py', [REGION]);
    const key = { HUAWEI_AK: obs.accessKeyId, HUAWEI_SK: obs.secretAccessKey };
    [iam, agencyOnly, subUser] = await Promise.all([
      startServer('huawei_iam.py', [], { env: key }),
      startServer('huawei_iam.py', [], { env: { ...key, MODELARTS_AGENCY_ONLY: '1' } }),
      startServer('huawei_iam.py', [], { env: { ...key, IAM_SUB_USER: '1' } }),
    ]);
    deadPort = await closedPort();
  });
  after(async () => Promise.all([obs, iam, agencyOnly, subUser].map((s) => s?.stop())));

  const aksk = (sk) => [{ kind: 'aksk', accessKeyId: obs.accessKeyId, secretAccessKey: sk }];
  const endpoint = (modelarts = iam.url, storage = obs.url) => ({ obs: storage, iam: modelarts, modelarts });
  const profiles = () => ({
    ready: { name: 'FE ModelArts', provider: 'flexible-engine', region: REGION, endpoint: endpoint(), credentials: aksk(obs.secretAccessKey) },
    wrongSk: { name: 'FE wrong SK', provider: 'flexible-engine', region: REGION, endpoint: endpoint(), credentials: aksk(obs.secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))) },
    offline: { name: 'FE offline', provider: 'flexible-engine', region: REGION, endpoint: endpoint(iam.url, `http://127.0.0.1:${deadPort}`), credentials: aksk(obs.secretAccessKey) },
    agency: { name: 'Huawei agency only', provider: 'huawei', region: 'cn-north-4', endpoint: endpoint(agencyOnly.url), credentials: aksk(obs.secretAccessKey) },
    subUser: { name: 'FE IAM user', provider: 'flexible-engine', region: REGION, endpoint: endpoint(subUser.url), credentials: aksk(obs.secretAccessKey) },
  });

  for (const [name, launch] of BROWSERS) {
    describe(name, () => {
      let browser, popup;
      const ids = {};
      const newBucket = `e2e-new-${name}-${Date.now() % 100000}`;
      before(async () => {
        browser = await launch({ extDir: E2E_EXTENSION[name] });
        // `ready` first: the panel opens on the first profile.
        for (const [key, profile] of Object.entries(profiles())) ids[key] = await seedProfile(browser, { id: `${key}-${name}`, ...profile });
        popup = await browser.open('popup.html');
      });
      after(async () => browser?.close());

      it('three clicks from the key to a fit bucket with folders and the authorization, each write shown first', async () => {
        const clicks = [];
        const id = ids.ready;
        // Click 1: opening the panel reads the storage (and finds the project ID, then the authorizations).
        await popup.waitFor('#modelarts-section summary.modelarts-title[data-ready]', { timeout: TIMEOUT });
        const sentBefore = obs.requests().length;
        clicks.push('open');
        await popup.click('#modelarts-section summary.modelarts-title');
        let p = await settled(popup, id, (q) => 'e2e-locked' in q.buckets && q.log.some((l) => l.action === 'list-authorizations'));
        const seeded = Object.fromEntries(Object.entries(p.buckets).filter(([bucket]) => !bucket.startsWith('e2e-new-')));
        assert.deepEqual(seeded, {
          'e2e-standard': 'fit', 'e2e-warm': 'cold', 'e2e-gen1': 'old-generation', 'e2e-far': 'other-region',
          'e2e-far-cold': 'other-region', 'e2e-locked': 'unread',
        });
        assert.match(p.fitWords['e2e-warm'], /WARM/);
        assert.match(p.fitWords['e2e-gen1'], /1st-generation/);
        assert.match(p.fitWords['e2e-far'], /cn-north-4.*eu-west-0/);
        assert.match(p.fitWords['e2e-locked'], /obs:bucket:HeadBucket/);
        assert.ok(p.log.some((l) => l.code === 'missing-permission' && /obs:bucket:HeadBucket/.test(l.text)), 'the 403 names the permission');
        assert.equal(p.bucketInput, 'e2e-standard', 'the fit bucket is offered, to reuse');
        // One listing (asking each bucket's region), one HEAD per bucket of this region, none for the
        // others; the fit bucket's folders in two pages (its 1,201 entries).
        const sent = obs.requests().slice(sentBefore);
        const listings = sent.filter((r) => r.path === '/');
        assert.equal(listings.length, 1);
        assert.equal(listings[0].headers['x-obs-location'], 'true');
        const perBucket = {};
        for (const r of sent.filter((q) => q.path !== '/')) (perBucket[r.path.split('/')[1]] ??= []).push(r.method);
        for (const made of Object.keys(perBucket).filter((bucket) => bucket.startsWith('e2e-new-'))) {
          assert.deepEqual(perBucket[made], ['HEAD'], 'a bucket the other browser made: fit, its folders not read');
          delete perBucket[made];
        }
        assert.deepEqual(perBucket, {
          'e2e-standard': ['HEAD', 'GET', 'GET'], 'e2e-warm': ['HEAD'], 'e2e-gen1': ['HEAD'], 'e2e-locked': ['HEAD'],
        });
        assert.match(sent.filter((r) => r.method === 'GET' && r.path !== '/').at(-1).query, /^delimiter=%2F&marker=file-0998\.csv$/);
        // Step 2 on a new bucket: its PUT and the four folders are shown before the click.
        await popup.fill(`.modelarts-profile[data-profile-id="${id}"] .modelarts-bucket`, newBucket);
        p = await settled(popup, id, (q) => q.plan.length === 5);
        assert.deepEqual(p.plan, ['create-bucket', 'put-folder', 'put-folder', 'put-folder', 'put-folder']);
        assert.match(p.previews[0], new RegExp(`^PUT http://127\\.0\\.0\\.1:\\d+/${newBucket}/\\n`));
        assert.match(p.previews[0], /x-obs-storage-class: STANDARD/);
        assert.match(p.previews[0], /<Location>eu-west-0<\/Location>/);
        assert.ok(p.previews.every((text) => !/^authorization:/im.test(text)), 'no signature shown');
        assert.ok(!obs.requests().some((r) => r.path.startsWith(`/${newBucket}`)), 'nothing sent before the click');
        p = await click(popup, id, `.modelarts-profile[data-profile-id="${id}"] .modelarts-create`, clicks);
        p = await settled(popup, id, (q) => q.log.filter((l) => l.code === 'folder-created').length === 4
          && q.previews.some((text) => text.startsWith('POST ')));
        assert.ok(p.log.some((l) => l.code === 'bucket-created'));
        assert.equal(p.buckets[newBucket], 'fit');
        // Step 3: the authorization's body is shown with the SK masked.
        const authorizePreview = p.previews.find((text) => text.startsWith('POST '));
        assert.match(authorizePreview, /\/v2\/[0-9a-f]{32}\/authorizations/);
        assert.match(authorizePreview, /"secret_key":"••••"/);
        assert.ok(authorizePreview.includes(obs.accessKeyId) && !authorizePreview.includes(obs.secretAccessKey));
        // Flexible Engine's ModelArts host is derived (the core says so): the step says a custom endpoint may be needed.
        assert.ok(await popup.evaluate((sel) => Boolean(document.querySelector(sel)), `.modelarts-profile[data-profile-id="${id}"] .modelarts-endpoint-note`));
        p = await click(popup, id, `.modelarts-profile[data-profile-id="${id}"] .modelarts-authorize`, clicks);
        p = await settled(popup, id, (q) => q.authorized && q.previews.some((text) => text.startsWith('DELETE ')));
        assert.ok(p.authorizations.some((a) => a.includes(obs.accessKeyId)), 'the list shows the new authorization');
        assert.deepEqual(p.shownPreviews.filter((text) => /^(DELETE|POST) /.test(text)), [], 'no request on screen for a step the user is not on');
        assert.equal(clicks.length, 3, `clicks: ${clicks}`);
        // The stand-ins hold what was made, each write sent once.
        const puts = obs.requests().filter((r) => r.method === 'PUT').map((r) => r.path);
        assert.deepEqual(puts.filter((path) => path.startsWith(`/${newBucket}/`)),
          ['', 'data/', 'output/', 'models/', 'logs/'].map((folder) => `/${newBucket}/${folder}`));
        const authorizations = iam.requests().filter((r) => r.method === 'POST');
        assert.equal(authorizations.length, BROWSERS.findIndex(([n]) => n === name) + 1, 'one POST per browser run');
      });

      it('a taken name says so, suggests another, and sends no folder; an unfit bucket of the user\'s is refused first', async () => {
        const id = ids.ready;
        const row = `.modelarts-profile[data-profile-id="${id}"]`;
        await popup.fill(`${row} .modelarts-bucket`, 'e2e-warm');
        const refused = await settled(popup, id, (q) => q.planError !== '');
        assert.match(refused.planError, /WARM\/COLD/);
        await popup.fill(`${row} .modelarts-bucket`, 'taken-by-someone');
        await settled(popup, id, (q) => q.plan[0] === 'create-bucket');
        const putsBefore = obs.requests().filter((r) => r.method === 'PUT').length;
        const p = await click(popup, id, `${row} .modelarts-create`, []);
        const taken = p.log.at(-1);
        assert.equal(taken.code, 'bucket-taken');
        assert.match(taken.text, /taken-by-someone-\d{6}/);
        assert.equal(obs.requests().filter((r) => r.method === 'PUT').length, putsBefore + 1, 'only the bucket PUT went');
      });

      it('a name that is the user\'s own bucket in another region is not used: said so, another name offered, nothing put', async () => {
        const id = ids.ready;
        const row = `.modelarts-profile[data-profile-id="${id}"]`;
        await popup.fill(`${row} .modelarts-bucket`, 'e2e-made-elsewhere');
        await settled(popup, id, (q) => q.plan.length === 5 && q.plan[0] === 'create-bucket');
        const putsBefore = obs.requests().filter((r) => r.method === 'PUT').length;
        let p = await click(popup, id, `${row} .modelarts-create`, []);
        const owned = p.log.at(-1);
        assert.equal(owned.code, 'bucket-owned-elsewhere');
        assert.match(owned.text, /e2e-made-elsewhere-\d{6}/);
        assert.equal(p.buckets['e2e-made-elsewhere'], 'elsewhere');
        assert.equal(obs.requests().filter((r) => r.method === 'PUT').length, putsBefore + 1, 'no folder put into it');
        await popup.fill(`${row} .modelarts-bucket`, 'e2e-made-elsewhere');
        p = await settled(popup, id, (q) => q.planError !== '');
        assert.match(p.planError, /another region/);
      });

      it('removing the authorization is shown first, then sent once', async () => {
        const id = ids.ready;
        const row = `.modelarts-profile[data-profile-id="${id}"]`;
        await settled(popup, id, (q) => q.previews.some((text) => text.startsWith('DELETE ')));
        await openRemoval(popup, row);
        assert.ok((await settled(popup, id, () => true)).shownPreviews.some((text) => text.startsWith('DELETE ')), 'the request is on screen before its click');
        const p = await click(popup, id, `${row} .modelarts-authorizations .modelarts-remove`, []);
        assert.ok(p.log.some((l) => l.code === 'authorization-removed'));
        assert.equal((await settled(popup, id, (q) => !q.authorized)).authorizations.length, 0);
        assert.equal(iam.requests().filter((r) => r.method === 'DELETE').length, BROWSERS.findIndex(([n]) => n === name) + 1);
      });

      it('a wrong SK is named and stops after one request; a network failure is named', async () => {
        const before = obs.requests().length;
        let p = await click(popup, ids.wrongSk, `.modelarts-profile[data-profile-id="${ids.wrongSk}"] .modelarts-overview`, []);
        assert.equal(p.log.at(-1).code, 'bad-sk');
        assert.equal(obs.requests().length, before + 1, 'nothing more after the wrong key');
        p = await click(popup, ids.offline, `.modelarts-profile[data-profile-id="${ids.offline}"] .modelarts-overview`, []);
        assert.ok(p.log.some((l) => l.code === 'network'), JSON.stringify(p.log));
      });

      it('ModelArts\' own refusal is shown in its own code and message, and points to the dialog', async () => {
        const id = ids.agency;
        const row = `.modelarts-profile[data-profile-id="${id}"]`;
        await click(popup, id, `${row} .modelarts-overview`, []);
        const overview = await settled(popup, id, (q) => q.previews.some((text) => text.startsWith('POST ')));
        // Its OBS endpoint is the eu-west-0 stand-in: the cn-north-4 buckets it HEADs answer 301 there.
        assert.equal(overview.buckets['e2e-far'], 'elsewhere', 'a bucket asked through another region\'s host');
        assert.match(overview.fitWords['e2e-far'], /another region/);
        assert.equal(overview.buckets['e2e-standard'], 'other-region');
        const p = await click(popup, id, `${row} .modelarts-authorize`, []);
        assert.equal(p.log.at(-1).code, 'modelarts-refused');
        assert.match(p.log.at(-1).text, /ModelArts\.0104.*Parameter error\./);
        assert.match(p.log.at(-1).text, /Add Authorization/);
      });

      it('an IAM user without IAM read permission finds the project ID and authorizes', async () => {
        const id = ids.subUser;
        const row = `.modelarts-profile[data-profile-id="${id}"]`;
        await click(popup, id, `${row} .modelarts-overview`, []);
        let p = await settled(popup, id, (q) => q.previews.some((text) => text.startsWith('POST ')));
        assert.ok(p.log.some((l) => l.action === 'iam-projects' && l.code === 'project-found'), JSON.stringify(p.log));
        assert.ok(p.previews.some((text) => text.includes(`/v2/${subUser.projectId}/authorizations`)), 'the region\'s project, not its sub-project');
        p = await click(popup, id, `${row} .modelarts-authorize`, []);
        await settled(popup, id, (q) => q.authorized && q.previews.some((text) => text.startsWith('DELETE ')));
        // Removed again, so the other browser starts from the same state.
        await openRemoval(popup, row);
        await click(popup, id, `${row} .modelarts-authorizations .modelarts-remove`, []);
        await settled(popup, id, (q) => !q.authorized);
        const paths = subUser.requests().map((r) => r.path);
        assert.ok(paths.includes('/v3/auth/projects') && !paths.includes('/v3/projects'), paths.join(' '));
      });
    });
  }

  it('no request carries the SK, but the authorization body ModelArts asks for', () => {
    for (const [server, s] of Object.entries({ obs, iam, agencyOnly, subUser })) {
      for (const request of s.requests()) {
        const authorization = request.method === 'POST' && /\/authorizations\/?$/.test(request.path);
        const visible = JSON.stringify(authorization ? { ...request, body: '' } : request);
        assert.ok(!visible.includes(obs.secretAccessKey), `${server} saw the SK in ${request.method} ${request.path}`);
      }
    }
    assert.ok(iam.requests().some((r) => r.method === 'POST' && JSON.parse(r.body).secret_key === obs.secretAccessKey));
  });
});

// "Find OpenScale IDs" end to end, in both browsers: the popup's panel, driven like a user, against the
// local IBM stand-in (tests/e2e/servers/ibm_cloud.py: IAM, Resource Controller with paging and states as
// documented, OpenScale), which checks the bearer token of every read. Find instances (every state worth a
// reason, plans in words) → pick one → IDs tree → Copy → Fill an OpenScale replica form with a chosen ID →
// add a provider by API (shown, then sent), from an AWS key and from WML credentials imported as IBM hands
// them out ({url, apikey}); and each failure shows its own words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, eventually } from './lib/browsers.mjs';
import { HOSTS, launchWithConsoles } from './lib/consoles.mjs';
import { probe, tabIdOf } from './lib/tabs.mjs';
import { listProfiles, seedProfile, send } from './lib/profiles.mjs';
import { startServer } from './servers/launch.mjs';

const FORM = `https://${HOSTS.openscale}/openscale-react.html#ids`;

for (const [name] of BROWSERS) {
  describe(`OpenScale IDs in ${name}`, () => {
    let server, browser, ibm, popup, form;
    const ids = {};
    const ibmProfile = (label, apiKey, ...more) => ({ name: label, provider: 'ibm', region: 'us-south', endpoint: ibm.url, credentials: [{ kind: 'ibm-api-key', apiKey }, ...more] });
    // The AWS key a SageMaker provider is added with (AWS's documented example pair).
    const AWS = { kind: 'aksk', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    // Watson Machine Learning credentials as IBM hands them out now: {url, apikey}, no instance_id.
    const WML = { url: 'https://eu-gb.ml.cloud.ibm.com', apikey: `wml-${'Kq7_'.repeat(10)}`.slice(0, 44) };

    before(async () => {
      ibm = await startServer('ibm_cloud.py');
      ({ server, browser } = await launchWithConsoles(name));
      ids.main = await seedProfile(browser, ibmProfile('ibm main', ibm.apiKey, AWS));
      ids.empty = await seedProfile(browser, ibmProfile('ibm empty', ibm.emptyApiKey));
      ids.listForbidden = await seedProfile(browser, ibmProfile('ibm no list', ibm.listForbiddenApiKey));
      ids.readerless = await seedProfile(browser, ibmProfile('ibm no reader', ibm.readerlessApiKey));
      ids.badKey = await seedProfile(browser, ibmProfile('ibm bad key', 'x'.repeat(44)));
      form = await browser.open(FORM);
      await form.waitFor('#os-dataMart');
      const control = await browser.open('popup.html');
      const tabId = await tabIdOf(control, FORM);
      await control.close();
      // The popup of the form's tab, as the toolbar button opens it.
      popup = await browser.open(`popup.html?tab=${tabId}`);
      await popup.click('#openscale-ids summary');
      await popup.waitFor('#openscale-find');
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await ibm?.stop();
    });

    /** Picks the profile in the panel, then clicks `selector` and waits for the lookup to end. */
    async function lookup(profileId, selector = '#openscale-find') {
      await popup.evaluate((id) => {
        const select = document.getElementById('openscale-profile');
        if (select.value !== id) {
          select.value = id;
          select.dispatchEvent(new Event('change'));
        }
      }, profileId);
      await popup.evaluate(() => (document.getElementById('openscale-status').dataset.state = 'clicked'));
      await popup.click(selector);
      return eventually(() => popup.evaluate(() => {
        const status = document.getElementById('openscale-status');
        return ['done', 'failed', 'error'].includes(status.dataset.state)
          ? { state: status.dataset.state, code: status.querySelector('[data-code]')?.dataset.code ?? null, text: status.textContent }
          : null;
      }), Boolean);
    }

    const instances = () => popup.evaluate(() => [...document.querySelectorAll('.openscale-instance')].map((a) => ({
      guid: a.dataset.guid, region: a.dataset.region, notes: [...a.querySelectorAll('.openscale-note')].map((n) => n.dataset.code),
      inUse: Boolean(a.querySelector('.openscale-in-use')),
    })));

    it('finds every OpenScale and WML instance across Resource Controller pages and states, each with what stands in its way and its plan in words', async () => {
      assert.deepEqual(await lookup(ids.main), { state: 'done', code: null, text: '' });
      assert.deepEqual(await instances(), [
        { guid: ibm.instanceId, region: 'us-south', notes: ['lite-plan'], inUse: false },
        { guid: ibm.otherInstanceId, region: 'eu-de', notes: ['other-region', 'instance-provisioning', 'lite-plan'], inUse: false },
        { guid: ibm.inactiveInstanceId, region: 'jp-tok', notes: ['other-region', 'instance-inactive'], inUse: false },
      ]);
      const notes = await popup.evaluate(() => [...document.querySelectorAll('.openscale-note')].map((n) => n.textContent));
      assert.ok(notes.every((text) => text && !text.startsWith('openscale_ids_')), notes.join(' | '));
      const wml = await popup.evaluate(() => [...document.querySelectorAll('.openscale-wml')].map((a) => ({
        ids: [...a.querySelectorAll('.openscale-id')].map((l) => l.dataset.id),
        notes: [...a.querySelectorAll('.openscale-note')].map((n) => n.dataset.code),
      })));
      assert.deepEqual(wml, [
        { ids: [ibm.wmlInstanceId, 'https://eu-gb.ml.cloud.ibm.com'], notes: [] },
        { ids: [ibm.failedWmlInstanceId, 'https://us-south.ml.cloud.ibm.com'], notes: ['instance-failed'] },
      ]);
      // Plans and states in words (English here), never a known plan's raw catalog ID.
      const facts = await popup.evaluate(() => [...document.querySelectorAll('.openscale-facts')].map((p) => p.textContent));
      assert.deepEqual(facts.map((f) => f.split(' · ')[2]), ['Lite plan', 'Lite plan', 'Standard v2 plan', 'v2 Standard plan', 'v2 Professional plan']);
      assert.match(facts[1], /being created/);
      assert.ok(facts.every((f) => !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(f)), facts.join(' | '));
      // OpenScale's two pages, WML's one, then every offering's inactive (two pages) and failed instances,
      // each with the token IAM gave.
      const reads = ibm.requests().filter((r) => r.path === '/v2/resource_instances');
      assert.deepEqual(reads.map((r) => new URLSearchParams(r.query).get('state')), [null, null, null, 'inactive', 'inactive', 'failed']);
      assert.ok(reads.every((r) => /^Bearer eyJ/.test(r.headers.authorization)));
      assert.match(reads[1].query, /start=1/);
    });

    it('the instance the user picks is stored on the profile (with its region), and can be switched', async () => {
      await popup.click(`.openscale-instance[data-guid="${ibm.otherInstanceId}"] .openscale-use`);
      await eventually(instances, (list) => list[1]?.inUse);
      let stored = (await listProfiles(popup)).find((p) => p.id === ids.main);
      assert.deepEqual([stored.openscaleGuid, stored.region], [ibm.otherInstanceId, 'eu-de']);
      await popup.click(`.openscale-instance[data-guid="${ibm.instanceId}"] .openscale-use`);
      await eventually(instances, (list) => list[0]?.inUse && !list[1].inUse);
      stored = (await listProfiles(popup)).find((p) => p.id === ids.main);
      assert.deepEqual([stored.openscaleGuid, stored.region], [ibm.instanceId, 'us-south']);
    });

    it('shows the IDs inside the instance as a tree: data mart → binding → subscription and deployment', async () => {
      const outcome = await lookup(ids.main, `.openscale-instance[data-guid="${ibm.instanceId}"] .openscale-read`);
      assert.equal(outcome.state, 'done', JSON.stringify(outcome));
      const tree = await popup.evaluate(() => {
        const idsIn = (sel) => [...document.querySelectorAll(`${sel} > .openscale-id`)].map((l) => l.dataset.id);
        return { dataMart: idsIn('.openscale-data-mart'), provider: idsIn('.openscale-provider'), subscription: idsIn('.openscale-subscription') };
      });
      assert.deepEqual(tree, {
        dataMart: [ibm.instanceId],
        provider: [ibm.providerId],
        subscription: [ibm.subscriptionId, ibm.deploymentId],
      });
      const reads = ibm.requests().filter((r) => r.path.startsWith(`/openscale/${ibm.instanceId}/v2/`)).map((r) => r.path.split('/v2/')[1]);
      assert.deepEqual(reads.slice(-3), ['data_marts', 'service_providers', 'subscriptions']);
    });

    it('Copy puts the ID on the clipboard', async () => {
      const copy = `.openscale-subscription .openscale-id[data-id="${ibm.subscriptionId}"] .openscale-copy`;
      if (name === 'chromium') {
        // Recorded rather than read back: headless Chromium gives the page no clipboard to read.
        await popup.evaluate(() => {
          globalThis.copied = [];
          navigator.clipboard.writeText = async (text) => void globalThis.copied.push(text);
        });
      }
      await popup.click(copy);
      // "Copied." shows once the browser's clipboard took the text (Firefox: the real clipboard, which a
      // WebDriver script cannot stub through the page's wrappers).
      const copied = await eventually(() => popup.evaluate(() => document.getElementById('openscale-feedback').textContent), Boolean);
      assert.ok(!copied.startsWith('openscaleIds_'), copied);
      assert.equal(await popup.attr(copy, 'data-value'), ibm.subscriptionId);
      if (name === 'chromium') assert.deepEqual(await popup.evaluate(() => globalThis.copied), [ibm.subscriptionId]);
    });

    it('Fill sends a chosen ID into the OpenScale form in front of the user', async () => {
      const fills = [
        `.openscale-subscription .openscale-id[data-id="${ibm.subscriptionId}"] .openscale-fill`,
        `.openscale-subscription .openscale-id[data-id="${ibm.deploymentId}"] .openscale-fill`,
        `.openscale-provider > .openscale-id[data-id="${ibm.providerId}"] .openscale-fill`,
      ];
      for (const button of fills) {
        await popup.evaluate(() => delete document.getElementById('openscale-feedback').dataset.filled);
        await popup.click(button);
        await eventually(() => popup.evaluate(() => document.getElementById('openscale-feedback').dataset.filled ?? null), (v) => v === 'true');
      }
      const [state] = await probe(popup, FORM, 'submit', '#save');
      // The data mart is the profile's chosen instance; the other three are the IDs sent from the tree.
      assert.deepEqual(state, { dataMart: ibm.instanceId, subscription: ibm.subscriptionId, deployment: ibm.deploymentId, binding: ibm.providerId });
    });

    /** Fills *Add a machine-learning provider* and shows its request; resolves with the request's text. */
    async function previewProvider(serviceType, name, extra) {
      await popup.evaluate((value) => {
        document.querySelector('.openscale-add').open = true;
        const type = document.getElementById('openscale-add-type');
        type.value = value;
        type.dispatchEvent(new Event('change'));
      }, serviceType);
      await popup.fill('#openscale-add-name', name);
      await popup.fill('#openscale-add-extra', extra);
      await popup.click('#openscale-add-preview');
      return eventually(() => popup.evaluate(() => document.getElementById('openscale-add-request').textContent), Boolean);
    }

    /** Sends the shown request, waits for the provider OpenScale made; resolves with the POSTs the stand-in saw. */
    async function sendProvider() {
      await popup.evaluate(() => (document.getElementById('openscale-status').dataset.state = 'clicked'));
      await popup.click('#openscale-add-send');
      await eventually(() => popup.evaluate(() => document.querySelector('#openscale-add-outcome [data-state=added]') != null), Boolean);
      return posts();
    }

    const posts = () => ibm.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/v2/service_providers'));

    it('adds a SageMaker provider by API: the request is shown with its secret masked, then sent once on a click', async () => {
      const shown = await previewProvider('amazon_sagemaker', 'SageMaker e2e', 'us-east-1');
      assert.match(shown, new RegExp(`^POST .*/openscale/${ibm.instanceId}/v2/service_providers`));
      assert.ok(shown.includes(AWS.accessKeyId) && shown.includes('••••'), shown);
      assert.ok(!shown.includes(AWS.secretAccessKey) && !/authorization|bearer/i.test(shown), shown);
      assert.equal(posts().length, 0, 'nothing is sent before the click');
      // Beside the button: this request hands the provider's secret to OpenScale's host.
      const host = new URL(shown.split('\n')[0].split(' ')[1]).host;
      assert.ok((await popup.text('#openscale-add-secret-note')).includes(host), 'the note names where the secret goes');
      const sent = await sendProvider();
      assert.equal(await popup.attr('#openscale-add-outcome .openscale-id', 'data-id'), ibm.addedProviderId);
      const [post] = sent;
      assert.equal(sent.length, 1);
      assert.deepEqual(JSON.parse(post.body), {
        name: 'SageMaker e2e', service_type: 'amazon_sagemaker', operational_space_id: 'production',
        credentials: { access_key_id: AWS.accessKeyId, secret_access_key: AWS.secretAccessKey, region: 'us-east-1' },
      });
      assert.match(post.headers.authorization, /^Bearer eyJ/);
    });

    it('imports WML credentials without an instance_id and adds a WML provider from them, as WMLCredentialsCloud(url, apikey) sends it', async () => {
      const page = await browser.open('popup.html');
      try {
        const base64 = Buffer.from(JSON.stringify(WML)).toString('base64');
        const { items } = await send(page, 'import.parse', { base64, fileName: 'wml-credentials.json' });
        assert.deepEqual(items.map((i) => [i.kind, i.url, i.instanceId]), [['ibm-service', WML.url, undefined]]);
        await send(page, 'profiles.import', { items, target: ids.main });
      } finally {
        await page.close();
      }
      const shown = await previewProvider('watson_machine_learning', 'WML e2e', '');
      assert.ok(shown.includes(WML.url) && shown.includes('••••') && !shown.includes(WML.apikey), shown);
      assert.ok(!shown.includes('instance_id'), shown);
      // The stand-in answered 201: the body has the shape WMLCredentialsCloud takes.
      assert.deepEqual(JSON.parse((await sendProvider()).at(-1).body), {
        name: 'WML e2e', service_type: 'watson_machine_learning', operational_space_id: 'production',
        credentials: { apikey: WML.apikey, url: WML.url },
      });
    });

    it('each failure says what it means', async () => {
      assert.equal((await lookup(ids.main, `.openscale-instance[data-guid="${ibm.otherInstanceId}"] .openscale-read`)).code, 'openscale-not-found');
      assert.equal((await lookup(ids.badKey)).code, 'bad-api-key');
      assert.equal((await lookup(ids.listForbidden)).code, 'resource-controller-forbidden');
      const empty = await lookup(ids.empty);
      assert.equal(empty.state, 'done');
      assert.deepEqual(await popup.evaluate(() => [...document.querySelectorAll('#openscale-instances .openscale-note')].map((n) => n.dataset.code)), ['no-instance']);
      await lookup(ids.readerless);
      const readerless = await lookup(ids.readerless, `.openscale-instance[data-guid="${ibm.instanceId}"] .openscale-read`);
      assert.equal(readerless.code, 'openscale-forbidden');
      assert.match(readerless.text, /Reader/);
    });

    it('the API key went only to the token endpoint; every read carried a bearer token', () => {
      const keys = [ibm.apiKey, ibm.emptyApiKey, ibm.listForbiddenApiKey, ibm.readerlessApiKey];
      for (const r of ibm.requests()) {
        const seen = JSON.stringify(r);
        if (r.path === '/identity/token') continue;
        assert.ok(!keys.some((k) => seen.includes(k)), `${r.path} carried an API key`);
        assert.match(r.headers.authorization ?? '', /^Bearer eyJ/, r.path);
      }
    });
  });
}

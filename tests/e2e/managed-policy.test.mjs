// An organisation's managed policy (docs/managed-policy.md), installed for real in both browsers (the
// tests run as root): Chromium reads a JSON file in /etc/chromium/policies/managed/ for the unpacked
// extension's ID, Firefox ESR a policies.json in its distribution/ folder for credfill's add-on ID.
// - A managed console host fills (once its access is allowed from the options page).
// - A console host the user added is refused while the policy forbids users their own.
// - Copy with secret is absent from the popup, and the worker refuses it.
// - The auto-lock cannot be set above the policy's maximum.
// - A setup write the policy refuses is refused when previewed (the core checks the click's writes too),
//   and the popup says so ahead of time: Prepare ModelArts' bucket step, Rotate this key's first step and
//   Use in code's temporary key are disabled or not offered, with the reason.
// - The profile editor refuses to save a custom endpoint the policy does not list.
// - A change of policy is picked up: Chromium watches its policy folder (the file is rewritten),
//   Firefox reads the file when it starts (the browser is restarted); a bad value in it takes the
//   stricter choice, and the options page says so; a raised key derivation floor re-keys the vault at its
//   next unlock (Chromium) or gives a new vault its cost (Firefox, a fresh profile at the restart).
// The policy files are the machine's, read by every browser started on it: they exist only while this
// file runs, and are removed after it, failed or not (and at its start, if a run was killed).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { E2E_EXTENSION, FIREFOX_ADDON_ID, answerPermissionPrompt, eventually, launchFirefox } from './lib/browsers.mjs';
import { FIREFOX_CONSOLE_PREFS, HOSTS, launchHeadfulChromium, startConsoles } from './lib/consoles.mjs';
import { chooseSnippet } from './lib/code.mjs';
import { runFill } from './lib/fill.mjs';
import { probe } from './lib/tabs.mjs';
import { E2E_PASSPHRASE, seedProfile, send } from './lib/profiles.mjs';

const HUAWEI = {
  name: 'Managed Huawei', provider: 'huawei', region: 'cn-north-4',
  credentials: [{ kind: 'aksk', accessKeyId: 'HWAKMANAGED000000AAA', secretAccessKey: 'hwManagedSecret000000000000000000000000A' }],
};
const { accessKeyId: AK, secretAccessKey: SK } = HUAWEI.credentials[0];

/** What the organisation sets first, and what it changes to (with a key-age reminder out of range). */
const FIRST = {
  consoleHosts: [{ host: HOSTS.managed, provider: 'huawei' }],
  allowUserConsoleHosts: false,
  maxAutoLockMinutes: 30,
  allowCopyWithSecret: false,
  allowedEndpointOrigins: ['https://obs.private.example.com'],
  allowedWrites: { createBucket: false, rotateKey: false, temporaryKey: false },
};
const CHANGED = {
  consoleHosts: [{ host: HOSTS.managed, provider: 'huawei' }],
  maxAutoLockMinutes: 10,
  keyAgeReminderDays: 0,
  kdfFloor: { mKib: 131072, t: 3, p: 1 },
};

/**
 * The ID Chromium gives an unpacked extension: the SHA-256 of its folder's absolute path, its first
 * 32 hex digits written a–p (components/crx_file/id_util.cc, GenerateIdForPath).
 */
function chromiumExtensionId(folder) {
  const hex = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

const POLICY_FILE = {
  chromium: '/etc/chromium/policies/managed/credfill-e2e.json',
  // Debian's firefox-esr links distribution/ to /usr/share/firefox-esr/distribution, which it does not ship.
  firefox: '/usr/lib/firefox-esr/distribution/policies.json',
};
const policyDocument = {
  chromium: (settings) => ({ '3rdparty': { extensions: { [chromiumExtensionId(E2E_EXTENSION.chromium)]: settings } } }),
  firefox: (settings) => ({ policies: { '3rdparty': { Extensions: { [FIREFOX_ADDON_ID]: settings } } } }),
};

/** The folder a path names, through a link to it (which may point at nothing yet). */
function realFolder(folder) {
  try {
    return lstatSync(folder).isSymbolicLink() ? resolve(dirname(folder), readlinkSync(folder)) : folder;
  } catch {
    return folder;
  }
}

/** The machine's policy file for `name`: `write(settings)` installs it, `remove()` takes it and any folder it made away. */
function policyFile(name) {
  const folder = realFolder(dirname(POLICY_FILE[name]));
  const file = join(folder, basename(POLICY_FILE[name]));
  let made;
  return {
    write(settings) {
      made ??= mkdirSync(folder, { recursive: true });
      writeFileSync(file, JSON.stringify(policyDocument[name](settings)));
    },
    remove() {
      rmSync(file, { force: true });
      if (made) rmSync(made, { recursive: true, force: true });
      made = undefined;
    },
  };
}

for (const name of ['chromium', 'firefox']) {
  describe(`${name}: the organisation's managed policy, installed`, () => {
    const policy = policyFile(name);
    let server, browser, control, profileId;
    const hasOrigin = (origin) => control.evaluate((o) => (globalThis.browser ?? chrome).permissions.contains({ origins: [o] }), origin);

    /** A browser reading the policy as it is now, with the Huawei profile in its vault. */
    async function start() {
      if (name === 'chromium') {
        browser = await launchHeadfulChromium(server);
        assert.equal(new URL(browser.base).host, chromiumExtensionId(E2E_EXTENSION.chromium), 'the policy file names the loaded extension');
      } else {
        browser = await launchFirefox({ extDir: E2E_EXTENSION.firefox, prefs: FIREFOX_CONSOLE_PREFS, acceptInsecureCerts: true });
      }
      control = await browser.open('popup.html');
      profileId = await seedProfile(browser, HUAWEI);
    }

    /** Opens a replica on `host`; resolves to its URL once its form is there. */
    async function openConsole(host) {
      const target = `https://${host}/modelarts-vue.html?policy`;
      const page = await browser.open(target);
      await page.waitFor('input[type=password]');
      return target;
    }

    /** A console host the user added (as the options page stores it), its access granted from a click. */
    async function addUserHost() {
      await control.evaluate((host) => (globalThis.browser ?? chrome).storage.local.set({ 'fill.consoleHosts': [{ host, provider: 'huawei' }] }), HOSTS.userAdded);
      const page = await browser.open('options.html');
      await page.evaluate((host) => {
        const button = Object.assign(document.createElement('button'), { id: 'test-grant', textContent: 'grant' });
        button.addEventListener('click', () => (globalThis.browser ?? chrome).permissions.request({ origins: [`https://${host}/*`] }));
        document.body.prepend(button);
      }, HOSTS.userAdded);
      await page.click('#test-grant');
      await answerPermissionPrompt(browser, true);
      await eventually(() => hasOrigin(`https://${HOSTS.userAdded}/*`), (granted) => granted);
      await page.close();
    }

    before(async () => {
      policy.remove();
      server = await startConsoles(name === 'firefox' ? 443 : 0);
      policy.write(FIRST);
      await start();
    });
    after(async () => {
      try {
        await browser?.close();
        await server?.close();
      } finally {
        policy.remove();
      }
    });

    it('the browser hands the policy to credfill, and the options page shows each setting as set by the organisation', async () => {
      const read = await send(control, 'policy.view');
      assert.deepEqual(read.managed, ['consoleHosts', 'allowUserConsoleHosts', 'maxAutoLockMinutes', 'allowCopyWithSecret', 'allowedEndpointOrigins', 'allowedWrites']);
      assert.deepEqual(read.problems, []);
      const options = await browser.open('options.html');
      await options.waitFor('#managed-settings [data-key="maxAutoLockMinutes"]');
      assert.match(await options.text('#managed-settings [data-key="maxAutoLockMinutes"]'), /30/);
      assert.match(await options.text('#managed-settings [data-key="allowCopyWithSecret"]'), /not allowed/);
      assert.equal(await options.evaluate(() => document.querySelector('#managed-problems')), null);
      await options.close();
    });

    it('a managed console host fills, once its access is allowed in the options', async () => {
      const options = await browser.open('options.html');
      await options.click(`#console-hosts-managed button.hosts-allow[data-host="${HOSTS.managed}"]`);
      await answerPermissionPrompt(browser, true);
      await eventually(() => hasOrigin(`https://${HOSTS.managed}/*`), (granted) => granted);
      await options.close();
      const target = await openConsole(HOSTS.managed);
      const reply = await runFill(control, target);
      assert.deepEqual([reply.ok?.status, reply.ok?.console], ['filled', { provider: 'huawei', host: HOSTS.managed }], JSON.stringify(reply));
      const values = (await probe(control, target, 'values')).flat();
      assert.ok(values.includes(AK) && values.includes(SK), `${values}`);
    });

    it('a console host the user added is refused while the policy forbids users their own', async () => {
      const options = await browser.open('options.html');
      await options.waitFor('#console-hosts-forbidden');
      assert.equal(await options.evaluate(() => document.querySelector('#console-hosts-add')), null, 'no form to add one');
      await options.close();
      await addUserHost();
      const target = await openConsole(HOSTS.userAdded);
      const reply = await runFill(control, target);
      assert.deepEqual([reply.ok?.status, reply.ok?.code], ['refused', 'not-a-console'], JSON.stringify(reply));
      assert.ok(!(await probe(control, target, 'values')).flat().includes(AK));
    });

    it('Copy with secret is absent from the popup, says why, and the worker refuses it', async () => {
      const popup = await browser.open('popup.html');
      // The policy forbids temporary keys too: the snippet is the permanent key's, whose Copy with
      // secret only the policy hides.
      await chooseSnippet(popup, profileId, 'obs-python');
      await popup.waitFor('.code-forbidden[data-what="copy-with-secret"]');
      assert.equal(await popup.evaluate(() => document.querySelector('.code-lifetime').hidden), true);
      assert.equal(await popup.evaluate(() => document.querySelector('.code-copy-secret').hidden), true);
      assert.match(await popup.text('.code-forbidden'), /organisation does not allow copying with the secret/);
      const [offer] = await send(control, 'code.offers', { profileId });
      await assert.rejects(send(control, 'code.copySecret', { profileId, target: offer.target }), (e) => e.code === 'policy-forbids');
      await popup.close();
    });

    it('the auto-lock cannot be set above the maximum', async () => {
      const options = await browser.open('options.html');
      await options.waitFor('[data-managed="autoLockMinutes"]');
      assert.equal(await options.attr('#vault-settings-autoLockMinutes', 'max'), '30');
      await options.close();
      await assert.rejects(send(control, 'vault.setSettings', { settings: { autoLockMinutes: 120 } }),
        (e) => e.code === 'policy-lock-maximum' && e.params.max === 30);
      assert.equal((await send(control, 'vault.status')).settings.autoLockMinutes, 15, 'the refused value was not saved');
      await send(control, 'vault.setSettings', { settings: { autoLockMinutes: 30 } });
      assert.equal((await send(control, 'vault.status')).settings.autoLockMinutes, 30);
    });

    it('a setup write the policy refuses is refused with its reason; another one goes on to its own checks', async () => {
      const preview = (calls) => send(control, 'flow.preview', { kind: 'prepare-modelarts', profileId, ask: { calls } });
      await assert.rejects(preview([{ action: 'create-bucket', bucket: 'policy-bucket' }]),
        (e) => e.code === 'policy-forbids' && e.params.what.term === 'managed_what_create_bucket');
      // The authorization is allowed: the flow itself then wants the project the key check finds.
      await assert.rejects(preview([{ action: 'authorize' }]), (e) => e.code === 'no-project-id');
      const options = await browser.open('options.html');
      assert.match(await options.text('#managed-settings [data-key="allowedWrites"]'), /creating buckets and folders: not allowed.*authorizing ModelArts: allowed/);
      await options.close();
    });

    it('the popup says ahead of time which setup writes the organisation forbids: their buttons disabled or not offered, with the reason', async () => {
      const popup = await browser.open('popup.html');
      // Prepare ModelArts, opened without a click (a click starts the storage overview): said before any step.
      await popup.evaluate(() => (document.querySelector('details.modelarts').open = true));
      await popup.waitFor(`.modelarts-profile[data-profile-id="${profileId}"] .modelarts-forbidden[data-what="create-bucket"]`);
      assert.match(await popup.text('.modelarts-forbidden'), /organisation does not allow creating buckets and folders/);
      assert.equal(await popup.evaluate(() => document.querySelector('.modelarts-forbidden[data-what="authorize"]')), null, 'authorizing is allowed');
      // Rotate this key: its first step disabled, its reason in its title and its description.
      await popup.click(`.profile[data-id="${profileId}"] button.rotate_key`);
      await popup.waitFor('.rotate-forbidden[data-what="rotate-key"]');
      const read = await popup.evaluate(() => {
        const button = document.querySelector('.rotate-read');
        return { disabled: button.disabled, title: button.title, described: document.getElementById(button.getAttribute('aria-describedby'))?.textContent };
      });
      assert.equal(read.disabled, true);
      assert.match(read.title, /organisation does not allow rotating keys/);
      assert.equal(read.described, read.title);
      // Use in code: no temporary key offered, and why.
      await popup.click('#code-section summary.code-title');
      await popup.waitFor('.code-forbidden[data-what="temporary-key"]');
      await popup.waitFor('.code-target option'); // the tools' offers are in: the lifetimes are chosen
      assert.equal(await popup.evaluate(() => document.querySelector('.code-lifetime').hidden), true);
      await popup.close();
    });

    it('the profile editor refuses to save a custom endpoint the organisation does not list', async () => {
      const popup = await browser.open('popup.html');
      await popup.click(`.profile[data-id="${profileId}"] button.edit`);
      await popup.fill('.profile-edit input[name="endpoint-obs"]', 'https://obs.other.example.com');
      await popup.click('.profile-edit button[type=submit]');
      await popup.waitFor('.error[data-code="policy-forbids-endpoint-saved"]');
      assert.match(await popup.text('.error[data-code="policy-forbids-endpoint-saved"]'),
        /organisation does not allow the custom endpoint https:\/\/obs\.other\.example\.com: the profile was not saved/);
      await popup.close();
      const endpoint = async () => (await send(control, 'profiles.view')).profiles.find((p) => p.id === profileId).endpoint;
      assert.equal(await endpoint(), undefined, 'nothing saved');
      // One it lists is saved; going back to the catalog always is.
      await send(control, 'profiles.edit', { id: profileId, edits: { endpoint: { obs: FIRST.allowedEndpointOrigins[0] } } });
      assert.deepEqual(await endpoint(), { obs: FIRST.allowedEndpointOrigins[0] });
      await send(control, 'profiles.edit', { id: profileId, edits: { endpoint: '' } });
      assert.equal(await endpoint(), undefined);
    });

    it(`a change of policy is picked up (${name === 'chromium' ? 'the file rewritten, the folder is watched' : 'at the restart'}); a bad value takes the stricter choice and the options page says so`, async () => {
      policy.write(CHANGED);
      if (name === 'chromium') {
        await eventually(() => send(control, 'policy.view'), (read) => read.managed.includes('keyAgeReminderDays'), 30_000);
      } else {
        await browser.close();
        await start();
        await addUserHost();
      }
      const read = await send(control, 'policy.view');
      assert.deepEqual(read.managed, ['consoleHosts', 'maxAutoLockMinutes', 'keyAgeReminderDays', 'kdfFloor']);
      assert.deepEqual(read.problems.map((p) => p.code), ['not-a-whole-number']);
      // The stored settings brought within the new policy: a shorter auto-lock, the strictest reminder.
      const { settings } = await eventually(() => send(control, 'vault.status'), (s) => s.settings.autoLockMinutes === 10);
      assert.equal(settings.maxKeyAgeDays, 1);
      if (name === 'chromium') {
        await send(control, 'vault.lock');
        await send(control, 'vault.unlock', { passphrase: E2E_PASSPHRASE });
      }
      assert.deepEqual((({ mKib, t, p }) => ({ mKib, t, p }))((await send(control, 'vault.export')).kdf), CHANGED.kdfFloor);

      const options = await browser.open('options.html');
      await options.waitFor('#managed-problems li[data-code="not-a-whole-number"]');
      assert.match(await options.text('#managed-problems li'), /keyAgeReminderDays: not a whole number from 1 to 3,650; the lowest is used/);
      assert.equal(await options.evaluate(() => document.querySelector('#vault-settings-maxKeyAgeDays').readOnly), true);
      assert.equal(await options.evaluate(() => document.querySelector('#console-hosts-forbidden')), null, 'users may add hosts again');
      await options.close();

      const target = await openConsole(HOSTS.userAdded);
      const reply = await runFill(control, target);
      assert.deepEqual([reply.ok?.status, reply.ok?.console?.host], ['filled', HOSTS.userAdded], JSON.stringify(reply));
      const popup = await browser.open('popup.html');
      await popup.click('#code-section summary.code-title');
      // Temporary keys offered again (the snippet's default), and with the permanent key, Copy with secret.
      await popup.waitFor('.code-lifetime:not([hidden])');
      assert.equal(await popup.evaluate(() => document.querySelector('.code-forbidden')), null);
      await chooseSnippet(popup, profileId, 'obs-python', 'permanent');
      await eventually(() => popup.evaluate(() => document.querySelector('.code-copy-secret').hidden), (hidden) => hidden === false);
      await popup.close();
    });
  });
}

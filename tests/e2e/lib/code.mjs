// The popup's "Use in code" panel, driven as a user would (tests/e2e/use-in-code.test.mjs, journey).
import assert from 'node:assert/strict';

/**
 * The clipboard's text, read from an extension page (once the test granted clipboardRead), or null
 * while the page may not read it yet: Firefox resolves `permissions.request` before the page's
 * process learns of the grant, so a read right after it can still be refused (poll with `eventually`).
 */
export const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText().catch((e) => {
  if (e.name === 'NotAllowedError' || /not allowed/i.test(e.message)) return null;
  throw e;
}));

/**
 * Opens the panel (if closed) and picks the profile and the tool, as the selects' change events would;
 * then the key's lifetime (`permanent`, or seconds), for a tool that offers temporary keys.
 */
export async function chooseSnippet(popup, profileId, target, lifetime) {
  if (!(await popup.evaluate(() => document.querySelector('details.code')?.open))) await popup.click('#code-section summary.code-title');
  await popup.waitFor(`.code-profile option[value="${profileId}"]`);
  await popup.evaluate(([id, value]) => {
    const profile = document.querySelector('.code-profile');
    if (profile.value !== id) {
      profile.value = id;
      profile.dispatchEvent(new Event('change'));
    }
  }, [profileId]);
  await choose(popup, '.code-target', target);
  if (lifetime != null) await choose(popup, '.code-lifetime', String(lifetime));
}

/** Picks `value` in the select `selector` once it offers it. */
async function choose(popup, selector, value) {
  await popup.waitFor(`${selector} option[value="${value}"]`);
  await popup.evaluate(([selector, value]) => {
    const select = document.querySelector(selector);
    if (select.value === value) return;
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }, [selector, value]);
}

/**
 * The worker's clipboard alarm is due 60 s after a copy: checks that, then moves it to now (an
 * extension page shares the worker's alarms), as the 60 s passing would.
 */
export async function fireClearAlarm(page) {
  const due = await page.evaluate(async () => {
    const alarms = (globalThis.browser ?? chrome).alarms;
    const alarm = await alarms.get('code-clear-clipboard');
    await alarms.create('code-clear-clipboard', { when: Date.now() });
    return alarm.scheduledTime - Date.now();
  });
  assert.ok(due > 50_000 && due <= 60_000, `the clear was due in ${due} ms`);
}

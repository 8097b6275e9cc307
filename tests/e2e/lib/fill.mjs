// Drives autofill from an extension page the way the popup does (`fill.run` for a tab), and reads
// what a replica's framework holds by clicking its submit button inside the tab (any frame).
import { launchChromium, launchFirefox, E2E_EXTENSION } from './browsers.mjs';
import { chromiumConsoleArgs, FIREFOX_CONSOLE_PREFS, startConsoles } from './consoles.mjs';
import { pressKeys, startXvfb } from './xvfb.mjs';

/**
 * The replica server (a new one, or `server`) and a browser, with a profile of its own, that resolves
 * the console hosts to it; `language` is the browser's UI language (see launchChromium). `prompts`:
 * the test answers permission prompts (answerPermissionPrompt), so Chromium runs headful on Xvfb.
 */
export async function launchWithConsoles(name, server = null, { language, prompts = false } = {}) {
  server ??= await startConsoles(name === 'firefox' ? 443 : 0);
  let browser;
  if (name === 'firefox') browser = await launchFirefox({ extDir: E2E_EXTENSION.firefox, prefs: FIREFOX_CONSOLE_PREFS, acceptInsecureCerts: true, language });
  else if (prompts) browser = await launchHeadfulChromium(server, { language });
  else browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, args: chromiumConsoleArgs(server.port), language });
  return { server, browser };
}

/**
 * Why a test of the fill shortcut while locked is skipped in `browserName`, or false. Headful Chromium:
 * an unlock sent from a second popup page after the shortcut's openPopup() sometimes never completes
 * (8 runs of 8 passed here, and 10 of 10 later, under load too; then a clean-clone run hung); the
 * cause is not found yet.
 */
export const skipShortcutWhileLocked = (browserName) =>
  browserName === 'chromium' && 'unlock from a second popup page may hang in headful Chromium';

/**
 * A headful Chromium on a private Xvfb display, for what only real key presses reach (headless
 * Chromium routes none to extension commands), resolving the console hosts to `server`.
 * Resolves to the browser; its close() also stops the display.
 */
export async function launchHeadfulChromium(server, { language } = {}) {
  const xvfb = await startXvfb();
  try {
    const browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, args: chromiumConsoleArgs(server.port), display: xvfb.display, language });
    const close = browser.close;
    return { ...browser, close: () => close().finally(xvfb.stop) };
  } catch (e) {
    xvfb.stop();
    throw e;
  }
}

/** Id of the newest tab showing `url` (fragment ignored), or null when the extension may not see it. */
export function tabIdOf(control, url) {
  const pattern = url.replace(/#.*$/, '') + '*';
  return control.evaluate(async (p) => {
    const tabs = await (globalThis.browser ?? globalThis.chrome).tabs.query({ url: p });
    return tabs.length ? Math.max(...tabs.map((t) => t.id)) : null;
  }, pattern);
}

/** Sends `fill.run` for the tab showing `url`; resolves to the worker's whole reply ({ok} or {error}). */
export async function runFill(control, url, options = {}) {
  const tabId = await tabIdOf(control, url);
  if (tabId == null) throw new Error(`no tab shows ${url}`);
  return control.evaluate(({ tabId: id, options: o }) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'fill.run', tabId: id, ...o }),
    { tabId, options });
}

/**
 * Opens `target` in `browser` and waits for `ready` in it; opens the popup for its tab (looked up
 * through `control`, an extension page) and presses its fill, with the one profile that matches.
 * Resolves to `{ page, popup }` once the popup reports the fill; the caller closes the popup first
 * (Firefox's driver moves to another tab on each close), then the page.
 */
export async function fillWithPopup(browser, control, target, ready, { timeout } = {}) {
  const page = await browser.open(target);
  await page.waitFor(ready);
  const popup = await browser.open(`popup.html?tab=${await tabIdOf(control, target)}`);
  await popup.waitFor('#fill-run:not([hidden])');
  await popup.click('#fill-run');
  await popup.waitFor('#fill-result[data-state=filled]', { timeout });
  return { page, popup };
}

/**
 * Runs one of a few probes in every frame of the tab showing `url`, through the extension's scripting
 * API (so cross-origin frames too; content-script CSP forbids shipping arbitrary code); resolves to
 * the frames' non-null answers.
 * - `submit` (selector): clicks the replica's submit button and returns the state its framework printed.
 * - `values`: the values of the frame's light-DOM text inputs.
 * - `injected`: whether the fill content script is present.
 * - `time-collect`: milliseconds one collect() takes in the frame (after a fill injected the script).
 */
export async function probe(control, url, name, arg = null) {
  const tabId = await tabIdOf(control, url);
  return control.evaluate(async ({ tabId: id, name: n, arg: a }) => {
    const probes = {
      submit: (sel) => {
        const button = document.querySelector(sel);
        if (!button) return null;
        button.click();
        return JSON.parse(document.getElementById('state')?.textContent || 'null');
      },
      values: () => [...document.querySelectorAll('input:not([type=checkbox])')].map((i) => i.value),
      injected: () => Boolean(globalThis.__credfillFill),
      'time-collect': () => {
        if (!globalThis.__credfillFill) return null;
        const start = performance.now();
        globalThis.__credfillFill.collect();
        return performance.now() - start;
      },
    };
    const results = await (globalThis.browser ?? globalThis.chrome).scripting.executeScript({
      target: { tabId: id, allFrames: true }, func: probes[n], args: [a],
    });
    return results.map((r) => r.result).filter((r) => r != null);
  }, { tabId, name, arg });
}

/**
 * Presses the extension's keyboard shortcut (Alt+Shift+F) with `page` (showing `url`) as the current tab.
 * - Chromium (headful, on Xvfb: launchHeadfulChromium): the tab is brought to the front and the key
 *   is typed into the browser window as a real X key event; the browser routes it to the command.
 * - Firefox: selects the tab, then fires the command of the <key> element Firefox made for our
 *   `commands` entry. (Synthesized key events from WebDriver never reach browser-level shortcuts.)
 */
export async function pressFillShortcut(browser, page, url) {
  if (browser.name === 'chromium') {
    if (!browser.display) throw new Error('the keyboard shortcut needs a headful Chromium (launchHeadfulChromium)');
    await page.raw.bringToFront();
    await pressKeys(browser.display, 'chromium', 'alt+shift+f');
    return;
  }
  const { driver } = browser;
  const handle = await driver.getWindowHandle();
  await driver.setContext('chrome');
  try {
    await driver.executeScript(`
      gBrowser.selectedTab = gBrowser.tabs.findLast((t) => t.linkedBrowser.currentURI.spec.startsWith(arguments[0]));
      const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-credfill"] key')].find((k) => k.getAttribute('key') === 'F');
      const event = document.createEvent('XULCommandEvent');
      event.initCommandEvent('command', true, true, window, 0, false, false, false, false, 0, null, 0);
      key.dispatchEvent(event);`, url);
  } finally {
    await driver.setContext('content');
    await driver.switchTo().window(handle);
  }
}

/** The slots of a fill report's `filled` (or `skipped`) lines, sorted: `[{slot, label?}]` → `['apiKey', …]`. */
export const slotsOf = (lines) => (lines ?? []).map((line) => line.slot).sort();

// Launches Debian's Chromium (playwright-core) and Firefox ESR (selenium-webdriver + geckodriver)
// with a built, unpacked credfill extension, and gives tests one small page interface for both.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { pressKeys } from './xvfb.mjs';

export const ROOT = new URL('../../..', import.meta.url).pathname;
/** The e2e build (dist-e2e/): the release extension with the loopback stand-ins' host granted up front. */
export const E2E_EXTENSION = { chromium: join(ROOT, 'dist-e2e/chrome'), firefox: join(ROOT, 'dist-e2e/firefox') };
export const FIREFOX_ADDON_ID = 'credfill@credfill.dev';
const FIREFOX_UUID = '6b3f6e4c-1c1d-4d4e-9a53-0c0ffee0cafe';
const TIMEOUT = 15_000;

/** Chromium flags needed on these machines (root, no network but loopback) plus the caller's. */
export function chromiumArgs(extDir, extra = []) {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', ...extra,
  ];
}

/**
 * `profile`: an existing user-data-dir to start from (e.g. to relaunch after a restart); a new one by default.
 * `display`: an X display (e.g. from startXvfb) to run headful on, instead of headless.
 * `language`: the browser's UI language (`fr`, `zh-CN`): `--lang` picks the extension's _locales, and
 * Playwright's `locale` the pages' `navigator.language`, which would otherwise stay en-US.
 */
export async function launchChromium({ extDir = join(ROOT, 'dist/chrome'), args = [], profile = mkdtempSync(join(tmpdir(), 'credfill-chromium-')), display, language } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: !display,
    args: chromiumArgs(extDir, [...args, ...(language ? [`--lang=${language}`] : [])]),
    ...(language && { locale: language }),
    ...(display && { env: { ...process.env, DISPLAY: display } }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;
  return {
    name: 'chromium',
    context,
    worker,
    profile,
    base,
    display,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url.includes('://') ? url : base + url);
      return chromiumPage(page);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function chromiumPage(page) {
  return {
    raw: page,
    url: () => page.url(),
    waitFor: (sel, { state = 'attached', timeout = TIMEOUT } = {}) => page.waitForSelector(sel, { state, timeout }).then(() => {}),
    text: (sel) => page.locator(sel).first().textContent(),
    attr: (sel, name) => page.locator(sel).first().getAttribute(name),
    click: (sel) => page.locator(sel).first().click(),
    fill: (sel, value) => page.locator(sel).first().fill(value),
    setFile: (sel, path) => page.locator(sel).first().setInputFiles(path),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    /** Runs a script's source in the page, as the test harness (the page's CSP does not apply). */
    inject: (source) => page.evaluate(source),
    close: () => page.close(),
  };
}

/**
 * `language`: the browser's UI language (`fr`, `zh-CN`). Firefox shows an extension in the language of
 * its own UI (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Internationalization),
 * which it takes only if that language's pack is installed (firefox-esr-l10n-*, see
 * scripts/bootstrap.sh); `intl.accept_languages` sets the pages' `navigator.language`.
 * `otherAddons`: `{ id: folder }` of more temporary add-ons to install beside credfill (benchmarks).
 */
export async function launchFirefox({ extDir = join(ROOT, 'dist/firefox'), prefs = {}, acceptInsecureCerts = false, language, otherAddons = {} } = {}) {
  if (language) prefs = { 'intl.locale.requested': language, 'intl.accept_languages': language, ...prefs };
  // Known UUIDs, so that each add-on's pages have a known moz-extension:// origin.
  const uuids = { [FIREFOX_ADDON_ID]: FIREFOX_UUID, ...Object.fromEntries(Object.keys(otherAddons).map((id) => [id, randomUUID()])) };
  const options = new firefox.Options()
    .addArguments('-headless')
    .setPreference('extensions.webextensions.uuids', JSON.stringify(uuids))
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('app.update.enabled', false);
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  if (acceptInsecureCerts) options.setAcceptInsecureCerts(true);
  options.setBinary('/usr/bin/firefox-esr');
  // Extension pages cannot be opened by driver.get(); the chrome context can, with system access.
  const service = new firefox.ServiceBuilder('geckodriver').addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  for (const dir of [extDir, ...Object.values(otherAddons)]) await driver.installAddon(dir, true);
  const base = `moz-extension://${FIREFOX_UUID}/`;
  return {
    name: 'firefox',
    driver,
    base,
    /** The origin of an add-on given in `otherAddons`, by its id. */
    baseOf: (id) => `moz-extension://${uuids[id]}/`,
    async open(url) {
      const target = url.includes('://') ? url : base + url;
      if (target.startsWith('moz-extension:')) {
        const before = new Set(await driver.getAllWindowHandles());
        await driver.setContext(firefox.Context.CHROME);
        await driver.executeScript(
          'gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });',
          target,
        );
        await driver.setContext(firefox.Context.CONTENT);
        const handle = await driver.wait(async () => (await driver.getAllWindowHandles()).find((h) => !before.has(h)), TIMEOUT);
        await driver.switchTo().window(handle);
        // The new tab starts as about:blank; a script run before the page has loaded dies with it.
        await driver.wait(async () => (await driver.getCurrentUrl()) === target &&
          (await driver.executeScript('return document.readyState')) === 'complete', TIMEOUT);
      } else {
        await driver.switchTo().newWindow('tab');
        await driver.get(target);
      }
      return firefoxPage(driver, await driver.getWindowHandle());
    },
    async close() {
      await driver.quit();
    },
  };
}

function firefoxPage(driver, handle) {
  const focus = () => driver.switchTo().window(handle);
  const find = async (sel) => {
    await focus();
    return driver.wait(until.elementLocated(By.css(sel)), TIMEOUT);
  };
  // As Playwright's locators do: an element the page redrew between finding and using it is found
  // again, and one not interactable yet (not laid out or shown) is waited for, up to the timeout.
  const retryAfterMs = { StaleElementReferenceError: 0, ElementNotInteractableError: 100 };
  const withElement = async (sel, use) => {
    for (const deadline = Date.now() + TIMEOUT; ;) {
      try {
        return await use(await find(sel));
      } catch (e) {
        if (!Object.hasOwn(retryAfterMs, e?.name) || Date.now() > deadline) throw e;
        await new Promise((resolve) => setTimeout(resolve, retryAfterMs[e.name]));
      }
    }
  };
  return {
    raw: driver,
    url: async () => (await focus(), driver.getCurrentUrl()),
    async waitFor(sel, { state = 'attached', timeout = TIMEOUT } = {}) {
      await focus();
      const el = await driver.wait(until.elementLocated(By.css(sel)), timeout);
      if (state === 'visible') await driver.wait(until.elementIsVisible(el), timeout);
    },
    text: (sel) => withElement(sel, (el) => el.getAttribute('textContent')),
    attr: (sel, name) => withElement(sel, (el) => el.getAttribute(name)),
    // As Playwright's click does: a disabled button is waited for until it is enabled.
    click: (sel) => withElement(sel, async (el) => {
      await driver.wait(until.elementIsEnabled(el), TIMEOUT);
      await el.click();
    }),
    fill: (sel, value) => withElement(sel, async (el) => {
      await el.clear();
      await el.sendKeys(value);
    }),
    setFile: (sel, path) => withElement(sel, (el) => el.sendKeys(path)),
    async evaluate(fn, arg) {
      await focus();
      // A rejection comes back marked, and is thrown here as Playwright's evaluate throws it.
      const result = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        Promise.resolve((${fn.toString()})(arguments[0])).then((value) => done({ value }), (e) => done({ error: String(e && e.message || e) }));`, arg);
      if (result && 'error' in result) throw new Error(`page script failed: ${result.error}`);
      return result?.value;
    },
    /** Runs a script's source in the page, as the test harness (the page's CSP does not apply). */
    async inject(source) {
      await focus();
      await driver.executeScript(source);
    },
    async close() {
      await focus();
      await driver.close();
      // Leave the driver on a live tab: commands sent to a closed one fail.
      const [any] = await driver.getAllWindowHandles();
      if (any) await driver.switchTo().window(any);
    },
  };
}

const devTools = new WeakMap(); // extension page -> its DevTools session (Chromium)

/**
 * Stops the extension's background at once, as the browser does after 30 s idle: Chromium's service
 * worker through the DevTools protocol (ServiceWorker.stopAllWorkers, from a session on `page`, an
 * extension page), Firefox's event page as about:debugging's "Terminate background script" does
 * (ExtensionParent.DebugUtils, from the browser's chrome context; `addonId`, credfill by default).
 * Resolves to whether the browser reports it stopped (Chromium: within 5 s).
 */
export async function stopBackground(browser, page, addonId = FIREFOX_ADDON_ID) {
  if (browser.name === 'firefox') {
    const { driver } = browser;
    await driver.setContext(firefox.Context.CHROME);
    try {
      const state = await driver.executeAsyncScript(`const [id, done] = arguments;
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const debug = ExtensionParent.DebugUtils;
        debug.terminateBackgroundScript(id).then(() => done({ running: debug.isBackgroundScriptRunning(id) }), (e) => done({ error: String(e) }));`, addonId);
      return state.running === false;
    } finally {
      await driver.setContext(firefox.Context.CONTENT);
    }
  }
  let cdp = devTools.get(page);
  if (!cdp) {
    cdp = await browser.context.newCDPSession(page.raw);
    await cdp.send('ServiceWorker.enable');
    devTools.set(page, cdp);
  }
  let listener;
  const stopped = new Promise((resolve) => {
    listener = ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve(true);
    };
    cdp.on('ServiceWorker.workerVersionUpdated', listener);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  const outcome = await Promise.race([stopped, new Promise((r) => setTimeout(() => r(false), 5000))]);
  cdp.off('ServiceWorker.workerVersionUpdated', listener);
  return outcome;
}

/**
 * Answers the browser's own prompt for an optional permission (`permissions.request`, asked by a
 * click the test made), as a user would: `allow` or deny. Resolves once it was answered.
 * - Chromium shows it as a native dialog, which no automation API reaches: the browser must run
 *   headful on Xvfb (`display`), where real key presses answer it (Escape denies; Tab moves to
 *   Allow, Return presses it).
 * - Firefox shows a doorhanger in its own UI, whose buttons the chrome context presses.
 */
export async function answerPermissionPrompt(browser, allow) {
  if (browser.name === 'chromium') {
    if (!browser.display) throw new Error('answering a permission prompt needs a headful Chromium (display)');
    // The dialog's buttons take no input for a moment after it opens (against a rushed click).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await pressKeys(browser.display, 'chromium', allow ? 'Tab Return' : 'Escape');
    return;
  }
  const { driver } = browser;
  const handle = await driver.getWindowHandle();
  await driver.setContext(firefox.Context.CHROME);
  try {
    const answered = await driver.executeAsyncScript(`const [allow, timeout, done] = arguments;
      const end = Date.now() + timeout;
      (function answer() {
        const prompt = gBrowser.browsers.map((b) => PopupNotifications.getNotification('addon-webext-permissions', b)).find(Boolean);
        if (prompt) {
          (allow ? prompt.mainAction : prompt.secondaryActions[0]).callback();
          prompt.remove();
          return done(true);
        }
        if (Date.now() > end) return done(false);
        setTimeout(answer, 100);
      })();`, allow, TIMEOUT);
    if (!answered) throw new Error('no permission prompt was shown');
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
    await driver.switchTo().window(handle);
  }
}

/**
 * Grants optional `permissions` (`{permissions, origins}`) the way a user does: a click in the
 * extension page `page` asks (`permissions.request`) and the browser's prompt is allowed.
 */
export async function grantByPrompt(browser, page, permissions) {
  await page.evaluate(() => {
    const ask = Object.assign(document.createElement('button'), { id: 'e2e-ask-permission', textContent: 'ask' });
    // The answer goes into the DOM: Firefox runs each script of the driver in a scope of its own.
    ask.addEventListener('click', () => (globalThis.browser ?? chrome).permissions.request(JSON.parse(ask.dataset.permissions))
      .then((granted) => (ask.dataset.granted = granted), (e) => (ask.dataset.granted = e.message)));
    document.body.prepend(ask);
  });
  await page.evaluate((p) => (document.getElementById('e2e-ask-permission').dataset.permissions = p), JSON.stringify(permissions));
  await page.click('#e2e-ask-permission');
  await answerPermissionPrompt(browser, true);
  const answer = () => page.attr('#e2e-ask-permission', 'data-granted');
  const granted = await eventually(answer, (a) => a != null);
  await page.evaluate(() => document.getElementById('e2e-ask-permission').remove());
  if (granted !== 'true') throw new Error(`${JSON.stringify(permissions)} not granted: ${granted}`);
}

/** Both browsers, for tests that must hold in each: `for (const launch of BROWSERS) …`. */
export const BROWSERS = [
  ['chromium', launchChromium],
  ['firefox', launchFirefox],
];

/** Polls `read()` until `accept(value)` holds and returns that value; throws, with the last value read, if it never does. */
export async function eventually(read, accept, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let value;
  while (Date.now() < end) {
    value = await read();
    if (accept(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  let shown;
  try {
    shown = JSON.stringify(value);
  } catch {
    shown = String(value);
  }
  throw new Error(`not so after ${timeout} ms; last read: ${shown}`);
}

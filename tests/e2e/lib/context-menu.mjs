// Opens the browser's own context menu on a page field with a real right-click and chooses credfill's
// entry in it, as a user does: Firefox through WebDriver and its chrome context (where the menu is a
// XUL popup whose items can be read), Chromium headful on Xvfb with X pointer and key events (headless
// Chromium shows no context menu, and its native menu cannot be read, only watched as a window).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';
import { eventually, FIREFOX_ADDON_ID, ROOT } from './browsers.mjs';
import { xdotool } from './xvfb.mjs';

/** The entry's title in the test browsers' (English) locale. */
const ENTRY_TITLE = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/en/messages.json'), 'utf8')).fill_menu.message;
/** Firefox names an extension's menu items `<add-on id made a widget id>-menuitem-_<menu id>`. */
const FIREFOX_ENTRY_PREFIX = `${FIREFOX_ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-`;

/**
 * Right-clicks the field `selector` in `page` (a tab of `browser`) and chooses credfill's entry in the
 * context menu that opens. Resolves to true when the menu had the entry and it was chosen, false when
 * the menu had none (the menu is then closed). Throws when the right-click did not reach the field, so
 * a missed click never passes for a missing entry.
 */
export async function chooseFillInContextMenu(browser, page, selector) {
  await page.evaluate(watchContextMenu, selector);
  const chosen = browser.name === 'chromium'
    ? await chooseInChromium(browser, page, selector)
    : await chooseInFirefox(browser, selector);
  const reached = await page.evaluate(() => document.documentElement.dataset.contextMenuOnField);
  if (reached !== 'true') throw new Error(`the right-click did not open the menu of ${selector}`);
  return chosen;
}

/**
 * Runs in the page: notes whether the next contextmenu event is the field's. In the DOM, since Firefox
 * runs each WebDriver script with a global of its own.
 */
function watchContextMenu(selector) {
  const notes = document.documentElement.dataset;
  delete notes.contextMenuOnField;
  addEventListener('contextmenu', (e) => { notes.contextMenuOnField = e.composedPath()[0].matches(selector); },
    { capture: true, once: true });
}

async function chooseInFirefox({ driver }, selector) {
  await driver.actions().contextClick(await driver.findElement(By.css(selector))).perform();
  await driver.setContext('chrome');
  try {
    // Items are built while the menu shows; activateItem() is what a click on an item does (command, then close).
    return await driver.executeAsyncScript(`
      const [prefix, done] = arguments;
      const menu = document.getElementById('contentAreaContextMenu');
      const shown = menu.state === 'open' ? Promise.resolve() : new Promise((r) => menu.addEventListener('popupshown', r, { once: true }));
      shown.then(() => {
        const entry = menu.querySelector('menuitem[id^="' + prefix + '"]');
        if (entry) menu.activateItem(entry);
        else menu.hidePopup();
        done(Boolean(entry));
      });`, FIREFOX_ENTRY_PREFIX);
  } finally {
    await driver.setContext('content');
  }
}

async function chooseInChromium({ display }, page, selector) {
  if (!display) throw new Error('the context menu needs a headful Chromium (launchHeadfulChromium)');
  await page.raw.bringToFront();
  const [x, y] = await centreOnScreen(display, page, selector);
  const before = new Set(await visibleWindows(display));
  await xdotool(display, 'mousemove', '--sync', x, y);
  await xdotool(display, 'click', '3');
  // The menu is a top-level window of its own; nothing else opens on this private display.
  const [menu] = await eventually(async () => (await visibleWindows(display)).filter((w) => !before.has(w)), (w) => w.length === 1)
    .catch((e) => { throw new Error(`no context menu opened: ${e.message}`); });
  // A typed letter accepts the one item whose title (or mnemonic) starts with it, closing the menu; with
  // no such item the menu stays open. In the test browser's English menu no other item has an F. The
  // wait is long enough for a loaded machine, and only spent when the entry is missing.
  await xdotool(display, 'key', ENTRY_TITLE[0].toLowerCase());
  const closed = await eventually(async () => (await visibleWindows(display)).includes(menu), (o) => !o, 2500).then(() => true, () => false);
  if (!closed) await xdotool(display, 'key', 'Escape');
  return closed;
}

/** Top-level windows mapped on `display`. */
async function visibleWindows(display) {
  return (await xdotool(display, 'search', '--onlyvisible', '--maxdepth', '1', '--name', '')).split('\n');
}

/**
 * Screen position of the centre of `selector`. Where the viewport sits in the window (toolbars, info
 * bars) is measured, not guessed: the pointer is moved to the window's centre and the page tells where
 * it arrived.
 */
async function centreOnScreen(display, page, selector) {
  const [cx, cy] = await page.evaluate(() => {
    addEventListener('mousemove', (e) => { globalThis.__pointer = [e.clientX, e.clientY, e.screenX, e.screenY]; }, { capture: true });
    globalThis.__pointer = null;
    return [screenX + outerWidth / 2, screenY + outerHeight / 2].map(Math.round);
  });
  // Two moves: the last one is a move even if the pointer already was at the centre.
  await xdotool(display, 'mousemove', '--sync', cx - 1, cy);
  await xdotool(display, 'mousemove', '--sync', cx, cy);
  const arrived = (p) => p?.[2] === cx && p?.[3] === cy;
  const pointer = await eventually(() => page.evaluate(() => globalThis.__pointer), arrived)
    .catch((e) => { throw new Error(`the page saw no pointer at ${cx},${cy}: ${e.message}`); });
  const [fx, fy] = await page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  }, selector);
  return [cx - pointer[0] + fx, cy - pointer[1] + fy].map(Math.round);
}

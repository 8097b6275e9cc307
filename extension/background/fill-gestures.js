// The gestures that start a fill besides the popup's button — the keyboard command and the context
// menu on editable fields — and the badge that tells a console tab has a matching profile.
import { api } from '../lib/browser.js';
import { CONSOLE_HOSTS_KEY, hostPattern } from '../lib/console-hosts.js';
import { t } from '../lib/i18n.js';
import { consoleOf, lastProfiles, markPending, runFill } from './fill.js';
import { fillHosts } from './policy.js';
import { CURRENT } from '../lib/vault-store.js';
import { PROFILE_COUNTS, profileCount } from './vault-badge.js';
import { VAULT_KEY, noteActivity } from './vault-lock.js';

const MENU_ID = 'credfill-fill';
const COMMAND = 'fill-page';

/**
 * The keyboard command and the context menu: no UI of their own, so a choice they cannot make
 * (several profiles and none used before, a cross-origin frame) is handed to the popup.
 */
export async function fillFromGesture(tab) {
  await noteActivity(); // a gesture is the user at work, like a message from the popup
  let result;
  try {
    result = await runFill({ tabId: tab.id });
  } catch (e) {
    if (e?.code !== 'locked' && e?.code !== 'no-vault') throw e;
    // No UI of its own: the popup says the vault is locked, asks for the passphrase, then fills.
    await askInPopup(tab);
    return { status: 'locked' };
  }
  if (result.status === 'choose-profile') {
    const last = (await lastProfiles())[result.console.provider];
    if (result.profiles.some((p) => p.id === last)) result = await runFill({ tabId: tab.id, profileId: last });
  }
  if (result.status === 'choose-profile' || result.status === 'confirm-frame') await askInPopup(tab);
  return result;
}

/** Opens the popup for `tab`, which resumes the fill there (popup/fill.js reads the pending marker). */
async function askInPopup(tab) {
  await markPending(tab);
  try {
    await api.action.openPopup();
  } catch {
    // openPopup needs a focused window (and is refused in some contexts): a small window instead.
    await api.windows.create({ url: api.runtime.getURL(`popup.html?tab=${tab.id}`), type: 'popup', width: 400, height: 600 });
  }
}

/** Session storage: the console each URL authority showed, as the core said (see cachedConsoleOf). */
const CONSOLE_CACHE = 'fill.consoleOfAuthority';
const CONSOLE_CACHE_SIZE = 500;

/** `scheme://user:password@host:port`: all of a URL the core's console match reads. */
function authorityOf(url) {
  try {
    const { protocol, username, password, host } = new URL(url);
    return `${protocol}//${username}:${password}@${host}`;
  } catch {
    return null;
  }
}

/**
 * The console `url` shows, as the core decides it, remembered per authority for the session: tab
 * events (most wakes) then need no WASM at all. Forgotten when the console hosts (the user's or the
 * organisation's) change.
 */
async function cachedConsoleOf(url, ready) {
  const key = authorityOf(url);
  if (!key) return null;
  const { [CONSOLE_CACHE]: cache = {} } = await api.storage.session.get(CONSOLE_CACHE);
  if (Object.hasOwn(cache, key)) return cache[key];
  await ready();
  const site = consoleOf(url, await fillHosts());
  const kept = Object.entries(cache).slice(1 - CONSOLE_CACHE_SIZE);
  await api.storage.session.set({ [CONSOLE_CACHE]: Object.fromEntries([...kept, [key, site]]) });
  return site;
}

/** Badge: the tab is a known console and a profile of its provider exists (counted without opening the vault). */
async function updateBadge(tabId, url, ready) {
  const site = await cachedConsoleOf(url, ready);
  const fits = site && (await profileCount(site.provider)) > 0;
  await api.action.setBadgeText({ tabId, text: fits ? t('fill_badge') : '' });
  await api.action.setTitle({ tabId, title: fits ? t('fill_badge_title', [site.host]) : t('ext_name') });
}

async function updateActiveBadges(ready) {
  for (const tab of await api.tabs.query({ active: true })) await updateBadge(tab.id, tab.url, ready);
}

/** The menu shows on the console hosts: the manifest's, and those the core adds (the organisation's, the user's). */
async function createMenu(ready) {
  await api.contextMenus.removeAll();
  const builtIn = api.runtime.getManifest().host_permissions.filter((p) => p.startsWith('https://'));
  const patterns = [...builtIn, ...(await fillHosts(ready)).map((h) => hostPattern(h.host))];
  api.contextMenus.create({ id: MENU_ID, title: t('fill_menu'), contexts: ['editable'], documentUrlPatterns: patterns });
}

/** Browser events; registered synchronously at the worker's start. `ready()` instantiates the WASM. */
export function registerFillEvents(ready) {
  const report = (fn) => (...args) => {
    Promise.resolve().then(() => fn(...args)).catch((e) => console.warn('credfill fill:', e?.code ?? e?.message ?? e));
  };
  const withCore = (fn) => report((...args) => ready().then(() => fn(...args)));
  // The badges need no WASM: they come from cached answers. The menu's pages need it only under a
  // managed policy (fillHosts).
  api.runtime.onInstalled.addListener(report(() => createMenu(ready)));
  api.runtime.onStartup.addListener(report(() => createMenu(ready)));
  api.contextMenus.onClicked.addListener(withCore((info, tab) => info.menuItemId === MENU_ID && tab && fillFromGesture(tab)));
  api.commands.onCommand.addListener(withCore(async (command, tab) => {
    if (command !== COMMAND) return;
    const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
    if (target) await fillFromGesture(target);
  }));
  api.tabs.onUpdated.addListener(report((tabId, change, tab) => (change.url || change.status) && updateBadge(tabId, tab.url, ready)));
  api.tabs.onActivated.addListener(report(async ({ tabId }) => updateBadge(tabId, (await api.tabs.get(tabId)).url, ready)));
  // Profiles change with the vault's pointer and their counts; they appear and vanish as the vault unlocks and locks.
  api.storage.onChanged.addListener(report((changes, area) =>
    ((area === 'local' && changes[CURRENT]) || (area === 'session' && (changes[VAULT_KEY] || changes[PROFILE_COUNTS]))) && updateActiveBadges(ready)));
  // A console host added or removed in the options: the menu's pages and the badges follow.
  api.storage.onChanged.addListener(report(async (changes, area) => {
    if (area === 'local' && changes[CONSOLE_HOSTS_KEY]) await consoleHostsChanged(ready);
  }));
}

/** The console hosts changed (the user's, or the organisation's policy): the menu's pages and the badges follow. */
export async function consoleHostsChanged(ready) {
  await api.storage.session.remove(CONSOLE_CACHE);
  await createMenu(ready);
  await updateActiveBadges(ready);
}

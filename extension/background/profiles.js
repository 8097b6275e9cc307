// The worker's one way to reach profiles. The core owns the document and every change to it
// (`documentApply`); this file passes operations and hands pages the core's secret-free view.
// Reading needs the vault unlocked, so every function may throw `{code: 'locked'}` (and changing,
// `{code: 'no-vault'}` before a passphrase is set).
import { documentEmpty, documentView, importPreview, providerTraits, regionsOf, tabConsole } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { readSettings } from '../lib/vault-settings.js';
import { fillHosts } from './policy.js';
import { applyOperation, readDocument, vaultState } from './vault-access.js';

/** All profiles in the user's order, secrets included: for use inside the worker only. No vault yet: []. */
export async function listProfiles() {
  if ((await vaultState()) === 'empty') return [];
  return (await readDocument()).profiles;
}

export async function getProfile(id) {
  const profile = (await readDocument()).profiles.find((p) => p.id === id);
  if (!profile) throw { code: 'no-profile', message: 'No such profile.' };
  return profile;
}

/** The console and region of a tab, as the core reads its URL (null for other pages). */
async function consoleOfTab(tabId) {
  if (!Number.isInteger(tabId)) return null;
  const tab = await api.tabs.get(tabId).catch(() => null);
  return tab?.url ? tabConsole(tab.url, await fillHosts()) : null;
}

/** The providers as the core describes them (`{id, hasConsole, takesHuaweiKeys, hasObjectStorage}`) and each one's catalog regions, for the pages' choices. */
function choices() {
  const providers = providerTraits();
  return { providers, regions: Object.fromEntries(providers.map((p) => [p.id, regionsOf(p.id)])) };
}

/** What pages see: the core's view (no secret), each profile scored against the popup's tab. */
async function view(tabId) {
  const { maxKeyAgeDays } = await readSettings(api.storage.local);
  const tab = await consoleOfTab(tabId);
  return { ...documentView(await readDocument(), Date.now(), maxKeyAgeDays, tab ?? undefined), choices: choices() };
}

/** Runs one operation, then answers with the view and what the operation said. */
async function change(operation, tabId) {
  const { outcome } = await applyOperation(operation);
  return { ...(await view(tabId)), outcome };
}

/**
 * What saving `items` would do (a profile holding the key already, a key it would replace, whether
 * the cloud must be asked), and the choices to preset: the tab's console and region, and the
 * regions of each cloud from the endpoint catalog. Reading the tab is no use of the vault.
 */
/** @param {import('../lib/message-types').Request<'profiles.previewImport'>} request */
async function previewImport({ items, target, cloud, tabId }) {
  // Locked or no vault yet: the questions about the file itself are still asked.
  const document = (await vaultState()) === 'unlocked' ? await readDocument() : documentEmpty();
  const tab = await consoleOfTab(tabId);
  return {
    items: importPreview(document, items, target ?? undefined, cloud ?? tab?.provider),
    tab,
    ...choices(),
  };
}

const operation = (op, fields) => ({ op, ...fields });

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'profiles.view': { from: ['extension'], run: ({ tabId }) => view(tabId) },
  'profiles.previewImport': { from: ['extension'], run: previewImport },
  'profiles.import': {
    from: ['extension'],
    run: ({ items, target, provider, region, replace, newProfile, names, tabId }) =>
      change(operation('import', { items, target, provider, region, replace: Boolean(replace), newProfile: Boolean(newProfile), names }), tabId),
  },
  'profiles.edit': { from: ['extension'], run: ({ id, edits, tabId }) => change(operation('edit', { id, edits }), tabId) },
  'profiles.delete': { from: ['extension'], run: ({ id, tabId }) => change(operation('delete', { id }), tabId) },
  'profiles.undoDelete': { from: ['extension'], run: ({ tabId }) => change(operation('undoDelete', {}), tabId) },
  'profiles.reorder': { from: ['extension'], run: ({ ids, tabId }) => change(operation('reorder', { ids }), tabId) },
  'profiles.setOpenscaleInstance': {
    from: ['extension'],
    run: ({ id, guid, region, tabId }) => change(operation('setOpenscaleInstance', { id, guid, region }), tabId),
  },
  'profiles.resolveConflict': {
    from: ['extension'],
    run: ({ index, choice }) => change(operation('resolveConflict', { index, choice })),
  },
};

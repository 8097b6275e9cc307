// The worker's one way to reach profiles: every capability (check, fill, popup) goes through these
// functions. Profiles live in the encrypted vault (vault-access.js): reading needs the vault
// unlocked, so every function may throw `{code: 'locked'}` (and adding, `{code: 'no-vault'}` before a
// passphrase is set). Secrets never leave the worker: pages get publicView().
import { profilesUpsert } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import * as doc from '../lib/vault-document.js';
import { readSettings } from '../lib/vault-settings.js';
import { keyAgeOf } from './key-age.js';
import { readDocument, updateDocument, vaultState } from './vault-access.js';
import { SECRET_FIELDS } from '../lib/secret-fields.js';

/** All profiles in the user's order, secrets included: for use inside the worker only. No vault yet: []. */
export async function listProfiles() {
  if ((await vaultState()) === 'empty') return [];
  return (await readDocument()).profiles;
}

export async function getProfile(id) {
  return doc.findProfile(await readDocument(), id);
}

/** Adds a profile (an id is assigned when missing); resolves to its id. */
export async function addProfile(profile) {
  const withId = { ...profile, id: profile.id ?? crypto.randomUUID() };
  await updateDocument((d) => doc.addProfile(d, withId));
  return withId.id;
}

/** Shallow-merges `patch` into one profile (e.g. a check storing the project ID); resolves to the profile. */
export async function patchProfile(id, patch) {
  return doc.findProfile(await updateDocument((d) => doc.patchProfile(d, id, patch)), id);
}

/**
 * Saves imported credentials: each goes to the profile that already holds the same key (updated,
 * never twinned) or to a new profile. Resolves to one `{profileId, name, updated}` per item.
 */
export async function saveImport(items) {
  const saved = [];
  await updateDocument((d, now) =>
    items.reduce((current, item) => {
      const result = profilesUpsert(current.profiles, item, now);
      const profiles = doc.keepUnknownFields(current.profiles, result.profiles);
      saved.push({ profileId: result.profileId, updated: result.updated, name: doc.findProfile({ profiles }, result.profileId).name });
      return { ...current, profiles };
    }, d));
  return saved;
}

/** What pages may see of a profile: everything but the secrets, which never leave the worker. */
export function publicView(profile) {
  const credentials = (profile.credentials ?? []).map((item) =>
    Object.fromEntries(Object.entries(item).filter(([field]) => !SECRET_FIELDS.has(field))));
  return { ...profile, credentials };
}

/** publicView plus the key age, for the popup's list. */
async function listForPage() {
  const now = Date.now();
  const { maxKeyAgeDays } = await readSettings(api.storage.local);
  return (await listProfiles()).map((p) => ({ ...publicView(p), keyAge: keyAgeOf(p, now, maxKeyAgeDays) }));
}

const change = (fn) => async (message) => {
  await updateDocument((d, now) => fn(d, message, now));
  return listForPage();
};

export const handlers = {
  'profiles.list': { from: ['extension'], run: listForPage },
  'profiles.add': { from: ['extension'], run: ({ profile }) => addProfile(profile) },
  'profiles.saveImport': { from: ['extension'], run: ({ items }) => saveImport(items) },
  'profiles.edit': { from: ['extension'], run: change((d, { id, edits }) => doc.editProfile(d, id, edits)) },
  'profiles.delete': { from: ['extension'], run: change((d, { id }, now) => doc.deleteProfile(d, id, now)) },
  'profiles.undoDelete': { from: ['extension'], run: change((d, _message, now) => doc.undoDelete(d, now)) },
  'profiles.reorder': { from: ['extension'], run: change((d, { ids }) => doc.reorderProfiles(d, ids)) },
};

// The worker's one way to reach profiles: every capability (check, fill, popup) goes through these
// functions, whatever keeps the profiles underneath. Until the encrypted vault is in place they are
// held in storage.session only (memory, gone when the browser closes) — never in storage.local.
import { api } from '../lib/browser.js';

const KEY = 'profiles';

async function readAll() {
  return (await api.storage.session.get(KEY))[KEY] ?? [];
}

async function writeAll(profiles) {
  await api.storage.session.set({ [KEY]: profiles });
}

/** All profiles, secrets included: for use inside the worker only. */
export async function listProfiles() {
  return readAll();
}

export async function getProfile(id) {
  const profile = (await readAll()).find((p) => p.id === id);
  if (!profile) throw { code: 'no-profile', message: 'No such profile.' };
  return profile;
}

/** Adds a profile (an id is assigned when missing); resolves to its id. */
export async function addProfile(profile) {
  const withId = { ...profile, id: profile.id ?? crypto.randomUUID() };
  await writeAll([...(await readAll()), withId]);
  return withId.id;
}

/** Shallow-merges `patch` into one profile (e.g. a check storing the project ID). */
export async function patchProfile(id, patch) {
  const profiles = await readAll();
  const index = profiles.findIndex((p) => p.id === id);
  if (index < 0) throw { code: 'no-profile', message: 'No such profile.' };
  profiles[index] = { ...profiles[index], ...patch, id };
  await writeAll(profiles);
  return profiles[index];
}

/** What pages may see of a profile: everything but the secrets, which never leave the worker. */
export function publicView(profile) {
  const credentials = (profile.credentials ?? []).map((item) =>
    Object.fromEntries(Object.entries(item).filter(([field]) => !SECRET_FIELDS.has(field))));
  return { ...profile, credentials };
}

const SECRET_FIELDS = new Set(['secretAccessKey', 'securityToken', 'apiKey', 'clientSecret', 'password']);

export const handlers = {
  'profiles.list': { from: ['extension'], run: async () => (await listProfiles()).map(publicView) },
  'profiles.add': { from: ['extension'], run: ({ profile }) => addProfile(profile) },
};

// OpenScale IDs from an IBM API key. The WASM core (flows/openscale_ids.rs) says which request comes
// next and reads each answer; this file only sends them, each once, never retried. The IAM token it
// gets lives in this worker's memory until it expires, the worker stops, the vault locks or the
// profile it was made for changes (token-cache.js): never stored, never sent to a page, only inside
// the core's requests to IBM.
//
// Adding a machine-learning provider (a write) goes the same way, once the popup has shown the request
// (openscale.preview) and the user clicked to send it.
//
// Like a key check, a lookup starts in the popup's click (which also asks for the host permissions)
// and runs here: the popup may close behind the browser's prompt. Its result (names and IDs, no
// secret) is kept in session storage for the popup to show the next time it opens.
import { openscaleIdsAdvance, openscaleIdsOrigins, openscaleIdsPreview, openscaleIdsStart } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { listProfiles } from './profiles.js';
import { tokenCache } from './token-cache.js';
import { onVaultLocked } from './vault-lock.js';
import { sendOnce } from './check-fetch.js';
import { whenPermitted } from './when-permitted.js';

/** Each profile's `{accessToken, expiration}`: memory only, the core refuses it near its expiry. */
const tokens = tokenCache();
const RESULT_KEY = 'openscale.results';

async function lookupFor({ profileId, goal }) {
  const profiles = await listProfiles();
  tokens.keepOnly(profiles.map((p) => p.id));
  const profile = profiles.find((p) => p.id === profileId);
  if (!profile) throw { code: 'no-profile', message: 'No such profile.' };
  const now = Math.floor(Date.now() / 1000);
  return { profile, now, token: await tokens.get(profile, now), goal };
}

async function origins(request) {
  return openscaleIdsOrigins(await lookupFor(request));
}

/** `goal.find` is `instances` or `ids`: one result of each kind per profile. */
const resultKey = ({ profileId, goal }) => `${profileId}:${goal.find}`;

async function results() {
  return (await api.storage.session.get(RESULT_KEY))[RESULT_KEY] ?? {};
}

/** Walks the lookup to its end and keeps its result. */
async function run(request) {
  const lookup = await lookupFor(request);
  const patterns = openscaleIdsOrigins(lookup);
  if (!(await api.permissions.contains({ origins: patterns }))) throw { code: 'host-permission', params: { hosts: patterns } };
  let step = openscaleIdsStart(lookup);
  for (;;) {
    if (step.token) {
      await tokens.set(lookup.profile, step.token);
      lookup.token = step.token;
    }
    if (!step.request) break;
    step = openscaleIdsAdvance(lookup, step.stage, await sendOnce(step.request));
  }
  const result = { goal: request.goal, at: Date.now(), found: step.found, failed: step.failed };
  await api.storage.session.set({ [RESULT_KEY]: { ...(await results()), [resultKey(request)]: result } });
  return result;
}

const { start, register } = whenPermitted('openscale', { origins, run });

/**
 * Registered synchronously at the worker's start: a granted permission may wake it, and a lock
 * (the vault's key leaving session storage) forgets every token.
 */
export function registerOpenscaleEvents(ready) {
  register(ready);
  onVaultLocked(() => tokens.clear());
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'openscale.origins': { from: ['extension'], run: origins },
  'openscale.start': { from: ['extension'], run: start },
  /** A provider's addition as it will be sent (secrets masked, no token): shown before the click that sends it. */
  'openscale.preview': { from: ['extension'], run: async (request) => openscaleIdsPreview(await lookupFor(request)) },
  'openscale.result': {
    from: ['extension'],
    run: async ({ profileId, goal }) => (await results())[resultKey({ profileId, goal })] ?? null,
  },
};

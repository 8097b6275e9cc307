// The organisation's managed policy (docs/managed-policy.md): the worker reads `storage.managed`
// as it is and hands it to the core, which reads every key (src/policy/) for each rule that uses
// it. Here only I/O: reading it, re-reading it when it changes, and bringing the stored vault
// settings within it (the lock timer and the key-age badge read them without the core).
import { policyConsoleHosts, policyVaultSettings, readManagedPolicy } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { readConsoleHosts } from '../lib/console-hosts.js';
import { readManagedArea } from '../lib/managed-storage.js';
import { SETTINGS_KEY, readSettings } from '../lib/vault-settings.js';

/** storage.local: the policy the stored settings were last brought within, as JSON text. */
const APPLIED = 'policy.applied';

/** The policy as the browser holds it; `{}` when there is none (lib/managed-storage.js). */
export const readManaged = () => readManagedArea(api.storage.managed);

/**
 * The console hosts a fill may use besides the built-in ones: the organisation's, and the user's when
 * allowed. Without a policy they are the user's as stored, which needs no core: the fill menu, made
 * at every browser start, then starts none (`ready` instantiates it when a policy needs it).
 */
export async function fillHosts(ready = async () => {}) {
  const [policy, users] = await Promise.all([readManaged(), readConsoleHosts()]);
  if (Object.keys(policy).length === 0) return users;
  await ready();
  return policyConsoleHosts(policy, users);
}

/**
 * Brings the stored vault settings within the policy when it changed since the last time (a
 * shorter auto-lock, the organisation's key-age reminder). Cheap when it did not: no core needed.
 * Resolves to whether it changed.
 */
export async function applyPolicy(ready) {
  const policy = await readManaged();
  const text = JSON.stringify(policy);
  if ((await api.storage.local.get(APPLIED))[APPLIED] === text) return false;
  await ready();
  const settings = policyVaultSettings(policy, await readSettings(api.storage.local));
  await api.storage.local.set({ [SETTINGS_KEY]: settings, [APPLIED]: text });
  return true;
}

/**
 * Registered synchronously at the worker's start: the policy is applied at every start (Firefox
 * reads a changed policy only when it restarts) and whenever Chrome reloads it; `changed()` then
 * refreshes what depends on it (the fill menu and badges).
 */
export function registerPolicyEvents(ready, changed) {
  const apply = () => applyPolicy(ready).then((did) => did && changed())
    .catch((e) => console.warn(`policy: ${e?.code ?? e?.message ?? e}`));
  apply();
  api.storage.onChanged.addListener((changes, area) => area === 'managed' && apply());
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  /** Each managed setting as it applies, the keys the organisation set and what could not be read. */
  'policy.view': { from: ['extension'], run: async () => readManagedPolicy(await readManaged()) },
};

// Key checks. The WASM core plans the signed requests and reads the answers; this file only sends
// them: each once, in order, never retried (five failed AK/SK attempts lock a Huawei key for five
// minutes), without cookies, without following redirects. Secrets never leave the worker except
// inside the signed requests themselves (and an IBM API key, in the body to IBM's token service).
//
// A check runs here, not in the popup: asking for a host permission closes the toolbar popup
// behind the browser's prompt, so the popup only starts the check (in the same click that asks),
// and the worker runs it once the permission is granted and records the result on the profile,
// where the popup shows it the next time it opens.
import { diagnoseKeyCheck, keyCheckOrigins, planKeyCheck, presignObjectUrl } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { getProfile } from './profiles.js';
import { applyOperation } from './vault-access.js';
import { sendOnce, utcTimestamp } from './check-fetch.js';
import { whenPermitted } from './when-permitted.js';

/** The host match patterns a check of this profile reaches (the popup asks for them first). */
async function origins({ profileId, bucket }) {
  const profile = await getProfile(profileId);
  return keyCheckOrigins({ profile, bucket: bucket || undefined });
}

async function requireHostPermission(patterns) {
  if (!(await api.permissions.contains({ origins: patterns }))) {
    throw { code: 'host-permission', params: { hosts: patterns } };
  }
}

/** Runs one check and records it on the profile (the core keeps the project ID it finds). */
async function run({ profileId, bucket }) {
  const profile = await getProfile(profileId);
  const check = { profile, timestamp: utcTimestamp(new Date()), bucket: bucket || undefined };
  await requireHostPermission(keyCheckOrigins(check));
  const queue = planKeyCheck(check);
  const results = [];
  while (queue.length) {
    const request = queue.shift();
    const { next, ...diagnosis } = diagnoseKeyCheck(check, request.id, await sendOnce(request));
    results.push(diagnosis);
    if (diagnosis.stop) break;
    queue.push(...next);
  }
  const { document } = await applyOperation({ op: 'recordCheck', id: profileId, bucket: check.bucket, results });
  return document.profiles.find((p) => p.id === profileId).lastCheck;
}

/** Started from the popup's click; see when-permitted.js. Resolves to the check's record. */
const { start, register } = whenPermitted('check', { origins, run });

/** Registered synchronously at the worker's start (a granted permission may wake it). */
export const registerCheckEvents = register;

async function presign({ profileId, bucket, key, expiresIn }) {
  const profile = await getProfile(profileId);
  return presignObjectUrl({ profile, timestamp: utcTimestamp(new Date()), bucket, key, expiresIn: Number(expiresIn) });
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'check.origins': { from: ['extension'], run: origins },
  'check.start': { from: ['extension'], run: start },
  'check.presign': { from: ['extension'], run: presign },
};

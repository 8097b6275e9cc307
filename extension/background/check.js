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
import { send, utcTimestamp } from './check-fetch.js';

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
    const { next, ...diagnosis } = diagnoseKeyCheck(check, request.id, await send(request));
    results.push(diagnosis);
    if (diagnosis.stop) break;
    queue.push(...next);
  }
  const { document } = await applyOperation({ op: 'recordCheck', id: profileId, bucket: check.bucket, results });
  return document.profiles.find((p) => p.id === profileId).lastCheck;
}

const PENDING_KEY = 'check.pending';
/** How long a check waits for the user to answer the permission prompt. */
const PENDING_MS = 2 * 60 * 1000;

/**
 * Starts a check from the popup's click: at once when its hosts are granted, otherwise once the
 * browser's prompt (opened by the same click) is answered. Resolves to the check's record, or to
 * `{waiting: true}` while the prompt is open.
 */
async function start({ profileId, bucket }) {
  if (await api.permissions.contains({ origins: await origins({ profileId, bucket }) })) return run({ profileId, bucket });
  await api.storage.session.set({ [PENDING_KEY]: { profileId, bucket, until: Date.now() + PENDING_MS } });
  return { waiting: true };
}

/** A permission was granted: runs the check that waited for it, if it still may. */
async function runPending() {
  const { [PENDING_KEY]: pending } = await api.storage.session.get(PENDING_KEY);
  if (!pending || pending.until < Date.now()) return;
  if (!(await api.permissions.contains({ origins: await origins(pending) }))) return;
  await api.storage.session.remove(PENDING_KEY);
  await run(pending);
}

/** Registered synchronously at the worker's start (a granted permission may wake it). */
export function registerCheckEvents(ready) {
  api.permissions.onAdded.addListener(() =>
    ready().then(runPending).catch((e) => console.warn(`check: ${e?.code ?? e?.message}`)));
}

async function presign({ profileId, bucket, key, expiresIn }) {
  const profile = await getProfile(profileId);
  return presignObjectUrl({ profile, timestamp: utcTimestamp(new Date()), bucket, key, expiresIn: Number(expiresIn) });
}

export const handlers = {
  'check.origins': { from: ['extension'], run: origins },
  'check.start': { from: ['extension'], run: start },
  'check.presign': { from: ['extension'], run: presign },
};

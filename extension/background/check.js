// Key checks. The WASM core plans the signed requests and reads the answers; this file only sends
// them: each once, in order, never retried (five failed AK/SK attempts lock a Huawei key for five
// minutes), without cookies, without following redirects. Secrets never leave the worker except
// inside the signed requests themselves (and an IBM API key, in the body to IBM's token service).
import { diagnoseKeyCheck, keyCheckOrigins, planKeyCheck, presignObjectUrl } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { getProfile, patchProfile } from './profiles.js';
import { toAnswer, utcTimestamp } from './check-fetch.js';

/** The host match patterns a check of this profile reaches (the popup asks for them first). */
async function origins({ profileId, bucket }) {
  const profile = await getProfile(profileId);
  return keyCheckOrigins({ profile, bucket: bucket || undefined });
}

async function requireHostPermission(patterns) {
  if (!(await api.permissions.contains({ origins: patterns }))) {
    throw { code: 'host-permission', message: `credfill may not reach ${patterns.join(', ')} yet: allow it, then test again.` };
  }
}

async function send(request) {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
    });
    return toAnswer(response, request.method === 'HEAD' ? '' : await response.text());
  } catch {
    return { error: 'network' };
  }
}

/** Runs one check; stores the project ID it finds and a summary (no secret) on the profile. */
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
  const projectId = results.find((r) => r.details.projectId)?.details.projectId;
  const lastCheck = { at: new Date().toISOString(), bucket: check.bucket ?? null, results };
  await patchProfile(profileId, { lastCheck, ...(projectId && { projectId }) });
  return lastCheck;
}

async function presign({ profileId, bucket, key, expiresIn }) {
  const profile = await getProfile(profileId);
  return presignObjectUrl({ profile, timestamp: utcTimestamp(new Date()), bucket, key, expiresIn: Number(expiresIn) });
}

export const handlers = {
  'check.origins': { from: ['extension'], run: origins },
  'check.run': { from: ['extension'], run },
  'check.presign': { from: ['extension'], run: presign },
};

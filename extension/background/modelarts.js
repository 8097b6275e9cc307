// Prepare ModelArts: the core (src/flows/prepare_modelarts.rs) says which request comes next and what
// each answer means; this file only sends. Reads (the storage overview) run after the click that
// asks for the hosts; each write is sent only after its own click, exactly as the popup previewed it,
// once, never retried. What was found and done so far (no secret) is kept per profile in
// storage.session, so a half-done preparation is shown step by step and resumed.
import {
  modelartsOrigins, modelartsOverview, modelartsPlanWrites, modelartsRead, modelartsRequest, modelartsView,
} from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { getProfile } from './profiles.js';
import { sendOnce, utcTimestamp } from './check-fetch.js';
import { whenPermitted } from './when-permitted.js';

const stateKey = (profileId) => `modelarts.state.${profileId}`;

async function prepareOf(profileId) {
  const profile = await getProfile(profileId);
  const key = stateKey(profileId);
  const { [key]: state } = await api.storage.session.get(key);
  return { profile, timestamp: utcTimestamp(new Date()), state: state ?? {} };
}

async function granted(profile) {
  return api.permissions.contains({ origins: modelartsOrigins(profile) });
}

async function requireHostPermission(profile) {
  if (!(await granted(profile))) throw { code: 'host-permission', params: { hosts: modelartsOrigins(profile) } };
}

/**
 * Sends `calls` in order, each once, with what their answers make possible after them (reads only:
 * the core never puts a write in `next`). Stops when the key is wrong, and, for writes, at the first
 * answer that is not a success, so nothing half-done goes unreported.
 */
async function run(profileId, calls, { writes = false } = {}) {
  const prepare = await prepareOf(profileId);
  await requireHostPermission(prepare.profile);
  const queue = [...calls];
  while (queue.length) {
    const call = queue.shift();
    prepare.timestamp = utcTimestamp(new Date());
    const { request, write } = modelartsRequest(prepare, call);
    if (write && !writes) throw { code: 'write-not-previewed' }; // a read never turns into a write
    const read = modelartsRead(prepare, call, await sendOnce(request));
    prepare.state = read.state;
    await api.storage.session.set({ [stateKey(profileId)]: read.state });
    if (read.stop || (writes && read.diagnosis.severity !== 'ok')) break;
    queue.push(...read.next);
  }
  return modelartsView(prepare);
}

async function view({ profileId }) {
  return modelartsView(await prepareOf(profileId));
}

async function origins({ profileId }) {
  return modelartsOrigins(await getProfile(profileId));
}

/** Step 1, from the click that asked for the hosts: at once when granted, else once the prompt is answered. */
const { start: overview, register } = whenPermitted('modelarts', {
  origins,
  run: async ({ profileId }) => run(profileId, modelartsOverview(await prepareOf(profileId))),
});

/** Registered synchronously at the worker's start (a granted permission may wake it). */
export const registerModelArtsEvents = register;

/** The previews of `calls` (or of step 2's writes for `bucket` and `folders`): what a click will send. */
async function preview({ profileId, bucket, folders, calls }) {
  const prepare = await prepareOf(profileId);
  const planned = calls ?? modelartsPlanWrites(prepare, bucket ?? '', folders ?? []);
  return planned.map((call) => ({ call, preview: modelartsRequest(prepare, call).preview }));
}

/** The click on a write: sends the calls the popup previewed (writes only), in order. */
async function write({ profileId, calls }) {
  const prepare = await prepareOf(profileId);
  if (!Array.isArray(calls) || !calls.length || !calls.every((call) => modelartsRequest(prepare, call).write)) {
    throw { code: 'write-not-previewed' };
  }
  return run(profileId, calls, { writes: true });
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'modelarts.origins': { from: ['extension'], run: origins },
  'modelarts.view': { from: ['extension'], run: view },
  'modelarts.overview': { from: ['extension'], run: overview },
  'modelarts.preview': { from: ['extension'], run: preview },
  'modelarts.write': { from: ['extension'], run: write },
};

// The one runner of the core's flows (src/flows/flow.rs): the key check, Prepare ModelArts, the
// OpenScale flows (instances, IDs, adding a provider), a key's rotation (Huawei's AK/SK, IBM's API key) and a temporary key for code. The core plans each request and reads each
// answer into the next turn; this file only sends: each request once, in order, never retried (five
// failed AK/SK attempts lock a Huawei key for five minutes), without cookies, without following
// redirects. Secrets never leave the worker except inside the signed requests themselves (and an IBM
// API key, to IBM IAM's host only: in the body to its token service, and in the `IAM-ApiKey` header of
// IAM Identity's read of the key's own record).
//
// The IAM token an OpenScale flow gets lives in this worker's memory until it expires, the worker
// stops, the vault locks or the profile it was made for changes (token-cache.js): never stored, never
// sent to a page, only inside the core's requests to IBM.
//
// A key the cloud shows once (a rotation's new key, a turn's `newKey`) goes into the vault at once, in
// place of the profile's key (the old one kept as retired, as "Replace" keeps it), and the run's next
// requests are signed with it: never kept in storage.session, never sent to the popup. When a turn
// says when the cloud made the profile's key (`keyCreated`: Test keys and the rotation read the key's
// record), the core records it on the profile: the key-age reminder counts from it.
//
// A short-lived key the cloud issues for code (a turn's `issued`) becomes the snippet the click asked
// for (code.js) and is forgotten: never in the vault, storage.session or a log.
//
// A flow's reads start in the popup's click that also asks for the hosts (when-permitted.js): the
// toolbar popup may close behind the browser's prompt, so they run here once the hosts are granted.
// A write is sent only from its own click, as the popup previewed it (`flow.write`).
//
// Adding a flow: its Rust file (a `Flow`), its kind in src/bindings/flow.rs, and its entry in FLOWS.
import { flowOrigins, flowPreview, flowRead, flowStart, flowView, flowWrite, policyCheckEndpoints } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { readManaged } from './policy.js';
import { temporarySnippet } from './code.js';
import { getProfile, listProfiles } from './profiles.js';
import { applyOperation } from './vault-access.js';
import { sendOnce, utcTimestamp } from './send-once.js';
import { tokenCache } from './token-cache.js';
import { onVaultLocked } from './vault-lock.js';
import { whenPermitted } from './when-permitted.js';

/** Each profile's `{accessToken, expiration}`: memory only, the core refuses it near its expiry. */
const tokens = tokenCache();

/** An OpenScale flow's input: the profile, the clock (s), the token held for it, and the flow's own fields. */
async function ibmInput({ profileId, guid, region, provider }) {
  const profiles = await listProfiles();
  tokens.keepOnly(profiles.map((p) => p.id));
  const profile = profiles.find((p) => p.id === profileId);
  if (!profile) throw { code: 'no-profile', message: 'No such profile.' };
  const now = Math.floor(Date.now() / 1000);
  return { profile, now, token: await tokens.get(profile, now), guid, region, provider };
}

/** An OpenScale flow's result (names and IDs, no secret), kept for the popup to show the next time it opens. */
const lookupResult = (kind) => ({
  input: ibmInput,
  keepsResult: true,
  finish: (request, input, { state, lines }) => ({ found: flowView(kind, input, state), failed: lines[0], at: Date.now() }),
});

/**
 * What each flow adds to the runner: its input from a message (the profile, the clock), whether its
 * state (no secret) is kept between runs in storage.session, and what a run gives the popup.
 */
const FLOWS = {
  'key-check': {
    input: async ({ profileId, bucket }) => ({ profile: await getProfile(profileId), timestamp: utcTimestamp(new Date()), bucket: bucket || undefined }),
    /** The check's record is the profile's, in the vault: the core keeps the project ID it found. */
    finish: async ({ profileId }, input, { lines }) => {
      const { document } = await applyOperation({ op: 'recordCheck', id: profileId, bucket: input.bucket, results: lines });
      return document.profiles.find((p) => p.id === profileId).lastCheck;
    },
  },
  'prepare-modelarts': {
    input: async ({ profileId }) => ({ profile: await getProfile(profileId), timestamp: utcTimestamp(new Date()) }),
    keepsState: true,
    finish: (request, input, { state }) => flowView('prepare-modelarts', input, state),
  },
  'openscale-instances': lookupResult('openscale-instances'),
  'openscale-ids': lookupResult('openscale-ids'),
  'openscale-add-provider': lookupResult('openscale-add-provider'),
  'rotate-key': {
    input: async ({ profileId }) => ({ profile: await getProfile(profileId), timestamp: utcTimestamp(new Date()) }),
    keepsState: true,
    finish: (request, input, { state }) => flowView('rotate-key', input, state),
  },
  // Each run exchanges the profile's key for a fresh token first: after a rotation, the new key's.
  'rotate-ibm-key': {
    input: async ({ profileId }) => ({ profile: await getProfile(profileId) }),
    keepsState: true,
    finish: (request, input, { state }) => flowView('rotate-ibm-key', input, state),
  },
  // Reads the account's ID (an IBM key's record); a click's write then gets the key and gives the page its snippet.
  'temporary-key': {
    input: async ({ profileId }) => ({ profile: await getProfile(profileId), timestamp: utcTimestamp(new Date()) }),
    keepsState: true,
    finish: (request, input, { state, issued }) => (issued ? temporarySnippet(request, input.profile, issued) : flowView('temporary-key', input, state)),
  },
};

function flowOf(kind) {
  if (!Object.hasOwn(FLOWS, kind)) throw { code: 'bad-flow', message: 'No such flow.' };
  return FLOWS[kind];
}

const stateKey = (kind, profileId) => `flow.${kind}.${profileId}`;
const resultKey = (kind, profileId) => `flow.${kind}.${profileId}.result`;

async function keptState(kind, profileId) {
  if (!flowOf(kind).keepsState) return undefined;
  const key = stateKey(kind, profileId);
  return (await api.storage.session.get(key))[key];
}

async function requireHostPermission(patterns) {
  if (!(await api.permissions.contains({ origins: patterns }))) throw { code: 'host-permission', params: { hosts: patterns } };
}

/** Saves `key` in the vault in place of the key it replaces in `profileId`: the profile that now holds it. */
async function saveNewKey(profileId, key) {
  const { document } = await applyOperation({ op: 'import', items: [key], target: profileId, replace: true });
  return document.profiles.find((p) => p.id === profileId);
}

/** Records when the cloud made the profile's key (the core ignores a date of a key the profile no longer holds). */
async function recordKeyCreated(profileId, created) {
  const { document } = await applyOperation({ op: 'keyCreated', id: profileId, ...created });
  return document.profiles.find((p) => p.id === profileId);
}

/** Takes `call` off the click's writes not sent yet: a write not among them is refused. */
function takeApproved(unsent, call) {
  const at = unsent.indexOf(JSON.stringify(call));
  if (at < 0) throw { code: 'write-not-previewed' };
  unsent.splice(at, 1);
}

/**
 * Runs `kind` from its first turn (`begin(input, state)`: `flowStart`, or `flowWrite` for a click's
 * writes) to its end: sends each turn's requests in order, each once, with what their answers make
 * possible after them, and stops when a turn says so. A write goes only if it is one of `approved`,
 * the calls of the click (none for a run of reads), and each of them once; the core checks it too.
 */
async function run(kind, request, begin, approved = []) {
  const flow = flowOf(kind);
  const input = await flow.input(request);
  // A custom endpoint the organisation does not allow: nothing of the profile is sent.
  policyCheckEndpoints(await readManaged(), input.profile);
  await requireHostPermission(flowOrigins(kind, input));
  const keep = async (state) => flow.keepsState && api.storage.session.set({ [stateKey(kind, request.profileId)]: state });
  const unsent = approved.map((call) => JSON.stringify(call));
  const lines = [];
  let issued;
  let turn = begin(input, await keptState(kind, request.profileId));
  let state = turn.state;
  const queue = [];
  for (;;) {
    if (turn.token) {
      await tokens.set(input.profile, turn.token);
      input.token = turn.token;
    }
    turn.send.filter((next) => next.write).forEach((next) => takeApproved(unsent, next.call));
    queue.push(...turn.send);
    if (!queue.length) break;
    const { call, request: sent } = queue.shift();
    turn = flowRead(kind, input, state, call, await sendOnce(sent), approved);
    if (turn.newKey) input.profile = await saveNewKey(request.profileId, turn.newKey);
    if (turn.keyCreated) input.profile = await recordKeyCreated(request.profileId, turn.keyCreated);
    if (turn.issued) issued = turn.issued;
    state = turn.state;
    lines.push(...turn.lines);
    await keep(state);
    if (turn.stop) break;
  }
  const result = await flow.finish(request, input, { state, lines, issued });
  if (flow.keepsResult) await api.storage.session.set({ [resultKey(kind, request.profileId)]: result });
  return result;
}

/** The host match patterns `kind` reaches for this request (the popup asks for them first). */
async function origins({ kind, ...request }) {
  return flowOrigins(kind, await flowOf(kind).input(request));
}

/** Per flow: its reads start at once when the hosts are granted, else once the prompt grants them. */
const KINDS = /** @type {import('../pkg/credfill.js').FlowKind[]} */ (Object.keys(FLOWS));
const started = Object.fromEntries(KINDS.map((kind) => [kind, whenPermitted(kind, {
  origins: (request) => origins({ ...request, kind }),
  run: (request) => run(kind, request, (input, state) => flowStart(kind, input, state)),
})]));

/**
 * Registered synchronously at the worker's start: a granted permission may wake it, and a lock (the
 * vault's key leaving session storage) forgets every token.
 */
export function registerFlowEvents(ready) {
  Object.values(started).forEach(({ register }) => register(ready));
  onVaultLocked(() => tokens.clear());
}

/**
 * The writes a click would send (`ask`: the flow's own, e.g. `{bucket, folders}` or `{calls}`), as the user sees them;
 * refused when the organisation does not allow them (the core checks the click's writes again).
 */
async function preview({ kind, ask, ...request }) {
  const input = await flowOf(kind).input(request);
  return flowPreview(kind, input, await keptState(kind, request.profileId), ask, await readManaged());
}

/** The click on a write: sends the calls the popup previewed (writes only; the core refuses any other), in order. */
async function write({ kind, calls, ...request }) {
  const policy = await readManaged();
  return run(kind, request, (input, state) => flowWrite(kind, input, state, calls, policy), Array.isArray(calls) ? calls : []);
}

/** What the flow's last run gave (a flow that keeps its result), or null. */
async function result({ kind, profileId }) {
  const key = resultKey(kind, profileId);
  return flowOf(kind).keepsResult ? (await api.storage.session.get(key))[key] ?? null : null;
}

/** What the flow's panel shows of what it found so far. */
async function view({ kind, ...request }) {
  const input = await flowOf(kind).input(request);
  return flowView(kind, input, await keptState(kind, request.profileId));
}

export const handlers = {
  'flow.origins': { from: ['extension'], run: origins },
  'flow.start': { from: ['extension'], run: ({ kind, ...request }) => flowOf(kind) && started[kind].start(request) },
  'flow.preview': { from: ['extension'], run: preview },
  'flow.write': { from: ['extension'], run: write },
  'flow.view': { from: ['extension'], run: view },
  'flow.result': { from: ['extension'], run: result },
};

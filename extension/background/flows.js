// The one runner of the core's flows (src/flows/flow.rs): the key check and Prepare ModelArts. The
// core plans each request and reads each answer into the next turn; this file only sends: each
// request once, in order, never retried (five failed AK/SK attempts lock a Huawei key for five
// minutes), without cookies, without following redirects. Secrets never leave the worker except
// inside the signed requests themselves (and an IBM API key, in the body to IBM's token service).
//
// A flow's reads start in the popup's click that also asks for the hosts (when-permitted.js): the
// toolbar popup may close behind the browser's prompt, so they run here once the hosts are granted.
// A write is sent only from its own click, as the popup previewed it (`flow.write`).
//
// Adding a flow: its Rust file (a `Flow`), its kind in src/bindings/flow.rs, and its entry in FLOWS.
import { flowOrigins, flowPreview, flowRead, flowStart, flowView, flowWrite } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { getProfile } from './profiles.js';
import { applyOperation } from './vault-access.js';
import { sendOnce, utcTimestamp } from './send-once.js';
import { whenPermitted } from './when-permitted.js';

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
};

function flowOf(kind) {
  if (!Object.hasOwn(FLOWS, kind)) throw { code: 'bad-flow', message: 'No such flow.' };
  return FLOWS[kind];
}

const stateKey = (kind, profileId) => `flow.${kind}.${profileId}`;

async function keptState(kind, profileId) {
  if (!flowOf(kind).keepsState) return undefined;
  const key = stateKey(kind, profileId);
  return (await api.storage.session.get(key))[key];
}

async function requireHostPermission(patterns) {
  if (!(await api.permissions.contains({ origins: patterns }))) throw { code: 'host-permission', params: { hosts: patterns } };
}

/**
 * Runs `kind` from its first turn (`begin(input, state)`: `flowStart`, or `flowWrite` for a click's
 * writes) to its end: sends each turn's requests in order, each once, with what their answers make
 * possible after them, and stops when a turn says so. Only the first turn of a click holds writes.
 */
async function run(kind, request, begin) {
  const flow = flowOf(kind);
  const input = await flow.input(request);
  await requireHostPermission(flowOrigins(kind, input));
  const keep = async (state) => flow.keepsState && api.storage.session.set({ [stateKey(kind, request.profileId)]: state });
  let { state, send: queue } = begin(input, await keptState(kind, request.profileId));
  const lines = [];
  while (queue.length) {
    const { call, request: sent } = queue.shift();
    const turn = flowRead(kind, input, state, call, await sendOnce(sent));
    state = turn.state;
    lines.push(...turn.lines);
    await keep(state);
    if (turn.stop) break;
    if (turn.send.some((next) => next.write)) throw { code: 'write-not-previewed' }; // a read never turns into a write
    queue.push(...turn.send);
  }
  return flow.finish(request, input, { state, lines });
}

/** The host match patterns `kind` reaches for this request (the popup asks for them first). */
async function origins({ kind, ...request }) {
  return flowOrigins(kind, await flowOf(kind).input(request));
}

/** Per flow: its reads start at once when the hosts are granted, else once the prompt grants them. */
const started = Object.fromEntries(Object.keys(FLOWS).map((kind) => [kind, whenPermitted(kind, {
  origins: (request) => origins({ ...request, kind }),
  run: (request) => run(kind, request, (input, state) => flowStart(kind, input, state)),
})]));

/** Registered synchronously at the worker's start (a granted permission may wake it). */
export const registerFlowEvents = (ready) => Object.values(started).forEach(({ register }) => register(ready));

/** The writes a click would send (`ask`: the flow's own, e.g. `{bucket, folders}` or `{calls}`), as the user sees them. */
async function preview({ kind, ask, ...request }) {
  const input = await flowOf(kind).input(request);
  return flowPreview(kind, input, await keptState(kind, request.profileId), ask ?? {});
}

/** The click on a write: sends the calls the popup previewed (writes only; the core refuses any other), in order. */
async function write({ kind, calls, ...request }) {
  return run(kind, request, (input, state) => flowWrite(kind, input, state, calls));
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
};

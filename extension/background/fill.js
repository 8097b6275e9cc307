// Autofill, on a user gesture only (popup button, keyboard command, context menu): the Rust core
// decides whether the tab is a genuine console and plans which field gets which value; the
// content script (content/collect-fill.js, injected only now) describes fields and types values.
import { frameDecision, matchConsoleWith, planFill } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { readConsoleHosts } from '../lib/console-hosts.js';
import { t } from '../lib/i18n.js';
import { getProfile, listProfiles } from './profiles.js';

const CONTENT_SCRIPT = 'content/collect-fill.js';
/** How long a gesture waits for a form an SPA has not opened yet (a dialog that appears late). */
const LATE_FORM_MS = 5000;
const SETTLE_STEP_MS = 1000;
const PENDING_KEY = 'fill.pending';
const LAST_PROFILE_KEY = 'fill.lastProfile';

const refused = (code, message) => ({ code, message });

/** The console `url` is, built-in or added by the user (`extraHosts`), or null. */
export const consoleOf = (url, extraHosts) => (url ? matchConsoleWith(url, extraHosts) : null);

async function consoleOfTab(tabId) {
  const [tab, extraHosts] = await Promise.all([api.tabs.get(tabId), readConsoleHosts()]);
  // tab.url is visible only for hosts the extension may access: the console hosts.
  return { tab, extraHosts, console: consoleOf(tab.url, extraHosts) };
}

export async function profilesFor(provider) {
  return (await listProfiles()).filter((p) => p.provider === provider);
}

const summary = (profile) => ({ id: profile.id, name: profile.name });

/** Runs `func(...args)` in the tab's frames (all, or `frameIds`); resolves to `[{frameId, result}]`. */
function inFrames(tabId, func, args = [], frameIds) {
  const target = frameIds ? { tabId, frameIds } : { tabId, allFrames: true };
  return api.scripting.executeScript({ target, func, args });
}

/** Fields of every frame the script reached, ids made unique as `frameId:localId`. */
async function collectPage(tabId, topUrl) {
  // As JSON text: one string crosses the process boundary far faster than thousands of small objects.
  const results = await inFrames(tabId, () => globalThis.__credfillFill?.collectJson() ?? null);
  const frames = new Map(results.filter((r) => r.result).map((r) => [r.frameId, JSON.parse(r.result)]));
  const top = frames.get(0);
  if (!top || new URL(top.url).origin !== new URL(topUrl).origin) {
    throw refused('navigated', t('fill_errorNavigated'));
  }
  const fields = [];
  for (const [frameId, frame] of frames) {
    const where = frameId === 0 ? {} : { frameUrl: frame.url, frameSandboxed: frame.sandboxed };
    for (const field of frame.fields) fields.push({ ...field, ...where, id: `${frameId}:${field.id}` });
  }
  return { frames, fields };
}

const frameOf = (fieldId) => Number(fieldId.slice(0, fieldId.indexOf(':')));
const localId = (fieldId) => fieldId.slice(fieldId.indexOf(':') + 1);

/** The cross-origin frame origin the plan waits a confirmation for, as the Rust frame policy names it. */
function originToConfirm(plan, frames, topUrl, extraHosts) {
  const waiting = plan.skipped.find((s) => s.reason === 'frame-needs-confirmation');
  if (!waiting) return null;
  const frame = frames.get(frameOf(waiting.fieldId));
  const decision = frameDecision(topUrl, frame.url, frame.sandboxed, extraHosts);
  return decision.decision === 'confirm' ? decision.origin : null;
}

/** Collects (waiting a bounded time for a late form), then plans in Rust. */
async function collectAndPlan(tabId, topUrl, profile, confirmedFrameOrigin, extraHosts) {
  const deadline = Date.now() + LATE_FORM_MS;
  const input = { url: topUrl, topUrl, profile, confirmedFrameOrigin, extraHosts };
  for (;;) {
    const { frames, fields } = await collectPage(tabId, topUrl);
    const plan = planFill({ ...input, fields });
    const confirmOrigin = originToConfirm(plan, frames, topUrl, extraHosts);
    const left = deadline - Date.now();
    // A form is there once the plan fills or misses something; until then the SPA may still open it.
    const formFound = plan.fills.length || plan.missing.length || confirmOrigin;
    if (plan.refused || formFound || left <= 0) return { plan, frames, confirmOrigin };
    await inFrames(tabId, (ms) => globalThis.__credfillFill?.settle(ms), [Math.min(left, SETTLE_STEP_MS)], [0]);
  }
}

/** Types the planned values, frame by frame; returns the content script's own skips (field changed meanwhile). */
async function applyPlan(tabId, fills) {
  const byFrame = Map.groupBy(fills, (f) => frameOf(f.fieldId));
  const late = [];
  for (const [frameId, frameFills] of byFrame) {
    const values = frameFills.map((f) => ({ id: localId(f.fieldId), value: f.value }));
    const [reply] = await inFrames(tabId, (v) => globalThis.__credfillFill.apply(v), [values], [frameId]);
    for (const s of reply?.result?.skipped ?? []) late.push({ fieldId: `${frameId}:${s.id}`, reason: s.reason });
  }
  return late;
}

/**
 * One fill of the tab. Resolves to `{status}`: 'choose-profile' {profiles}, 'no-profile', 'refused'
 * {code, message}, 'confirm-frame' {origin, profileId}, or 'filled' {console, profile, filled, skipped, missing}.
 * Never carries a secret: slots and reasons only.
 */
export async function runFill({ tabId, profileId, confirmedFrameOrigin }) {
  const { tab, extraHosts, console: site } = await consoleOfTab(tabId);
  if (!site) return { status: 'refused', ...refused('not-a-console', t('fill_notConsole')) };
  let profile;
  if (profileId) profile = await getProfile(profileId);
  else {
    const candidates = await profilesFor(site.provider);
    if (!candidates.length) return { status: 'no-profile', console: site };
    if (candidates.length > 1) return { status: 'choose-profile', console: site, profiles: candidates.map(summary) };
    [profile] = candidates;
  }

  await api.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
  const { plan, confirmOrigin } = await collectAndPlan(tabId, tab.url, profile, confirmedFrameOrigin, extraHosts);
  if (plan.refused) return { status: 'refused', code: plan.refused.code, message: plan.refused.message };
  if (confirmOrigin) return { status: 'confirm-frame', origin: confirmOrigin, profileId: profile.id, console: site };

  const late = await applyPlan(tabId, plan.fills);
  const lateIds = new Set(late.map((s) => s.fieldId));
  const slotOf = new Map(plan.fills.map((f) => [f.fieldId, f.slot]));
  await api.storage.session.set({ [LAST_PROFILE_KEY]: { ...(await lastProfiles()), [site.provider]: profile.id } });
  return {
    status: 'filled',
    console: site,
    profile: summary(profile),
    filled: plan.fills.filter((f) => !lateIds.has(f.fieldId)).map((f) => f.slot),
    skipped: [
      ...plan.skipped.map((s) => ({ slot: s.slot, reason: s.reason })),
      ...late.map((s) => ({ slot: slotOf.get(s.fieldId), reason: s.reason })),
    ],
    missing: plan.missing,
  };
}

/** The profile each provider was last filled with (what the keyboard command reuses). */
export async function lastProfiles() {
  return (await api.storage.session.get(LAST_PROFILE_KEY))[LAST_PROFILE_KEY] ?? {};
}

/** Marks `tabId` as waiting for the popup: a gesture without UI (shortcut, menu) needs a choice made there. */
export async function markPending(tabId) {
  await api.storage.session.set({ [PENDING_KEY]: tabId });
}

async function takePending(tabId) {
  const pending = (await api.storage.session.get(PENDING_KEY))[PENDING_KEY];
  if (pending !== tabId) return false;
  await api.storage.session.remove(PENDING_KEY);
  return true;
}

export const handlers = {
  /** What the popup shows before the user acts: the console (if any) and the profiles that fit it. */
  'fill.status': {
    from: ['extension'],
    run: async ({ tabId }) => {
      const { console: site } = await consoleOfTab(tabId);
      const profiles = site ? (await profilesFor(site.provider)).map(summary) : [];
      return { console: site, profiles, resume: await takePending(tabId) };
    },
  },
  'fill.run': {
    from: ['extension'],
    run: ({ tabId, profileId, confirmedFrameOrigin }) => runFill({ tabId, profileId, confirmedFrameOrigin }),
  },
};

// Autofill, on a user gesture only (popup button, keyboard command, context menu): the Rust core
// decides whether the tab is a genuine console and plans which field gets which value; the
// content script (content/collect-fill.js, injected only now) describes fields and types values.
import { frameDecision, matchConsole, planFill } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { t } from '../lib/i18n.js';
import { getProfile, listProfiles } from './profiles.js';
import { slotValues } from './fill-values.js';

const CONTENT_SCRIPT = 'content/collect-fill.js';
const MENU_ID = 'credfill-fill';
const COMMAND = 'fill-page';
/** How long a gesture waits for a form an SPA has not opened yet (a dialog that appears late). */
const LATE_FORM_MS = 5000;
const SETTLE_STEP_MS = 1000;
const PENDING_KEY = 'fill.pending';
const LAST_PROFILE_KEY = 'fill.lastProfile';

const refused = (code, message) => ({ code, message });

async function consoleOfTab(tabId) {
  const tab = await api.tabs.get(tabId);
  // tab.url is visible only for hosts the extension may access: the console hosts.
  return { tab, console: tab.url ? matchConsole(tab.url) : null };
}

async function profilesFor(provider) {
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
function originToConfirm(plan, frames, topUrl) {
  const waiting = plan.skipped.find((s) => s.reason === 'frame-needs-confirmation');
  if (!waiting) return null;
  const frame = frames.get(frameOf(waiting.fieldId));
  const decision = frameDecision(topUrl, frame.url, frame.sandboxed, undefined);
  return decision.decision === 'confirm' ? decision.origin : null;
}

/** Collects (waiting a bounded time for a late form), then plans in Rust. */
async function collectAndPlan(tabId, topUrl, profile, confirmedFrameOrigin) {
  const deadline = Date.now() + LATE_FORM_MS;
  const input = { url: topUrl, topUrl, profile: { provider: profile.provider, values: slotValues(profile) }, confirmedFrameOrigin };
  for (;;) {
    const { frames, fields } = await collectPage(tabId, topUrl);
    const plan = planFill({ ...input, fields });
    const confirmOrigin = originToConfirm(plan, frames, topUrl);
    const left = deadline - Date.now();
    if (plan.refused || plan.fills.length || confirmOrigin || left <= 0) return { plan, frames, confirmOrigin };
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
  const { tab, console: site } = await consoleOfTab(tabId);
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
  const { plan, confirmOrigin } = await collectAndPlan(tabId, tab.url, profile, confirmedFrameOrigin);
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

async function lastProfiles() {
  return (await api.storage.session.get(LAST_PROFILE_KEY))[LAST_PROFILE_KEY] ?? {};
}

/**
 * The keyboard command and the context menu: no UI of their own, so a choice they cannot make
 * (several profiles and none used before, a cross-origin frame) is handed to the popup.
 */
export async function fillFromGesture(tab) {
  let result = await runFill({ tabId: tab.id });
  if (result.status === 'choose-profile') {
    const last = (await lastProfiles())[result.console.provider];
    if (result.profiles.some((p) => p.id === last)) result = await runFill({ tabId: tab.id, profileId: last });
  }
  if (result.status === 'choose-profile' || result.status === 'confirm-frame') await askInPopup(tab);
  return result;
}

/** Opens the popup for `tab`, which resumes the fill there (popup/fill.js reads the pending marker). */
async function askInPopup(tab) {
  await api.storage.session.set({ [PENDING_KEY]: tab.id });
  try {
    await api.action.openPopup();
  } catch {
    // openPopup needs a focused window (and is refused in some contexts): a small window instead.
    await api.windows.create({ url: api.runtime.getURL(`popup.html?tab=${tab.id}`), type: 'popup', width: 400, height: 600 });
  }
}

async function takePending(tabId) {
  const pending = (await api.storage.session.get(PENDING_KEY))[PENDING_KEY];
  if (pending !== tabId) return false;
  await api.storage.session.remove(PENDING_KEY);
  return true;
}

/** Badge: the tab is a known console and a profile of its provider exists. */
async function updateBadge(tabId, url) {
  const site = url ? matchConsole(url) : null;
  const ready = site && (await profilesFor(site.provider)).length > 0;
  await api.action.setBadgeText({ tabId, text: ready ? t('fill_badge') : '' });
  await api.action.setTitle({ tabId, title: ready ? t('fill_badgeTitle', [site.host]) : t('extName') });
}

async function updateActiveBadges() {
  for (const tab of await api.tabs.query({ active: true })) await updateBadge(tab.id, tab.url);
}

async function createMenu() {
  await api.contextMenus.removeAll();
  const patterns = api.runtime.getManifest().host_permissions.filter((p) => p.startsWith('https://'));
  api.contextMenus.create({ id: MENU_ID, title: t('fill_menu'), contexts: ['editable'], documentUrlPatterns: patterns });
}

/** Browser events; registered synchronously at the worker's start. `ready` is the WASM init promise. */
export function registerFillEvents(ready) {
  const after = (fn) => (...args) => {
    ready.then(() => fn(...args)).catch((e) => console.warn('credfill fill:', e?.code ?? e?.message ?? e));
  };
  api.runtime.onInstalled.addListener(after(createMenu));
  api.runtime.onStartup.addListener(after(createMenu));
  api.contextMenus.onClicked.addListener(after((info, tab) => info.menuItemId === MENU_ID && tab && fillFromGesture(tab)));
  api.commands.onCommand.addListener(after(async (command, tab) => {
    if (command !== COMMAND) return;
    const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
    if (target) await fillFromGesture(target);
  }));
  api.tabs.onUpdated.addListener(after((tabId, change, tab) => (change.url || change.status) && updateBadge(tabId, tab.url)));
  api.tabs.onActivated.addListener(after(async ({ tabId }) => updateBadge(tabId, (await api.tabs.get(tabId)).url)));
  api.storage.onChanged.addListener(after((changes, area) => area === 'session' && changes.profiles && updateActiveBadges()));
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

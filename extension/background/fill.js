// Autofill, on a user gesture only (popup button, keyboard command, context menu): the Rust core
// decides whether the tab is a genuine console and plans which field gets which value; the
// content script (content/collect-fill.js, injected only now) describes fields and types values.
import { fillReport, matchConsoleWith, planFill } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { t } from '../lib/i18n.js';
import { words } from '../lib/words.js';
import { pendingFor, pendingMatches } from './fill-pending.js';
import { fillHosts } from './policy.js';
import { getProfile, listProfiles } from './profiles.js';

const CONTENT_SCRIPT = 'content/collect-fill.js';
/** How long a gesture waits for a form an SPA has not opened yet (a dialog that appears late). */
const LATE_FORM_MS = 5000;
const SETTLE_STEP_MS = 1000;
const PENDING_KEY = 'fill.pending';
const LAST_PROFILE_KEY = 'fill.lastProfile';
/**
 * Tabs with a fill under way. One at a time per tab: a second gesture (the shortcut pressed twice)
 * would collect while the first applies, so its ids could point at other fields.
 */
const fillingTabs = new Set();

const refused = (code, message) => ({ code, message });

/** The console `url` is, built-in or added by the organisation or the user (`extraHosts`), or null. */
export const consoleOf = (url, extraHosts) => (url ? matchConsoleWith(url, extraHosts) : null);

async function consoleOfTab(tabId) {
  const [tab, extraHosts] = await Promise.all([api.tabs.get(tabId), fillHosts()]);
  // tab.url is visible only for hosts the extension may access: the console hosts.
  return { tab, extraHosts, console: consoleOf(tab.url, extraHosts) };
}

export async function profilesFor(provider) {
  return (await listProfiles()).filter((p) => p.provider === provider);
}

const summary = (profile) => ({ id: profile.id, name: profile.name });

/**
 * The frames the script reached, each `{frameId, fields}` with its fields as the JSON text the
 * script wrote: the core reads it (`planFill`), the worker never parses thousands of fields.
 * `documents` maps frameId to where apply() must go: the document, by the `documentId` the browser
 * gives (Chromium 106+ and Firefox 153 both do, checked here;
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#type-InjectionResult), and
 * the origin it was collected at. A browser without document ids gets the frame id, and the
 * content script's nonce and origin check stand alone.
 */
async function collectPage(tabId, topUrl, nonce) {
  // The script's instance is read as an own property: a page element with its id cannot stand in (see the script).
  const results = await api.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: (n) => (Object.hasOwn(globalThis, '__credfillFill') ? globalThis.__credfillFill.collectJson(n) : null),
    args: [nonce],
  });
  const documents = new Map();
  const frames = [];
  for (const { frameId, documentId, result } of results) {
    if (!result) continue;
    documents.set(frameId, { documentId, origin: originOf(result.url) });
    frames.push({ frameId, fields: result.fields });
  }
  const top = documents.get(0);
  if (!top || top.origin !== new URL(topUrl).origin) throw refused('navigated', t('fill_error_navigated'));
  return { documents, frames };
}

const originOf = (url) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
};

const frameOf = (fieldId) => Number(fieldId.slice(0, fieldId.indexOf(':')));
const localId = (fieldId) => fieldId.slice(fieldId.indexOf(':') + 1);

/** Collects (waiting a bounded time for a late form), then plans in Rust. */
async function collectAndPlan(tabId, topUrl, profile, { confirmedFrameOrigin, chosen }, extraHosts) {
  const deadline = Date.now() + LATE_FORM_MS;
  // `chosen`: IDs the user sent from the OpenScale IDs panel (never secrets: the core ignores those).
  const input = { topUrl, profile, confirmedFrameOrigin, extraHosts, ...(chosen ? { chosen } : {}) };
  for (;;) {
    const nonce = crypto.randomUUID();
    const { documents, frames } = await collectPage(tabId, topUrl, nonce);
    const plan = await planVisible(tabId, { ...input, frames }, documents, nonce);
    const left = deadline - Date.now();
    // A form is there once the plan fills or misses something; until then the SPA may still open it.
    const formFound = plan.fills.length || plan.missing.length || plan.confirmFrame;
    if (plan.refused || formFound || left <= 0) return { plan, documents, nonce };
    await api.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: (ms) => (Object.hasOwn(globalThis, '__credfillFill') ? globalThis.__credfillFill.settle(ms) : null),
      args: [Math.min(left, SETTLE_STEP_MS)],
    });
  }
}

/**
 * Plans until every field the plan uses is one a user can see. The collect only knows which fields
 * are shown at all (see the content script's `isShown`); the full check (scrolled into view,
 * topmost at its centre) runs on the fields the plan picked, and a hidden one is planned again
 * without: a covered decoy then never takes a slot from the real field. Each round rules out at
 * least one field, so this ends.
 */
async function planVisible(tabId, input, documents, nonce) {
  const hidden = [];
  for (;;) {
    const plan = planFill({ ...input, hidden });
    const picked = [...plan.fills, ...plan.skipped.filter((s) => s.reason === 'caption-is-page-text')]
      .map((f) => f.fieldId);
    const found = await hiddenFields(tabId, picked, documents, nonce);
    if (!found.length) return plan;
    hidden.push(...found);
  }
}

/** Which of `fieldIds` their frame's content script finds hidden, asked of the very documents collected. */
async function hiddenFields(tabId, fieldIds, documents, nonce) {
  const hidden = [];
  for (const [frameId, ids] of Map.groupBy(fieldIds, frameOf)) {
    const { documentId } = documents.get(frameId);
    const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
    const [reply] = await api.scripting.executeScript({
      target,
      func: (n, local) => (Object.hasOwn(globalThis, '__credfillFill') ? globalThis.__credfillFill.hiddenAmong(n, local) : null),
      args: [nonce, ids.map(localId)],
    }).catch(() => []);
    // A frame gone or collected again answers null: apply() reports its fields as navigated.
    for (const id of reply?.result ?? []) hidden.push(`${frameId}:${id}`);
  }
  return hidden;
}

/**
 * Types the planned values, frame by frame, into the very documents collected (see collectPage);
 * returns the fills not made, with why: the field changed meanwhile, or its frame navigated away.
 */
async function applyPlan(tabId, fills, documents, nonce) {
  const byFrame = Map.groupBy(fills, (f) => frameOf(f.fieldId));
  const late = [];
  for (const [frameId, frameFills] of byFrame) {
    const { documentId, origin } = documents.get(frameId);
    const values = frameFills.map((f) => ({ id: localId(f.fieldId), value: f.value }));
    const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
    let reply;
    try {
      [reply] = await api.scripting.executeScript({
        target,
        func: (n, o, v) => (Object.hasOwn(globalThis, '__credfillFill') ? globalThis.__credfillFill.apply(n, o, v) : { refused: 'navigated' }),
        args: [nonce, origin, values],
      });
    } catch {
      reply = null; // the pinned document is gone
    }
    const result = reply?.result;
    if (!result || result.refused) {
      for (const f of frameFills) late.push({ fieldId: f.fieldId, reason: 'navigated' });
      continue;
    }
    for (const s of result.skipped) late.push({ fieldId: `${frameId}:${s.id}`, reason: s.reason });
  }
  return late;
}

/**
 * One fill of the tab. Resolves to `{status}`: 'choose-profile' {profiles}, 'no-profile', 'refused'
 * {code, message}, or 'filled' {console, profile, filled, skipped, missing} (the core's fill report:
 * slots with the page's labels, reasons); 'confirm-frame' {origin, profileId} carries the same as
 * 'filled' (what was filled meanwhile) plus the frame to ask about. Never carries a secret.
 * @typedef {{ tabId: number, profileId?: string, confirmedFrameOrigin?: string, chosen?: Record<string, string> }} FillRequest
 * @typedef {{ status: 'filled' | 'confirm-frame' | 'refused' | 'no-profile' | 'choose-profile',
 *   console?: import('../pkg/credfill.js').ConsoleMatch, profile?: ReturnType<typeof summary>,
 *   profiles?: ReturnType<typeof summary>[], code?: string, message?: string, origin?: string, profileId?: string,
 * } & Partial<import('../pkg/credfill.js').FillReport>} FillOutcome
 * @param {FillRequest} request
 * @returns {Promise<FillOutcome>}
 */
export async function runFill({ tabId, profileId, confirmedFrameOrigin, chosen }) {
  if (fillingTabs.has(tabId)) return { status: 'refused', ...refused('fill-busy', t('fill_busy')) };
  fillingTabs.add(tabId);
  try {
    return await fillTab({ tabId, profileId, confirmedFrameOrigin, chosen });
  } finally {
    fillingTabs.delete(tabId);
  }
}

/**
 * @param {FillRequest} request
 * @returns {Promise<FillOutcome>}
 */
async function fillTab({ tabId, profileId, confirmedFrameOrigin, chosen }) {
  const { tab, extraHosts, console: site } = await consoleOfTab(tabId);
  if (!site) return { status: 'refused', ...refused('not-a-console', t('fill_not_console')) };
  let profile;
  if (profileId) profile = await getProfile(profileId);
  else {
    const candidates = await profilesFor(site.provider);
    if (!candidates.length) return { status: 'no-profile', console: site };
    if (candidates.length > 1) return { status: 'choose-profile', console: site, profiles: candidates.map(summary) };
    [profile] = candidates;
  }

  await api.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
  const { plan, documents, nonce } = await collectAndPlan(tabId, tab.url, profile, { confirmedFrameOrigin, chosen }, extraHosts);
  if (plan.refused) return { status: 'refused', code: plan.refused.code, message: words(t, 'fill_refusal', plan.refused) };

  // The frames allowed are filled now; a cross-origin frame the plan asks about never holds them up.
  const late = await applyPlan(tabId, plan.fills, documents, nonce);
  await api.storage.session.set({ [LAST_PROFILE_KEY]: { ...(await lastProfiles()), [site.provider]: profile.id } });
  const fills = plan.fills.map(({ value, ...fill }) => fill); // the report needs no value back
  /** @type {FillOutcome} */
  const outcome = {
    status: 'filled',
    console: site,
    profile: summary(profile),
    ...fillReport({ fills, skipped: plan.skipped, missing: plan.missing, late }),
  };
  if (plan.confirmFrame) return { ...outcome, status: 'confirm-frame', origin: plan.confirmFrame, profileId: profile.id };
  return outcome;
}

/** The profile each provider was last filled with (what the keyboard command reuses). */
export async function lastProfiles() {
  return (await api.storage.session.get(LAST_PROFILE_KEY))[LAST_PROFILE_KEY] ?? {};
}

/** Marks `tab` as waiting for the popup: a gesture without UI needs a choice made there (see fill-pending.js). */
export async function markPending(tab) {
  await api.storage.session.set({ [PENDING_KEY]: pendingFor(tab, Date.now()) });
}

/** Whether a gesture on `tab` left its fill for the popup (see fill-pending.js). */
async function pendingOn(tab) {
  return pendingMatches((await api.storage.session.get(PENDING_KEY))[PENDING_KEY], tab, Date.now());
}

/**
 * Whether the popup for `tab` resumes a gesture's fill; a matching marker is used once. A popup for
 * another tab leaves it (it expires on its own): the shortcut's own popup may have asked first.
 */
async function takePending(tab) {
  if (!(await pendingOn(tab))) return false;
  await api.storage.session.remove(PENDING_KEY);
  return true;
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  /** What the popup shows before the user acts: the console (if any) and the profiles that fit it. */
  'fill.status': {
    from: ['extension'],
    run: async ({ tabId }) => {
      const { tab, console: site } = await consoleOfTab(tabId);
      let profiles;
      try {
        profiles = site ? (await profilesFor(site.provider)).map(summary) : [];
      } catch (e) {
        if (e?.code !== 'locked' && e?.code !== 'no-vault') throw e;
        // The marker stays for the popup that unlocks: it says the gesture's fill waits for that.
        return { console: site, locked: e.code, waiting: await pendingOn(tab) };
      }
      return { console: site, profiles, resume: await takePending(tab) };
    },
  },
  'fill.run': {
    from: ['extension'],
    run: ({ tabId, profileId, confirmedFrameOrigin, chosen }) => runFill({ tabId, profileId, confirmedFrameOrigin, chosen }),
  },
};

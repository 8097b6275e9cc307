// The pending-fill marker: a gesture without UI (shortcut, context menu) that needs a choice made in
// the popup (several profiles, a frame to confirm) leaves it for the popup to resume the fill. It is
// bound to the page the gesture was made on, and short-lived: a popup opened later, or after the tab
// went elsewhere, does not fill on a gesture the user made for another page.

/** The popup must open within this after the gesture that needs it. */
export const PENDING_TTL_MS = 30_000;

/** The marker for a gesture on `tab` at `now` (ms since the epoch). */
export const pendingFor = (tab, now) => ({ tabId: tab.id, url: tab.url, at: now });

/** Whether `pending` (a marker, or anything storage held) resumes a fill of `tab` at `now`. */
export function pendingMatches(pending, tab, now) {
  if (!pending || typeof pending !== 'object') return false;
  const age = now - pending.at;
  return pending.tabId === tab.id && typeof tab.url === 'string' && pending.url === tab.url && age >= 0 && age < PENDING_TTL_MS;
}

// What the toolbar badges count, from non-secret notes the worker keeps (background/vault-badge.js).
// Keys past their age must show while the vault is locked, so the worker keeps, in storage.local,
// only the date each long-lived key's age runs from (no names, no key material) and counts here
// against the current setting. A console tab's badge needs only the number of profiles per provider.

export const KEY_DATES = 'vault.keyDates';
const DAY_MS = 24 * 60 * 60 * 1000;

/** How many keys dated `keyDates` (ms) are older than `maxAgeDays` at `nowMs`. */
export function staleCount(keyDates, nowMs, maxAgeDays) {
  return (keyDates ?? []).filter((since) => nowMs - since > maxAgeDays * DAY_MS).length;
}

/**
 * The dates to keep, from the core's key-age answers (`{ageDays, temporary}` per profile, at
 * `nowMs`): temporary credentials expire by themselves and are not counted; the day resolution of
 * `ageDays` is plenty for a reminder counted in weeks.
 */
export function keyDates(ages, nowMs) {
  return ages.filter((a) => !a.temporary && a.ageDays != null).map((a) => nowMs - a.ageDays * DAY_MS);
}

/** `{provider: number of profiles}`: all the console badge needs to know, with no name or key. */
export function profileCounts(profiles) {
  const counts = {};
  for (const { provider } of profiles) if (typeof provider === 'string') counts[provider] = (counts[provider] ?? 0) + 1;
  return counts;
}

export function badgeText(count) {
  return count > 0 ? String(count) : '';
}

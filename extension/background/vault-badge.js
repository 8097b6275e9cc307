// The toolbar badges never open the vault: they read what was noted, without names or key material,
// each time the vault was opened or changed. Opening the vault for a badge would also be no user
// action, and a badge follows tab events a page can cause (see vault-lock.js).
// - How many keys are past the configured age: key dates in storage.local, shown even while locked.
// - Whether a console tab has a profile of its provider: counts per provider in storage.session,
//   read only while the vault is unlocked.
import { api } from '../lib/browser.js';
import { KEY_DATES, badgeText, keyDates, profileCounts, staleCount } from '../lib/key-age-badge.js';
import { readSettings } from '../lib/vault-settings.js';
import { phrase } from '../lib/words.js';
import { documentView } from '../pkg/credfill.js';
import { lockDeadline } from './vault-lock.js';

export const KEY_AGE_ALARM = 'vault-key-age';
export const PROFILE_COUNTS = 'vault.profileCounts';

/** Notes the key dates and the profiles per provider of the vault `document` (open), and updates the badges. */
export async function noteProfiles(document) {
  const now = Date.now();
  const { maxKeyAgeDays } = await readSettings(api.storage.local);
  const { profiles } = documentView(document, now, maxKeyAgeDays);
  const ages = profiles.map((p) => p.keyAge);
  await api.storage.session.set({ [PROFILE_COUNTS]: profileCounts(profiles) });
  await api.storage.local.set({ [KEY_DATES]: keyDates(ages, now) });
  await refreshBadge();
}

/** How many profiles of `provider` the vault holds; 0 while it is locked. Neither opens the vault nor is activity. */
export async function profileCount(provider) {
  if (!(await lockDeadline())) return 0;
  const { [PROFILE_COUNTS]: counts } = await api.storage.session.get(PROFILE_COUNTS);
  return counts?.[provider] ?? 0;
}

export async function refreshBadge() {
  const { [KEY_DATES]: dates } = await api.storage.local.get(KEY_DATES);
  const { maxKeyAgeDays } = await readSettings(api.storage.local);
  const count = staleCount(dates, Date.now(), maxKeyAgeDays);
  await api.action.setBadgeBackgroundColor({ color: '#c62828' });
  await api.action.setBadgeText({ text: badgeText(count) });
  await api.action.setTitle({ title: phrase((key) => api.i18n.getMessage(key), count ? 'vault_badge_title' : 'ext_name', { count }) });
}

/** Keys age while nobody uses the extension: look again twice a day. */
export async function watchKeyAges() {
  if (!(await api.alarms.get(KEY_AGE_ALARM))) await api.alarms.create(KEY_AGE_ALARM, { periodInMinutes: 12 * 60 });
}

// The toolbar badge: how many keys are past the configured age, shown even while the vault is locked.
import { api } from '../lib/browser.js';
import { KEY_DATES, badgeText, keyDates, staleCount } from '../lib/key-age-badge.js';
import { readSettings } from '../lib/vault-settings.js';
import { documentView } from '../pkg/credfill.js';

export const KEY_AGE_ALARM = 'vault-key-age';

/** Notes the key dates of the vault `document` (open) and updates the badge. */
export async function noteKeyAges(document) {
  const now = Date.now();
  const { maxKeyAgeDays } = await readSettings(api.storage.local);
  const ages = documentView(document, now, maxKeyAgeDays).profiles.map((p) => p.keyAge);
  await api.storage.local.set({ [KEY_DATES]: keyDates(ages, now) });
  await refreshBadge();
}

export async function refreshBadge() {
  const { [KEY_DATES]: dates } = await api.storage.local.get(KEY_DATES);
  const { maxKeyAgeDays } = await readSettings(api.storage.local);
  const count = staleCount(dates, Date.now(), maxKeyAgeDays);
  await api.action.setBadgeBackgroundColor({ color: '#c62828' });
  await api.action.setBadgeText({ text: badgeText(count) });
  await api.action.setTitle({ title: api.i18n.getMessage(count ? 'vault_badgeTitle' : 'extName', [String(count)]) });
}

/** Keys age while nobody uses the extension: look again twice a day. */
export async function watchKeyAges() {
  if (!(await api.alarms.get(KEY_AGE_ALARM))) await api.alarms.create(KEY_AGE_ALARM, { periodInMinutes: 12 * 60 });
}

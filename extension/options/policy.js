// The options page's "Set by your organisation": each setting the organisation's managed policy
// sets, as the core read it (background/policy.js, src/policy/), and what it could not read, with
// the stricter choice taken instead. Shown only when there is a policy.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { providerLabel } from '../lib/providers.js';
import { localeKey, phrase, words } from '../lib/words.js';

const allowed = (yes) => t(yes ? 'managed_allowed' : 'managed_not_allowed');
const list = (items) => (items.length ? items.join(t('list_separator')) : t('managed_none'));

/** Each key's value as the policy applies it, in words. */
const VALUE = {
  consoleHosts: (p) => list(p.consoleHosts.map(({ host, provider }) => phrase(t, 'managed_host_value', { host, provider: providerLabel(t, provider) }))),
  allowUserConsoleHosts: (p) => allowed(p.allowUserConsoleHosts),
  maxAutoLockMinutes: (p) => String(p.maxAutoLockMinutes),
  keyAgeReminderDays: (p) => String(p.keyAgeReminderDays),
  kdfFloor: ({ kdfFloor: { mKib, t: passes, p: lanes } }) => phrase(t, 'managed_kdf_value', { memory: mKib, passes, lanes }),
  allowCopyWithSecret: (p) => allowed(p.allowCopyWithSecret),
  allowDownload: (p) => allowed(p.allowDownload),
  allowCustomEndpoints: (p) => allowed(p.allowCustomEndpoints),
  allowedEndpointOrigins: (p) => list(p.allowedEndpointOrigins ?? []),
  allowedWrites: (p) => list(Object.entries(p.allowedWrites).map(([what, yes]) =>
    phrase(t, 'managed_write_value', { what: t(localeKey('managed_what', what)), allowed: allowed(yes) }))),
};

/** @param {HTMLElement} section @param {import('../pkg/credfill.js').ManagedPolicy | null} policy */
export function mountManagedPolicy(section, policy) {
  if (!policy || (!policy.managed.length && !policy.problems.length)) {
    section.hidden = true;
    return;
  }
  const rows = policy.managed.map((key) => el('div', { class: 'managed-setting', 'data-key': key },
    el('dt', {}, t(localeKey('managed_key', key))), el('dd', {}, VALUE[key](policy))));
  const problems = policy.problems.length ? [el('h3', {}, t('managed_problems_heading')),
    el('ul', { id: 'managed-problems' }, policy.problems.map((problem) =>
      el('li', { class: 'warning', 'data-code': problem.code }, words(t, 'managed_problem', problem))))] : [];
  section.hidden = false;
  section.replaceChildren(el('h2', {}, t('managed_heading')), el('p', { class: 'muted' }, t('managed_intro')),
    el('dl', { id: 'managed-settings' }, rows), ...problems);
}

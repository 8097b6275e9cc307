// The popup's key-check section: a "Test keys" button per profile with the diagnosis in plain words,
// and a presigned-URL generator for one OBS / S3 object. One click does it all: the click starts the
// check in the worker and asks for the host permissions it needs (browsers grant them only in answer
// to a gesture). The toolbar popup closes behind the browser's prompt; the worker runs the check once
// the permission is granted and records it on the profile, shown here the next time.
import { t } from '../lib/i18n.js';
import { providerLabel } from '../lib/providers.js';
import { ask } from '../lib/messages.js';
import { coded, errorWords, localeKey, words } from '../lib/words.js';
import { hostAccess } from './host-access.js';
import { el } from '../lib/dom.js';

const EXPIRIES = [[900, 'check_expiry15m'], [3600, 'check_expiry1h'], [86400, 'check_expiry1d'], [604800, 'check_expiry7d']];

/** Which service a line is about: two lines may say the same thing of two services. */
const serviceOf = (step, bucket) => t(localeKey('check_step', step.replace('.', '_')), [bucket ?? '']);

function renderResults(list, outcome) {
  list.replaceChildren(...outcome.results.map((r) =>
    el('li', { class: `check-result ${r.severity}`, 'data-step': r.step, 'data-status': r.status, 'data-severity': r.severity },
      el('span', { class: 'check-service' }, serviceOf(r.step, outcome.bucket)), ' ',
      el('strong', {}, t(localeKey('check_status', r.status))), ' ', r.code ? words(t, 'check', r) : '')));
}

/** The check the worker recorded since `previousAt`, if it has (see host-access.js `start`). */
async function recordedAfter(profileId, previousAt) {
  const { profiles } = await ask('profiles.view');
  const check = profiles.find((p) => p.id === profileId)?.lastCheck;
  return check && check.at !== previousAt ? check : null;
}

/** `objectStorage`: the providers whose keys reach OBS or S3 (the core's `providerTraits`). */
function profileRow(profile, objectStorage) {
  const bucket = objectStorage.has(profile.provider)
    ? el('input', { type: 'text', class: 'check-bucket', placeholder: t('check_bucket_placeholder'), 'aria-label': t('check_bucket_label') })
    : null;
  const button = el('button', { type: 'button', class: 'check-run primary', 'aria-label': t('action_for', [t('check_test_keys'), profile.name]) }, t('check_test_keys'));
  const results = el('ul', { class: 'check-results', 'aria-live': 'polite' });
  const access = hostAccess(button, () => ask('flow.origins', { kind: 'key-check', profileId: profile.id, bucket: bucket?.value.trim() }));
  bucket?.addEventListener('input', access.learn);
  button.addEventListener('click', () => {
    // Started in the click itself: the check must be started before a prompt can close this popup.
    const started = access.start(() => ask('flow.start', { kind: 'key-check', profileId: profile.id, bucket: bucket?.value.trim() || undefined }),
      () => recordedAfter(profile.id, profile.lastCheck?.at));
    results.replaceChildren(el('li', { class: 'muted', 'data-state': 'running' }, t('check_running')));
    started
      .then((outcome) => {
        renderResults(results, outcome);
        document.dispatchEvent(new CustomEvent('credfill:check-recorded'));
      })
      .catch((e) => results.replaceChildren(el('li', { class: 'check-result error', 'data-status': e.code ?? 'internal', 'data-severity': 'error' }, errorWords(t, 'check_error', e))));
  });
  if (profile.lastCheck) renderResults(results, profile.lastCheck);
  return el('article', { class: 'check-profile', 'data-profile-id': profile.id },
    el('div', { class: 'check-head' }, el('b', {}, profile.name ?? profile.id), ' ', el('span', { class: 'muted' }, [providerLabel(t, profile.provider ?? 'unknown'), profile.region && coded(t, 'region', profile.region)].filter(Boolean).join(' · '))),
    ...(bucket ? [bucket] : []), button, results);
}

function presignForm(profiles, objectStorage) {
  const usable = profiles.filter((p) => objectStorage.has(p.provider));
  if (!usable.length) return [];
  const profile = el('select', { class: 'presign-profile', 'aria-label': t('check_presign_profile') },
    ...usable.map((p) => el('option', { value: p.id }, p.name ?? p.id)));
  const bucket = el('input', { type: 'text', class: 'presign-bucket', placeholder: t('check_bucket_placeholder'), 'aria-label': t('check_bucket_label') });
  const key = el('input', { type: 'text', class: 'presign-key', placeholder: t('check_object_key'), 'aria-label': t('check_object_key') });
  const expiry = el('select', { class: 'presign-expiry', 'aria-label': t('check_expiry') },
    ...EXPIRIES.map(([seconds, label]) => el('option', { value: String(seconds), selected: seconds === 3600 }, t(label))));
  const create = el('button', { type: 'button', class: 'presign-create' }, t('check_create_link'));
  const output = el('input', { type: 'text', class: 'presign-url', readOnly: true, 'aria-label': t('check_link') });
  const copy = el('button', { type: 'button', class: 'presign-copy', disabled: true }, t('check_copy'));
  const status = el('p', { class: 'presign-status muted', 'aria-live': 'polite' });
  create.addEventListener('click', async () => {
    status.textContent = '';
    try {
      output.value = await ask('check.presign', { profileId: profile.value, bucket: bucket.value.trim(), key: key.value, expiresIn: Number(expiry.value) });
      copy.disabled = false;
    } catch (e) {
      output.value = '';
      copy.disabled = true;
      status.className = 'presign-status error';
      status.textContent = errorWords(t, 'check_error', e);
    }
  });
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(output.value);
    status.className = 'presign-status ok';
    status.textContent = t('check_copied');
  });
  return [el('details', { class: 'presign' }, el('summary', {}, t('check_presign_title')),
    profile, bucket, key, expiry, create, output, copy, status)];
}

/** A collapsed section: opening it lists the profiles as they are now (the vault may have been unlocked since). */
export function mountCheck(section) {
  const body = el('div', { class: 'check-body' });
  const details = el('details', { class: 'check' }, el('summary', { class: 'check-title' }, t('check_title')), body);
  async function render() {
    let view = { profiles: [], choices: { providers: [] } };
    try {
      view = await ask('profiles.view');
    } catch {
      // locked or no vault: the vault section says so
    }
    const { profiles } = view;
    const objectStorage = new Set(view.choices.providers.filter((p) => p.hasObjectStorage).map((p) => p.id));
    body.replaceChildren(
      ...(profiles.length ? profiles.map((p) => profileRow(p, objectStorage)) : [el('p', { class: 'muted check-empty' }, t('check_no_profiles'))]),
      ...presignForm(profiles, objectStorage));
  }
  details.addEventListener('toggle', () => details.open && render());
  // Unlocked, locked or saved in this popup: an open list shows the profiles as they are now.
  document.addEventListener('credfill:vault-state', () => details.open && render());
  section.replaceChildren(details);
}

// The popup's Prepare ModelArts panel, one per Huawei Cloud / Flexible Engine profile: three clicks
// from an imported key to a ready ModelArts. 1. *Check storage* (asks for the hosts, then reads: every
// bucket with its region, storage class and fit, and the authorizations); 2. *Create bucket and
// folders*; 3. *Authorize with this key*. Each write's request is shown (no signature, the SK as ••••)
// before the click that sends it. A write the organisation's policy forbids is said at the panel's top and
// its button disabled. The worker sends; this page only shows (src/flows/prepare_modelarts.rs).
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { providerLabel } from '../lib/providers.js';
import { ask } from '../lib/messages.js';
import { coded, errorWords, localeKey, words } from '../lib/words.js';
import { hostAccess } from './host-access.js';
import { disableFor, forbidWrite } from '../lib/policy-forbids.js';
import { panelBusy, policyView, previews as requestPreviews } from './flow-panel.js';

const previews = (planned) => requestPreviews(planned, 'modelarts-preview');

const folderList = (text) => text.split(',').map((f) => f.trim()).filter(Boolean);

const KIND = 'prepare-modelarts';
/** @type {import('../pkg/credfill.js').SetupWrite[]} The preparation's writes (src/flows/prepare_modelarts.rs `writes_as`). */
const WRITES = ['create-bucket', 'authorize'];

/** The host patterns the preparation of `profileId` reaches. */
const originsOf = (profileId) => ask('flow.origins', { kind: KIND, profileId });

/** Step 1 for `profileId`, from a click: starts the reads in the worker (see host-access.js). */
const startOverview = (profileId, access) => access.start(() => ask('flow.start', { kind: KIND, profileId }));

/**
 * `started`: the overview the section's opening click began for this profile, if it did; `policy`, the
 * organisation's (`policy.view`).
 */
function profilePanel(profile, started, policy) {
  const article = el('article', { class: 'modelarts-profile', 'data-profile-id': profile.id });
  const error = el('p', { class: 'modelarts-error error', 'aria-live': 'polite' });
  const overviewButton = el('button', { type: 'button', class: 'modelarts-overview primary' }, t('modelarts_overview'));
  const body = el('div', { class: 'modelarts-body' });
  const access = hostAccess(overviewButton, () => originsOf(profile.id));
  /** The line saying so for each of this panel's writes the organisation forbids, shown before any step. */
  const forbidden = new Map();
  for (const write of WRITES) {
    const line = forbidWrite(t, policy, write, [], 'modelarts-forbidden');
    if (line) forbidden.set(write, line);
  }
  /** `button` disabled when the policy forbids `write`, pointing at its line; whether it does. */
  const forbids = (write, button) => {
    const line = forbidden.get(write);
    if (line) disableFor(button, line);
    return Boolean(line);
  };

  /** `button`: disabled and marked busy meanwhile (the overview's own button is host-access.js's). */
  const busy = panelBusy(article, error, (view) => render(view));

  overviewButton.addEventListener('click', () => busy(null, startOverview(profile.id, access)));

  /** A table cell's code, kept on one line (no break at its hyphens), with its words under it. */
  function codeWithWords(prefix, code) {
    if (!code) return ['?'];
    const key = localeKey(prefix, code);
    const word = t(key);
    return [el('span', { class: 'code' }, code), ...(word === key ? [] : [el('br'), el('small', { class: 'muted' }, word)])];
  }

  function bucketTable(view) {
    return el('table', { class: 'modelarts-buckets' },
      el('tr', {}, ...['modelarts_col_bucket', 'modelarts_col_region', 'modelarts_col_class', 'modelarts_col_fit'].map((k) => el('th', {}, t(k)))),
      ...view.buckets.map((b) => el('tr', { 'data-bucket': b.name, 'data-fit': b.fit },
        el('td', {}, b.name), el('td', {}, ...codeWithWords('region', b.region)), el('td', {}, ...codeWithWords('storage_class', b.storageClass)),
        el('td', {}, words(t, 'modelarts_fit', { code: b.fit, params: b.fitParams })))));
  }

  function storageStep(view) {
    const bucket = el('input', { type: 'text', class: 'modelarts-bucket', value: view.chosenBucket ?? view.suggestedBucket, 'aria-label': t('modelarts_bucket_label') });
    const folders = el('input', { type: 'text', class: 'modelarts-folders', value: view.defaultFolders.join(', '), 'aria-label': t('modelarts_folders_label') });
    const plan = el('div', { class: 'modelarts-plan' });
    const create = el('button', { type: 'button', class: 'modelarts-create primary' }, t('modelarts_create'));
    const createForbidden = forbids('create-bucket', create);
    let planned = [];
    let asked = 0; // only the latest typing's plan is shown, and only the shown plan is sent
    const refresh = async () => {
      const mine = ++asked;
      create.disabled = true;
      try {
        const latest = await ask('flow.preview', { kind: KIND, profileId: profile.id, ask: { bucket: bucket.value.trim(), folders: folderList(folders.value) } });
        if (mine !== asked) return;
        planned = latest;
        create.disabled = createForbidden || !planned.length;
        plan.replaceChildren(planned.length ? el('p', { class: 'muted' }, t('modelarts_will_send')) : el('p', { class: 'ok done modelarts-ready' }, t('modelarts_ready')), ...(planned.length ? [previews(planned)] : []));
      } catch (e) {
        if (mine !== asked) return;
        planned = [];
        create.disabled = true;
        plan.replaceChildren(el('p', { class: 'error', 'data-code': e.code ?? 'internal' }, errorWords(t, 'check_error', e)));
      }
    };
    bucket.addEventListener('input', refresh);
    folders.addEventListener('input', refresh);
    create.addEventListener('click', () => busy(create, ask('flow.write', { kind: KIND, profileId: profile.id, calls: planned.map((p) => p.call) })));
    refresh();
    return el('div', { class: 'modelarts-step' },
      el('label', {}, t('modelarts_bucket_label'), ' ', bucket), el('label', {}, t('modelarts_folders_label'), ' ', folders), plan, create);
  }

  function authorizationStep(view) {
    const list = el('ul', { class: 'modelarts-authorizations' }, ...(view.authorizations ?? []).map((a) => {
      const remove = el('button', { type: 'button', class: 'modelarts-remove' }, t('modelarts_remove'));
      const calls = [{ action: 'remove-authorization', userId: a.userId }];
      // Closed: removing is not the step the user is on. Opening it is the choice to remove: the
      // request and the button that sends it appear together, the request first.
      const shown = el('details', { class: 'modelarts-removal' }, el('summary', {}, t('modelarts_remove_ask')));
      ask('flow.preview', { kind: KIND, profileId: profile.id, ask: { calls } }).then((p) => {
        shown.append(el('p', { class: 'muted' }, t('modelarts_will_send')), previews(p), remove);
      }, () => {});
      remove.addEventListener('click', () => busy(remove, ask('flow.write', { kind: KIND, profileId: profile.id, calls })));
      // Whose key an AK/SK authorization holds: after a rotation, the old key's stays until removed.
      const whose = a.key && el('span', { class: `modelarts-authorization-key ${a.key === 'this' ? 'ok' : 'warning'}` }, t(localeKey('modelarts_authorization_key', a.key)));
      return el('li', { 'data-user-id': a.userId, 'data-type': a.type, 'data-key': a.key }, `${a.userName || a.userId} · ${coded(t, 'authorization_type', a.type)} · ${a.content} `,
        whose, whose && ' ', shown);
    }));
    const step = el('div', { class: 'modelarts-step' }, list);
    if (view.authorized) {
      step.append(el('p', { class: 'ok done modelarts-authorized' }, t('modelarts_authorized')));
      return step;
    }
    const calls = [{ action: 'authorize' }];
    const authorize = el('button', { type: 'button', class: 'modelarts-authorize primary', disabled: true }, t('modelarts_authorize'));
    const authorizeForbidden = forbids('authorize', authorize);
    const plan = el('div', { class: 'modelarts-plan' });
    ask('flow.preview', { kind: KIND, profileId: profile.id, ask: { calls } }).then((p) => {
      plan.replaceChildren(el('p', { class: 'muted' }, t('modelarts_will_send')), previews(p));
      authorize.disabled = authorizeForbidden; // once the request it sends is on screen
    }, (e) => plan.replaceChildren(el('p', { class: 'error' }, errorWords(t, 'check_error', e))));
    authorize.addEventListener('click', () => busy(authorize, ask('flow.write', { kind: KIND, profileId: profile.id, calls })));
    step.append(plan, authorize);
    if (view.modelartsHostDerived) step.append(el('p', { class: 'muted modelarts-endpoint-note' }, t('modelarts_endpoint_note')));
    return step;
  }

  function render(view) {
    const log = el('ul', { class: 'modelarts-log', 'aria-live': 'polite' }, ...view.log.map((entry) =>
      el('li', { class: `check-result ${entry.severity}`, 'data-action': entry.call.action, 'data-code': entry.code, 'data-severity': entry.severity }, words(t, 'check', entry))));
    body.replaceChildren(...(view.listed ? [bucketTable(view), storageStep(view)] : []),
      ...(view.projectId ? [authorizationStep(view)] : []), log);
  }

  if (started) busy(null, started);
  else ask('flow.view', { kind: KIND, profileId: profile.id }).then(render, () => {});
  article.append(el('div', { class: 'check-head' }, el('b', {}, profile.name ?? profile.id), ' ',
    el('span', { class: 'muted' }, [providerLabel(t, profile.provider), profile.region && coded(t, 'region', profile.region)].filter(Boolean).join(' · '))), overviewButton, ...forbidden.values(), error, body);
  return article;
}

/** The profiles whose keys ModelArts takes (the core's `takesHuaweiKeys`), the console tab's first. */
async function huaweiProfiles() {
  let view = { profiles: [], choices: { providers: [] } };
  try {
    view = await ask('profiles.view');
  } catch {
    // locked or no vault: the vault section says so
  }
  const huawei = new Set(view.choices.providers.filter((p) => p.takesHuaweiKeys).map((p) => p.id));
  return view.profiles.filter((p) => huawei.has(p.provider));
}

/**
 * A collapsed section with one panel per profile ModelArts can use. Opening it is step 1 for the first
 * profile (one click fewer): the click starts its storage overview.
 */
export function mountModelArts(section) {
  const body = el('div', { class: 'modelarts-body' });
  const summary = el('summary', { class: 'modelarts-title' }, t('modelarts_title'));
  const details = el('details', { class: 'modelarts' }, summary, body);
  let first = null; // {id, access}: its hosts are learned before the click
  const learnFirst = async () => {
    const [profile] = await huaweiProfiles();
    first = profile ? { id: profile.id, access: hostAccess(null, () => originsOf(profile.id)) } : null;
    await first?.access.learned;
    summary.dataset.ready = 'true';
  };
  let started = null;
  summary.addEventListener('click', () => {
    if (!details.open && first?.access.known()) started = { id: first.id, view: startOverview(first.id, first.access) };
  });
  async function render() {
    const [profiles, policy] = await Promise.all([huaweiProfiles(), policyView()]);
    const opening = started;
    started = null;
    body.replaceChildren(...(profiles.length
      ? profiles.map((p) => profilePanel(p, opening?.id === p.id ? opening.view : null, policy))
      : [el('p', { class: 'muted' }, t('modelarts_no_profiles'))]));
  }
  learnFirst();
  details.addEventListener('toggle', () => details.open && render());
  document.addEventListener('credfill:vault-state', learnFirst);
  document.addEventListener('credfill:vault-state', () => details.open && render());
  section.replaceChildren(details);
}

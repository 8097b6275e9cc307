// The popup's profile list: the profiles that fit the current tab's console first (the core scores
// them), then the user's order. Edit in place, delete with undo, move up and down, key age with the
// rotation steps when it is past the limit, *Rotate this key* for a Huawei Cloud or Flexible Engine
// key (rotate.js), expiry of temporary credentials. Every change is one
// operation the worker passes to the core; only the core's secret-free view reaches this page.
import { el } from '../lib/dom.js';
import { providerLabel } from '../lib/providers.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { errorLine } from './vault-errors.js';
import { activeTabId } from './tab.js';
import { rotatePanel } from './rotate.js';
import { rotateIbmPanel } from './rotate-ibm.js';
import { coded, dateWords, localeKey, phrase, words } from '../lib/words.js';

/** The view's profiles, best fit for the tab first; equal scores keep the user's order. */
const byTabFit = (profiles) =>
  profiles.map((p, index) => ({ p, index })).sort((a, b) => b.p.matchesTab - a.p.matchesTab || a.index - b.index).map(({ p }) => p);


export function mountProfiles(section) {
  let userOrder = [];
  let tabId;
  let choices = { providers: [], regions: {} };
  /** @type {typeof ask} */
  const tell = (type, payload) => ask(type, { ...payload, tabId });

  async function refresh(state) {
    if (state !== 'unlocked') {
      section.replaceChildren();
      return;
    }
    tabId = await activeTabId();
    await run(() => tell('profiles.view'));
  }
  // A check recorded in this popup may have dropped a retired key: the list shows the profiles as they are now.
  document.addEventListener('credfill:check-recorded', () => section.querySelector('#profile-list') && run(() => tell('profiles.view')));

  /** Runs a worker call that answers with the new list, and shows it (or the error). */
  async function run(call, notice) {
    try {
      show(await call(), notice);
    } catch (e) {
      section.querySelector(':scope > .error')?.remove();
      section.prepend(errorLine(e));
    }
  }

  function show(view, notice) {
    const { profiles } = view;
    choices = view.choices;
    userOrder = profiles.map((p) => p.id);
    const list = profiles.length
      ? el('ul', { id: 'profile-list' }, byTabFit(profiles).map(row))
      : el('p', { class: 'muted', id: 'profile-empty' }, t('vault_no_profiles'));
    section.replaceChildren(...[el('h2', {}, t('vault_profiles')), notice, list].filter(Boolean));
  }

  function row(profile) {
    const li = el('li', { class: 'profile', 'data-id': profile.id, 'data-matches-tab': String(profile.matchesTab > 0) });
    if (profile.colour) li.style.setProperty('--profile-colour', profile.colour);
    const view = [
      el('div', { class: 'profile-head' },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { class: 'profile-title' },
          el('strong', { class: 'profile-name' }, profile.name),
          el('span', { class: 'muted' }, [providerLabel(t, profile.provider ?? 'unknown'), profile.region && coded(t, 'region', profile.region)].filter(Boolean).join(' · '))),
        actions(profile, li)),
      ...ageLines(profile.keyAge, rotatable(profile) && (() => rotate(profile, li))),
      ...retiredLines(profile.retired),
      profile.note && el('p', { class: 'profile-note muted' }, profile.note),
    ];
    li.append(...view.filter(Boolean));
    return li;
  }

  function actions(profile, li) {
    const button = (name, symbol, onClick) => {
      // Named with the profile: a screen reader otherwise hears "Edit" once per profile.
      const b = el('button', { type: 'button', class: `icon ${name}`, title: t(localeKey('vault', name)), 'aria-label': t('action_for', [t(localeKey('vault', name)), profile.name]) }, symbol);
      b.addEventListener('click', onClick);
      return b;
    };
    return el('span', { class: 'profile-actions' },
      button('moveUp', '↑', () => move(profile.id, -1)),
      button('moveDown', '↓', () => move(profile.id, +1)),
      button('edit', '✎', () => li.replaceChildren(editForm(profile))),
      rotatable(profile) && button('rotate_key', '⟳', () => rotate(profile, li)),
      button('delete', '✕', () => run(() => tell('profiles.delete', { id: profile.id }), undoBar(profile.name))));
  }

  /**
   * The rotation panel of a profile that has one: a Huawei Cloud or Flexible Engine profile with an AK/SK
   * (the core says if it is temporary), an IBM Cloud profile with an API key.
   */
  function rotationPanel(profile) {
    const holds = (kind) => (profile.credentials ?? []).some((c) => c.kind === kind);
    if (choices.providers.find((p) => p.id === profile.provider)?.takesHuaweiKeys && holds('aksk')) return rotatePanel;
    if (profile.provider === 'ibm' && holds('ibm-api-key')) return rotateIbmPanel;
    return null;
  }
  const rotatable = (profile) => rotationPanel(profile) !== null;

  function rotate(profile, li) {
    li.replaceChildren(rotationPanel(profile)(profile, () => run(() => tell('profiles.view'))));
  }

  function move(id, step) {
    const from = userOrder.indexOf(id);
    const to = from + step;
    if (to < 0 || to >= userOrder.length) return;
    const ids = [...userOrder];
    [ids[from], ids[to]] = [ids[to], ids[from]];
    run(() => tell('profiles.reorder', { ids }));
  }

  function undoBar(name) {
    const undo = el('button', { type: 'button', id: 'profile-undo' }, t('vault_undo'));
    undo.addEventListener('click', () => run(() => tell('profiles.undoDelete')));
    return el('p', { class: 'undo-bar', role: 'status' }, t('vault_deleted', [name]), ' ', undo);
  }

  /**
   * One custom endpoint field per service the chosen provider reaches (the core's `services`), each
   * showing the stored one: a single origin for all (older profiles), or that service's own.
   */
  function endpointFields(profile, providerId) {
    const stored = profile.endpoint;
    const services = choices.providers.find((p) => p.id === providerId)?.services ?? [];
    return services.map((service) => {
      const value = (typeof stored === 'string' ? stored : stored?.[service]) ?? '';
      return el('label', {}, t(localeKey('service', service)),
        el('input', { name: `endpoint-${service}`, value, type: 'url', placeholder: 'https://', spellcheck: false, 'data-service': service, 'data-initial': value }));
    });
  }

  /** The endpoint edit: `{service: origin}` of the filled fields, '' for none; undefined if none changed. */
  function endpointEdit(box) {
    const inputs = [...box.querySelectorAll('input')];
    if (inputs.every((input) => input.value === input.dataset.initial)) return undefined;
    const filled = inputs.filter((input) => input.value.trim()).map((input) => [input.dataset.service, input.value.trim()]);
    return filled.length ? Object.fromEntries(filled) : '';
  }

  /** Sends only what the user changed: an untouched colour or endpoint stays as stored. */
  function editForm(profile) {
    const input = (field, value, attrs = {}) => el('input', { name: field, value: value ?? '', ...attrs });
    const provider = el('select', { name: 'provider' },
      choices.providers.map(({ id }) => el('option', { value: id, selected: id === profile.provider }, providerLabel(t, id))));
    // The catalog's regions to choose from; another region needs the profile's own endpoint.
    const regions = el('datalist', { id: `regions-${profile.id}` },
      (choices.regions[profile.provider] ?? []).map((r) => el('option', { value: r, label: coded(t, 'region', r) })));
    const fields = {
      name: input('name', profile.name, { required: true }),
      region: input('region', profile.region, { list: regions.id, autocomplete: 'off' }),
      provider,
      note: el('textarea', { name: 'note', rows: 2, value: profile.note ?? '' }),
      colour: input('colour', profile.colour ?? '#0a6cbd', { type: 'color' }),
    };
    const endpointInputs = el('div');
    const endpoints = el('fieldset', { class: 'profile-endpoints' }, el('legend', {}, t('vault_field_endpoint')),
      el('p', { class: 'muted' }, t('vault_endpoint_help')), endpointInputs);
    const showEndpoints = () => {
      endpointInputs.replaceChildren(...endpointFields(profile, provider.value));
      endpoints.hidden = !endpointInputs.childElementCount; // a provider without services of its own (Azure)
    };
    showEndpoints();
    provider.addEventListener('change', showEndpoints);
    const initial = Object.fromEntries(Object.entries(fields).map(([field, control]) => [field, control.value]));
    const cancel = el('button', { type: 'button' }, t('vault_cancel'));
    cancel.addEventListener('click', () => run(() => tell('profiles.view')));
    const form = el('form', { class: 'profile-edit' },
      Object.entries(fields).map(([field, control]) => el('label', {}, t(localeKey('vault_field', field)), control)),
      regions,
      endpoints,
      el('div', { class: 'buttons' }, el('button', { type: 'submit', class: 'primary' }, t('vault_save')), cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const edits = Object.fromEntries(Object.entries(fields)
        .filter(([field, control]) => control.value !== initial[field])
        .map(([field, control]) => [field, control.value]));
      const endpoint = endpointEdit(endpoints);
      if (endpoint !== undefined) edits.endpoint = endpoint;
      run(() => tell('profiles.edit', { id: profile.id, edits }));
    });
    queueMicrotask(() => fields.name.focus());
    return form;
  }

  return { refresh };
}

/** The keys a rotation replaced, still kept (src/profile/import.rs) until the new one passes Test keys. */
function retiredLines(retired = []) {
  if (!retired.length) return [];
  const keys = retired.map((c) => c.accessKeyId ?? t(localeKey('kind', c.kind)));
  return [el('p', { class: 'retired-key muted' }, t('vault_retired_key', [keys.join(t('list_separator'))]))];
}

/** `rotate`: opens *Rotate this key* from the reminder, for a profile that has it. */
function ageLines(age, rotate) {
  if (!age) return [];
  if (age.temporary) {
    return [el('p', { class: age.expired ? 'expiry error' : 'expiry muted', 'data-expired': String(age.expired) },
      t(age.expired ? 'vault_expired' : 'vault_expires', [dateWords(t, age.expiresAtMs ?? age.expiresAt)]))];
  }
  if (age.ageDays == null) return [];
  const since = t(age.since === 'created' ? 'vault_since_created' : 'vault_since_imported');
  const line = el('p', { class: age.stale ? 'key-age warning' : 'key-age muted', 'data-stale': String(age.stale) },
    age.stale ? '⚠ ' : '', phrase(t, 'vault_key_age', { count: age.ageDays, since }));
  if (!age.stale) return [line];
  const steps = el('details', { class: 'rotation' }, el('summary', {}, t('vault_rotate')));
  if (rotate) {
    const button = el('button', { type: 'button', class: 'rotate-open primary' }, t('rotate_this_key'));
    button.addEventListener('click', rotate);
    steps.append(button);
  }
  steps.append(el('ol', {}, age.rotationSteps.map((code) => el('li', {}, words(t, 'rotation', { code })))));
  return [line, steps];
}

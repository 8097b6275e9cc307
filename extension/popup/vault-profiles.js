// The popup's profile list: the current tab's console first, then the user's order. Rename and edit
// in place, delete with undo, move up and down, key age with the rotation steps when it is past
// the limit, expiry of temporary credentials. Only publicView() data reaches this page.
import { api } from '../lib/browser.js';
import { el } from '../lib/dom.js';
import { providerLabel } from '../lib/providers.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { consoleScorer, orderProfiles } from '../lib/profile-order.js';
import { PROVIDERS } from '../lib/vault-document.js';
import { errorLine } from './vault-errors.js';

/** Which profiles fit the tab: replaceable (e.g. by the fill capability's console matcher). */
let scorerForUrl = consoleScorer;
export function useProfileScorer(makeScorer) {
  scorerForUrl = makeScorer;
}

async function activeTabUrl() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.url; // undefined without a host permission for the tab: the user's order then
}

const formatDate = (text) => (Number.isNaN(Date.parse(text)) ? text : new Date(text).toLocaleString());

export function mountProfiles(section) {
  let userOrder = [];
  let score = () => 0;

  async function refresh(state) {
    if (state !== 'unlocked') {
      section.replaceChildren();
      return;
    }
    score = scorerForUrl(await activeTabUrl());
    await run(() => ask('profiles.list'));
  }

  /** Runs a worker call that answers with the new list, and shows it (or the error). */
  async function run(call, notice) {
    try {
      show(await call(), notice);
    } catch (e) {
      section.querySelector(':scope > .error')?.remove();
      section.prepend(errorLine(e));
    }
  }

  function show(profiles, notice) {
    userOrder = profiles.map((p) => p.id);
    const list = profiles.length
      ? el('ul', { id: 'profile-list' }, orderProfiles(profiles, score).map(row))
      : el('p', { class: 'muted', id: 'profile-empty' }, t('vault_noProfiles'));
    section.replaceChildren(...[el('h2', {}, t('vault_profiles')), notice, list].filter(Boolean));
  }

  function row(profile) {
    const li = el('li', { class: 'profile', 'data-id': profile.id, 'data-matches-tab': String(profile.matchesTab) });
    if (profile.colour) li.style.setProperty('--profile-colour', profile.colour);
    const view = [
      el('div', { class: 'profile-head' },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { class: 'profile-title' },
          el('strong', { class: 'profile-name' }, profile.name),
          el('span', { class: 'muted' }, [providerLabel(t, profile.provider ?? 'unknown'), profile.region].filter(Boolean).join(' · '))),
        actions(profile, li)),
      ...ageLines(profile.keyAge),
      profile.note && el('p', { class: 'profile-note muted' }, profile.note),
    ];
    li.append(...view.filter(Boolean));
    return li;
  }

  function actions(profile, li) {
    const button = (name, symbol, onClick) => {
      const b = el('button', { type: 'button', class: `icon ${name}`, title: t(`vault_${name}`), 'aria-label': t(`vault_${name}`) }, symbol);
      b.addEventListener('click', onClick);
      return b;
    };
    return el('span', { class: 'profile-actions' },
      button('moveUp', '↑', () => move(profile.id, -1)),
      button('moveDown', '↓', () => move(profile.id, +1)),
      button('edit', '✎', () => li.replaceChildren(editForm(profile))),
      button('delete', '✕', () => run(() => ask('profiles.delete', { id: profile.id }), undoBar(profile.name))));
  }

  function move(id, step) {
    const from = userOrder.indexOf(id);
    const to = from + step;
    if (to < 0 || to >= userOrder.length) return;
    const ids = [...userOrder];
    [ids[from], ids[to]] = [ids[to], ids[from]];
    run(() => ask('profiles.reorder', { ids }));
  }

  function undoBar(name) {
    const undo = el('button', { type: 'button', id: 'profile-undo' }, t('vault_undo'));
    undo.addEventListener('click', () => run(() => ask('profiles.undoDelete')));
    return el('p', { class: 'undo-bar', role: 'status' }, t('vault_deleted', [name]), ' ', undo);
  }

  function editForm(profile) {
    const input = (field, attrs = {}) => el('input', { name: field, value: profile[field] ?? '', ...attrs });
    const provider = el('select', { name: 'provider' },
      PROVIDERS.map((p) => el('option', { value: p, selected: p === profile.provider }, providerLabel(t, p))));
    const fields = {
      name: input('name', { required: true }),
      region: input('region', { placeholder: 'eu-west-0' }),
      provider,
      note: el('textarea', { name: 'note', rows: 2, value: profile.note ?? '' }),
      colour: input('colour', { type: 'color', value: profile.colour ?? '#0a6cbd' }),
    };
    const cancel = el('button', { type: 'button' }, t('vault_cancel'));
    cancel.addEventListener('click', () => run(() => ask('profiles.list')));
    const form = el('form', { class: 'profile-edit' },
      Object.entries(fields).map(([field, control]) => el('label', {}, t(`vault_field_${field}`), control)),
      el('div', { class: 'buttons' }, el('button', { type: 'submit', class: 'primary' }, t('vault_save')), cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const edits = Object.fromEntries(Object.entries(fields).map(([field, control]) => [field, control.value]));
      run(() => ask('profiles.edit', { id: profile.id, edits }));
    });
    queueMicrotask(() => fields.name.focus());
    return form;
  }

  return { refresh };
}

function ageLines(age) {
  if (!age) return [];
  if (age.temporary) {
    return [el('p', { class: age.expired ? 'expiry error' : 'expiry muted', 'data-expired': String(age.expired) },
      t(age.expired ? 'vault_expired' : 'vault_expires', [formatDate(age.expiresAt)]))];
  }
  if (age.ageDays == null) return [];
  const since = t(age.since === 'created' ? 'vault_sinceCreated' : 'vault_sinceImported');
  const line = el('p', { class: age.stale ? 'key-age warning' : 'key-age muted', 'data-stale': String(age.stale) },
    age.stale ? '⚠ ' : '', t('vault_keyAge', [String(age.ageDays), since]));
  if (!age.stale) return [line];
  return [line, el('details', { class: 'rotation' }, el('summary', {}, t('vault_rotate')),
    el('ol', {}, age.rotationSteps.map((step) => el('li', {}, step))))];
}

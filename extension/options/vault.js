// The options page's vault settings: auto-lock minutes, key age limit, passphrase change, and the
// encrypted backup (export the sealed record as a file; restore one by merging, conflicts shown).
import { el, whileBusy } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { newPassphraseNotes } from '../lib/new-passphrase.js';
import { MIN_PASSPHRASE_LENGTH } from '../lib/passphrase.js';
import { localeKey, phrase } from '../lib/words.js';
import { errorLine } from '../popup/vault-errors.js';

/** A form whose submit runs `action(values)` and shows its outcome (a node, or the error) below it. */
function form(id, heading, fields, submitKey, action) {
  const controls = Object.fromEntries(fields.map(([name, attrs]) => [name, el('input', { name, id: `${id}-${name}`, ...attrs })]));
  const outcome = el('div', { class: 'outcome', role: 'status' });
  const submit = el('button', { type: 'submit', class: 'primary' }, t(submitKey));
  const node = el('form', { id },
    el('h3', {}, t(heading)),
    fields.map(([name]) => el('label', {}, t(localeKey('vault_field', name)), controls[name])),
    submit,
    outcome);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    outcome.replaceChildren(el('span', { class: 'muted' }, t('vault_working')));
    const values = Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.type === 'file' ? c.files[0] : c.value]));
    // Busy until the worker answers: a second click cannot send the change twice.
    whileBusy(submit, Promise.resolve().then(() => action(values, controls)))
      .then((shown) => outcome.replaceChildren(shown), (e) => outcome.replaceChildren(errorLine(e)));
  });
  return { node, controls };
}

const done = (key, params) => el('p', { class: 'ok done' }, phrase(t, key, params));

/** The notes of a new passphrase (lib/new-passphrase.js), each under its field's label; answers them. */
/** @param {{ [name: string]: HTMLInputElement }} controls */
function underNewPassphrase({ newPassphrase, confirmPassphrase }) {
  const notes = newPassphraseNotes(newPassphrase, confirmPassphrase);
  newPassphrase.closest('label').after(notes[0]);
  confirmPassphrase.closest('label').after(notes[1]);
  return notes;
}

/** A note under a setting's field: what the organisation's policy makes of it. */
function managedNote(control, text) {
  control.closest('label').after(el('p', { class: 'muted managed-note', 'data-managed': control.name }, text));
}

/** @param {import('../pkg/credfill.js').ManagedPolicy | null} policy */
function settingsForm(policy) {
  const { node, controls } = form('vault-settings', 'vault_settings_heading',
    [['autoLockMinutes', { type: 'number', min: 1, max: 1440, required: true }], ['maxKeyAgeDays', { type: 'number', min: 1, max: 3650, required: true }]],
    'vault_save', async (settings) => {
      await ask('vault.setSettings', { settings });
      return done('vault_settings_saved');
    });
  // The worker refuses what the policy does not allow; the fields say it first.
  if (policy?.maxAutoLockMinutes != null) {
    controls.autoLockMinutes.max = String(policy.maxAutoLockMinutes);
    managedNote(controls.autoLockMinutes, phrase(t, 'managed_lock_note', { max: policy.maxAutoLockMinutes }));
  }
  if (policy?.keyAgeReminderDays != null) {
    controls.maxKeyAgeDays.readOnly = true;
    managedNote(controls.maxKeyAgeDays, t('managed_locked'));
  }
  ask('vault.status').then(({ settings }) => {
    controls.autoLockMinutes.value = settings.autoLockMinutes;
    controls.maxKeyAgeDays.value = settings.maxKeyAgeDays;
  });
  return node;
}

function passphraseForm() {
  const password = (autocomplete) => ({ type: 'password', required: true, autocomplete });
  const { node, controls } = form('vault-change-passphrase', 'vault_change_passphrase',
    [['currentPassphrase', password('current-password')], ['newPassphrase', password('new-password')], ['confirmPassphrase', password('new-password')]],
    'vault_change_passphrase', async (values, controls) => {
      await ask('vault.changePassphrase', { current: values.currentPassphrase, passphrase: values.newPassphrase, confirmation: values.confirmPassphrase });
      for (const c of Object.values(controls)) c.value = '';
      return done('vault_passphrase_changed');
    });
  underNewPassphrase(controls);
  return node;
}

function exportButton() {
  const outcome = el('div', { role: 'status' });
  const button = el('button', { type: 'button', id: 'vault-export' }, t('vault_export_backup'));
  button.addEventListener('click', async () => {
    try {
      const envelope = await ask('vault.export');
      const url = URL.createObjectURL(new Blob([JSON.stringify(envelope, null, 2)], { type: 'application/json' }));
      const link = el('a', { href: url, download: `credfill-vault-${new Date().toISOString().slice(0, 10)}.json` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      outcome.replaceChildren(done('vault_exported'));
    } catch (e) {
      outcome.replaceChildren(errorLine(e));
    }
  });
  return el('div', {}, el('h3', {}, t('vault_backup_heading')), el('p', { class: 'muted' }, t('vault_backup_intro')), button, outcome);
}

/**
 * Restoring where there is no vault yet makes the backup the vault: under a new passphrase of the
 * user's own, asked here, never the backup's (whoever made the file knows that one).
 */
function restoreForm(conflicts) {
  const password = (autocomplete) => ({ type: 'password', required: true, autocomplete });
  const { node, controls } = form('vault-restore', 'vault_restore_backup',
    [['backupFile', { type: 'file', accept: '.json,application/json', required: true }], ['backupPassphrase', { type: 'password', required: true }],
      ['newPassphrase', password('new-password')], ['confirmPassphrase', password('new-password')]],
    'vault_restore_backup', async ({ backupFile, backupPassphrase, newPassphrase, confirmPassphrase }) => {
      let envelope;
      try {
        envelope = JSON.parse(await backupFile.text());
      } catch {
        throw { code: 'bad-envelope', message: 'not a vault record' };
      }
      const own = asksNewPassphrase() ? { newPassphrase, confirmation: confirmPassphrase } : {};
      const summary = await ask('vault.restore', { envelope, passphrase: backupPassphrase, ...own });
      for (const c of [controls.backupPassphrase, controls.newPassphrase, controls.confirmPassphrase]) c.value = '';
      showNewPassphrase((await ask('vault.status')).state === 'empty');
      await conflicts.refresh();
      const restored = done('vault_restored', { added: summary.added.length, unchanged: summary.unchanged.length, conflicts: summary.conflicts });
      if (!summary.endpointsDropped) return restored;
      return el('div', {}, restored, el('p', { class: 'warning', id: 'vault-endpoints-dropped' }, phrase(t, 'vault_endpoints_dropped', { count: summary.endpointsDropped })));
    });
  const ownPassphrase = [controls.newPassphrase, controls.confirmPassphrase];
  const notes = underNewPassphrase(controls);
  const hint = el('p', { class: 'muted', id: 'vault-restore-newPassphraseHint' }, t('vault_restore_new_passphrase', [String(MIN_PASSPHRASE_LENGTH)]));
  controls.backupPassphrase.closest('label').after(hint);
  const asksNewPassphrase = () => !hint.hidden;
  function showNewPassphrase(show) {
    for (const node of [hint, ...notes, ...ownPassphrase.map((c) => c.closest('label'))]) node.hidden = !show;
    // A disabled field is not checked: the rule applies only where the form asks for the passphrase.
    for (const c of ownPassphrase) c.disabled = !show;
  }
  showNewPassphrase(false);
  ask('vault.status').then(({ state }) => showNewPassphrase(state === 'empty'));
  return node;
}

/** Backup profiles holding a key already stored with other details: the user picks which to keep. */
function conflictList() {
  const node = el('div', { id: 'vault-conflicts' });
  async function refresh() {
    const conflicts = await ask('profiles.view').then((view) => view.conflicts, () => []);
    node.replaceChildren(...(conflicts.length ? [el('h3', {}, t('vault_conflicts_heading')),
      el('ul', {}, conflicts.map((c, index) => {
        const choose = (choice, key) => {
          const b = el('button', { type: 'button', 'data-choice': choice }, t(key));
          b.addEventListener('click', () => ask('profiles.resolveConflict', { index, choice }).then(refresh, (e) => node.append(errorLine(e))));
          return b;
        };
        return el('li', { class: 'conflict' }, t('vault_conflict', [c.incoming.name, c.fields.join(', ')]), ' ',
          choose('mine', 'vault_keep_mine'), choose('theirs', 'vault_take_backup'));
      }))] : []));
  }
  refresh();
  return { node, refresh };
}

/** @param {HTMLElement} section @param {import('../pkg/credfill.js').ManagedPolicy | null} policy */
export function mountVaultOptions(section, policy) {
  const conflicts = conflictList();
  section.replaceChildren(el('h2', {}, t('vault_options_heading')),
    settingsForm(policy), passphraseForm(), exportButton(), restoreForm(conflicts), conflicts.node);
}

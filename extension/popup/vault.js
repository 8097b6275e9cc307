// The popup's vault area: create the vault (first save), unlock, lock; and "save as profile" for
// what the import section found (it dispatches `credfill:save-import` with `{detail: {items,
// target?, provider?, region?, replace?, names}}`, the user's choices and new profiles' names). Items waiting for a passphrase stay
// in this page's memory only, and go when the popup closes.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { newPassphraseNotes } from '../lib/new-passphrase.js';
import { MIN_PASSPHRASE_LENGTH } from '../lib/passphrase.js';
import { localeKey, phrase, wordsLanguage } from '../lib/words.js';
import { errorLine } from './vault-errors.js';
import { mountProfiles } from './vault-profiles.js';

const FORMS = {
  empty: { intro: 'vault_setup_intro', confirm: true, button: 'vault_create', action: 'vault.setup' },
  locked: { intro: 'vault_locked_intro', confirm: false, button: 'vault_unlock', action: 'vault.unlock' },
};

export function mountVault(vaultSection, profilesSection) {
  let pending = null;
  const profiles = mountProfiles(profilesSection);

  async function refresh(message) {
    let status;
    try {
      status = await ask('vault.status');
    } catch (e) {
      vaultSection.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
      return;
    }
    vaultSection.dataset.state = status.state;
    vaultSection.replaceChildren(...(status.state === 'unlocked' ? unlockedView(status)
      // First run: import first; the passphrase is asked at the first save (as docs/features.md says).
      : status.state === 'empty' && !pending ? [el('p', { class: 'muted', id: 'vault-first-run' }, t('vault_first_run'))]
        : passphraseForm(status.state)));
    if (message) vaultSection.append(message);
    if (pending && status.state !== 'unlocked') {
      vaultSection.append(el('p', { class: 'warning', id: 'vault-pending' }, phrase(t, 'vault_save_needs_vault', { count: pending.items.length })));
    }
    if (status.state === 'unlocked' && pending) await savePending();
    await profiles.refresh(status.state);
    // The other sections re-read their state from the worker (one state: none may still say locked).
    document.dispatchEvent(new CustomEvent('credfill:vault-state', { detail: { state: status.state } }));
    // Listing the profiles used the vault, which pushed the auto-lock back: show the new time.
    if (status.state === 'unlocked') showLockTime(await ask('vault.status').then((s) => s.lockAt, () => status.lockAt));
  }

  function showLockTime(lockAt) {
    const text = vaultSection.querySelector('#vault-lock-at');
    if (text && lockAt) text.textContent = lockTimeText(lockAt);
  }

  function unlockedView({ lockAt }) {
    const lockButton = el('button', { type: 'button', id: 'vault-lock' }, t('vault_lock'));
    lockButton.addEventListener('click', () => ask('vault.lock').then(() => refresh(), (e) => refresh(errorLine(e))));
    return [el('div', { class: 'vault-bar' }, el('span', { class: 'ok' }, el('span', { id: 'vault-lock-at' }, lockTimeText(lockAt))), lockButton)];
  }

  function passphraseForm(state) {
    const form = FORMS[state];
    const passphrase = el('input', { type: 'password', id: 'vault-passphrase', autocomplete: form.confirm ? 'new-password' : 'current-password', required: true });
    const confirmation = form.confirm && el('input', { type: 'password', id: 'vault-confirm', autocomplete: 'new-password', required: true });
    const [passphraseNote, confirmationNote] = form.confirm ? newPassphraseNotes(passphrase, confirmation) : [];
    const submit = el('button', { type: 'submit', class: 'primary', id: 'vault-submit' }, t(form.button));
    const formEl = el('form', { class: 'vault-form', id: `vault-${state === 'empty' ? 'setup' : 'unlock'}` },
      el('p', { class: 'muted' }, phrase(t, form.intro, { count: MIN_PASSPHRASE_LENGTH })),
      el('label', {}, t('vault_passphrase'), passphrase), passphraseNote,
      confirmation && el('label', {}, t('vault_confirm_passphrase'), confirmation), confirmationNote,
      submit);
    formEl.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      submit.textContent = t('vault_working');
      try {
        await ask(form.action, { passphrase: passphrase.value, confirmation: confirmation?.value });
        await refresh();
      } catch (e) {
        submit.disabled = false;
        submit.textContent = t(form.button);
        formEl.querySelector('.error')?.remove();
        formEl.append(errorLine(e));
        if (e.code === 'tampered') formEl.append(recoverButton(passphrase));
        passphrase.select();
      }
    });
    queueMicrotask(() => passphrase.focus());
    return [formEl];
  }

  /** The current record is damaged: offer the generation kept before it (same passphrase). */
  function recoverButton(passphrase) {
    const button = el('button', { type: 'button', id: 'vault-recover' }, t('vault_recover_previous'));
    button.addEventListener('click', () =>
      ask('vault.recoverPrevious', { passphrase: passphrase.value }).then(() => refresh(), (e) => button.replaceWith(errorLine(e))));
    return button;
  }

  async function savePending() {
    const { items, ...choice } = pending;
    pending = null;
    try {
      const { outcome } = await ask('profiles.import', { items, ...choice });
      // A status region around the list: a list given role=status is no list to assistive tech.
      vaultSection.append(el('div', { class: 'vault-saved', id: 'vault-saved', role: 'status' }, el('ul', {},
        ...outcome.saved.map((s) => el('li', { class: 'ok', 'data-action': s.action }, t(localeKey('vault_import', s.action), [s.name]))))));
      document.dispatchEvent(new CustomEvent('credfill:import-saved'));
    } catch (e) {
      vaultSection.append(errorLine(e));
    }
  }

  document.addEventListener('credfill:save-import', (event) => {
    pending = { items: [], .../** @type {CustomEvent} */ (event).detail };
    refresh();
  });

  refresh();
}

const lockTimeText = (lockAt) =>
  t('vault_unlocked_until', [new Intl.DateTimeFormat(wordsLanguage(t), { timeStyle: 'short' }).format(lockAt)]);

// The popup's *Rotate this key* panel for a Huawei Cloud / Flexible Engine profile (src/flows/rotate_key.rs):
// *Read the keys* (asks for the IAM host, then reads the key's user and keys), then each write after
// its own click, its request shown first: create the new key (the worker saves it in the vault in
// place of the old one; its secret never reaches this page), then deactivate and delete the old key.
// The worker sends; this page only shows.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { dateWords, localeKey, phrase, words } from '../lib/words.js';
import { hostAccess } from './host-access.js';
import { forbidRotation, panelBusy, previewedWrite } from './flow-panel.js';

const KIND = 'rotate-key';

/** `close()`: back to the profile list (which then shows the profile's new key). */
export function rotatePanel(profile, close) {
  const profileId = profile.id;
  const panel = el('div', { class: 'rotate-panel', 'data-profile-id': profileId });
  const read = el('button', { type: 'button', class: 'rotate-read primary' }, t('rotate_read'));
  const closeButton = el('button', { type: 'button', class: 'rotate-close' }, t('vault_cancel'));
  const error = el('p', { class: 'rotate-error error', 'aria-live': 'polite' });
  const body = el('div', { class: 'rotate-body', 'aria-live': 'polite' });
  const access = hostAccess(read, () => ask('flow.origins', { kind: KIND, profileId }));

  /** `button`: disabled and marked busy meanwhile (the read button is host-access.js's). */
  const busy = panelBusy(panel, error, (view) => render(view));

  read.addEventListener('click', () => busy(null, access.start(() => ask('flow.start', { kind: KIND, profileId }),
    () => ask('flow.view', { kind: KIND, profileId }).then((view) => view.keys && view))));
  closeButton.addEventListener('click', close);

  /** A write's request, then the button that sends it. */
  const write = (calls, label, className) => previewedWrite({ kind: KIND, profileId, busy }, calls, label, className);

  const when = (time) => (time ? dateWords(t, time) : t('rotate_unknown_time'));

  function keyItem(key) {
    const line = phrase(t, 'rotate_key_line', {
      accessKey: key.accessKey, status: t(localeKey('rotate_status', key.status)), created: when(key.createdAt), lastUsed: when(key.lastUsedAt),
    });
    const item = el('li', { class: 'rotate-key', 'data-access-key': key.accessKey, 'data-role': key.role, 'data-status': key.status },
      el('span', {}, line), el('br'), el('small', { class: key.role === 'in-use' ? 'ok' : 'muted' }, t(localeKey('rotate_role', key.role))));
    if (key.role === 'in-use') return item;
    // Deactivating first lets the user undo in the console; deleting is the last step.
    const target = { accessKey: key.accessKey };
    const steps = el('details', { class: 'rotate-remove' }, el('summary', {}, t('rotate_delete')),
      ...(key.status === 'active' ? [write([{ action: 'deactivate-key', ...target }], t('rotate_deactivate'), 'rotate-deactivate')] : []),
      write([{ action: 'delete-key', ...target }], t('rotate_delete'), 'rotate-delete'));
    steps.open = key.role === 'replaced';
    item.append(steps);
    return item;
  }

  function render(view) {
    const said = el('ul', { class: 'rotate-said' }, ...view.said.map((line) =>
      el('li', { class: 'check-result', 'data-code': line.code }, words(t, 'rotate', line))));
    const keys = el('ul', { class: 'rotate-keys' }, ...(view.keys ?? []).map(keyItem));
    const next = [];
    if (view.canCreate) next.push(write([{ action: 'create-key' }], t('rotate_create'), 'rotate-create primary'));
    if (view.halfway) next.push(...newKeySteps(view.newKeyTest));
    body.replaceChildren(said, keys, ...next);
  }

  /** Between the new key and the old key's removal: Test keys (the key check), and ModelArts' authorization. */
  function newKeySteps(test) {
    const words = { passed: ['ok', 'rotate_new_key_passed'], 'not-accepted-yet': ['warning', 'rotate_not_propagated'], untested: ['warning', 'rotate_test_first'] }[test];
    const check = el('button', { type: 'button', class: 'rotate-test' }, t('check_test_keys'));
    const checkAccess = hostAccess(check, () => ask('flow.origins', { kind: 'key-check', profileId }));
    // The check records its result on the profile; the rotation's view reads it from there.
    check.addEventListener('click', () => busy(check, checkAccess.start(() => ask('flow.start', { kind: 'key-check', profileId }))
      .then(() => ask('flow.view', { kind: KIND, profileId }))));
    const modelarts = el('button', { type: 'button', class: 'rotate-modelarts' }, t('modelarts_title'));
    modelarts.addEventListener('click', () => {
      const section = document.querySelector('#modelarts-section details');
      if (!(section instanceof HTMLDetailsElement)) return;
      section.open = true;
      section.scrollIntoView();
    });
    return [el('p', { class: `rotate-new-key-test ${words[0]}`, 'data-test': test }, t(words[1])), check,
      el('p', { class: 'muted' }, t('rotate_modelarts')), modelarts];
  }

  ask('flow.view', { kind: KIND, profileId }).then((view) => view.keys && render(view), () => {});
  const buttons = el('div', { class: 'buttons' }, read, closeButton);
  forbidRotation(read, access, buttons);
  panel.append(el('h3', {}, t('rotate_this_key'), ' · ', profile.name), el('p', { class: 'muted' }, t('rotate_intro')), buttons, error, body);
  return panel;
}

// The popup's *Rotate this key* panel for an IBM Cloud profile's API key (src/flows/rotate_ibm_key.rs):
// *Read the key* (asks for IAM's host, then reads the key's record with a token for it), then each write
// after its own click, its request shown first: create the new key (the worker saves it in the vault in
// place of the old one and proves it; its value never reaches this page), then unlock the old key if it
// is locked, and delete it. The worker sends; this page only shows.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { dateWords, localeKey, phrase, words } from '../lib/words.js';
import { hostAccess } from './host-access.js';
import { forbidRotation, panelBusy, previewedWrite } from './flow-panel.js';

const KIND = 'rotate-ibm-key';

/** `close()`: back to the profile list (which then shows the profile's new key). */
export function rotateIbmPanel(profile, close) {
  const profileId = profile.id;
  const panel = el('div', { class: 'rotate-panel', 'data-profile-id': profileId, 'data-kind': KIND });
  const read = el('button', { type: 'button', class: 'rotate-read primary' }, t('rotate_ibm_read'));
  const closeButton = el('button', { type: 'button', class: 'rotate-close' }, t('vault_cancel'));
  const error = el('p', { class: 'rotate-error error', 'aria-live': 'polite' });
  const body = el('div', { class: 'rotate-body', 'aria-live': 'polite' });
  const access = hostAccess(read, () => ask('flow.origins', { kind: KIND, profileId }));
  const busy = panelBusy(panel, error, (view) => render(view));
  const found = (view) => (view.key || view.replaced || view.said.length) && view;

  read.addEventListener('click', () => busy(null, access.start(() => ask('flow.start', { kind: KIND, profileId }),
    () => ask('flow.view', { kind: KIND, profileId }).then(found))));
  closeButton.addEventListener('click', close);

  /** A write's request, then the button that sends it. */
  const write = (calls, label, className) => previewedWrite({ kind: KIND, profileId, busy }, calls, label, className);

  function keyItem(key, role) {
    const created = key.created_at ? dateWords(t, key.created_at) : t('rotate_unknown_time');
    return el('li', { class: 'rotate-key', 'data-key-id': key.id, 'data-role': role, 'data-locked': String(key.locked) },
      el('span', {}, phrase(t, 'rotate_ibm_key_line', { name: key.name, id: key.id, created })), el('br'),
      el('small', { class: role === 'in-use' ? 'ok' : 'muted' }, t(localeKey('rotate_ibm_role', role))));
  }

  function render(view) {
    const said = el('ul', { class: 'rotate-said' }, ...view.said.map((line) =>
      el('li', { class: 'check-result', 'data-code': line.code }, words(t, 'rotate_ibm', line))));
    const keys = el('ul', { class: 'rotate-keys' },
      ...(view.key ? [keyItem(view.key, 'in-use')] : []), ...(view.replaced ? [keyItem(view.replaced, 'replaced')] : []));
    const next = [];
    if (view.canCreate) next.push(write([{ action: 'create-key' }], t('rotate_create'), 'rotate-create primary'));
    if (view.next) {
      const unlock = view.next.action === 'unlock-key';
      next.push(write([view.next], t(unlock ? 'rotate_ibm_unlock' : 'rotate_ibm_delete'), unlock ? 'rotate-unlock' : 'rotate-delete'));
    }
    body.replaceChildren(said, keys, ...next);
  }

  ask('flow.view', { kind: KIND, profileId }).then((view) => found(view) && render(view), () => {});
  const buttons = el('div', { class: 'buttons' }, read, closeButton);
  forbidRotation(read, access, buttons);
  panel.append(el('h3', {}, t('rotate_this_key'), ' · ', profile.name), el('p', { class: 'muted' }, t('rotate_ibm_intro')), buttons, error, body);
  return panel;
}

// The popup section for fill: "Fill this page" for the tab the popup belongs to, a profile chooser
// when several fit, the confirmation a cross-origin frame needs, and what was filled, skipped, missing.
import { el, whileBusy } from '../lib/dom.js';
import { ask } from '../lib/messages.js';
import { t } from '../lib/i18n.js';
import { activeTabId } from './tab.js';
import { errorWords, localeKey } from '../lib/words.js';

const button = (id, text, onClick) => {
  const b = el('button', { type: 'button', id }, text);
  b.addEventListener('click', onClick);
  return b;
};

const slotName = (slot) => t(localeKey('fill_slot', slot));
const reasonName = (reason) => t(localeKey('fill_reason', reason));

/** A field as the report names it: the slot, and the page's own label for it when it has one. */
const fieldName = ({ slot, label }) => (label ? t('fill_field', [slotName(slot), label]) : slotName(slot));
const list = (items) => items.join(t('list_separator'));

function resultLines(result) {
  const lines = [];
  const line = (kind, text) => lines.push(el('p', { className: `fill-${kind}`, 'data-kind': kind }, text));
  if (result.filled.length) line('filled', t('fill_filled', [result.profile.name, list(result.filled.map(fieldName))]));
  if (result.skipped.length) line('skipped', t('fill_skipped', [list(result.skipped.map((s) => t('fill_skipped_item', [fieldName(s), reasonName(s.reason)])))]));
  if (result.missing.length) line('missing', t('fill_missing', [list(result.missing.map(slotName))]));
  if (!lines.length) lines.push(el('p', { className: 'muted' }, t('fill_nothing')));
  return lines;
}

export function mountFill(section) {
  const status = el('p', { id: 'fill-console', className: 'muted' });
  const output = el('div', { id: 'fill-result', 'data-state': 'idle', role: 'status' });
  const runButton = button('fill-run', t('fill_run'), () => run({}));
  // Shown once load() knows the tab and that it is a console: a click before that had no tab to fill.
  runButton.hidden = true;
  section.append(el('h2', {}, t('fill_title')), status, runButton, output);
  let tabId;

  const show = (state, ...nodes) => {
    output.dataset.state = state;
    output.replaceChildren(...nodes);
  };

  const showError = (e) =>
    show('error', el('p', { className: 'error', role: 'alert', 'data-code': e.code ?? 'internal' }, errorWords(t, 'vault_error', e)));

  function run(options) {
    show('running');
    return whileBusy(runButton, ask('fill.run', { tabId, ...options }).then(render).catch(showError));
  }

  function render(result) {
    switch (result.status) {
      case 'choose-profile':
        return show('choose-profile', el('p', {}, t('fill_choose_profile')),
          ...result.profiles.map((p) => button(`fill-profile-${p.id}`, p.name ?? p.id, () => run({ profileId: p.id }))));
      case 'confirm-frame': // the page's own frames are filled already: show that, then ask
        return show('confirm-frame', ...(result.filled.length ? resultLines(result) : []),
          el('p', { id: 'fill-confirm-text' }, t('fill_confirm_frame', [result.origin])),
          button('fill-confirm', t('fill_confirm'), () => run({ profileId: result.profileId, confirmedFrameOrigin: result.origin })),
          button('fill-cancel', t('fill_cancel'), () => show('idle')));
      case 'no-profile':
        return show('no-profile', el('p', {}, t('fill_no_profile')));
      case 'refused':
        return show('refused', el('p', { className: 'error', 'data-code': result.code }, t('fill_refused', [result.message])));
      default:
        return show('filled', ...resultLines(result));
    }
  }

  /** Reads the tab's console and profiles anew: at start, and after every lock, unlock or save. */
  async function load() {
    tabId ??= await activeTabId();
    const { console: site, profiles, resume, locked, waiting } = await ask('fill.status', { tabId });
    status.textContent = site ? t('fill_console', [site.host]) : t('fill_not_console');
    section.dataset.console = site?.provider ?? 'none';
    runButton.hidden = !site || Boolean(locked);
    if (locked) {
      // The vault section asks for the passphrase: nothing here to press until then, but a fill the
      // shortcut or the menu started runs once the vault is open.
      return show('locked', ...(waiting ? [el('p', { id: 'fill-waiting' }, t('fill_after_unlock', [site?.host ?? '']))] : []));
    }
    if (site && !profiles.length) show('no-profile', el('p', {}, t('fill_no_profile')));
    else if (['locked', 'no-profile', 'error'].includes(output.dataset.state)) show('idle');
    if (resume) await run({}); // the keyboard command or the context menu started this fill
  }

  // popup/vault.js tells every state it shows, the first one included.
  document.addEventListener('credfill:vault-state', () => load().catch(showError));
}

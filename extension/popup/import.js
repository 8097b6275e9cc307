// The popup's import section: a file (picked or dropped) or pasted text goes to the worker's core;
// what it found is shown for review (secrets masked), then can be saved as a profile.
import { el } from '../lib/dom.js';
import { ask } from '../lib/messages.js';
import { t } from '../lib/i18n.js';
import { showImport, wireImportInputs } from '../lib/import-view.js';

export function mountImport(section) {
  const file = el('input', { type: 'file', id: 'import-file', accept: '.csv,.json,.txt,text/csv,application/json,text/plain' });
  const drop = el('label', { className: 'drop', id: 'import-drop', htmlFor: 'import-file' }, t('importDrop'), file);
  const paste = el('textarea', { id: 'import-paste', rows: 3, spellcheck: false, autocomplete: 'off', placeholder: t('pastePlaceholder') });
  const readPaste = el('button', { type: 'button', id: 'import-paste-read' }, t('readPasted'));
  const result = el('div', { id: 'import-result', ariaLive: 'polite' });
  const save = el('button', { type: 'button', id: 'import-save', className: 'primary', hidden: true }, t('importSaveProfile'));
  section.append(el('h2', {}, t('importTitle')), drop, el('details', {}, el('summary', {}, t('pasteInstead')), paste, readPaste), result, save);

  let found = [];
  async function importBytes(bytes, fileName) {
    let outcome;
    try {
      outcome = { result: await ask('import.parse', { base64: bytes.toBase64(), fileName }) };
    } catch (error) {
      outcome = { error };
    }
    showImport(result, t, outcome);
    found = outcome.result?.items ?? [];
    save.hidden = found.length === 0;
  }
  wireImportInputs({ file, drop, paste, readPaste }, { limit: () => ask('import.limit'), importBytes });
  // The vault listens for this and stores the items (see popup/vault.js).
  save.addEventListener('click', () => document.dispatchEvent(new CustomEvent('credfill:save-import', { detail: { items: found } })));
}

// The popup's import section: a file (picked or dropped) or pasted text goes to the worker's core;
// what it found is shown for review (secrets masked), then can be saved as a profile.
import { ask } from '../lib/messages.js';
import { t } from '../lib/i18n.js';
import { readLimited, showImport } from '../lib/import-view.js';

function el(tag, attrs = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attrs);
  node.append(...children);
  return node;
}

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
  async function importFile(f) {
    const limit = await ask('import.limit');
    const { bytes, fileName } = await readLimited(f, limit);
    await importBytes(bytes, fileName);
  }

  file.addEventListener('change', () => file.files[0] && importFile(file.files[0]));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) importFile(e.dataTransfer.files[0]);
  });
  readPaste.addEventListener('click', () => importBytes(new TextEncoder().encode(paste.value), undefined));
  // The vault listens for this and stores the items (see popup/vault.js).
  save.addEventListener('click', () => document.dispatchEvent(new CustomEvent('credfill:save-import', { detail: { items: found } })));
}

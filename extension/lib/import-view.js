// Shows what an import found: one card per credential, secrets masked until the user reveals them,
// then warnings and the error (with its line). Shared by the popup and the standalone page (www/).
// Builds DOM nodes only (never innerHTML), so nothing in a file can inject markup.

import { el } from './dom.js';
import { SECRET_FIELDS } from './secret-fields.js';
import { dateWords, errorWords, localeKey, phrase, words } from './words.js';
const FIELD_ORDER = [
  'issuer', 'userName', 'name', 'displayName', 'accessKeyId', 'secretAccessKey', 'securityToken', 'expiresAt',
  'apiKey', 'description', 'createdAt', 'id', 'instanceId', 'guid', 'crn', 'location', 'serviceName', 'accountId',
  'url', 'iamServiceIdCrn', 'iamRoleCrn', 'clientId', 'clientSecret', 'tenantId',
];
const MASK = '••••••••••••';

/** What was said, then where, joined as the language joins two sentences (no space after "。"). */
function placed(t, text, { line, column }) {
  if (line == null) return text;
  const where = column == null ? t('at_line', [String(line)]) : t('at_line_column', [String(line), String(column)]);
  return phrase(t, 'two_sentences', { first: text, second: where });
}

function secretValue(t, value) {
  const shown = el('code', { class: 'secret', 'data-revealed': 'false' }, MASK);
  const toggle = el('button', { type: 'button', class: 'reveal' }, t('reveal'));
  toggle.addEventListener('click', () => {
    const reveal = shown.dataset.revealed === 'false';
    shown.textContent = reveal ? value : MASK;
    shown.dataset.revealed = String(reveal);
    toggle.textContent = t(reveal ? 'hide' : 'reveal');
  });
  return [shown, toggle];
}

/** A field's value: an issuer by its name, a date the core read (`instant`, ms) in the user's language, else as written. */
function shownValue(t, field, value, instant) {
  if (field === 'issuer') return el('span', {}, t(localeKey('issuer', value)));
  if (instant != null) return el('time', { dateTime: new Date(instant).toISOString() }, dateWords(t, instant));
  return el('code', {}, String(value));
}

/** One card per item; `t(key, subs)` is the page's translator, `dates[i]` the instants of item i's dates. */
export function renderItems(t, items, dates = []) {
  return items.map((item, index) => {
    const rows = FIELD_ORDER.filter((f) => item[f] != null && item[f] !== '').map((field) =>
      el('div', { class: 'field', 'data-field': field },
        el('dt', {}, t(localeKey('field', field))),
        el('dd', {}, ...(SECRET_FIELDS.has(field) ? secretValue(t, item[field]) : [shownValue(t, field, item[field], dates[index]?.[field])]))));
    return el('article', { class: 'item', 'data-kind': item.kind, 'data-index': String(index) },
      el('h3', {}, t(localeKey('kind', item.kind))), el('dl', {}, ...rows));
  });
}

export function renderWarnings(t, warnings) {
  if (!warnings.length) return [];
  return [el('ul', { class: 'warnings' },
    ...warnings.map((w) => el('li', { class: 'warning', 'data-code': w.code }, placed(t, words(t, 'warning', w), w))))];
}

export function renderError(t, error) {
  return el('p', { class: 'error', 'data-code': error.code ?? 'internal', role: 'alert' },
    placed(t, phrase(t, 'two_sentences', { first: t('import_failed'), second: errorWords(t, 'error', error) }), error));
}

/** Replaces `container`'s content with the result of one import: `{items, warnings}` or an error. */
export function showImport(container, t, outcome) {
  container.replaceChildren();
  if (outcome.error) {
    container.append(renderError(t, outcome.error));
    return;
  }
  const { items, warnings, dates } = outcome.result;
  container.append(el('p', { class: 'summary ok' }, phrase(t, 'found_items', { count: items.length })),
    ...renderItems(t, items, dates), ...renderWarnings(t, warnings));
}

/**
 * Reads a picked or dropped File as bytes (the core detects the format; the name is only a hint).
 * Only one byte past the core's size limit is read, so a huge file is refused without loading it.
 */
export async function readLimited(file, limit) {
  return { bytes: new Uint8Array(await file.slice(0, limit + 1).arrayBuffer()), fileName: file.name };
}

/**
 * Wires a file input, its drop zone and a paste area to one import function:
 * `importBytes(bytes, fileName?, seen?)`, `seen` being what the page saw of a file
 * (`{name, size, lastModified}`: what finds its download). Files are read up to `limit()` + 1 bytes
 * (see readLimited).
 */
export function wireImportInputs({ file, drop, paste, readPaste }, { limit, importBytes }) {
  const importFile = async (f) => {
    const { bytes, fileName } = await readLimited(f, await limit());
    await importBytes(bytes, fileName, { name: f.name, size: f.size, lastModified: f.lastModified });
  };
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
}

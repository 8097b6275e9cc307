// One line for a `{code, message}` error from the worker: the vault's known codes in the user's
// language (vault_error_<code> in _locales), anything else with the worker's own message.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export function errorLine(e) {
  const key = `vault_error_${String(e?.code ?? '').replaceAll('-', '_')}`;
  const known = t(key);
  const text = known !== key ? known : (e?.message ?? String(e));
  return el('p', { class: 'error', role: 'alert', 'data-code': e?.code ?? 'internal' }, text);
}

// One line for a `{code, message}` error: the known codes in the user's language (<prefix><code> in
// _locales, vault_error_ by default), anything else with the error's own message.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export function errorLine(e, prefix = 'vault_error_') {
  const key = `${prefix}${String(e?.code ?? '').replaceAll('-', '_')}`;
  const known = t(key);
  const text = known !== key ? known : (e?.message ?? String(e));
  return el('p', { class: 'error', role: 'alert', 'data-code': e?.code ?? 'internal' }, text);
}

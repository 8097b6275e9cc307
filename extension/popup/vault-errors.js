// One line for a `{code, params?, message}` error, in words (lib/words.js errorWords): <prefix>_<code>
// in _locales, vault_error by default.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { errorWords } from '../lib/words.js';

export function errorLine(e, prefix = 'vault_error') {
  return el('p', { class: 'error', role: 'alert', 'data-code': e?.code ?? 'internal' }, errorWords(t, prefix, e));
}

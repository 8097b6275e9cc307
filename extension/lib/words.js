// The one renderer of the core's words. The Rust core speaks in `{code, params}` (src/words.rs);
// the words live in _locales under `<prefix>_<code>` (`-` written `_`), with each param written
// `{name}`: getMessage leaves braces alone, only `$` is special to it
// (https://developer.chrome.com/docs/extensions/reference/api/i18n). Used by the popup, the options page and www/, each passing its own `t(key)`, which
// answers the key itself when a language lacks it (tests/js/words.test.mjs checks none does).

/** The _locales key of a code (src/words.rs `locale_key`). */
export const localeKey = (prefix, code) => `${prefix}_${code.replaceAll('-', '_')}`;

/**
 * The user's words for `{code, params}` of the kind `prefix` (`error`, `warning`, `check`…); the key
 * itself when no language has words for it.
 */
export function words(t, prefix, { code, params = {} }) {
  return t(localeKey(prefix, code)).replace(/\{(\w+)\}/g, (_, name) => shown(t, params[name]));
}

/**
 * An error in words: the core's `{code, params}` (and the extension's own known codes) from _locales;
 * an error without words of its own kind by its message (which the extension wrote with `t`).
 */
export function errorWords(t, prefix, error) {
  const code = String(error?.code ?? 'internal');
  const text = words(t, prefix, { code, params: error?.params });
  return text === localeKey(prefix, code) ? (error?.message ?? String(error)) : text;
}

// Numbers and units in the page's language (set from the UI language by localize()).
const language = () => globalThis.document?.documentElement.lang || undefined;

/** A param as src/words.rs `Param` serializes it: number, text, list, `{term}` or `{amount, unit}`. */
function shown(t, value) {
  if (typeof value === 'number') return new Intl.NumberFormat(language()).format(value);
  if (Array.isArray(value)) return value.join(t('listSeparator'));
  if (value?.term) return t(value.term);
  if (value?.unit) {
    return new Intl.NumberFormat(language(), { style: 'unit', unit: value.unit, unitDisplay: 'long' }).format(value.amount);
  }
  return String(value ?? '');
}

// The one renderer of the core's words. The Rust core speaks in `{code, params}` (src/words.rs);
// the words live in _locales under `<prefix>_<code>` (`-` written `_`), with each param written
// `{name}`. Used by the popup, the options page and www/, each passing its own `t(key)`, which
// answers the key itself when a language lacks it (tests/js/words.test.mjs checks none does).

/** The user's words for `{code, params}` of the kind `prefix` (`error`, `warning`, `check`). */
export function words(t, prefix, { code, params = {} }) {
  return t(`${prefix}_${code.replaceAll('-', '_')}`).replace(/\{(\w+)\}/g, (_, name) => shown(t, params[name]));
}

// Numbers and units in the page's language (set from the UI language by localize()).
const language = () => globalThis.document?.documentElement.lang || undefined;

/** A param as src/words.rs `Param` serializes it: number, text, list, `{field}` or `{amount, unit}`. */
function shown(t, value) {
  if (typeof value === 'number') return new Intl.NumberFormat(language()).format(value);
  if (Array.isArray(value)) return value.join(t('listSeparator'));
  if (value?.field) return t(`field_${value.field}`);
  if (value?.unit) {
    return new Intl.NumberFormat(language(), { style: 'unit', unit: value.unit, unitDisplay: 'long' }).format(value.amount);
  }
  return String(value ?? '');
}

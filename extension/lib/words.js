// The one renderer of words with values in them. The Rust core speaks in `{code, params}` (src/words.rs);
// the words live in _locales under `localeKey(prefix, code)`, with each param written
// `{name}`: getMessage leaves braces alone, only `$` is special to it
// (https://developer.chrome.com/docs/extensions/reference/api/i18n). A count is written as an ICU
// plural, `{count, plural, one {# folder} other {# folders}}`
// (https://unicode-org.github.io/icu/userguide/format_parse/messages/), its form chosen by the words'
// own language's rules (`Intl.PluralRules`: French says "0 dossier", Chinese has one form).
// Used by the popup, the options page, the worker and www/, each passing its own `t(key)`, which
// answers the key itself when a language lacks it (tests/js/words.test.mjs checks none does).

/**
 * The _locales key of a code (src/words.rs `locale_key`): `<prefix>_<code>` with each `-` and each
 * lower-to-upper step of a camelCase code (a field's name) written `_`, in lower case, the one style of every key.
 */
export const localeKey = (prefix, code) => `${prefix}_${code.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replaceAll('-', '_').toLowerCase()}`;

/** The language the words of `t` are written in (each catalog's `locale`), for numbers, plurals and dates. */
export const wordsLanguage = (t) => {
  const locale = t('locale');
  return locale === 'locale' ? undefined : locale;
};

// `{name, plural, <category> {text} …}`: the text of each form holds no braces; `#` is the number.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The form of a plural block for `count`: an exact `=n`, else the language's category, else `other`. */
function pluralForm(language, forms, count) {
  const byCategory = Object.fromEntries([...forms.matchAll(FORM)].map(([, category, text]) => [category, text]));
  const number = Number(count);
  const category = new Intl.PluralRules(language).select(number);
  const text = byCategory[`=${number}`] ?? byCategory[category] ?? byCategory.other ?? '';
  return text.replaceAll('#', new Intl.NumberFormat(language).format(number));
}

/** `{key: words}` for each of `keys`, as the core takes the words it writes into text (a snippet's comments). */
export const wordsOf = (t, keys) => Object.fromEntries(keys.map((key) => [key, t(key)]));

/** The message `key` with its `{name}` params and plurals filled, in the words' language. */
export function phrase(t, key, params = {}) {
  const language = wordsLanguage(t);
  return t(key)
    .replace(PLURAL, (_, name, forms) => pluralForm(language, forms, params[name]))
    .replace(/\{(\w+)\}/g, (_, name) => shown(t, language, params[name]));
}

/**
 * The user's words for `{code, params}` of the kind `prefix` (`error`, `warning`, `check`…); the key
 * itself when no language has words for it.
 */
export function words(t, prefix, { code, params = {} }) {
  return phrase(t, localeKey(prefix, code), params);
}

/**
 * An error in words: the core's `{code, params}` (and the extension's own known codes) from _locales;
 * an error without words of its own kind by its message (which the extension wrote with `t`).
 */
export function errorWords(t, prefix, error) {
  const code = String(error?.code ?? 'internal');
  // The organisation's refusals (src/policy) have words of their own, whichever panel shows them.
  const kind = code.startsWith('policy-') ? 'managed' : prefix;
  const text = words(t, kind, { code, params: error?.params });
  return text === localeKey(kind, code) ? (error?.message ?? String(error)) : text;
}

/** An instant (ms since the epoch, or a date text the browser reads) as the words' language writes it; the text itself otherwise. */
export function dateWords(t, when) {
  const date = new Date(when);
  if (when == null || Number.isNaN(date.getTime())) return String(when ?? '');
  return new Intl.DateTimeFormat(wordsLanguage(t), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A code the user may need as it is (a region, a storage class, an authorization type) with the
 * words of `<prefix>_<code>` beside it, "华北-北京四（cn-north-4）"; the code alone when it has none.
 */
export function coded(t, prefix, code) {
  const key = localeKey(prefix, code ?? '');
  const word = code ? t(key) : key;
  return word === key ? String(code ?? '') : phrase(t, 'word_with_code', { word, code });
}

/** A param as src/words.rs `Param` serializes it: number, text, list, `{term, code}`, `{term}` or `{amount, unit}`. */
function shown(t, language, value) {
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  if (Array.isArray(value)) return value.join(t('list_separator'));
  if (value?.term && value.code) return phrase(t, 'word_with_code', { word: t(value.term), code: value.code });
  if (value?.term) return t(value.term);
  if (value?.unit) {
    return new Intl.NumberFormat(language, { style: 'unit', unit: value.unit, unitDisplay: 'long' }).format(value.amount);
  }
  return String(value ?? '');
}

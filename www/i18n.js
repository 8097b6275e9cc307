// The standalone page speaks the extension's languages, from the same _locales files.
import en from '../extension/_locales/en/messages.json';
import fr from '../extension/_locales/fr/messages.json';
import zhCN from '../extension/_locales/zh_CN/messages.json';

const CATALOGS = { en, fr, zh: zhCN };
const catalog = CATALOGS[(navigator.language || 'en').slice(0, 2)] ?? en;

/** Same contract as browser.i18n.getMessage: `$1`… replaced by the substitutions. */
export function t(key, substitutions = []) {
  const message = catalog[key]?.message ?? en[key]?.message ?? key;
  return message.replace(/\$(\d)/g, (_, n) => substitutions[n - 1] ?? '');
}

export function localize(root = document) {
  document.documentElement.lang = catalog === zhCN ? 'zh-CN' : catalog === fr ? 'fr' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

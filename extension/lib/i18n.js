// Every visible string comes from _locales: elements name their message with data-i18n (text)
// or data-i18n-title / data-i18n-placeholder / data-i18n-aria-label (attributes).
import { api } from './browser.js';

const ATTRIBUTES = ['title', 'placeholder', 'aria-label'];

export function t(key, substitutions) {
  return api.i18n.getMessage(key, substitutions) || key;
}

export function localize(root = document) {
  document.documentElement.lang = api.i18n.getUILanguage();
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n]'))) el.textContent = t(el.dataset.i18n);
  for (const attr of ATTRIBUTES) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
  }
}

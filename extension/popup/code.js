// The popup's "Use in code" section: per profile, the snippets the core renders for the SDKs and
// CLIs of its cloud (background/code.js). The default snippet holds no secret and says which
// environment variable it reads; "Copy with secret…" and "Download…" need a second, explicit click
// after a warning. After a copy with the secret the worker clears the clipboard once the delay is
// over, if it still holds the copy, when credfill may read the clipboard ("Allow clearing" asks).
import { api } from '../lib/browser.js';
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { codePanel } from '../lib/code-panel.js';
import { CLIPBOARD_PERMISSIONS } from '../lib/clipboard.js';


/** The worker renders: it alone holds the unlocked vault. */
const backend = {
  offers: (chosen) => ask('code.offers', chosen),
  render: (chosen) => ask('code.render', chosen),
  copySecret: (chosen) => ask('code.copySecret', chosen),
  download: (chosen) => ask('code.download', chosen),
  allowClearing: () => api.permissions.request(CLIPBOARD_PERMISSIONS),
};

/** A collapsed section: opening it lists the profiles as they are now. */
export function mountCode(section) {
  const body = el('div', { class: 'code-body' });
  const details = el('details', { class: 'code' }, el('summary', { class: 'code-title' }, t('code_title')), body);
  async function render() {
    const [profiles, policy] = await Promise.all([ask('profiles.view').then((view) => view.profiles, () => []), ask('policy.view').catch(() => null)]);
    body.replaceChildren(...(profiles.length ? codePanel(t, profiles, { ...backend, policy }) : [el('p', { class: 'muted code-empty' }, t('code_no_profiles'))]));
  }
  details.addEventListener('toggle', () => details.open && render());
  document.addEventListener('credfill:vault-state', () => details.open && render());
  section.replaceChildren(details);
}

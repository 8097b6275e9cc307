// The popup's "Use in code" section: per profile, the snippets the core renders for the SDKs and
// CLIs of its cloud (background/code.js). The default snippet holds no secret and says which
// environment variable it reads; "Copy with secret…" and "Download…" need a second, explicit click
// after a warning. After a copy with the secret the worker clears the clipboard once the delay is
// over, if it still holds the copy, when credfill may read the clipboard ("Allow clearing" asks).
// A short-lived key (a temporary AK/SK, an IBM bearer token) is the `temporary-key` flow's: this page
// shows its request and starts it; the worker sends it and gives back only the snippet.
import { api } from '../lib/browser.js';
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { codePanel } from '../lib/code-panel.js';
import { CLIPBOARD_PERMISSIONS } from '../lib/clipboard.js';
import { policyView, previews } from './flow-panel.js';
import { hostAccess } from './host-access.js';

/** @type {import('../pkg/credfill.js').FlowKind} */
const KIND = 'temporary-key';
const keyFor = (seconds) => [{ action: 'issue', seconds }];

/** What lets the first click fail with the flow's own words: the line its run said. */
function unless(view) {
  if (view?.said?.length) throw { said: view.said[0] };
  return view;
}

/**
 * The temporary key of the profile `profileId()`, for the panel's `button`: its IAM host asked for in
 * the click that reads the account, then the request shown (`prepare`), then sent (`issue`).
 */
function temporary(button, profileId) {
  const access = hostAccess(button, () => ask('flow.origins', { kind: KIND, profileId: profileId() }));
  const flow = () => ({ kind: KIND, profileId: profileId() });
  return {
    learn: access.learn,
    async prepare(seconds) {
      const view = await access.start(() => ask('flow.start', flow()), () => ask('flow.view', flow()).then((v) => (v.ready || v.said.length) && v));
      unless(view);
      return previews(await ask('flow.preview', { ...flow(), ask: { calls: keyFor(seconds) } }), 'code-temporary-request');
    },
    issue: async ({ target, download }, seconds) => unless(await ask('flow.write', { ...flow(), target, download, calls: keyFor(seconds) })),
  };
}


/** The worker renders: it alone holds the unlocked vault. */
const backend = {
  offers: (chosen) => ask('code.offers', chosen),
  render: (chosen) => ask('code.render', chosen),
  copySecret: (chosen) => ask('code.copySecret', chosen),
  download: (chosen) => ask('code.download', chosen),
  allowClearing: () => api.permissions.request(CLIPBOARD_PERMISSIONS),
  temporary,
};

/** A collapsed section: opening it lists the profiles as they are now. */
export function mountCode(section) {
  const body = el('div', { class: 'code-body' });
  const details = el('details', { class: 'code' }, el('summary', { class: 'code-title' }, t('code_title')), body);
  async function render() {
    const [profiles, policy] = await Promise.all([ask('profiles.view').then((view) => view.profiles, () => []), policyView()]);
    body.replaceChildren(...(profiles.length ? codePanel(t, profiles, { ...backend, policy }) : [el('p', { class: 'muted code-empty' }, t('code_no_profiles'))]));
  }
  details.addEventListener('toggle', () => details.open && render());
  document.addEventListener('credfill:vault-state', () => details.open && render());
  section.replaceChildren(details);
}

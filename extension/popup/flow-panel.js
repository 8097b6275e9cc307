// What the panels of flows with writes share (Prepare ModelArts, the key rotations, OpenScale, Use in code):
// the organisation's policy, to disable ahead of time a write it forbids (lib/policy-forbids.js); a write's
// request as the user reads it before the click that sends it (the core's preview: no signature, a secret
// as ••••), and the panel's busy state while the worker runs a step.
import { el, whileBusy } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { forbidWrite } from '../lib/policy-forbids.js';
import { errorWords } from '../lib/words.js';

/** The organisation's policy as the worker's core reads it; null when it cannot say (the worker still refuses). */
export const policyView = () => ask('policy.view').catch(() => null);

/** A request as the user reads it before sending: method, URL, headers, body. */
function previewText({ method, url, headers, body }) {
  const lines = [`${method} ${url}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return body ? `${lines.join('\n')}\n\n${body}` : lines.join('\n');
}

/** `planned`: the core's `[{call, preview}]`; each shown in a `<pre class="${className}">`, in a list `${className}s`. */
export function previews(planned, className) {
  return el('ol', { class: `${className}s` }, ...planned.map(({ call, preview }) =>
    el('li', { 'data-action': call.action }, el('pre', { class: className }, previewText(preview)))));
}

/**
 * `busy(button, promise)` for a panel `root`: marks it busy until `promise` (a step in the worker)
 * settles, then `render`s the view it gives (not a `{waiting}` one) or puts the error's words in `error`.
 * `button` is disabled meanwhile (null: one host-access.js handles).
 */
export function panelBusy(root, error, render) {
  return (button, promise) => {
    root.setAttribute('aria-busy', 'true');
    error.textContent = '';
    const work = promise
      .then((view) => view && !view.waiting && render(view))
      .catch((e) => (error.textContent = errorWords(t, 'check_error', e)));
    return (button ? whileBusy(button, work) : work).finally(() => root.removeAttribute('aria-busy'));
  };
}

/**
 * A rotation panel's `read` button (its first step, `access` its host-access.js), disabled with the reason
 * placed after `before` when the organisation does not allow rotating keys: said ahead of every read.
 * @param {HTMLButtonElement} read
 * @param {{ forbid: () => void }} access
 * @param {HTMLElement} before
 */
export function forbidRotation(read, access, before) {
  policyView().then((policy) => {
    const line = forbidWrite(t, policy, 'rotate-key', [read], 'rotate-forbidden');
    if (!line) return;
    access.forbid();
    before.after(line);
  });
}

/**
 * A rotation's write: its request as the core previews it, then the button that sends it (enabled once
 * the request is on screen); `busy` is the panel's (`panelBusy`), which shows the flow's next view.
 * @param {{ kind: import('../pkg/credfill.js').FlowKind, profileId: string, busy: (button: HTMLButtonElement, work: Promise<any>) => unknown }} flow
 * @param {unknown[]} calls
 * @param {string} label
 * @param {string} className
 */
export function previewedWrite({ kind, profileId, busy }, calls, label, className) {
  const button = el('button', { type: 'button', class: className, disabled: true }, label);
  const plan = el('div', { class: 'rotate-plan' });
  ask('flow.preview', { kind, profileId, ask: { calls } }).then((planned) => {
    plan.replaceChildren(el('p', { class: 'muted' }, t('rotate_will_send')), previews(planned, 'rotate-preview'));
    button.disabled = false;
  }, (e) => plan.replaceChildren(el('p', { class: 'error' }, errorWords(t, 'check_error', e))));
  button.addEventListener('click', () => busy(button, ask('flow.write', { kind, profileId, calls })));
  return el('div', { class: 'rotate-write' }, plan, button);
}

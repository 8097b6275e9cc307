// What the organisation's managed policy forbids, as the core read it (the worker's `policy.view`,
// src/policy/): a page disables or hides it ahead of time and says why; the worker refuses it anyway.
import { el } from './dom.js';
import { localeKey, phrase } from './words.js';

/**
 * Whether the policy allows the setup write `write` (the core's `SetupWrite`, `'create-bucket'`…), as its
 * `allowedWrites` answers; no policy read (www/, or the worker could not say): allowed here, the worker checks.
 * @param {import('../pkg/credfill.js').ManagedPolicy | null | undefined} policy
 * @param {import('../pkg/credfill.js').SetupWrite} write
 */
export const writeAllowed = (policy, write) => policy?.allowedWrites[write] ?? true;

let lines = 0;

/** The line saying the organisation does not allow `what` (a `managed_what_<what>` term), with an id to point at. */
export function forbiddenLine(t, what, className) {
  return el('p', { class: `muted ${className}`, id: `forbidden-${what}-${++lines}`, 'data-what': what },
    phrase(t, 'managed_policy_forbids', { what: { term: localeKey('managed_what', what) } }));
}

/** `button` disabled for the reason `line` says: in its title and, for a screen reader, its description. */
export function disableFor(button, line) {
  button.disabled = true;
  button.title = line.textContent ?? '';
  button.setAttribute('aria-describedby', line.id);
}

/**
 * When the policy forbids `write`: each of `buttons` disabled, its reason in its title and, for a screen
 * reader, in the line it returns (which the caller shows); null when it is allowed.
 * @param {(key: string) => string} t
 * @param {import('../pkg/credfill.js').ManagedPolicy | null | undefined} policy
 * @param {import('../pkg/credfill.js').SetupWrite} write
 * @param {HTMLButtonElement[]} buttons
 * @param {string} className
 */
export function forbidWrite(t, policy, write, buttons, className) {
  if (writeAllowed(policy, write)) return null;
  const line = forbiddenLine(t, write, className);
  for (const button of buttons) disableFor(button, line);
  return line;
}

// Locked or unlocked: the derived key lives only in storage.session (memory, gone with the browser,
// never written to disk, and not readable by content scripts), next to the moment the vault locks by
// itself. The deadline is stored, not timed in this worker, because the browser stops idle workers:
// it is checked on every use and on every wake, and an alarm wakes the worker when it is due.
//
// Idle means no user action. Only what the user drives pushes the deadline back: a message from the
// extension's own pages (popup, options) and a fill gesture (keyboard command, context menu). Using
// the key is not activity: tab events, alarms and badges read the vault or its cached counts and
// never keep it open, or a console tab that reloads on its own would keep it unlocked for ever.
import { api } from '../lib/browser.js';
import { readSettings } from '../lib/vault-settings.js';

/** The derived key, while the vault is unlocked. */
export const VAULT_KEY = 'vault.key';
const LOCK_AT = 'vault.lockAt';
export const AUTO_LOCK_ALARM = 'vault-auto-lock';

const locked = () => ({ code: 'locked', message: 'The vault is locked.' });

/** Only the extension's own pages and worker may read session storage (Chrome's default, made explicit). */
export async function keepSessionFromContentScripts() {
  await api.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
}

/** The session's key and deadline; locks first when the deadline has passed. */
async function unlockedSession() {
  const { [VAULT_KEY]: key, [LOCK_AT]: lockAt } = await api.storage.session.get([VAULT_KEY, LOCK_AT]);
  if (!key) return null;
  if (!(Date.now() < lockAt)) {
    await lock();
    return null;
  }
  return { key, lockAt };
}

/** The unlocked key; throws `{code: 'locked'}`. Not activity: the deadline stays where it is. */
export async function useKey() {
  const session = await unlockedSession();
  if (!session) throw locked();
  return session.key;
}

/** A user action: pushes the idle deadline back while the vault is unlocked (a passed one locks first). */
export async function noteActivity() {
  if (await unlockedSession()) await scheduleLock();
}

/**
 * `handlers` (router form) where every one that only the extension's own pages may call notes a user
 * action `before` it runs (the router does that while the core gets ready). A handler a content
 * script may call is left as it is: a page can make its content script talk, so that is never the
 * user's activity.
 */
export function asUserActions(handlers) {
  const ownPagesOnly = (handler) => handler.from.length > 0 && handler.from.every((kind) => kind === 'extension');
  return Object.fromEntries(Object.entries(handlers).map(([type, handler]) => [type, !ownPagesOnly(handler) ? handler : {
    ...handler,
    before: noteActivity,
  }]));
}

/** When the vault will lock itself (ms since epoch), or null when it is locked. Not activity. */
export async function lockDeadline() {
  return (await unlockedSession())?.lockAt ?? null;
}

/** Locks if the deadline has passed: called when the worker wakes up and when the alarm fires. */
export async function lockIfDue() {
  await unlockedSession();
}

export async function rememberKey(key) {
  await scheduleLock({ [VAULT_KEY]: key });
}

/**
 * Sets the deadline, idle minutes from now, in the same write as `entries` (the key, when unlocking):
 * a reader between two writes would find a key without its deadline, and lock it at once (a badge
 * refreshed by the re-keying write of an unlock did).
 */
async function scheduleLock(entries = {}) {
  const { autoLockMinutes } = await readSettings(api.storage.local);
  const lockAt = Date.now() + autoLockMinutes * 60_000;
  await api.storage.session.set({ ...entries, [LOCK_AT]: lockAt });
  await api.alarms.create(AUTO_LOCK_ALARM, { when: lockAt });
}

/**
 * Calls `listener` whenever the vault locks, however it locks (the button, the idle deadline, a
 * passphrase change): the key leaving session storage is the lock. Register at the worker's start.
 */
export function onVaultLocked(listener) {
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && VAULT_KEY in changes && changes[VAULT_KEY].newValue === undefined) listener();
  });
}

export async function lock() {
  await api.storage.session.remove([VAULT_KEY, LOCK_AT]);
  await api.alarms.clear(AUTO_LOCK_ALARM);
}

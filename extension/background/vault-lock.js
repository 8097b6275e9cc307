// Locked or unlocked: the derived key lives only in storage.session (memory, gone with the browser,
// never written to disk, and not readable by content scripts), next to the moment the vault locks by
// itself. The deadline is stored, not timed in this worker, because the browser stops idle workers:
// it is checked on every use and on every wake, and an alarm wakes the worker when it is due.
import { api } from '../lib/browser.js';
import { readSettings } from '../lib/vault-settings.js';

const KEY = 'vault.key';
const LOCK_AT = 'vault.lockAt';
export const AUTO_LOCK_ALARM = 'vault-auto-lock';

const locked = () => ({ code: 'locked', message: 'The vault is locked.' });

/** Only the extension's own pages and worker may read session storage (Chrome's default, made explicit). */
export async function keepSessionFromContentScripts() {
  await api.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
}

/** The session's key and deadline; locks first when the deadline has passed. */
async function unlockedSession() {
  const { [KEY]: key, [LOCK_AT]: lockAt } = await api.storage.session.get([KEY, LOCK_AT]);
  if (!key) return null;
  if (!(Date.now() < lockAt)) {
    await lock();
    return null;
  }
  return { key, lockAt };
}

/** The unlocked key, with the idle deadline pushed back (using the vault is activity); throws `{code: 'locked'}`. */
export async function useKey() {
  const session = await unlockedSession();
  if (!session) throw locked();
  await scheduleLock();
  return session.key;
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
  await api.storage.session.set({ [KEY]: key });
  await scheduleLock();
}

async function scheduleLock() {
  const { autoLockMinutes } = await readSettings(api.storage.local);
  const lockAt = Date.now() + autoLockMinutes * 60_000;
  await api.storage.session.set({ [LOCK_AT]: lockAt });
  await api.alarms.create(AUTO_LOCK_ALARM, { when: lockAt });
}

export async function lock() {
  await api.storage.session.remove([KEY, LOCK_AT]);
  await api.alarms.clear(AUTO_LOCK_ALARM);
}

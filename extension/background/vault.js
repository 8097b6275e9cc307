// Message handlers for the vault: set-up, unlock, lock, passphrase change, settings, encrypted
// backup, and the wake-up duties (auto-lock deadline, key-age badge) the stopped worker cannot time.
import { api } from '../lib/browser.js';
import { policyCheckVaultSettings } from '../pkg/credfill.js';
import { readSettings, validateSettings, writeSettings } from '../lib/vault-settings.js';
import { readManaged } from './policy.js';
import { KEY_AGE_ALARM, refreshBadge, watchKeyAges } from './vault-badge.js';
import * as vault from './vault-access.js';
import { AUTO_LOCK_ALARM, keepSessionFromContentScripts, lock, lockDeadline, lockIfDue } from './vault-lock.js';

/** Wake-up duties run unattended: a failure is logged (never with a value) and retried at the next wake. */
const duty = (task) => task().catch((e) => console.warn(`vault: ${task.name} failed: ${e?.code ?? e?.message}`));

// Every time the worker starts: the deadline may have passed while it was stopped.
duty(keepSessionFromContentScripts);
duty(lockIfDue);
duty(watchKeyAges);
duty(refreshBadge);
api.alarms.onAlarm.addListener(({ name }) => {
  if (name === AUTO_LOCK_ALARM) duty(lockIfDue);
  if (name === KEY_AGE_ALARM) duty(refreshBadge);
});

async function status() {
  const [state, lockAt, settings] = await Promise.all([vault.vaultState(), lockDeadline(), readSettings(api.storage.local)]);
  return { state, lockAt, settings };
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  // Storage only, no WASM: the popup opens on this answer (extension/lib/router.js).
  'vault.status': { from: ['extension'], core: false, run: status },
  'vault.setup': { from: ['extension'], run: ({ passphrase, confirmation }) => vault.createVault(passphrase, confirmation).then(status) },
  'vault.unlock': { from: ['extension'], run: ({ passphrase }) => vault.unlock(passphrase).then(status) },
  'vault.lock': { from: ['extension'], core: false, run: () => lock().then(status) },
  'vault.recoverPrevious': { from: ['extension'], run: ({ passphrase }) => vault.recoverPrevious(passphrase).then(status) },
  'vault.changePassphrase': {
    from: ['extension'],
    run: ({ current, passphrase, confirmation }) => vault.changePassphrase(current, passphrase, confirmation).then(status),
  },
  'vault.setSettings': {
    from: ['extension'],
    async run({ settings }) {
      // What the organisation does not allow is refused, not saved as something else.
      policyCheckVaultSettings(await readManaged(), validateSettings({ ...(await readSettings(api.storage.local)), ...settings }));
      await writeSettings(api.storage.local, settings);
      await refreshBadge();
      return status();
    },
  },
  'vault.export': { from: ['extension'], run: () => vault.exportEnvelope() },
  'vault.restore': {
    from: ['extension'],
    run: ({ envelope, passphrase, newPassphrase, confirmation }) => vault.restoreEnvelope(envelope, passphrase, { newPassphrase, confirmation }),
  },
};

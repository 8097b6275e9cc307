import { localize } from './lib/i18n.js';
import { ask } from './lib/messages.js';
import { mountConsoleHosts } from './options/console-hosts.js';
import { mountManagedPolicy } from './options/policy.js';
import { mountVaultOptions } from './options/vault.js';

localize();
// The organisation's policy first: the settings it sets are shown locked.
ask('policy.view').catch(() => null).then((policy) => {
  mountManagedPolicy(document.getElementById('managed-policy'), policy);
  mountVaultOptions(document.getElementById('vault-options'), policy);
  mountConsoleHosts(document.getElementById('console-hosts'), policy);
});

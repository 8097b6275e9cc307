import { localize } from './lib/i18n.js';
import { mountConsoleHosts } from './options/console-hosts.js';
import { mountVaultOptions } from './options/vault.js';

localize();
mountVaultOptions(document.getElementById('vault-options'));
mountConsoleHosts(document.getElementById('console-hosts'));

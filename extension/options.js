import { localize } from './lib/i18n.js';
import { mountVaultOptions } from './options/vault.js';

localize();
mountVaultOptions(document.getElementById('vault-options'));

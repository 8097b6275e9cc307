import { ask } from './lib/messages.js';
import { localize, t } from './lib/i18n.js';
import { mountImport } from './popup/import.js';
import { mountVault } from './popup/vault.js';
import { mountCheck } from './popup/check.js';
import { mountFill } from './popup/fill.js';
import { mountModelArts } from './popup/modelarts.js';
import { mountCode } from './popup/code.js';
import { mountOpenscale } from './popup/openscale.js';

localize();

const versionEl = document.getElementById('version');
ask('core.version').then(
  (v) => {
    versionEl.textContent = t('version_label', [v]);
    versionEl.dataset.state = 'ready';
  },
  (e) => {
    versionEl.textContent = t('core_failed', [e.message ?? String(e)]);
    versionEl.dataset.state = 'error';
  },
);

mountVault(document.getElementById('vault-section'), document.getElementById('profiles-section'));
mountFill(document.getElementById('fill-section'));
mountImport(document.getElementById('import-section'));
mountCheck(document.getElementById('check-section'));
mountModelArts(document.getElementById('modelarts-section'));
mountCode(document.getElementById('code-section'));
mountOpenscale(document.getElementById('openscale-section'));

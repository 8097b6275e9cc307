import { ask } from './lib/messages.js';
import { localize, t } from './lib/i18n.js';

localize();

const versionEl = document.getElementById('version');
ask('version').then(
  (v) => {
    versionEl.textContent = t('versionLabel', [v]);
    versionEl.dataset.state = 'ready';
  },
  (e) => {
    versionEl.textContent = t('coreFailed', [e.message ?? String(e)]);
    versionEl.dataset.state = 'error';
  },
);

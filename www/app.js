// The standalone page: the same WASM core as the extension, bundled inline so the page also works
// opened from disk (file://), where fetching a .wasm file is not allowed.
import { initSync, version } from '../pkg/credfill.js';
import wasmBytes from '../pkg/credfill_bg.wasm';
import { localize, t } from './i18n.js';

initSync({ module: wasmBytes });
localize();
document.getElementById('version').textContent = t('versionLabel', [version()]);
document.body.dataset.ready = 'true';

// The standalone page: the same WASM core as the extension, bundled inline so the page also works
// opened from disk (file://), where fetching a .wasm file is not allowed. Nothing leaves the page.
import { importLimitBytes, initSync, parseCredentials, version } from '../pkg/credfill.js';
import wasmBytes from '../pkg/credfill_bg.wasm';
import { showImport, wireImportInputs } from '../extension/lib/import-view.js';
import { localize, t } from './i18n.js';

initSync({ module: wasmBytes });
localize();

const result = document.getElementById('result');

function importBytes(bytes, fileName) {
  let outcome;
  try {
    outcome = { result: parseCredentials(bytes, fileName) };
  } catch (error) {
    outcome = { error };
  }
  showImport(result, t, outcome);
}

wireImportInputs(
  {
    file: document.getElementById('file'),
    drop: document.getElementById('drop'),
    paste: document.getElementById('paste'),
    readPaste: document.getElementById('parse-paste'),
  },
  { limit: importLimitBytes, importBytes },
);

document.getElementById('version').textContent = t('versionLabel', [version()]);
document.body.dataset.ready = 'true';

// The standalone page: the same WASM core as the extension, bundled inline so the page also works
// opened from disk (file://), where fetching a .wasm file is not allowed. Nothing leaves the page.
import { importLimitBytes, initSync, parseCredentials, version } from '../pkg/credfill.js';
import wasmBytes from '../pkg/credfill_bg.wasm';
import { readLimited, showImport } from '../extension/lib/import-view.js';
import { localize, t } from './i18n.js';

initSync({ module: wasmBytes });
localize();

const result = document.getElementById('result');
const drop = document.getElementById('drop');

function importBytes(bytes, fileName) {
  let outcome;
  try {
    outcome = { result: parseCredentials(bytes, fileName) };
  } catch (error) {
    outcome = { error };
  }
  showImport(result, t, outcome);
}

async function importFile(file) {
  const { bytes, fileName } = await readLimited(file, importLimitBytes());
  importBytes(bytes, fileName);
}

document.getElementById('file').addEventListener('change', (e) => e.target.files[0] && importFile(e.target.files[0]));
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files[0]) importFile(e.dataTransfer.files[0]);
});
document.getElementById('parse-paste').addEventListener('click', () =>
  importBytes(new TextEncoder().encode(document.getElementById('paste').value), undefined));

document.getElementById('version').textContent = t('versionLabel', [version()]);
document.body.dataset.ready = 'true';

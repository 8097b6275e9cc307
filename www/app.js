// The standalone page: the same WASM core as the extension, bundled inline so the page also works
// opened from disk (file://), where fetching a .wasm file is not allowed. Nothing leaves the page.
import { codeCommentKeys, codeOffers, importLimitBytes, initSync, parseCredentials, providerTraits, regionsOf, renderSnippet, version } from '../pkg/credfill.js';
import wasmBytes from '../pkg/credfill_bg.wasm';
import { showImport, wireImportInputs } from '../extension/lib/import-view.js';
import { codePanel } from '../extension/lib/code-panel.js';
import { el } from '../extension/lib/dom.js';
import { coded, wordsOf } from '../extension/lib/words.js';
import { localize, t } from './i18n.js';

initSync({ module: wasmBytes });
localize();

const result = document.getElementById('result');
const code = document.getElementById('code');

/**
 * The clouds a key's code may be for: a Huawei-issued AK/SK's (the core's `providerTraits`, as the
 * extension's import asks it), or IBM for an IBM API key.
 */
function cloudsOf(item) {
  if (item.kind === 'aksk' && item.issuer === 'huawei') return providerTraits().filter((p) => p.takesHuaweiKeys).map((p) => p.id);
  return item.kind === 'ibm-api-key' ? ['ibm'] : [];
}

/**
 * "Use in code" for the imported key, as in the extension, rendered by this page's own core from a
 * profile that lives only in this function: nothing is stored. No "Allow clearing": a page cannot
 * read the clipboard to clear it, and the warning says so.
 */
function showCode(items) {
  const key = items.find((item) => cloudsOf(item).length);
  code.replaceChildren();
  if (!key) return;
  const cloud = el('select', { id: 'code-cloud', 'aria-label': t('code_cloud') },
    cloudsOf(key).map((id) => el('option', { value: id }, t(`provider_${id.replaceAll('-', '_')}`))));
  const region = el('select', { id: 'code-region', 'aria-label': t('code_region') });
  const panel = el('div', { class: 'code-body' });
  const profile = () => ({ id: 'page', name: t('code_title'), provider: cloud.value, region: region.value, credentials: [key] });
  const snippet = (target, withSecret) => renderSnippet(profile(), target, withSecret, wordsOf(t, codeCommentKeys()));
  const backend = {
    offers: async () => codeOffers(profile()),
    render: async ({ target }) => snippet(target, false),
    copySecret: async ({ target }) => ({ ...snippet(target, true), clearable: false }),
    download: async ({ target }) => snippet(target, true),
  };
  const regions = () => region.replaceChildren(...regionsOf(cloud.value).map((r) => el('option', { value: r }, coded(t, 'region', r))));
  const render = () => panel.replaceChildren(...codePanel(t, [profile()], backend));
  cloud.addEventListener('change', () => (regions(), render()));
  region.addEventListener('change', render);
  regions();
  render();
  code.append(el('h2', {}, t('code_title')), cloud, region, panel);
}

function importBytes(bytes, fileName) {
  let outcome;
  try {
    // The browser's language: the hint for a CSV in a legacy code page (GBK on a Chinese Windows).
    outcome = { result: parseCredentials(bytes, fileName, navigator.language) };
  } catch (error) {
    outcome = { error };
  }
  showImport(result, t, outcome);
  showCode(outcome.result?.items ?? []);
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

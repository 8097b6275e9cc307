// The standalone page: the same WASM core as the extension, bundled inline so the page also works
// opened from disk (file://), where fetching a .wasm file is not allowed. Nothing leaves the page.
import { codeCommentKeys, codeOffers, importLimitBytes, initSync, parseCredentials, providerTraits, regionsOf, renderSnippet, version } from '../pkg/credfill.js';
import wasmBytes from '../pkg/credfill_bg.wasm';
import { showImport, wireImportInputs } from '../extension/lib/import-view.js';
import { codePanel } from '../extension/lib/code-panel.js';
import { cloudQuestion } from '../extension/lib/cloud-question.js';
import { el } from '../extension/lib/dom.js';
import { wordsOf } from '../extension/lib/words.js';
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
 * profile that lives only in this function: nothing is stored. The cloud and the region are asked as
 * the popup's import asks them (a Huawei-format key may be Huawei Cloud's or Flexible Engine's), and
 * nothing is rendered until they are answered. No "Allow clearing": a page cannot read the clipboard
 * to clear it, and the warning says so.
 */
function showCode(items) {
  const key = items.find((item) => cloudsOf(item).length);
  code.replaceChildren();
  if (!key) return;
  const clouds = cloudsOf(key);
  const regions = Object.fromEntries(clouds.map((id) => [id, regionsOf(id)]));
  const question = el('div', { class: 'code-question' });
  const panel = el('div', { class: 'code-body' });
  const ask = (chosen) => {
    const { cloud, region } = cloudQuestion(t, { clouds, regions, cloud: chosen, regionUnset: 'import_choose', idPrefix: 'code' });
    const profile = () => ({ id: 'page', name: t('code_title'), provider: cloud.select.value, region: region.select.value, credentials: [key] });
    const snippet = (target, withSecret) => renderSnippet(profile(), target, withSecret, wordsOf(t, codeCommentKeys()));
    const backend = {
      offers: async () => codeOffers(profile()),
      render: async ({ target }) => snippet(target, false),
      copySecret: async ({ target }) => ({ ...snippet(target, true), clearable: false }),
      download: async ({ target }) => snippet(target, true),
    };
    const render = () => panel.replaceChildren(...(cloud.select.value && region.select.value ? codePanel(t, [profile()], backend) : []));
    // Another cloud: its own regions.
    cloud.select.addEventListener('change', () => ask(cloud.select.value));
    region.select.addEventListener('change', render);
    question.replaceChildren(cloud.node, region.node);
    render();
  };
  ask();
  code.append(el('h2', {}, t('code_title')), question, panel);
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

document.getElementById('version').textContent = t('version_label', [version()]);
document.body.dataset.ready = 'true';

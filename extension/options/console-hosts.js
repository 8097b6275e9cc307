// The options page's "Console hosts": consoles the user adds (a private or regional console of a
// provider), each with its provider. The host is checked and normalised by the core; the host
// permission is asked for inside the click (browsers want a user gesture), and only a granted host
// is stored. Removing a host gives its permission back.
import init, { normalizeConsoleHost, providerTraits } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { hostPattern, readConsoleHosts, writeConsoleHosts } from '../lib/console-hosts.js';
import { el } from '../lib/dom.js';
import { providerLabel } from '../lib/providers.js';
import { t } from '../lib/i18n.js';
import { errorLine as vaultErrorLine } from '../popup/vault-errors.js';

const errorLine = (e) => vaultErrorLine(e, 'hosts_error');

function hostList(onRemove) {
  const list = el('ul', { id: 'console-hosts-list' });
  const render = (hosts) => list.replaceChildren(...hosts.map(({ host, provider }) => {
    const remove = el('button', { type: 'button', 'data-host': host }, t('hosts_remove'));
    remove.addEventListener('click', () => onRemove(host));
    return el('li', { 'data-host': host }, `${host} — ${providerLabel(t, provider)} `, remove);
  }));
  return { list, render };
}

export async function mountConsoleHosts(section) {
  const hostInput = el('input', { id: 'console-host', name: 'host', required: true, placeholder: 'console.example.com', autocomplete: 'off' });
  // The providers with consoles, as the core says; filled in once its WASM is there.
  const providerSelect = el('select', { id: 'console-host-provider', name: 'provider' });
  const add = el('button', { type: 'submit', class: 'primary', disabled: true }, t('hosts_add'));
  const outcome = el('div', { class: 'outcome', role: 'status' });
  const show = (node) => outcome.replaceChildren(node);
  const { list, render } = hostList(async (host) => {
    await writeConsoleHosts((await readConsoleHosts()).filter((h) => h.host !== host));
    // A host the browser granted at install (a required permission) cannot be given back: nothing to do.
    await api.permissions.remove({ origins: [hostPattern(host)] }).catch(() => false);
    render(await readConsoleHosts());
    show(el('p', { class: 'ok' }, t('hosts_removed', [host])));
  });
  const form = el('form', { id: 'console-hosts-add' },
    el('label', {}, t('hosts_field_host'), hostInput), el('label', {}, t('hosts_field_provider'), providerSelect), add, outcome);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let host;
    try {
      host = normalizeConsoleHost(hostInput.value);
    } catch (e) {
      show(errorLine(e));
      return;
    }
    const provider = providerSelect.value;
    // Called before any await: the click's user gesture must still be there.
    api.permissions.request({ origins: [hostPattern(host)] }).then(async (granted) => {
      if (!granted) return show(errorLine({ code: 'not-granted' }));
      const hosts = (await readConsoleHosts()).filter((h) => h.host !== host);
      await writeConsoleHosts([...hosts, { host, provider }]);
      render(await readConsoleHosts());
      hostInput.value = '';
      show(el('p', { class: 'ok' }, t('hosts_added', [host])));
    }).catch((e) => show(errorLine(e)));
  });
  section.replaceChildren(el('h2', {}, t('hosts_heading')), el('p', { class: 'muted' }, t('hosts_intro')), form, list);
  render(await readConsoleHosts());
  await init({ module_or_path: api.runtime.getURL('pkg/credfill_bg.wasm') });
  providerSelect.replaceChildren(...providerTraits().filter((p) => p.hasConsole)
    .map(({ id }) => el('option', { value: id }, providerLabel(t, id))));
  add.disabled = false;
}

// The options page's "Console hosts": consoles the user adds (a private or regional console of a
// provider), each with its provider. The host is checked and normalised by the core; the host
// permission is asked for inside the click (browsers want a user gesture), and only a granted host
// is stored. Removing a host gives its permission back. The organisation's hosts (its managed
// policy) are listed apart, with a button to allow access to one the browser has not granted yet;
// when the policy does not let users add hosts, the form is replaced by the reason.
import init, { normalizeConsoleHost, providerTraits } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { hostPattern, readConsoleHosts, writeConsoleHosts } from '../lib/console-hosts.js';
import { el } from '../lib/dom.js';
import { providerLabel } from '../lib/providers.js';
import { t } from '../lib/i18n.js';
import { phrase } from '../lib/words.js';
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

/** The organisation's console hosts, each with "Allow access" until the browser grants it. */
function managedList(hosts) {
  return el('ul', { id: 'console-hosts-managed' }, hosts.map(({ host, provider }) => {
    const item = el('li', { 'data-host': host }, `${host} — ${providerLabel(t, provider)} (${t('hosts_managed')}) `);
    const origins = [hostPattern(host)];
    api.permissions.contains({ origins }).then((granted) => {
      if (granted) return;
      const allow = el('button', { type: 'button', class: 'hosts-allow', 'data-host': host }, t('hosts_allow_access'));
      // Asked inside the click (the browser wants a user gesture).
      allow.addEventListener('click', () => api.permissions.request({ origins }).then((yes) => yes && allow.remove()));
      item.append(allow);
    });
    return item;
  }));
}

/** @param {HTMLElement} section @param {import('../pkg/credfill.js').ManagedPolicy | null} policy */
export async function mountConsoleHosts(section, policy) {
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
  const userHosts = policy && !policy.allowUserConsoleHosts
    ? [el('p', { class: 'warning', id: 'console-hosts-forbidden' }, phrase(t, 'managed_policy_forbids', { what: { term: 'managed_what_user_console_hosts' } }))]
    : [form, list];
  section.replaceChildren(el('h2', {}, t('hosts_heading')), el('p', { class: 'muted' }, t('hosts_intro')),
    ...(policy?.consoleHosts.length ? [managedList(policy.consoleHosts)] : []), ...userHosts);
  render(await readConsoleHosts());
  await init({ module_or_path: api.runtime.getURL('pkg/credfill_bg.wasm') });
  providerSelect.replaceChildren(...providerTraits().filter((p) => p.hasConsole)
    .map(({ id }) => el('option', { value: id }, providerLabel(t, id))));
  add.disabled = false;
}

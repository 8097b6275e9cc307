// The popup's OpenScale IDs panel: from an IBM profile's API key, the OpenScale and Watson Machine
// Learning instances it can see (the user picks the one the profile uses), then the IDs inside an
// instance as a small tree (data mart → service providers = bindings → subscriptions and their
// deployments), each with Copy and Fill (into the form of the tab the popup belongs to).
// Like Test keys, a click starts the lookup in the worker and asks for the hosts it needs in the same
// gesture; when the prompt closes the popup, the result shows the next time it opens.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { coded, errorWords, localeKey, phrase, words } from '../lib/words.js';
import { forbidWrite } from '../lib/policy-forbids.js';
import { policyView } from './flow-panel.js';
import { hostAccess } from './host-access.js';
import { activeTabId } from './tab.js';

const INSTANCES = { find: 'instances' };

/** @type {Record<string, import('../pkg/credfill.js').FlowKind>} Each goal's flow in the worker (src/flows/openscale/). */
const KINDS = { instances: 'openscale-instances', ids: 'openscale-ids', 'add-provider': 'openscale-add-provider' };

/** The message that names `goal`'s flow for `profileId`, with its fields. */
/**
 * @param {string} profileId
 * @param {{ find: string, guid?: string, region?: string, provider?: unknown }} goal
 * @returns {import('../lib/message-types').Request<'flow.start'>}
 */
const flowMessage = (profileId, { find, guid, region, provider }) => ({ kind: KINDS[find], profileId, guid, region, provider });

/** A provider's addition is a write: sent by the click, with the one call it previewed. */
const ADD_PROVIDER = [{ call: 'add-provider' }];

const said = (s, cls) => el('p', { class: cls, 'data-code': s.code }, words(t, 'openscale_ids', s));

/**
 * A plan, a state or a provider's service type in words when the core names it
 * (src/cloud/ibm/resource_instances.rs, src/cloud/openscale/service_providers.rs), else as IBM gives it.
 */
function named(prefix, id, raw = id) {
  const key = localeKey(prefix, id ?? '');
  const word = id ? t(key) : key;
  return word === key ? raw : word;
}

/** What the panel says about an instance: region, state, plan (its words say "plan"; an unknown one by its ID), resource group. */
const labelled = (labelKey, value) => phrase(t, 'label_value', { label: t(labelKey), value });
const facts = (i) => [labelled('openscale_ids_region', coded(t, 'region', i.region)), labelled('openscale_ids_state', named('instance_state', i.state)),
  i.plan ? named('plan', i.plan) : labelled('openscale_ids_plan', i.planId), labelled('openscale_ids_resource_group', i.resourceGroupId)].join(' · ');

/** The result the worker kept for this goal, if it is newer than `since` (see host-access.js `start`). */
async function resultAfter(profileId, goal, since) {
  const result = await ask('flow.result', flowMessage(profileId, goal));
  return result && result.at > since ? result : null;
}

export function mountOpenscale(section) {
  const body = el('div', { class: 'openscale-body' });
  const details = el('details', { class: 'openscale-ids', id: 'openscale-ids' },
    el('summary', { class: 'openscale-title' }, t('openscale_ids_title')), body);
  section.replaceChildren(details);
  /** @type {{ profiles: any[], profileId: string | null, policy: import('../pkg/credfill.js').ManagedPolicy | null }} */
  const state = { profiles: [], profileId: null, policy: null };

  const status = el('div', { id: 'openscale-status', 'aria-live': 'polite' });
  const instancesView = el('div', { id: 'openscale-instances' });
  const tree = el('div', { id: 'openscale-tree' });
  const feedback = el('p', { id: 'openscale-feedback', class: 'muted', 'aria-live': 'polite' });
  const profile = () => state.profiles.find((p) => p.id === state.profileId);

  const showStatus = (node, kind) => {
    status.dataset.state = kind;
    status.replaceChildren(...(node ? [node] : []));
  };

  /** `goal`'s hosts (see host-access.js), for `button`. */
  const accessFor = (goal, button) => hostAccess(button, () => ask('flow.origins', flowMessage(state.profileId, typeof goal === 'function' ? goal() : goal)));

  /** Starts `goal` from a click: the lookup and the hosts' prompt in one gesture, then shows what came. */
  function lookup(goal, access, render) {
    const since = Date.now();
    const profileId = state.profileId;
    const task = goal.find === 'add-provider'
      ? () => ask('flow.write', { ...flowMessage(profileId, goal), calls: ADD_PROVIDER })
      : () => ask('flow.start', flowMessage(profileId, goal));
    const started = access.start(task, () => resultAfter(profileId, goal, since));
    showStatus(el('p', { class: 'muted' }, t('openscale_ids_running')), 'running');
    started
      .then((outcome) => showResult(outcome, render))
      .catch((e) => showStatus(el('p', { class: 'error', 'data-code': e.code ?? 'internal', role: 'alert' }, errorWords(t, 'check_error', e)), 'error'));
  }

  function showResult(result, render) {
    if (result.failed) return showStatus(said(result.failed, 'error'), 'failed');
    showStatus(null, 'done');
    render(result.found);
  }

  function copyButton(value) {
    const b = el('button', { type: 'button', class: 'openscale-copy', 'data-value': value }, t('openscale_ids_copy'));
    b.addEventListener('click', async () => {
      await navigator.clipboard.writeText(value);
      feedback.textContent = t('openscale_ids_copied');
    });
    return b;
  }

  /** Sends one ID to the fill of the page in front of the user, as the value of `slot`. */
  function fillButton(slot, value) {
    const b = el('button', { type: 'button', class: 'openscale-fill', 'data-slot': slot, 'data-value': value }, t('openscale_ids_fill'));
    b.addEventListener('click', async () => {
      try {
        const result = await ask('fill.run', { tabId: await activeTabId(), profileId: state.profileId, chosen: { [slot]: value } });
        const done = result.status === 'filled' && result.filled.some((line) => line.slot === slot);
        feedback.textContent = done ? t('openscale_ids_filled') : result.message ?? t('openscale_ids_not_filled');
        feedback.dataset.filled = String(done);
      } catch (e) {
        feedback.textContent = errorWords(t, 'vault_error', e);
      }
    });
    return b;
  }

  const idLine = (label, value, slot) =>
    el('div', { class: 'openscale-id', 'data-id': value },
      el('span', { class: 'muted' }, phrase(t, 'label_value', { label, value: '' })), el('code', {}, value), ' ', copyButton(value), slot ? fillButton(slot, value) : null);

  function renderInstances(found) {
    const inUse = profile()?.openscaleGuid;
    const openscale = found.openscale.map((i) => {
      const use = el('button', { type: 'button', class: 'openscale-use' }, t('openscale_ids_use'));
      use.addEventListener('click', async () => {
        await ask('profiles.setOpenscaleInstance', { id: state.profileId, guid: i.guid, region: i.region });
        await reloadProfiles();
        renderInstances(found);
      });
      const goal = { find: 'ids', guid: i.guid, region: i.region };
      const show = el('button', { type: 'button', class: 'openscale-read' }, t('openscale_ids_read_ids'));
      const access = accessFor(goal, show);
      show.addEventListener('click', () => lookup(goal, access, renderTree));
      return el('article', { class: 'openscale-instance', 'data-guid': i.guid, 'data-region': i.region },
        el('b', {}, i.name), el('p', { class: 'muted openscale-facts' }, facts(i)), idLine(t('openscale_ids_guid'), i.guid, 'instanceId'),
        ...i.notes.map((n) => said(n, 'warning openscale-note')),
        inUse === i.guid ? el('span', { class: 'ok openscale-in-use' }, t('openscale_ids_in_use')) : use, ' ', show);
    });
    const machineLearning = found.machineLearning.map((i) =>
      el('article', { class: 'openscale-wml', 'data-guid': i.guid },
        el('b', {}, i.name), el('p', { class: 'muted openscale-facts' }, facts(i)),
        idLine(t('openscale_ids_guid'), i.guid, 'instanceId'), i.url ? idLine(t('openscale_ids_url'), i.url, 'url') : null,
        ...i.notes.map((n) => said(n, 'warning openscale-note'))));
    instancesView.replaceChildren(
      ...found.notes.map((n) => said(n, 'error openscale-note')),
      ...(openscale.length ? [el('h3', {}, t('openscale_ids_openscale')), ...openscale] : []),
      ...(machineLearning.length ? [el('h3', {}, t('openscale_ids_machine_learning')), ...machineLearning] : []));
  }

  /** Data mart → service providers (bindings) → their subscriptions and deployments. */
  function renderTree(found) {
    const providersOf = (dataMartId) => found.serviceProviders.map((p) => {
      const subscriptions = found.subscriptions.filter((s) => s.bindingId === p.id && (!dataMartId || s.dataMartId === dataMartId)).map((s) =>
        el('li', { class: 'openscale-subscription', 'data-id': s.id }, el('b', {}, s.name || s.assetId),
          idLine(t('openscale_ids_subscription'), s.id, 'openscaleSubscriptionId'),
          s.deploymentId ? idLine(t('openscale_ids_deployment'), s.deploymentId, 'deploymentId') : null));
      return el('li', { class: 'openscale-provider', 'data-id': p.id },
        el('b', {}, p.name), ` (${named('service_type', p.serviceType)})`, idLine(t('openscale_ids_service_provider'), p.id, 'bindingId'),
        subscriptions.length ? el('ul', {}, ...subscriptions) : el('p', { class: 'muted' }, t('openscale_ids_no_subscriptions')));
    });
    const branch = (dataMartId) => {
      const providers = providersOf(dataMartId);
      return providers.length ? el('ul', {}, ...providers) : el('p', { class: 'muted' }, t('openscale_ids_no_providers'));
    };
    const roots = found.dataMarts.length
      ? found.dataMarts.map((m) => el('li', { class: 'openscale-data-mart', 'data-id': m.id },
        m.name ? el('b', {}, m.name) : null, idLine(t('openscale_ids_data_mart'), m.id, 'instanceId'), branch(m.id)))
      : [el('li', {}, branch(null))];
    tree.replaceChildren(el('ul', { class: 'openscale-tree', 'data-guid': found.guid }, ...roots), addProviderForm(found));
  }

  /** POST /v2/service_providers from the profile's credentials: the request is shown, then sent on a click. */
  function addProviderForm(found) {
    const TYPES = ['watson_machine_learning', 'amazon_sagemaker', 'azure_machine_learning', 'azure_machine_learning_service'];
    const type = el('select', { id: 'openscale-add-type', 'aria-label': t('openscale_ids_add_type') }, ...TYPES.map((v) => el('option', { value: v }, named('service_type', v))));
    const name = el('input', { type: 'text', id: 'openscale-add-name', placeholder: t('openscale_ids_add_name'), 'aria-label': t('openscale_ids_add_name') });
    const extra = el('input', { type: 'text', id: 'openscale-add-extra' });
    const show = el('button', { type: 'button', id: 'openscale-add-preview' }, t('openscale_ids_add_preview'));
    const send = el('button', { type: 'button', id: 'openscale-add-send', disabled: true }, t('openscale_ids_add_send'));
    const shown = el('pre', { id: 'openscale-add-request' });
    // Beside the click that sends it: this request hands a secret to OpenScale, not only a signature.
    const secretNote = el('p', { class: 'muted', id: 'openscale-add-secret-note' });
    const hidePreview = () => ((send.disabled = true), shown.replaceChildren(), secretNote.replaceChildren());
    const outcome = el('div', { id: 'openscale-add-outcome', 'aria-live': 'polite' });
    // Said when the form opens, before a preview: the organisation does not allow adding providers.
    const forbidden = forbidWrite(t, state.policy, 'add-provider', [show, send], 'openscale-forbidden');
    const extraField = () => ({ amazon_sagemaker: 'region', watson_machine_learning: 'deploymentSpaceId' }[type.value] ?? 'subscriptionId');
    // The one extra field the chosen type takes, named for that type (a list of all three did not fit the popup).
    const nameExtra = () => {
      extra.placeholder = t(localeKey('openscale_ids_add_extra', extraField()));
      extra.setAttribute('aria-label', extra.placeholder);
    };
    nameExtra();
    const goal = () => {
      const provider = { serviceType: type.value, name: name.value.trim() || type.value, [extraField()]: extra.value.trim() || undefined };
      return { find: 'add-provider', guid: found.guid, region: found.region, provider };
    };
    // Any change after the preview hides it: only the request the user saw can be sent.
    for (const input of [type, name, extra]) input.addEventListener('input', hidePreview);
    type.addEventListener('change', () => (hidePreview(), nameExtra()));
    show.addEventListener('click', async () => {
      outcome.replaceChildren();
      try {
        const [{ preview: request }] = await ask('flow.preview', flowMessage(state.profileId, goal()));
        const headers = Object.entries(Object.fromEntries(request.headers)).map(([k, v]) => `${k}: ${v}`);
        shown.textContent = [`${request.method} ${request.url}`, ...headers, '', request.body ?? ''].join('\n');
        secretNote.textContent = t('openscale_ids_add_secret_note', [new URL(request.url).host]);
        send.disabled = false;
      } catch (e) {
        outcome.replaceChildren(e.code ? said(e, 'error') : el('p', { class: 'error' }, errorWords(t, 'check_error', e)));
      }
    });
    // Learned long before the click: Send is enabled only by a preview, shown after a click and a reply.
    const access = accessFor(goal, null);
    send.addEventListener('click', () => {
      if (!access.known()) return;
      send.disabled = true;
      lookup(goal(), access, (added) =>
        outcome.replaceChildren(el('p', { class: 'ok', 'data-state': 'added' }, t('openscale_ids_added')),
          idLine(t('openscale_ids_service_provider'), added.provider.id, 'bindingId')));
    });
    return el('details', { class: 'openscale-add' }, el('summary', {}, t('openscale_ids_add_title')), forbidden, type, name, extra, show, send, secretNote, shown, outcome);
  }

  async function reloadProfiles() {
    try {
      const { profiles } = await ask('profiles.view');
      state.profiles = profiles.filter((p) => p.provider === 'ibm');
    } catch {
      state.profiles = []; // locked or no vault: the vault section says so
    }
  }

  async function showKept() {
    const [instances, ids] = await Promise.all([
      ask('flow.result', flowMessage(state.profileId, INSTANCES)),
      ask('flow.result', flowMessage(state.profileId, { find: 'ids' })),
    ]);
    instancesView.replaceChildren();
    tree.replaceChildren();
    showStatus(null, 'idle');
    if (instances) showResult(instances, renderInstances);
    if (ids?.found) renderTree(ids.found);
  }

  async function render() {
    [state.policy] = await Promise.all([policyView(), reloadProfiles()]);
    if (!state.profiles.length) return body.replaceChildren(el('p', { class: 'muted', id: 'openscale-none' }, t('openscale_ids_no_profiles')));
    if (!state.profiles.some((p) => p.id === state.profileId)) state.profileId = state.profiles[0].id;
    const select = el('select', { id: 'openscale-profile', 'aria-label': t('openscale_ids_profile') },
      ...state.profiles.map((p) => el('option', { value: p.id, selected: p.id === state.profileId }, p.name ?? p.id)));
    const find = el('button', { type: 'button', id: 'openscale-find', class: 'primary' }, t('openscale_ids_find'));
    const access = accessFor(INSTANCES, find);
    select.addEventListener('change', () => {
      state.profileId = select.value;
      access.learn();
      showKept();
    });
    find.addEventListener('click', () => lookup(INSTANCES, access, renderInstances));
    body.replaceChildren(el('p', { class: 'muted' }, t('openscale_ids_intro')), select, find, status, instancesView, tree, feedback);
    await showKept();
  }

  details.addEventListener('toggle', () => details.open && render());
  document.addEventListener('credfill:vault-state', () => details.open && render());
}

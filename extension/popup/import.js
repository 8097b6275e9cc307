// The popup's import section: a file (picked or dropped) or pasted text goes to the worker's core;
// what it found is shown for review (secrets masked). Before saving, the core says what saving would
// do, and only what it cannot know is asked: which cloud a Huawei-format key is for (preset from the
// console tab), its region (from the endpoint catalog), the profile to save into, and whether a new
// key replaces the one it rotates. The vault section does the saving; once it saved a file's keys, the
// file's download is offered for deletion (popup/downloads.js).
import { el } from '../lib/dom.js';
import { ask } from '../lib/messages.js';
import { t } from '../lib/i18n.js';
import { words } from '../lib/words.js';
import { showImport, wireImportInputs } from '../lib/import-view.js';
import { choice, cloudQuestion } from '../lib/cloud-question.js';
import { activeTabId } from './tab.js';
import { offerDownloadDeletion } from './downloads.js';

const NEW_PROFILE = '';

export function mountImport(section) {
  const file = el('input', { type: 'file', id: 'import-file', accept: '.csv,.json,.txt,text/csv,application/json,text/plain' });
  const drop = el('label', { className: 'drop', id: 'import-drop', htmlFor: 'import-file' }, t('import_drop'), file);
  const paste = el('textarea', { id: 'import-paste', rows: 3, spellcheck: false, autocomplete: 'off', placeholder: t('paste_placeholder') });
  const readPaste = el('button', { type: 'button', id: 'import-paste-read' }, t('read_pasted'));
  const result = el('div', { id: 'import-result', ariaLive: 'polite' });
  const options = el('div', { id: 'import-options' });
  const save = el('button', { type: 'button', id: 'import-save', className: 'primary', hidden: true }, t('import_save_profile'));
  const download = el('div', { id: 'import-download', ariaLive: 'polite' });
  section.append(el('h2', {}, t('import_title')), drop, el('details', {}, el('summary', {}, t('paste_instead')), paste, readPaste), result, options, save, download);

  let found = [];
  let readChoice = () => ({});
  let seenFile = null; // what was seen of the file the items came from (none when pasted)

  async function importBytes(bytes, fileName, seen = null) {
    seenFile = seen;
    download.replaceChildren();
    delete download.dataset.code;
    let outcome;
    try {
      outcome = { result: await ask('import.parse', { base64: bytes.toBase64(), fileName }) };
    } catch (error) {
      outcome = { error };
    }
    showImport(result, t, outcome);
    found = outcome.result?.items ?? [];
    save.hidden = true;
    options.replaceChildren();
    readChoice = () => ({});
    if (!found.length) return;
    await showOptions();
    // Offered once the questions are on screen: a save never goes without the user's answers.
    save.hidden = false;
  }

  /**
   * Asks what saving cannot decide alone; `readChoice` then reads the answers. `target`: the profile
   * the user chose to save into (NEW_PROFILE: a new one); undefined at first, when the core presets it.
   */
  async function showOptions(target = undefined, chosenCloud = undefined) {
    const preview = await ask('profiles.previewImport', { items: found, target: target || undefined, cloud: chosenCloud, tabId: await activeTabId() });
    const items = preview.items ?? [];
    if (target === undefined) {
      // The profile the tab's console and the credentials' use point to (the core's `into`), when all agree.
      const preset = items[0]?.into?.id;
      if (preset && items.every((i) => i.into?.id === preset)) return showOptions(preset, chosenCloud);
      target = NEW_PROFILE;
    }
    const stored = items.filter((i) => i.storedIn);
    const fits = items.length ? items.map((i) => i.fits).reduce((a, b) => a.filter((p) => b.some((q) => q.id === p.id))) : [];
    // A newer key of a user a profile holds: one question, whose answers are where it may go.
    const rotating = items.find((i) => i.replacesIn);
    const controls = [];

    const into = choice('import-target', t('import_save_into'),
      [[NEW_PROFILE, t('import_new_profile')], ...fits.map((p) => [p.id, p.name])], target);
    if (!rotating && fits.length && stored.length < items.length) {
      into.select.addEventListener('change', () => showOptions(into.select.value));
      controls.push(into.node);
    }

    let cloud = null;
    let region = null;
    if (!target && items.some((i) => i.asksCloud)) {
      // Preset from the console tab, else Huawei Cloud (the core's default for such a key).
      const clouds = preview.providers.filter((p) => p.takesHuaweiKeys).map((p) => p.id);
      const tabCloud = clouds.includes(preview.tab?.provider) ? preview.tab.provider : null;
      ({ cloud, region } = cloudQuestion(t, {
        clouds, regions: preview.regions, cloud: chosenCloud ?? tabCloud ?? clouds[0], region: preview.tab?.region,
        regionUnset: 'import_region_later', idPrefix: 'import',
      }));
      // Another cloud: other regions, and other profiles whose key this one may replace.
      cloud.select.addEventListener('change', () => showOptions(target, cloud.select.value));
      controls.push(cloud.node, region.node);
    }

    let whereTo = null;
    if (rotating) {
      const { name } = rotating.replacesIn;
      whereTo = choice('import-replace', t('import_rotation', [name]),
        [['replace', t('import_replace_key', [name])], ['add', t('import_add_beside', [name])], [NEW_PROFILE, t('import_new_profile')]], 'replace');
      // A region is a new profile's only: the profile that holds the user has its own.
      const regionNode = region?.node;
      const askRegion = () => regionNode && (whereTo.select.value === NEW_PROFILE ? whereTo.node.before(regionNode) : regionNode.remove());
      whereTo.select.addEventListener('change', askRegion);
      if (regionNode) controls.splice(controls.indexOf(regionNode), 1); // asked once "a new profile" is the answer
      controls.push(whereTo.node);
    }
    let again = null;
    if (stored.length) {
      // The same key may serve a second profile (a Huawei Cloud key works in every region).
      again = choice('import-stored', t('import_already_stored', [stored.map((i) => i.storedIn.name).join(t('list_separator'))]),
        [['update', t('import_update_stored')], ['another', t('import_another_profile')]], 'update');
      controls.push(again.node);
    }
    options.replaceChildren(...controls);
    // The words of the name each item gets if it starts a profile: this preview is for the cloud on
    // screen (choosing another cloud previews again).
    const names = items.map((i) => (i.defaultName ? words(t, 'profile_name', i.defaultName) : null));
    readChoice = () => {
      const provider = cloud?.select.value;
      const newProfile = { provider, region: region?.select.value || undefined, names };
      if (again?.select.value === 'another') return { newProfile: true, ...newProfile };
      if (whereTo) {
        const answer = whereTo.select.value;
        return answer === NEW_PROFILE ? newProfile : { target: rotating.replacesIn.id, replace: answer === 'replace', provider, names };
      }
      return { target: into.select.value || undefined, replace: false, ...newProfile };
    };
  }

  wireImportInputs({ file, drop, paste, readPaste }, { limit: () => ask('import.limit'), importBytes });
  // The vault listens for this and stores the items (see popup/vault.js).
  save.addEventListener('click', () =>
    document.dispatchEvent(new CustomEvent('credfill:save-import', { detail: { items: found, ...readChoice() } })));
  // Once saved, the card is done with: nothing of the file stays on screen.
  document.addEventListener('credfill:import-saved', () => {
    found = [];
    result.replaceChildren();
    options.replaceChildren();
    save.hidden = true;
    paste.value = '';
    file.value = '';
    // Offered only now: deleting the file before its keys are saved could lose them.
    if (seenFile) offerDownloadDeletion(download, seenFile).catch(() => download.replaceChildren());
  });
}

// The question a Huawei-format key raises: Huawei Cloud and Flexible Engine hand out the same
// credentials.csv, so which cloud the key is for, and its region there, are the user's to say.
// Asked by the popup's import and by the standalone page (www/), from the core's providers and
// endpoint catalog.
import { el } from './dom.js';
import { providerLabel } from './providers.js';
import { coded } from './words.js';

/** A labelled <select> of `options` ([value, text]), `selected` preselected. */
export function choice(id, label, options, selected) {
  const select = el('select', { id }, options.map(([value, text]) => el('option', { value, selected: value === selected }, text)));
  return { select, node: el('label', { class: 'choice' }, label, select) };
}

/**
 * `clouds`: the providers the key may be for (for a Huawei-format key, those the core's
 * `providerTraits()` says take it); `regions[cloud]`: its catalog regions. `cloud` and `region`:
 * what to preset (the console tab's, or the user's last answer). A cloud not preset is asked with no
 * answer chosen, unless there is one; so is a region, unless its cloud has one. `regionUnset`: the
 * words of "no region yet". Returns the two `choice`s, `cloud` and `region`.
 */
export function cloudQuestion(t, { clouds, regions, cloud, region, regionUnset, idPrefix }) {
  const chosen = clouds.includes(cloud) ? cloud : clouds.length === 1 ? clouds[0] : '';
  const cloudChoice = choice(`${idPrefix}-cloud`, t('import_cloud'),
    [...(chosen ? [] : [['', t('import_choose')]]), ...clouds.map((p) => [p, providerLabel(t, p)])], chosen);
  const list = regions[chosen] ?? [];
  const preset = list.includes(region) ? region : list.length === 1 ? list[0] : '';
  return { cloud: cloudChoice, region: choice(`${idPrefix}-region`, t('import_region'), [['', t(regionUnset)], ...list.map((r) => [r, coded(t, 'region', r)])], preset) };
}

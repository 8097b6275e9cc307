// The Prepare ModelArts panel of the popup, read and clicked the way a user does (both browsers).
import { settle } from './settle.mjs';

/** What the panel of `id` shows: the log, the buckets' fit, the planned writes and the authorizations. */
export async function panel(popup, id) {
  return popup.evaluate((id) => {
    const root = document.querySelector(`.modelarts-profile[data-profile-id="${id}"]`);
    if (!root) return null;
    const all = (sel, read) => [...root.querySelectorAll(sel)].map(read);
    return {
      busy: root.getAttribute('aria-busy') === 'true',
      log: all('.modelarts-log li', (li) => ({ action: li.dataset.action, code: li.dataset.code, text: li.textContent })),
      buckets: Object.fromEntries(all('.modelarts-buckets tr[data-bucket]', (tr) => [tr.dataset.bucket, tr.dataset.fit])),
      fitWords: Object.fromEntries(all('.modelarts-buckets tr[data-bucket]', (tr) => [tr.dataset.bucket, tr.lastChild.textContent])),
      bucketInput: root.querySelector('.modelarts-bucket')?.value,
      plan: all('.modelarts-step:first-of-type .modelarts-previews li', (li) => li.dataset.action),
      previews: all('.modelarts-preview', (p) => p.textContent),
      // The requests on screen: a closed <details> holds its preview unrendered.
      shownPreviews: all('.modelarts-preview', (p) => (p.checkVisibility() ? p.textContent : null)).filter(Boolean),
      authorizations: all('.modelarts-authorizations li', (li) => li.textContent),
      authorized: !!root.querySelector('.modelarts-authorized'),
      error: root.querySelector('.modelarts-error')?.textContent ?? '',
      planError: root.querySelector('.modelarts-plan .error')?.textContent ?? '',
    };
  }, id);
}

/** Waits until the panel is idle and `accept` holds. */
export const settled = (popup, id, accept) => settle(() => panel(popup, id), accept, `panel ${id}`);

/** Opens the removal of the authorization of `row`'s panel: its request, then its button, come in view. */
export async function openRemoval(popup, row) {
  await popup.click(`${row} .modelarts-authorizations .modelarts-removal summary`);
  await popup.waitFor(`${row} .modelarts-authorizations .modelarts-removal .modelarts-remove`);
}

/** A click that the user makes (counted), then the panel once the log grew. */
export async function click(popup, id, selector, clicks) {
  const before = (await panel(popup, id))?.log.length ?? 0;
  clicks.push(selector);
  await popup.click(selector);
  return settled(popup, id, (p) => p.log.length > before);
}

// After a key file is saved: whether its download is still on disk, and the click that deletes it.
// The click starts the deletion in the worker and asks for the `downloads` permission in the same
// gesture; the worker finds the file again and deletes it once the permission is granted.
import { api } from '../lib/browser.js';
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { errorWords, words } from '../lib/words.js';

const said = (answer) => el('p', { class: answer.code === 'deleted' ? 'ok' : 'muted', 'data-code': answer.code }, words(t, 'import_download', answer));

/** The outcome the worker kept, once it is newer than `since` (the prompt made the popup wait); `waiting` after a minute. */
async function resultAfter(since, file) {
  for (let tries = 0; tries < 60; tries++) {
    const result = await ask('downloads.result');
    if (result && result.at > since) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { code: 'waiting', params: { fileName: file.name } };
}

/** Fills `line` with what is known of `file`'s download (`{name, size, lastModified}`) and, when it may be there, the button. */
export async function offerDownloadDeletion(line, file) {
  const answer = await ask('downloads.find', { file });
  line.dataset.code = answer.code;
  if (answer.code === 'not-found') return line.replaceChildren();
  if (answer.code === 'several') return line.replaceChildren(said(answer));
  const button = el('button', { type: 'button', id: 'download-delete' }, t('import_deleteDownload'));
  button.addEventListener('click', () => {
    const since = Date.now();
    button.disabled = true;
    const started = ask('downloads.delete', { file, id: answer.id });
    const granted = api.permissions.request({ permissions: ['downloads'] }).catch(() => false);
    Promise.all([started, granted])
      .then(async ([outcome, allowed]) => {
        if (!allowed) return { code: 'refused', params: { fileName: file.name } };
        return outcome.waiting ? resultAfter(since, file) : outcome;
      })
      .then((outcome) => {
        // Refused, the button stays: a second click asks again.
        button.disabled = false;
        line.replaceChildren(said(outcome), ...(outcome.code === 'refused' ? [button] : []));
      },
        (e) => line.replaceChildren(el('p', { class: 'error', role: 'alert', 'data-code': e.code ?? 'internal' }, errorWords(t, 'import_download', e))));
  });
  line.replaceChildren(said(answer), button);
}

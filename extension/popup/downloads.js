// After a key file is saved: whether its download is still on disk, and the click that deletes it.
// The click starts the deletion in the worker and asks for the `downloads` permission in the same
// gesture (popup/host-access.js); the worker finds the file again and deletes it once it is granted.
import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { ask } from '../lib/messages.js';
import { errorWords, words } from '../lib/words.js';
import { hostAccess } from './host-access.js';

const said = (answer) => el('p', { class: answer.code === 'deleted' ? 'ok' : 'muted', 'data-code': answer.code }, words(t, 'import_download', answer));

/** Fills `line` with what is known of `file`'s download (`{name, size, lastModified}`) and, when it may be there, the button. */
export async function offerDownloadDeletion(line, file) {
  const answer = await ask('downloads.find', { file });
  line.dataset.code = answer.code;
  if (answer.code === 'not-found') return line.replaceChildren();
  if (answer.code === 'several') return line.replaceChildren(said(answer));
  const button = el('button', { type: 'button', id: 'download-delete' }, t('import_delete_download'));
  const access = hostAccess(button, async () => [], { permissions: ['downloads'] });
  button.addEventListener('click', () => {
    const since = Date.now();
    // The outcome the worker kept once it is newer than the click (the prompt made the popup wait).
    const later = async () => {
      const result = await ask('downloads.result');
      return result && result.at > since ? result : null;
    };
    const fileName = file.name;
    access.start(() => ask('downloads.delete', { file, id: answer.id }), later)
      .catch((e) => {
        if (e?.code === 'permission-refused' || e?.code === 'permission-unavailable') return { code: 'refused', params: { fileName } };
        if (e?.code === 'timeout') return { code: 'waiting', params: { fileName } };
        throw e;
      })
      // Refused, the button stays: a second click asks again.
      .then((outcome) => line.replaceChildren(said(outcome), ...(outcome.code === 'refused' ? [button] : [])),
        (e) => line.replaceChildren(el('p', { class: 'error', role: 'alert', 'data-code': e.code ?? 'internal' }, errorWords(t, 'import_download', e))));
  });
  line.replaceChildren(said(answer), button);
}

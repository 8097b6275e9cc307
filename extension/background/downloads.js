// No plaintext key left behind: after a key file is imported and saved, the download it came from
// can be deleted from disk and from the browser's download list. The core says which entry of the
// history is the file (src/credentials/download.rs); this reads the history and deletes, under the
// optional `downloads` permission the popup asks for in the click.
import { matchDownload } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { whenPermitted } from './when-permitted.js';

const PERMISSIONS = ['downloads'];
const RESULT_KEY = 'downloads.result';

/** What the popup saw of the imported file: `{name, size, lastModified}`. */
const importedFile = ({ name, size, lastModified } = {}) => ({ name: String(name ?? ''), size: Number(size), lastModified: Number(lastModified) });

const said = (code, file) => ({ code, params: { fileName: file.name } });

/** The core's answer for `file` over the whole history: a narrower query could hide a second candidate. */
async function matchIn(file) {
  return matchDownload(file, await api.downloads.search({}), Date.now());
}

/**
 * Deletes the file the user confirmed: the match is read again right before deleting (the history
 * may have changed since the offer), and must be the entry offered (`id`) when one was. The file is
 * removed first: `erase` forgets the entry only, and `removeFile` needs it.
 */
async function deleteDownload({ file: seen, id }) {
  const file = importedFile(seen);
  const match = await matchIn(file);
  let outcome;
  if (match.code !== 'found') outcome = id == null ? match : said('changed', file);
  else if (id != null && match.id !== id) outcome = said('changed', file);
  else {
    try {
      await api.downloads.removeFile(match.id);
      await api.downloads.erase({ id: match.id });
      outcome = said('deleted', file);
    } catch {
      // Both browsers refuse `removeFile` when the file is no longer on disk.
      outcome = said('gone', file);
    }
  }
  const result = { ...outcome, at: Date.now() };
  await api.storage.session.set({ [RESULT_KEY]: result });
  return result;
}

const { start, register } = whenPermitted('downloads', { permissions: PERMISSIONS, run: deleteDownload });

/** Registered synchronously at the worker's start: the permission granted may wake it. */
export const registerDownloadEvents = register;

export const handlers = {
  /** Whether the imported file is still among the downloads; `unasked` until the permission is granted. */
  'downloads.find': {
    from: ['extension'],
    run: async ({ file: seen }) => {
      const file = importedFile(seen);
      return (await api.permissions.contains({ permissions: PERMISSIONS })) ? matchIn(file) : said('unasked', file);
    },
  },
  /** Started in the click that asks for the permission; `{waiting: true}` until it is granted. */
  'downloads.delete': { from: ['extension'], run: ({ file, id }) => start({ file, id: Number.isInteger(id) ? id : null }) },
  /** The last deletion's outcome, for a popup that waited for the permission. */
  'downloads.result': { from: ['extension'], core: false, run: async () => (await api.storage.session.get(RESULT_KEY))[RESULT_KEY] ?? null },
};

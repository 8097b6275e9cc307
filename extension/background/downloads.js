// No plaintext key left behind: after a key file is imported and saved, the download it came from
// can be deleted from disk and from the browser's download list. The core says which entry of the
// history is the file (src/credentials/download.rs); this reads the history and deletes, under the
// optional `downloads` permission the popup asks for in the click.
import { matchDownload } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { whenPermitted } from './when-permitted.js';

const PERMISSIONS = ['downloads'];
const RESULT_KEY = 'downloads.result';

/**
 * What the popup saw of the imported file: `{name, size, lastModified}`.
 * @param {Partial<import('../pkg/credfill.js').ImportedFile>} [seen]
 * @returns {import('../pkg/credfill.js').ImportedFile}
 */
const importedFile = ({ name, size, lastModified } = {}) => ({ name: String(name ?? ''), size: Number(size), lastModified: Number(lastModified) });

/**
 * @param {import('../pkg/credfill.js').DownloadCode} code
 * @param {import('../pkg/credfill.js').ImportedFile} file
 * @returns {import('../pkg/credfill.js').DownloadMatch}
 */
const said = (code, file) => ({ code, params: { fileName: file.name } });

/** The core's answer for `file` over the whole history (a narrower query could hide a second candidate); with `offered`, its re-check of that entry. */
async function matchIn(file, offered = undefined) {
  return matchDownload(file, await api.downloads.search({}), Date.now(), offered);
}

/**
 * Deletes the file the user confirmed: the match is read again right before deleting (the history
 * may have changed since the offer), and must still be the entry offered (`id`) when one was. The
 * file is removed first: `erase` forgets the entry only, and `removeFile` needs it.
 */
async function deleteDownload({ file: seen, id }) {
  const file = importedFile(seen);
  let outcome = await matchIn(file, id ?? undefined);
  if (outcome.code === 'found') {
    try {
      await api.downloads.removeFile(outcome.id);
      await api.downloads.erase({ id: outcome.id });
      outcome = said('deleted', file);
    } catch {
      // Firefox refuses `removeFile` for a file no longer on disk (Chromium, which checks lazily, does not).
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

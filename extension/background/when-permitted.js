// A task that needs host (or API) permissions, started by a click in the popup that also opens the browser's
// permission prompt. Asking closes the toolbar popup behind the prompt, so the worker runs the task:
// at once when the hosts are granted, else when the grant arrives (if it comes within two minutes).
import { api } from '../lib/browser.js';

/** How long a task waits for the user to answer the permission prompt. */
const PENDING_MS = 2 * 60 * 1000;

/**
 * `origins(request)` → the host patterns `run(request)` needs, `permissions` the API permissions. Returns `start(request)` (resolves to
 * what `run` does, or `{waiting: true}` while the prompt is open) and `register(ready)`, to call
 * synchronously at the worker's start (a granted permission may wake it; `ready()` instantiates the WASM).
 * @param {string} name
 * @param {{ origins?: (request: any) => Promise<string[]>, permissions?: string[], run: (request: any) => Promise<any> }} task
 */
export function whenPermitted(name, { origins = async () => [], permissions = [], run }) {
  const pendingKey = `${name}.pending`;
  const granted = async (request) => api.permissions.contains({ origins: await origins(request), permissions });

  async function start(request) {
    if (await granted(request)) return run(request);
    await api.storage.session.set({ [pendingKey]: { request, until: Date.now() + PENDING_MS } });
    return { waiting: true };
  }

  /** The task waiting for this grant, if any: only then is the WASM instantiated (a grant wakes every task's listener). */
  async function runPending(ready) {
    const { [pendingKey]: pending } = await api.storage.session.get(pendingKey);
    if (!pending || pending.until < Date.now()) return;
    await ready();
    if (!(await granted(pending.request))) return;
    await api.storage.session.remove(pendingKey);
    await run(pending.request);
  }

  const register = (ready) =>
    api.permissions.onAdded.addListener(() =>
      runPending(ready).catch((e) => console.warn(`${name}: ${e?.code ?? e?.message}`)));
  return { start, register };
}

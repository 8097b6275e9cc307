// The host permissions a button's task needs, for the three popup flows that start a task in the
// worker (Test keys, Prepare ModelArts, OpenScale IDs). Browsers let a page ask for a permission
// only inside the click itself, so the hosts a task lacks are learned before any click, and the
// button stays disabled until they are known: a click before that would open no prompt, and the
// worker would wait for a grant that never comes.
import { api } from '../lib/browser.js';

/**
 * `originsOf()` → a promise of the host match patterns `button`'s task reaches (`button` may be
 * null: the caller then asks `known()` before starting). Returns `learn()`, to learn them again when
 * an input they depend on changes (resolves once they are known), and `start(task)`, to call
 * synchronously from the click: it starts `task()` (the message that starts it in the worker) and
 * asks for the hosts not granted yet, both within the gesture. It resolves to what the task resolves
 * to, or rejects with `{code, params: {hosts}}` when the hosts were refused (`permission-refused`)
 * or the browser would not even ask for them (`permission-unavailable`): either way nothing was sent.
 * The browser's own error words never reach the user.
 */
export function hostAccess(button, originsOf) {
  let missing = null; // the hosts not granted yet; null while not known
  let busy = false;
  let learning = 0; // only the latest learning counts
  // Disabled while busy or learning; `aria-busy` while its task starts (the popup's busy look).
  const sync = () => {
    if (!button) return;
    button.disabled = busy || missing === null;
    if (busy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  };

  async function learn() {
    const mine = ++learning;
    missing = null;
    sync();
    let lacking = [];
    try {
      const origins = await originsOf();
      lacking = (await api.permissions.contains({ origins })) ? [] : origins;
    } catch {
      // the worker explains when the task runs
    }
    if (mine !== learning) return;
    missing = lacking;
    sync();
  }

  function start(task) {
    const hosts = missing ?? [];
    busy = true;
    sync();
    const started = task();
    const asked = hosts.length
      ? api.permissions.request({ origins: hosts }).then(
        (granted) => {
          if (!granted) throw { code: 'permission-refused', params: { hosts } };
        },
        () => {
          throw { code: 'permission-unavailable', params: { hosts } };
        })
      : Promise.resolve();
    return Promise.all([started, asked])
      .then(([outcome]) => outcome)
      .finally(() => {
        busy = false;
        learn();
      });
  }

  const learned = learn();
  return { learn, start, known: () => missing !== null, learned };
}

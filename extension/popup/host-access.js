// The popup's one way to start a task in the worker from a click and show its result when it comes
// (Test keys, Prepare ModelArts, OpenScale IDs, deleting a downloaded key file). Browsers let a page
// ask for a permission only inside the click itself, so the hosts (and API permissions) a task lacks
// are learned before any click, and the button stays
// disabled until they are known: a click before that would open no prompt, and the worker would
// wait for a grant that never comes.
import { api } from '../lib/browser.js';

const POLLS = 60;
const NOTHING = { origins: [], permissions: [] };
const POLL_MS = 500;

/** What `later()` answers once it answers something: the worker's result of a granted task. */
async function resultOf(later) {
  for (let tries = 0; tries < POLLS; tries++) {
    const result = await later();
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw { code: 'timeout' };
}

/**
 * `originsOf()` → a promise of the host match patterns `button`'s task reaches (`button` may be
 * null: the caller then asks `known()` before starting); `permissions`, the API permissions it needs. Returns `learn()`, to learn them again when
 * an input they depend on changes (resolves once they are known), and `start(task)`, to call
 * synchronously from the click: it starts `task()` (the message that starts it in the worker) and
 * asks for the hosts not granted yet, both within the gesture. It resolves to what the task resolves
 * to, or rejects with `{code, params: {hosts}}` when the hosts were refused (`permission-refused`)
 * or the browser would not even ask for them (`permission-unavailable`): either way nothing was sent.
 * The browser's own error words never reach the user.
 *
 * When the worker waits for the prompt (`{waiting: true}`: this popup survived it, as in Firefox),
 * `start(task, later)` asks `later()` every half second until it answers the result, for half a
 * minute at most (then `{code: 'timeout'}`); without `later` it resolves to `{waiting: true}`.
 * `forbid()` keeps `button` disabled (a task the organisation's policy forbids).
 */
export function hostAccess(button, originsOf, { permissions = [] } = {}) {
  let missing = null; // {origins, permissions} not granted yet; null while not known
  let busy = false;
  let forbidden = false; // the organisation's policy forbids the task: disabled for good
  let learning = 0; // only the latest learning counts
  // Disabled while busy or learning; `aria-busy` while its task starts (the popup's busy look).
  const sync = () => {
    if (!button) return;
    button.disabled = forbidden || busy || missing === null;
    if (busy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  };

  async function learn() {
    const mine = ++learning;
    missing = null;
    sync();
    let lacking = NOTHING;
    try {
      const wanted = { origins: await originsOf(), permissions };
      if (!(await api.permissions.contains(wanted))) lacking = wanted;
    } catch {
      // the worker explains when the task runs
    }
    if (mine !== learning) return;
    missing = lacking;
    sync();
  }

  function start(task, later) {
    const lacking = missing ?? NOTHING;
    const hosts = lacking.origins;
    busy = true;
    sync();
    const started = task();
    const asked = hosts.length || lacking.permissions.length
      ? api.permissions.request(lacking).then(
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
      })
      .then((outcome) => (outcome?.waiting && later ? resultOf(later) : outcome));
  }

  const learned = learn();
  const forbid = () => {
    forbidden = true;
    sync();
  };
  return { learn, start, known: () => missing !== null, learned, forbid };
}

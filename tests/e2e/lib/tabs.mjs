// The extension's view of a tab, from an extension page (`control`): which tab shows a URL, and
// small probes run in every frame of it through the scripting API.

/** Id of the newest tab showing `url` (fragment ignored), or null when the extension may not see it. */
export function tabIdOf(control, url) {
  const pattern = url.replace(/#.*$/, '') + '*';
  return control.evaluate(async (p) => {
    const tabs = await (globalThis.browser ?? globalThis.chrome).tabs.query({ url: p });
    return tabs.length ? Math.max(...tabs.map((t) => t.id)) : null;
  }, pattern);
}

/**
 * Runs one of a few probes in every frame of the tab showing `url`, through the extension's scripting
 * API (so cross-origin frames too; content-script CSP forbids shipping arbitrary code); resolves to
 * the frames' non-null answers.
 * - `submit` (selector): clicks the replica's submit button and returns the state its framework printed.
 * - `values`: the values of the frame's light-DOM text inputs.
 * - `injected`: whether the fill content script is present.
 * - `time-collect`: milliseconds one collect() takes in the frame (after a fill injected the script).
 */
export async function probe(control, url, name, arg = null) {
  const tabId = await tabIdOf(control, url);
  return control.evaluate(async ({ tabId: id, name: n, arg: a }) => {
    const probes = {
      submit: (sel) => {
        const button = document.querySelector(sel);
        if (!button) return null;
        button.click();
        return JSON.parse(document.getElementById('state')?.textContent || 'null');
      },
      values: () => [...document.querySelectorAll('input:not([type=checkbox])')].map((i) => i.value),
      injected: () => Boolean(globalThis.__credfillFill),
      'time-collect': () => {
        if (!globalThis.__credfillFill) return null;
        const start = performance.now();
        globalThis.__credfillFill.collect();
        return performance.now() - start;
      },
    };
    const results = await (globalThis.browser ?? globalThis.chrome).scripting.executeScript({
      target: { tabId: id, allFrames: true }, func: probes[n], args: [a],
    });
    return results.map((r) => r.result).filter((r) => r != null);
  }, { tabId, name, arg });
}

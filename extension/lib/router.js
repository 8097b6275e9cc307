// The worker's message dispatch: every message names a handler, and every handler says which
// senders it serves. Anything else — another extension, a web page, a content script asking for
// an extension-page action — is refused before any handler runs.

/** Where a message comes from: 'extension' (our own pages), 'content' (our content script in a tab), or null. */
export function senderKind(sender, runtime) {
  if (!sender || sender.id !== runtime.id || typeof sender.url !== 'string') return null;
  const ownOrigin = new URL(runtime.getURL('')).origin;
  let origin;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  if (origin === ownOrigin) return 'extension';
  if (sender.tab && Number.isInteger(sender.tab.id)) return 'content';
  return null;
}

/**
 * Errors cross the message boundary as `{code, message, params?, line?, column?}` only: never a stack,
 * never a value (the core's params are secret-free by construction: src/words.rs).
 */
export function toPlainError(e) {
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    const { code, message, params, line, column } = e;
    return {
      code, message: String(message ?? code), ...(params != null && { params }),
      ...(line != null && { line }), ...(column != null && { column }),
    };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Builds the `runtime.onMessage` listener. `handlers[type] = { from: ['extension'|'content'], run(message, sender), core?, before? }`.
 * `ready()` (it instantiates the WASM module, once) is awaited before every handler but those marked
 * `core: false`, which never call the WASM: the popup's first question (is the vault locked?) is then
 * answered on a cold wake without waiting for the core to be fetched and compiled. `before()` runs
 * meanwhile, and must be done too before `run`.
 */
export function createListener({ handlers, runtime, ready }) {
  return (message, sender, sendResponse) => {
    const type = message && typeof message.type === 'string' ? message.type : '';
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : null;
    const kind = senderKind(sender, runtime);
    (async () => {
      if (!handler || !kind || !handler.from.includes(kind)) {
        throw { code: 'refused', message: `message "${type}" refused from this sender` };
      }
      await Promise.all([handler.core !== false && ready(), handler.before?.(message, sender)]);
      return handler.run(message, sender);
    })().then(
      (ok) => sendResponse({ ok }),
      (e) => sendResponse({ error: toPlainError(e) }),
    );
    return true; // the answer always comes asynchronously, in both browsers alike
  };
}

// Messages between the extension's pages and its background worker.
import { api } from './browser.js';

/**
 * Sends `{type, ...payload}` to the worker; resolves with its answer or rejects with its `{code, message}` error.
 * The types and payloads are those of lib/message-types.d.ts, the answers its handlers'.
 * @template {import('./message-types').MessageType} T
 * @param {T} type
 * @param {import('./message-types').Request<T>} [payload]
 * @returns {Promise<import('./message-types').Answer<T>>}
 */
export async function ask(type, payload = /** @type {import('./message-types').Request<T>} */ ({})) {
  const reply = await api.runtime.sendMessage({ type, ...payload });
  if (!reply) throw { code: 'no-reply', message: api.i18n.getMessage('error_no_reply') };
  if (reply.error) throw reply.error;
  return reply.ok;
}

// Messages between the extension's pages and its background worker.
import { api } from './browser.js';

/** Sends `{type, ...payload}` to the worker; resolves with its answer or rejects with its `{code, message}` error. */
export async function ask(type, payload = {}) {
  const reply = await api.runtime.sendMessage({ type, ...payload });
  if (!reply) throw { code: 'no-reply', message: api.i18n.getMessage('error_no_reply') };
  if (reply.error) throw reply.error;
  return reply.ok;
}

// The console hosts the user added in the options, kept in storage.local as [{host, provider}]:
// each host already normalised by the core (normalizeConsoleHost) and its host permission granted.
// The worker passes them to matchConsoleWith / frameDecision / planFill as `extraHosts`.
import { api } from './browser.js';

export const CONSOLE_HOSTS_KEY = 'fill.consoleHosts';

export async function readConsoleHosts() {
  return (await api.storage.local.get(CONSOLE_HOSTS_KEY))[CONSOLE_HOSTS_KEY] ?? [];
}

export async function writeConsoleHosts(hosts) {
  await api.storage.local.set({ [CONSOLE_HOSTS_KEY]: hosts });
}

/** The host permission (match pattern) a console host needs: its https pages only. */
export const hostPattern = (host) => `https://${host}/*`;

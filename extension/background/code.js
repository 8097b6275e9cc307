// "Use in code": the worker renders snippets for the pages with the core (`codeOffers`,
// `renderSnippet`), since it alone holds the unlocked vault. A snippet with the secret is rendered
// only for an explicit "copy with secret" or "download" click, and after a copy the worker clears
// the clipboard once the delay is over, if it still holds what credfill put there — as password
// managers do. It keeps only the text's SHA-256 to compare (storage.session), never the text, and
// an alarm wakes it (the browser stops idle workers; a popup's timer dies with the popup).
//
// Reading the clipboard to compare needs `clipboardRead` (and clearing it without a click,
// `clipboardWrite`): optional permissions, asked for from the panel's "Allow clearing" button, so
// nobody gets the install-time warning for a feature they do not use. Chrome's worker has no DOM:
// it reads and clears through an offscreen document (reason CLIPBOARD,
// https://developer.chrome.com/docs/extensions/reference/api/offscreen); Firefox's background page
// uses navigator.clipboard itself.
import { codeCommentKeys, codeOffers, policyCheckSecretUse, renderSnippet, renderTemporarySnippet } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';
import { CLIPBOARD_PERMISSIONS } from '../lib/clipboard.js';
import { sha256Hex } from '../lib/sha256.js';
import { wordsOf } from '../lib/words.js';
import { readManaged } from './policy.js';
import { getProfile } from './profiles.js';

export const CLEAR_ALARM = 'code-clear-clipboard';
const PENDING = 'code.clipboard';
/** How long a secret stays on the clipboard (an e2e test fires the alarm sooner itself). */
const CLEAR_SECONDS = 60;

async function offers({ profileId }) {
  return codeOffers(await getProfile(profileId));
}

/** The snippets' comments in the user's language. */
const commentWords = () => wordsOf((key) => api.i18n.getMessage(key), codeCommentKeys());

/** A snippet of the stored profile. */
async function snippetOf(profileId, target, withSecret) {
  return renderSnippet(await getProfile(profileId), target, withSecret, commentWords());
}

async function render({ profileId, target }) {
  return snippetOf(profileId, target, false);
}

/** Download: the file with the secret, after the page's confirmation. */
async function download({ profileId, target }) {
  policyCheckSecretUse(await readManaged(), 'download');
  return snippetOf(profileId, target, true);
}

/** A snippet with a secret for the page to copy, and the clipboard's clear planned. */
async function forClipboard(snippet) {
  await api.storage.session.set({ [PENDING]: { digest: await sha256Hex(snippet.text) } });
  await api.alarms.create(CLEAR_ALARM, { when: Date.now() + CLEAR_SECONDS * 1000 });
  const clearable = await api.permissions.contains(CLIPBOARD_PERMISSIONS);
  return { ...snippet, clearSeconds: CLEAR_SECONDS, clearable };
}

/** Copy with the secret: the text for the page to copy, and the clear planned. */
async function copySecret({ profileId, target }) {
  policyCheckSecretUse(await readManaged(), 'copy-with-secret');
  return forClipboard(await snippetOf(profileId, target, true));
}

/**
 * The snippet of `target` with the short-lived credential a `temporary-key` flow was just issued
 * (flows.js), for the page to copy (the clear planned) or, for a file, to download. The credential
 * lives only in this call and the text the page gets: never stored, never logged.
 */
export async function temporarySnippet({ target, download }, profile, issued) {
  if (download) policyCheckSecretUse(await readManaged(), 'download');
  const snippet = renderTemporarySnippet(profile, target, issued, commentWords());
  return download ? snippet : forClipboard(snippet);
}

/** Chrome: the offscreen document does the clipboard work; one exists at a time. */
async function throughOffscreen(digest) {
  const url = api.runtime.getURL('offscreen.html');
  const open = await api.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (!open?.length) {
    await api.offscreen.createDocument({ url, reasons: ['CLIPBOARD'], justification: 'Clear a copied secret from the clipboard' });
  }
  try {
    /** @type {import('../lib/message-types').OffscreenMessage} */
    const message = { type: 'offscreen.clearClipboard', digest };
    return await api.runtime.sendMessage(message);
  } finally {
    await api.offscreen.closeDocument().catch(() => {});
  }
}

/** Clears the clipboard if it still holds the copied snippet; resolves to what it did. */
export async function clearClipboard() {
  const { [PENDING]: pending } = await api.storage.session.get(PENDING);
  if (!pending) return 'nothing';
  await api.storage.session.remove(PENDING);
  if (!(await api.permissions.contains(CLIPBOARD_PERMISSIONS))) return 'not-allowed';
  if (api.offscreen) return throughOffscreen(pending.digest);
  if ((await sha256Hex(await navigator.clipboard.readText())) !== pending.digest) return 'changed';
  await navigator.clipboard.writeText('');
  return 'cleared';
}

/** Registered synchronously at the worker's start: the alarm may be what wakes it. */
export function registerCodeEvents() {
  api.alarms.onAlarm.addListener(({ name }) => {
    if (name !== CLEAR_ALARM) return;
    // No WASM needed: the copy is known by its SHA-256 (WebCrypto).
    clearClipboard().catch((e) => console.warn(`code: clipboard ${e?.message ?? e}`));
  });
}

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'code.offers': { from: ['extension'], run: offers },
  'code.render': { from: ['extension'], run: render },
  'code.copySecret': { from: ['extension'], run: copySecret },
  'code.download': { from: ['extension'], run: download },
};

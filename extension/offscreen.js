// Chrome's offscreen document (reason CLIPBOARD) for background/code.js: reads the clipboard and
// clears it if it still holds the copied snippet (its SHA-256 is all the worker sends). An offscreen
// document never has focus, so navigator.clipboard refuses it: execCommand, with the extension's
// clipboardRead / clipboardWrite permissions, works (Chrome's offscreen clipboard sample does the same).
import { sha256Hex } from './lib/sha256.js';

const area = /** @type {HTMLTextAreaElement} */ (document.getElementById('clipboard'));

async function clearIfStill(digest) {
  area.value = '';
  area.focus();
  document.execCommand('paste');
  const held = area.value;
  area.value = '';
  if ((await sha256Hex(held)) !== digest) return 'changed';
  // An empty selection copies nothing: the copy event sets the (empty) text itself.
  const empty = (event) => {
    event.clipboardData.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', empty, { once: true });
  document.execCommand('copy');
  return 'cleared';
}

chrome.runtime.onMessage.addListener((/** @type {import('./lib/message-types').OffscreenMessage} */ message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || message?.type !== 'offscreen.clearClipboard') return false;
  clearIfStill(message.digest).then(sendResponse, () => sendResponse('failed'));
  return true;
});

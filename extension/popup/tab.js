// The tab the popup acts on: `?tab=ID` when the worker opened this page for a tab (keyboard
// command, context menu), else the active tab of this window.
import { api } from '../lib/browser.js';

export async function activeTabId() {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

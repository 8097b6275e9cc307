// Import: the popup sends the file's bytes (base64: runtime messages are JSON in Chromium), the core
// parses them. The result goes back to the popup for review; saving it is the vault's business.
import { importLimitBytes, parseCredentials } from '../pkg/credfill.js';
import { api } from '../lib/browser.js';

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'import.limit': { from: ['extension'], run: () => importLimitBytes() },
  'import.parse': {
    from: ['extension'],
    // The browser's language: the hint for a CSV in a legacy code page (GBK on a Chinese Windows).
    run: ({ base64, fileName }) =>
      parseCredentials(Uint8Array.fromBase64(String(base64)), fileName ?? undefined, api.i18n.getUILanguage()),
  },
};

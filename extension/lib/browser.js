// One name for the WebExtension API: Firefox has `browser`, Chromium only `chrome` (both promise-based in MV3).
export const api = globalThis.browser ?? globalThis.chrome;

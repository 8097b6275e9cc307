// What the extension's JS finds in its browsers, for `tsc` (tsconfig.json); never shipped
// (scripts/build-extension.mjs leaves out `.d.ts` files). The WebExtension APIs stay untyped:
// `lib/browser.js` reaches them as `api`, Chromium's offscreen document as `chrome`.
declare var chrome: any;
declare var browser: any;
/** The WASM's SHA-256, written in by scripts/build-extension.mjs (absent when run from source). */
declare const CREDFILL_CORE_DIGEST: string | undefined;

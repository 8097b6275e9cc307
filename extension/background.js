// The background worker owns the WASM core (and, with it, every secret). It keeps no state in
// globals that must survive: the browser stops it when idle.
import init, { version } from './pkg/credfill.js';
import { api } from './lib/browser.js';
import { createListener } from './lib/router.js';

// Started at once, awaited inside handlers: a top-level await would let the worker close.
const ready = init({ module_or_path: api.runtime.getURL('pkg/credfill_bg.wasm') });

const handlers = {
  version: { from: ['extension'], run: () => version() },
};

api.runtime.onMessage.addListener(createListener({ handlers, runtime: api.runtime, ready }));

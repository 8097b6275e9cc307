// The background worker owns the WASM core (and, with it, every secret). It keeps no state in
// globals that must survive: the browser stops it when idle. Each capability brings its own
// message handlers from background/; this file only wires them to the WASM and the router.
import init from './pkg/credfill.js';
import { api } from './lib/browser.js';
import { createListener } from './lib/router.js';
import { handlers as coreHandlers } from './background/core.js';
import { handlers as profileHandlers } from './background/profiles.js';
import { handlers as importHandlers } from './background/import.js';
import { handlers as vaultHandlers } from './background/vault.js';
import { handlers as flowHandlers, registerFlowEvents } from './background/flows.js';
import { handlers as presignHandlers } from './background/presign.js';
import { handlers as fillHandlers } from './background/fill.js';
import { consoleHostsChanged, registerFillEvents } from './background/fill-gestures.js';
import { handlers as codeHandlers, registerCodeEvents } from './background/code.js';
import { handlers as downloadHandlers, registerDownloadEvents } from './background/downloads.js';
import { handlers as policyHandlers, registerPolicyEvents } from './background/policy.js';
import { asUserActions } from './background/vault-lock.js';

// Instantiated at the first need, not on every wake: a tab event whose badge is known already
// never compiles the WASM. Awaited inside handlers: a top-level await would let the worker close.
// A performance mark tells when (and whether) a wake instantiated it (bench/cold-wake.mjs, tests).
let instantiating = null;
const ready = () => (instantiating ??= init({ module_or_path: api.runtime.getURL('pkg/credfill_bg.wasm') })
  .then(() => performance.mark('credfill-core-ready')));

// Each message from the extension's own pages is the user at work: it keeps the vault unlocked.
const handlers = asUserActions({
  ...coreHandlers, ...profileHandlers, ...importHandlers, ...vaultHandlers, ...flowHandlers, ...presignHandlers,
  ...fillHandlers, ...codeHandlers, ...downloadHandlers, ...policyHandlers,
});

api.runtime.onMessage.addListener(createListener({ handlers, runtime: api.runtime, ready }));
registerFillEvents(ready);
registerFlowEvents(ready);
registerCodeEvents();
registerDownloadEvents(ready);
registerPolicyEvents(ready, () => consoleHostsChanged(ready));

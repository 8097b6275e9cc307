// Every message of the extension, in one list: its type, in one style (`area.action`, camelCase),
// and what it carries besides `type`. What each answers is what its worker handler returns,
// inferred from background/*.js down to the core's declarations (pkg/credfill.d.ts, generated
// from the Rust types): a field renamed in Rust fails `tsc` wherever a page reads it.
// Checked by `tsc -p tsconfig.json` (make test): `ask()` (lib/messages.js) takes only these types and
// payloads, and each handler map is declared `@satisfies {Handlers}`. Never shipped.
import type * as Core from '../pkg/credfill.js';
import type { handlers as code } from '../background/code.js';
import type { handlers as core } from '../background/core.js';
import type { handlers as fill } from '../background/fill.js';
import type { handlers as importing } from '../background/import.js';
import type { handlers as downloads } from '../background/downloads.js';
import type { handlers as flows } from '../background/flows.js';
import type { handlers as presign } from '../background/presign.js';
import type { handlers as policy } from '../background/policy.js';
import type { handlers as profiles } from '../background/profiles.js';
import type { handlers as vault } from '../background/vault.js';

/** Messages from the pages to the worker (background.js routes them, lib/router.js checks the sender). */
export interface Requests extends FlowRequests {
  'core.version': {};

  /** `tabId`: the popup's tab, for each profile's fit to its console. */
  'profiles.view': { tabId?: number };
  'profiles.previewImport': { items: Core.Credential[]; target?: string; cloud?: Core.Provider; tabId?: number };
  'profiles.import': {
    items: Core.Credential[]; target?: string; provider?: Core.Provider; region?: string;
    replace?: boolean; newProfile?: boolean; names?: (string | null)[]; tabId?: number;
  };
  'profiles.edit': { id: string; edits: Core.Edits; tabId?: number };
  'profiles.delete': { id: string; tabId?: number };
  'profiles.undoDelete': { tabId?: number };
  'profiles.reorder': { ids: string[]; tabId?: number };
  'profiles.setOpenscaleInstance': { id: string; guid: string; region?: string; tabId?: number };
  'profiles.resolveConflict': { index: number; choice: Core.ConflictChoice };

  'vault.status': {};
  'vault.setup': { passphrase: string; confirmation: string };
  'vault.unlock': { passphrase: string };
  'vault.lock': {};
  'vault.recoverPrevious': { passphrase: string };
  'vault.changePassphrase': { current: string; passphrase: string; confirmation: string };
  'vault.setSettings': { settings: { autoLockMinutes?: number; maxKeyAgeDays?: number } };
  'vault.export': {};
  'vault.restore': {
    envelope: Core.Envelope | Core.EnvelopeV1; passphrase: string; newPassphrase?: string; confirmation?: string;
  };

  'import.limit': {};
  /** The file's bytes in base64 (a message carries JSON only). */
  'import.parse': { base64: string; fileName?: string };

  'code.offers': { profileId: string };
  'code.render': { profileId: string; target: Core.Target };
  'code.copySecret': { profileId: string; target: Core.Target };
  'code.download': { profileId: string; target: Core.Target };

  /** The organisation's managed policy, as the core reads it. */
  'policy.view': {};

  'fill.status': { tabId: number };
  'fill.run': { tabId: number; profileId?: string; confirmedFrameOrigin?: string; chosen?: Record<string, string> };

  'check.presign': { profileId: string; bucket: string; key: string; expiresIn: number | string };

  /** What the popup saw of an imported key file (src/credentials/download.rs matches it in the history). */
  'downloads.find': { file: Core.ImportedFile };
  /** `id`: the history entry `downloads.find` offered (the worker matches it again before deleting). */
  'downloads.delete': { file: Core.ImportedFile; id?: number };
  'downloads.result': {};
}

/**
 * A flow's messages (extension/background/flows.js): each names the flow and the profile it runs
 * for, with the flow's own fields (a bucket for the key check; the instance, region and provider of
 * the OpenScale flows; the snippet a temporary key is for, copied or downloaded). A preview's `ask`
 * and a write's `calls` are the flow's own calls, as `flow.preview` answered them.
 */
type FlowTarget = {
  kind: Core.FlowKind; profileId: string; bucket?: string; guid?: string; region?: string; provider?: unknown;
  target?: Core.Target; download?: boolean;
};
export interface FlowRequests {
  'flow.origins': FlowTarget;
  'flow.start': FlowTarget;
  'flow.preview': FlowTarget & { ask?: unknown };
  'flow.write': FlowTarget & { calls: unknown[] };
  'flow.view': FlowTarget;
  'flow.result': FlowTarget;
}

export type MessageType = keyof Requests;
export type Request<T extends MessageType> = Requests[T];

/** Who may send a message: our own pages, or our content script in a tab (lib/router.js). */
export type Sender = 'extension' | 'content';

/** A handler map of background/*.js: each message's senders, and what runs it. */
export type Handlers = {
  [T in MessageType]?: {
    from: Sender[];
    /** false: answered without the WASM core (lib/router.js). */
    core?: boolean;
    before?: (message: Request<T> & { type: T }, sender: any) => unknown;
    run: (message: Request<T> & { type: T }, sender: any) => unknown;
  };
};

type AllHandlers = typeof code & typeof core & typeof downloads & typeof fill & typeof flows & typeof importing
  & typeof policy & typeof presign & typeof profiles & typeof vault;

/** What a message answers: its handler's result. */
export type Answer<T extends MessageType> = T extends keyof AllHandlers
  ? AllHandlers[T] extends { run: (...args: any[]) => infer R } ? Awaited<R> : never
  : never;

/** The worker's one message to the offscreen document (Chromium: background/code.js to offscreen.js). */
export type OffscreenMessage = { type: 'offscreen.clearClipboard'; digest: string };

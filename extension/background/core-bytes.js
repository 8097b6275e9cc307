// Where the worker gets the core's WASM. In Chromium, most of a cold wake is reading the packaged
// file through the extension resource loader (bench/cold-wake.mjs; in Firefox compiling it costs
// more, bench/cold-wake-firefox.mjs); the same bytes read back from the
// extension's own Cache Storage arrive sooner, and a compile streamed from there can reuse the code
// V8 cached for it. So the packaged file is copied there, under the digest the build computed
// (scripts/build-extension.mjs): a copy from another build is never used. Nothing is downloaded:
// the only bytes kept are the package's own, in storage only this extension's pages can reach.
// The copy is hashed before it is used: bytes that are not the build's own (a disk error, or
// anything else that wrote to the extension's storage) are dropped, never instantiated. Whatever
// fails (no Cache Storage, a full disk, a copy that does not compile or match) falls back to the
// package.

import { sha256Hex } from '../lib/sha256.js';

export const CORE_CACHE = 'credfill-core';

/**
 * Instantiates the core with wasm-bindgen's `init`, from the kept copy when there is one.
 * `digest` null: the package only (an unbundled build has none).
 */
export async function instantiateCore(init, packagedUrl, digest,
  { caches = globalThis.caches, load = fetch, compile = WebAssembly.compileStreaming } = {}) {
  const cache = digest && caches ? await caches.open(CORE_CACHE).catch(() => null) : null;
  if (!cache) return init({ module_or_path: packagedUrl });
  // Cache Storage keys must be http(s) URLs; this one only names the copy and is never fetched.
  const key = `https://credfill.invalid/core/${digest}.wasm`;
  const copy = await cache.match(key).catch(() => undefined);
  if (copy) {
    try {
      return await init({ module_or_path: await verifiedModule(copy, digest, compile) });
    } catch {
      await caches.delete(CORE_CACHE).catch(() => {});
      return init({ module_or_path: packagedUrl });
    }
  }
  const packaged = await load(packagedUrl);
  if (packaged.ok) keep(cache, key, packaged.clone()).catch(() => {});
  return init({ module_or_path: packaged });
}

/**
 * The copy compiled, once its bytes hash to `digest`. Compiling streams one branch of the body (so
 * V8 may reuse the code it cached) while the other is hashed; nothing runs before both are done.
 */
async function verifiedModule(copy, digest, compile) {
  const [module, bytes] = await Promise.all([compile(copy.clone()), copy.arrayBuffer()]);
  if ((await sha256Hex(bytes)) !== digest) throw new Error('core-copy-mismatch');
  return module;
}

/** The copy under `key`, and no other: an update leaves no stale core behind. */
async function keep(cache, key, response) {
  for (const old of await cache.keys()) await cache.delete(old);
  await cache.put(key, response);
}

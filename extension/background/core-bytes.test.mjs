import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { CORE_CACHE, instantiateCore } from './core-bytes.js';

const PACKAGED = 'chrome-extension://id/pkg/credfill_bg.wasm';
const BYTES = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
/** The digest the build computes for BYTES (scripts/build-extension.mjs). */
const DIGEST = createHash('sha256').update(BYTES).digest('hex');
const wasmResponse = (bytes = BYTES) => new Response(bytes, { headers: { 'content-type': 'application/wasm' } });

/** Cache Storage as the browsers have it, in memory: responses by URL, per named cache. */
function fakeCaches() {
  const stores = new Map();
  return {
    stores,
    async open(name) {
      if (!stores.has(name)) stores.set(name, new Map());
      const entries = stores.get(name);
      return {
        match: async (url) => entries.get(url)?.clone(),
        put: async (url, response) => { entries.set(url, new Response(await response.arrayBuffer(), { headers: response.headers })); },
        keys: async () => [...entries.keys()].map((url) => new Request(url)),
        delete: async (request) => entries.delete(typeof request === 'string' ? request : request.url),
      };
    },
    delete: async (name) => stores.delete(name),
  };
}

/** wasm-bindgen's init, recording where each instantiation read the WASM from. */
function fakeInit({ failOn } = {}) {
  const from = [];
  const init = async ({ module_or_path: source }) => {
    const kind = typeof source === 'string' ? 'package' : source instanceof WebAssembly.Module ? 'copy' : 'response';
    from.push(kind);
    if (kind === failOn) throw new Error('not a module');
  };
  return { init, from };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('instantiateCore', () => {
  it('keeps a copy of the packaged WASM under the build digest and uses it from the next wake on', async () => {
    const caches = fakeCaches();
    let fetched = 0;
    const load = async (url) => { assert.equal(url, PACKAGED); fetched += 1; return wasmResponse(); };
    const first = fakeInit();
    await instantiateCore(first.init, PACKAGED, DIGEST, { caches, load });
    await settle();
    assert.deepEqual([...caches.stores.get(CORE_CACHE).keys()], [`https://credfill.invalid/core/${DIGEST}.wasm`]);
    const kept = caches.stores.get(CORE_CACHE).get(`https://credfill.invalid/core/${DIGEST}.wasm`);
    assert.deepEqual(new Uint8Array(await kept.clone().arrayBuffer()), BYTES);
    assert.equal(kept.headers.get('content-type'), 'application/wasm', 'a streamed compile needs the type');

    const next = fakeInit();
    await instantiateCore(next.init, PACKAGED, DIGEST, { caches, load });
    assert.deepEqual(next.from, ['copy'], 'the copy, compiled once its hash matched');
    assert.equal(fetched, 1, 'the second wake reads the copy, not the package');
  });

  it('drops the copy of another build', async () => {
    const caches = fakeCaches();
    const load = async () => wasmResponse();
    await instantiateCore(fakeInit().init, PACKAGED, 'old', { caches, load });
    await settle();
    await instantiateCore(fakeInit().init, PACKAGED, 'new', { caches, load });
    await settle();
    assert.deepEqual([...caches.stores.get(CORE_CACHE).keys()], ['https://credfill.invalid/core/new.wasm']);
  });

  it('falls back to the package when the copy does not instantiate, and forgets the copy', async () => {
    const caches = fakeCaches();
    const load = async () => wasmResponse();
    await instantiateCore(fakeInit().init, PACKAGED, DIGEST, { caches, load });
    await settle();
    const broken = fakeInit({ failOn: 'copy' });
    await instantiateCore(broken.init, PACKAGED, DIGEST, { caches, load });
    assert.deepEqual(broken.from, ['copy', 'package']);
    assert.equal(caches.stores.has(CORE_CACHE), false);
  });

  it('never instantiates a copy whose bytes are not the build\'s, even a valid module under the right name', async () => {
    const caches = fakeCaches();
    // A valid module that is not the build's: the same header plus an empty custom section "x".
    const tampered = new Uint8Array([...BYTES, 0, 2, 1, 120]);
    await (await caches.open(CORE_CACHE)).put(`https://credfill.invalid/core/${DIGEST}.wasm`, wasmResponse(tampered));
    const { init, from } = fakeInit();
    await instantiateCore(init, PACKAGED, DIGEST, { caches, load: async () => wasmResponse() });
    assert.deepEqual(from, ['package'], 'the tampered copy never reached init');
    assert.equal(caches.stores.has(CORE_CACHE), false, 'and is dropped');
  });

  it('reads the package when there is no Cache Storage, no digest, or the cache cannot open', async () => {
    const unavailable = { open: async () => { throw new DOMException('denied', 'SecurityError'); } };
    for (const [digest, caches] of [['abc', undefined], [null, fakeCaches()], ['abc', unavailable]]) {
      const { init, from } = fakeInit();
      await instantiateCore(init, PACKAGED, digest, { caches, load: () => assert.fail('no fetch of its own') });
      assert.deepEqual(from, ['package']);
    }
  });
});

// Where the sealed vault lives in storage.local: one key per generation (`vault.gen.<n>`) and a
// pointer (`vault.current`). A write never touches the generation in use: it adds the next one,
// reads it back, has the caller open it, and only then moves the pointer. A worker stopped at any
// point therefore leaves a pointer to an envelope that was verified when it was made current.
// Only envelopes (ciphertext) pass through here; this module knows nothing about keys.

export const CURRENT = 'vault.current';
const GEN_PREFIX = 'vault.gen.';

export const genKey = (gen) => `${GEN_PREFIX}${gen}`;

const damaged = (message) => ({ code: 'tampered', message });

/** The generation in use and its envelope, or null when no vault was ever written. */
export async function readCurrent(storage) {
  const { [CURRENT]: gen } = await storage.get(CURRENT);
  if (gen == null) return null;
  return { gen, envelope: await readGeneration(storage, gen) };
}

/** The generation before the current one (kept until the next write), or null. */
export async function readPrevious(storage) {
  const { [CURRENT]: gen } = await storage.get(CURRENT);
  if (gen == null) return null;
  const { [genKey(gen - 1)]: envelope } = await storage.get(genKey(gen - 1));
  return envelope ? { gen: gen - 1, envelope } : null;
}

async function readGeneration(storage, gen) {
  const { [genKey(gen)]: envelope } = await storage.get(genKey(gen));
  if (!envelope) throw damaged('The vault record the pointer names is missing.');
  return envelope;
}

/**
 * Stores `envelope` as the next generation and makes it current once `verify(storedCopy)` resolves
 * (the caller opens it with its key and compares the content). If verification throws, the pointer
 * is not moved and the error is passed on. Afterwards only the new generation and — with
 * `keepPrevious` — the one it replaces are kept; a passphrase change drops the previous one so the
 * old passphrase stops opening anything.
 */
export async function writeNext(storage, envelope, verify, { keepPrevious = true } = {}) {
  const { [CURRENT]: current } = await storage.get(CURRENT);
  const gen = (current ?? 0) + 1;
  await storage.set({ [genKey(gen)]: envelope });
  try {
    await verify(await readGeneration(storage, gen));
  } catch (e) {
    await storage.remove(genKey(gen));
    throw e;
  }
  await storage.set({ [CURRENT]: gen });
  await prune(storage, keepPrevious && current != null ? [gen, current] : [gen]);
  return gen;
}

/** Removes every generation but `keep` (leftovers of writes that were stopped half-way included). */
async function prune(storage, keep) {
  const kept = new Set(keep.map(genKey));
  const stale = Object.keys(await storage.get(null)).filter((k) => k.startsWith(GEN_PREFIX) && !kept.has(k));
  if (stale.length) await storage.remove(stale);
}

// The IAM tokens the OpenScale lookups get, in the worker's memory only. A token is the key's
// for as long as it lives (up to an hour), so it is kept only while nothing it was made from has
// changed: it is forgotten when the vault locks, when its profile is deleted, and when the
// profile's key, region or endpoint changes (a token made for the old key or another IAM must
// not answer for the new one).

import { sha256Hex } from '../lib/sha256.js';

/** What a token was made from: the profile's credentials, region and endpoint, hashed. */
const madeFrom = (profile) => sha256Hex(JSON.stringify([profile.credentials ?? [], profile.region ?? null, profile.endpoint ?? null]));

/** profileId → {token, madeFrom}. */
export function tokenCache() {
  const tokens = new Map();
  return {
    /** The profile's token, if it is unexpired at `now` (s) and made from the profile as it is. */
    async get(profile, now) {
      const kept = tokens.get(profile.id);
      if (!kept) return undefined;
      if (kept.token.expiration <= now || kept.madeFrom !== (await madeFrom(profile))) {
        tokens.delete(profile.id);
        return undefined;
      }
      return kept.token;
    },
    async set(profile, token) {
      tokens.set(profile.id, { token, madeFrom: await madeFrom(profile) });
    },
    /** Forgets the tokens of profiles not in `ids` (deleted ones). */
    keepOnly(ids) {
      for (const id of tokens.keys()) if (!ids.includes(id)) tokens.delete(id);
    },
    /** The vault locked: every token goes. */
    clear() {
      tokens.clear();
    },
    get size() {
      return tokens.size;
    },
  };
}

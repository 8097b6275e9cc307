import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenCache } from './token-cache.js';

const NOW = 1_800_000_000;
const TOKEN = { accessToken: 'eyJ.token', expiration: NOW + 3600 };
const profile = (changes = {}) => ({
  id: 'ibm-1', name: 'IBM', provider: 'ibm', region: 'eu-de',
  credentials: [{ kind: 'ibm-api-key', apiKey: 'platform-key-0001' }],
  ...changes,
});

describe('tokenCache', () => {
  it('keeps a token for the profile it was made for, through a rename or an instance choice', async () => {
    const cache = tokenCache();
    await cache.set(profile(), TOKEN);
    assert.deepEqual(await cache.get(profile(), NOW), TOKEN);
    assert.deepEqual(await cache.get(profile({ name: 'Renamed', openscaleGuid: 'guid' }), NOW), TOKEN);
  });

  for (const [what, changes] of [
    ['a new key', { credentials: [{ kind: 'ibm-api-key', apiKey: 'platform-key-0002' }] }],
    ['another region', { region: 'us-south' }],
    ['another endpoint', { endpoint: 'https://iam.example.test' }],
  ]) {
    it(`forgets the token when the profile gets ${what}`, async () => {
      const cache = tokenCache();
      await cache.set(profile(), TOKEN);
      assert.equal(await cache.get(profile(changes), NOW), undefined);
      assert.equal(cache.size, 0, 'dropped, not only hidden');
      assert.equal(await cache.get(profile(), NOW), undefined, 'and gone for the old profile too');
    });
  }

  it('forgets an expired token, a deleted profile\'s, and all of them at a lock', async () => {
    const cache = tokenCache();
    await cache.set(profile(), TOKEN);
    assert.equal(await cache.get(profile(), TOKEN.expiration), undefined);
    await cache.set(profile(), TOKEN);
    await cache.set(profile({ id: 'ibm-2' }), TOKEN);
    cache.keepOnly(['ibm-2']);
    assert.equal(await cache.get(profile(), NOW), undefined);
    assert.deepEqual(await cache.get(profile({ id: 'ibm-2' }), NOW), TOKEN);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});

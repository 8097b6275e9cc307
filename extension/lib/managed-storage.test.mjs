// No policy, however the browser says it, is `{}`: the core then leaves every setting the user's.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readManagedArea } from './managed-storage.js';

it('a policy is read as the browser gives it', async () => {
  const policy = { maxAutoLockMinutes: 10, allowDownload: 'no' };
  assert.deepEqual(await readManagedArea({ get: async () => policy }), policy);
});

it('no policy is {}: Chrome\'s empty answer, Firefox\'s rejection, no area at all, nothing answered', async () => {
  assert.deepEqual(await readManagedArea({ get: async () => ({}) }), {});
  assert.deepEqual(await readManagedArea({ get: async () => { throw new Error('Managed storage manifest not found'); } }), {});
  assert.deepEqual(await readManagedArea(undefined), {});
  assert.deepEqual(await readManagedArea({ get: async () => undefined }), {});
});

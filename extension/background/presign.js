// Presigned links to one OBS / S3 object: the WASM core signs the URL with the profile's key; the
// link leaves the worker, the key does not.
import { policyCheckEndpoints, presignObjectUrl } from '../pkg/credfill.js';
import { readManaged } from './policy.js';
import { getProfile } from './profiles.js';
import { utcTimestamp } from './send-once.js';

async function presign({ profileId, bucket, key, expiresIn }) {
  const profile = await getProfile(profileId);
  // A link to a custom endpoint the organisation does not allow is not made.
  policyCheckEndpoints(await readManaged(), profile);
  return presignObjectUrl({ profile, timestamp: utcTimestamp(new Date()), bucket, key, expiresIn: Number(expiresIn) });
}

export const handlers = {
  'check.presign': { from: ['extension'], run: presign },
};

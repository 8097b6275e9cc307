import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleScorer, orderProfiles } from './profile-order.js';

const profiles = [
  { id: 'ibm', provider: 'ibm' },
  { id: 'hw-ap', provider: 'huawei', region: 'ap-southeast-1' },
  { id: 'fe', provider: 'flexible-engine', region: 'eu-west-0' },
  { id: 'hw-cn', provider: 'huawei', region: 'cn-north-4' },
];
const order = (url) => orderProfiles(profiles, consoleScorer(url)).map((p) => p.id);

describe('profile order', () => {
  it('puts the tab console and region first, otherwise keeps the user order', () => {
    assert.deepEqual(order('https://console.huaweicloud.com/modelarts/?region=cn-north-4#/dashboard'), ['hw-cn', 'hw-ap', 'ibm', 'fe']);
    assert.deepEqual(order('https://console.prod-cloud-ocb.orange-business.com/iam/?agencyId=x&region=eu-west-0'), ['fe', 'ibm', 'hw-ap', 'hw-cn']);
    assert.deepEqual(order('https://cloud.ibm.com/iam/apikeys'), ['ibm', 'hw-ap', 'fe', 'hw-cn']);
  });

  it('keeps the user order for any other page, or no page', () => {
    const mine = profiles.map((p) => p.id);
    assert.deepEqual(order('https://example.com/?region=cn-north-4'), mine);
    assert.deepEqual(order(undefined), mine);
    assert.deepEqual(order('https://evil-huaweicloud.com/'), mine); // a look-alike host is not the console
  });

  it('marks the matching profiles', () => {
    const ordered = orderProfiles(profiles, consoleScorer('https://cloud.ibm.com/'));
    assert.deepEqual(ordered.map((p) => p.matchesTab), [true, false, false, false]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badgeText, keyDates, profileCounts, staleCount } from './key-age-badge.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 23);

describe('key-age badge', () => {
  it('keeps a date per long-lived key only', () => {
    const ages = [{ ageDays: 10, temporary: false }, { ageDays: 1, temporary: true }, { ageDays: null, temporary: false }];
    assert.deepEqual(keyDates(ages, NOW), [NOW - 10 * DAY]);
  });

  it('counts keys past the age against the current setting', () => {
    const dates = [NOW - 100 * DAY, NOW - 91 * DAY, NOW - 89 * DAY];
    assert.equal(staleCount(dates, NOW, 90), 2);
    assert.equal(staleCount(dates, NOW, 30), 3);
    assert.equal(staleCount(dates, NOW, 365), 0);
    assert.equal(staleCount(undefined, NOW, 90), 0);
  });

  it('counts profiles per provider, and keeps nothing else of them', () => {
    const profiles = [
      { provider: 'huawei', name: 'prod', credentials: [{ secretAccessKey: 'hwSecret' }] },
      { provider: 'huawei', name: 'dev' },
      { provider: 'ibm' },
      { name: 'no provider' },
    ];
    const counts = profileCounts(profiles);
    assert.deepEqual(counts, { huawei: 2, ibm: 1 });
    assert.equal(JSON.stringify(counts).includes('prod') || JSON.stringify(counts).includes('hwSecret'), false);
    assert.deepEqual(profileCounts([]), {});
  });

  it('shows nothing when no key is due', () => {
    assert.equal(badgeText(0), '');
    assert.equal(badgeText(3), '3');
  });
});

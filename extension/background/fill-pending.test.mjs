import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PENDING_TTL_MS, pendingFor, pendingMatches } from './fill-pending.js';

const tab = { id: 7, url: 'https://console.huaweicloud.com/modelarts/#/settings' };
const at = Date.UTC(2026, 10, 30, 1, 0, 0);

test('a marker resumes the fill of its own tab and page, for a short while', () => {
  const marker = pendingFor(tab, at);
  assert.equal(pendingMatches(marker, tab, at), true);
  assert.equal(pendingMatches(marker, tab, at + PENDING_TTL_MS - 1), true);
  assert.equal(pendingMatches(marker, tab, at + PENDING_TTL_MS), false, 'expired');
  assert.equal(pendingMatches(marker, tab, at - 1), false, 'from the future');
});

test('another tab, another page of the tab, or a malformed marker resumes nothing', () => {
  const marker = pendingFor(tab, at);
  assert.equal(pendingMatches(marker, { ...tab, id: 8 }, at), false);
  assert.equal(pendingMatches(marker, { ...tab, url: 'https://console.huaweicloud.com/obs/' }, at), false);
  assert.equal(pendingMatches(marker, { id: tab.id }, at), false, 'a tab whose URL the extension may not read');
  for (const stored of [undefined, null, 7, 'x', { tabId: 7 }]) assert.equal(pendingMatches(stored, tab, at), false, String(stored));
});

// The fill exports as the extension sees them: run with `node --test tests/js/` after building pkg/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, matchConsole, matchConsoleWith, frameDecision, normalizeConsoleHost, planFill, fillReport } from '../../pkg-test/credfill.js';

initSync({ module: readFileSync(new URL('../../pkg-test/credfill_bg.wasm', import.meta.url)) });

const MODELARTS = 'https://console.huaweicloud.com/modelarts/?region=cn-north-4#/dashboard/settings';

function field(id, extra) {
  return { id, tag: 'INPUT', type: 'text', visible: true, readOnly: false, disabled: false, frameUrl: MODELARTS, frameSandboxed: false, ...extra };
}

test('matchConsole answers {provider, host} or null', () => {
  assert.deepEqual(matchConsole(MODELARTS), { provider: 'huawei', host: 'console.huaweicloud.com' });
  assert.deepEqual(matchConsole('https://console.prod-cloud-ocb.orange-business.com/modelarts/'), {
    provider: 'flexible-engine',
    host: 'console.prod-cloud-ocb.orange-business.com',
  });
  assert.deepEqual(matchConsole('https://aiopenscale.cloud.ibm.com/'), { provider: 'ibm', host: 'aiopenscale.cloud.ibm.com' });
  for (const url of ['https://console.huaweicloud.com.evil.example/', 'http://cloud.ibm.com/', 'javascript:alert(1)', 'not a url']) {
    assert.equal(matchConsole(url), null, url);
  }
});

test('matchConsoleWith adds the user\'s hosts; bad entries throw {code, message}', () => {
  const extra = [{ host: 'console.example-partner.com', provider: 'huawei' }];
  assert.deepEqual(matchConsoleWith('https://console.example-partner.com/', extra), {
    provider: 'huawei',
    host: 'console.example-partner.com',
  });
  assert.equal(matchConsoleWith('https://console.example-partner.com/', []), null);
  assert.throws(() => matchConsoleWith(MODELARTS, [{ host: 'x.example', provider: 'aws' }]), (e) => e.code === 'invalid-input');
});

test('frameDecision shapes', () => {
  assert.deepEqual(frameDecision(MODELARTS, 'https://console.huaweicloud.com/frame', false), { decision: 'allow' });
  assert.deepEqual(frameDecision(MODELARTS, 'https://auth.huaweicloud.com/x', false), { decision: 'confirm', origin: 'https://auth.huaweicloud.com' });
  assert.deepEqual(frameDecision(MODELARTS, 'https://evil.example/x', false), { decision: 'refuse', reason: 'foreign-site' });
  assert.deepEqual(frameDecision(MODELARTS, MODELARTS, true), { decision: 'refuse', reason: 'sandboxed' });
  assert.deepEqual(frameDecision('https://evil.example/', MODELARTS, false, null), { decision: 'refuse', reason: 'top-not-console' });
});

test('planFill round-trip on the ModelArts AK/SK dialog', () => {
  // Each frame's fields come as the JSON text its content script wrote; ids come back as frameId:localId.
  const dialog = [
    field('f1', { labels: ['AK'] }),
    field('f2', { labels: ['SK'], type: 'password', placeholder: null }),
    field('f3', { type: 'checkbox', labels: ['I have read and agree to the ModelArts Service Statement'] }),
    field('f4', { labels: ['AK'], readOnly: true }),
  ];
  const input = {
    topUrl: MODELARTS,
    frames: [{ frameId: 0, fields: JSON.stringify(dialog) }],
    // The profile as the vault stores it (fields the core does not know are ignored).
    profile: {
      id: 'p1', name: 'Huawei', provider: 'huawei', region: 'cn-north-4', colour: '#cc0000',
      credentials: [{ kind: 'aksk', accessKeyId: 'QTWAOYTTINDUT2QVKYUC', secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', issuer: 'huawei' }],
    },
  };
  const plan = planFill(input);
  assert.deepEqual(plan, {
    console: { provider: 'huawei', host: 'console.huaweicloud.com' },
    fills: [
      { fieldId: '0:f1', slot: 'accessKeyId', label: 'AK', value: 'QTWAOYTTINDUT2QVKYUC', confidence: 0.9 },
      { fieldId: '0:f2', slot: 'secretAccessKey', label: 'SK', value: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', confidence: 0.9 },
    ],
    skipped: [{ fieldId: '0:f4', reason: 'read-only', slot: 'accessKeyId', label: 'AK' }],
    missing: [],
  });
  // A field the content script then found covered is planned as hidden.
  assert.deepEqual(planFill({ ...input, hidden: ['0:f2'] }).skipped.map((s) => [s.fieldId, s.reason]), [['0:f2', 'hidden'], ['0:f4', 'read-only']]);
  // What the user is told: the page's captions; the read-only twin of a filled slot is no news.
  const fills = plan.fills.map(({ value, ...fill }) => fill);
  assert.deepEqual(fillReport({ fills, skipped: plan.skipped, missing: plan.missing, late: [{ fieldId: '0:f2', reason: 'gone' }] }), {
    filled: [{ slot: 'accessKeyId', label: 'AK' }],
    skipped: [{ slot: 'secretAccessKey', label: 'SK', reason: 'gone' }],
    missing: [],
  });
});

test('planFill refuses a cross-provider profile and rejects malformed input', () => {
  const plan = planFill({
    topUrl: MODELARTS,
    frames: [{ frameId: 0, fields: JSON.stringify([field('k', { labels: ['API key'] })]) }],
    profile: { id: 'p2', name: 'IBM', provider: 'ibm', credentials: [{ kind: 'ibm-api-key', apiKey: 'ibm-key' }] },
  });
  assert.equal(plan.refused.code, 'provider-mismatch');
  assert.deepEqual(plan.fills, []);
  const profile = { id: 'p1', name: 'Huawei', provider: 'huawei', credentials: [] };
  for (const frames of [undefined, [{ frameId: 0, fields: '[{"id": "x"}]' }], [{ frameId: 0, fields: [] }], [{ fields: '[]' }], [{ frameId: -1, fields: '[]' }], [{ frameId: 1.5, fields: '[]' }]]) {
    assert.throws(() => planFill({ topUrl: MODELARTS, profile, frames }), (e) => e.code === 'invalid-input' && typeof e.message === 'string', JSON.stringify(frames));
  }
});

test('normalizeConsoleHost returns the host to store, or throws {code, message}', () => {
  const host = normalizeConsoleHost(' Console.HCS.Example.com. ');
  assert.equal(host, 'console.hcs.example.com');
  assert.equal(matchConsoleWith(`https://${host}/modelarts/`, [{ host, provider: 'huawei' }])?.provider, 'huawei');
  for (const [input, code] of [['', 'empty'], ['localhost', 'single-label'], ['10.0.0.1', 'ip-address'], ['a.example.com:8443', 'has-port'], ['cloud.ibm.com', 'built-in'], ['*.example.com', 'wildcard'], ['*.com', 'wildcard']]) {
    assert.throws(() => normalizeConsoleHost(input), (e) => e.code === code && typeof e.message === 'string', input);
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slotValues } from './fill-values.js';

describe('slotValues', () => {
  it('maps an AK/SK pair and the region', () => {
    const profile = { provider: 'huawei', region: 'cn-north-4', credentials: [{ kind: 'aksk', accessKeyId: 'AK1', secretAccessKey: 'SK1' }] };
    assert.deepEqual(slotValues(profile), { region: 'cn-north-4', accessKeyId: 'AK1', secretAccessKey: 'SK1' });
  });

  it('keeps the first item of each slot', () => {
    const profile = { credentials: [{ kind: 'aksk', accessKeyId: 'A', secretAccessKey: 'S' }, { kind: 'aksk', accessKeyId: 'B', secretAccessKey: 'T' }] };
    assert.deepEqual(slotValues(profile), { accessKeyId: 'A', secretAccessKey: 'S' });
  });

  it('maps IBM items, the chosen OpenScale instance first', () => {
    const profile = {
      provider: 'ibm',
      openscaleGuid: 'os-guid',
      credentials: [
        { kind: 'ibm-service', apiKey: 'svc-key', instanceId: 'wml-guid', url: 'https://us-south.ml.cloud.ibm.com' },
        { kind: 'ibm-instance', guid: 'other-guid', crn: 'crn:v1:…' },
        { kind: 'azure-sp', clientId: 'cid', clientSecret: 'csec', tenantId: 'tid' },
      ],
    };
    assert.deepEqual(slotValues(profile), {
      instanceId: 'os-guid', apiKey: 'svc-key', url: 'https://us-south.ml.cloud.ibm.com', clientId: 'cid', clientSecret: 'csec', tenantId: 'tid',
    });
  });

  it('ignores empty values, unknown kinds and non-strings', () => {
    const profile = { region: '', credentials: [{ kind: 'ibm-api-key', apiKey: '' }, { kind: 'mystery', apiKey: 'x' }, { kind: 'ibm-api-key', apiKey: 42 }] };
    assert.deepEqual(slotValues(profile), {});
  });
});

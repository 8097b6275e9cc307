// parseCredentials through the WASM build: the JS shapes the popup and www/ rely on.
// Needs pkg/ (cargo build --target wasm32-unknown-unknown + wasm-bindgen --target web).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, parseCredentials } from '../../pkg/credfill.js';

initSync({ module: readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)) });

const fixture = (name) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/credentials/${name}`, import.meta.url)));

const isPlainObject = (value) => Object.getPrototypeOf(value) === Object.prototype;

test('a Huawei credentials.csv gives plain aksk objects with camelCase fields', () => {
  const result = parseCredentials(fixture('huawei-two-rows.csv'), 'credentials.csv');
  assert.ok(isPlainObject(result));
  assert.deepEqual(result.warnings, []);
  assert.equal(result.items.length, 2);
  assert.ok(result.items.every(isPlainObject));
  assert.deepEqual(result.items[0], {
    kind: 'aksk',
    accessKeyId: 'AKFAKE0000EXAMPLE001',
    secretAccessKey: 'fakeSecretAccessKey0000000000000Example1',
    userName: 'alice',
    issuer: 'huawei',
  });
});

test('the file name is optional and UTF-16 decodes', () => {
  const { items } = parseCredentials(fixture('huawei-utf16le-tab.txt'));
  assert.equal(items[0].accessKeyId, 'AKFAKE0000EXAMPLE001');
});

test('warnings carry code, params and line', () => {
  const { items, warnings } = parseCredentials(fixture('huawei-swapped.csv'));
  assert.equal(items[0].accessKeyId, 'AKFAKE0000EXAMPLE001');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].code, 'swapped-columns');
  assert.equal(warnings[0].line, 2);
  assert.deepEqual(warnings[0].params, {});
});

test('IBM and Azure kinds', () => {
  const [service] = parseCredentials(fixture('ibm-service-vcap.json')).items;
  assert.equal(service.kind, 'ibm-service');
  assert.equal(service.name, 'wml-key');
  assert.equal(service.instanceId, 'fa1ef00d-0000-4000-8000-000000000002');
  assert.match(service.iamServiceIdCrn, /^crn:v1:/);
  const [instance] = parseCredentials(fixture('ibmcloud-service-instance.txt')).items;
  assert.equal(instance.kind, 'ibm-instance');
  assert.equal(instance.guid, 'fa1ef00d-0000-4000-8000-000000000001');
  assert.equal(instance.serviceName, 'aiopenscale');
  assert.equal(instance.accountId, 'fa1e0000000000000000000000000001');
  const [key] = parseCredentials(fixture('ibm-apikey.json')).items;
  assert.equal(key.kind, 'ibm-api-key');
  assert.equal(key.createdAt, '2026-11-23T10:00+0000');
  const [principal] = parseCredentials(fixture('azure-sp.json')).items;
  assert.deepEqual(Object.keys(principal).sort(), ['clientId', 'clientSecret', 'displayName', 'kind', 'tenantId']);
  assert.equal(principal.kind, 'azure-sp');
});

test('temporary credentials keep token and expiry', () => {
  const [keys] = parseCredentials(fixture('huawei-temporary.json')).items;
  assert.equal(keys.expiresAt, '2026-01-01T12:00:00.000000Z');
  assert.ok(keys.securityToken.startsWith('fakeSecurityToken'));
});

test('failures throw a plain { code, params, line?, column? } object', () => {
  const thrown = (name) => {
    try {
      parseCredentials(fixture(name), name);
    } catch (error) {
      return error;
    }
    assert.fail(`${name} was accepted`);
  };
  const short = thrown('bad-short-secret.csv');
  assert.ok(isPlainObject(short));
  assert.equal(short.code, 'bad-secret');
  assert.equal(short.line, 2);
  assert.equal(short.column, 3);
  assert.deepEqual(short.params, { length: 39, others: 0, expected: 40 });
  assert.ok(!JSON.stringify(short).includes('fakeSecret'));
  const empty = thrown('bad-empty.csv');
  assert.deepEqual(Object.keys(empty).sort(), ['code', 'params']);
  assert.equal(empty.code, 'empty');
  assert.equal(thrown('bad-truncated.json').code, 'bad-json');
  assert.equal(thrown('bad-binary.bin').code, 'not-text');
});

test('input over 4 MiB is refused as too-large', () => {
  assert.throws(() => parseCredentials(new Uint8Array(4 * 1024 * 1024 + 1)), { code: 'too-large' });
});

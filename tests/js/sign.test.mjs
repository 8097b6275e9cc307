// The JS surface of the signers: shapes, defaults and errors (the values are checked against the
// SDKs in sign-differential.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initSync, signRequest, presignUrl, ibmParseToken, openscaleDataMartRequest,
} from '../../pkg-test/credfill.js';

initSync({ module: readFileSync(new URL('../../pkg-test/credfill_bg.wasm', import.meta.url)) });

const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const base = {
  scheme: 'apig',
  method: 'GET',
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  headers: { 'Content-Type': 'application/json' },
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: SK,
  timestamp: '20191115T033655Z',
};

test('signRequest returns plain headers (Huawei published vector)', () => {
  const signed = signRequest(base);
  assert.equal(signed.method, 'GET');
  assert.equal(signed.url, base.url);
  assert.equal(signed.headers['X-Sdk-Date'], '20191115T033655Z');
  assert.match(signed.headers.Authorization, /Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe$/);
});

test('the timestamp defaults to now and bodies may be bytes', () => {
  const signed = signRequest({ ...base, timestamp: undefined, body: new Uint8Array([1, 2, 3]) });
  const now = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13);
  assert.ok(signed.headers['X-Sdk-Date'].startsWith(now), signed.headers['X-Sdk-Date']);
});

test('errors are {code, message} and never hold the secret', () => {
  for (const [req, code] of [
    [{ ...base, url: 'not a url' }, 'invalid_url'],
    [{ ...base, timestamp: '2019-11-15' }, 'invalid_timestamp'],
    [{ ...base, scheme: 'aws4' }, 'missing_field'],
    [{ ...base, scheme: 'nope' }, 'invalid-request'],
    // Serde's own message would quote the offending value: here, the secret itself.
    [{ ...base, headers: SK }, 'invalid-request'],
  ]) {
    assert.throws(() => signRequest(req), (e) => e.code === code && !JSON.stringify(e).includes(SK));
  }
  assert.throws(() => presignUrl({ ...base, expiresIn: 60 }), { code: 'presign_not_supported' });
  assert.throws(() => presignUrl({ ...base, scheme: 'obs' }), { code: 'missing_field' });
});

test('presignUrl for obs', () => {
  const url = new URL(presignUrl({ ...base, scheme: 'obs', url: 'https://b.obs.eu-west-0.example.com/k', bucket: 'b', expiresIn: 60 }));
  assert.equal(url.searchParams.get('Expires'), String(1573789015 + 60));
});

test('ibmParseToken reads tokens and IAM errors', () => {
  const token = ibmParseToken(200, JSON.stringify({
    access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 3600, expiration: 1700003600,
  }));
  assert.deepEqual(token, { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 3600, expiration: 1700003600 });
  assert.throws(() => ibmParseToken(400, '{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found."}'),
    { code: 'BXNIM0415E' });
});

test('openscaleDataMartRequest', () => {
  const id = '0123abcd-0000-4000-8000-0123456789ab';
  const req = openscaleDataMartRequest({ token: 't', region: 'eu-gb', instanceId: id });
  assert.deepEqual(req, {
    method: 'GET',
    url: `https://eu-gb.api.aiopenscale.cloud.ibm.com/openscale/${id}/v2/data_marts`,
    headers: { Accept: 'application/json', Authorization: 'Bearer t' },
  });
  assert.throws(() => openscaleDataMartRequest({ token: 't', region: 'xx', instanceId: id }), { code: 'unknown_region' });
});

// Replays tests/.cache/vectors.json (made by tests/differential/gen_vectors.py from botocore,
// esdk-obs-python, huaweicloudsdkcore and ibm-cloud-sdk-core) through the WASM build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import {
  initSync, signRequest, presignUrl, ibmTokenRequest, flowRequest,
} from '../../pkg-test/credfill.js';

initSync({ module: readFileSync(new URL('../../pkg-test/credfill_bg.wasm', import.meta.url)) });

const VECTORS = new URL('../.cache/vectors.json', import.meta.url);
const MIN_CASES = 1000;

function loadVectors() {
  assert.ok(existsSync(VECTORS),
    'tests/.cache/vectors.json is missing: run .venv/bin/python tests/differential/gen_vectors.py');
  const vectors = JSON.parse(readFileSync(VECTORS, 'utf8'));
  for (const group of ['aws4', 'aws4Presign', 'obs', 'obsPresign', 'apig', 'prepare', 'rotate', 'temporary']) {
    assert.ok(vectors[group]?.length >= MIN_CASES,
      `${group}: ${vectors[group]?.length ?? 0} cases, at least ${MIN_CASES} wanted`);
  }
  return vectors;
}

const vectors = loadVectors();
const where = (group, i, req) => `${group}[${i}] (seed ${vectors.seed}): ${JSON.stringify(req)}`;

/** Runs every case of a group, then reports all mismatches at once. */
function replay(group, check) {
  const failures = [];
  vectors[group].forEach((vector, i) => {
    try {
      check(vector);
    } catch (e) {
      failures.push(`${where(group, i, vector.request)}\n  ${e.message}`);
    }
  });
  assert.equal(failures.length, 0,
    `${failures.length}/${vectors[group].length} mismatches\n${failures.slice(0, 5).join('\n')}`);
}

const header = (signed, name) => Object.entries(signed.headers)
  .find(([n]) => n.toLowerCase() === name)?.[1];

for (const group of ['aws4', 'obs', 'apig']) {
  test(`${group} Authorization equals the SDK's`, () => replay(group, ({ request, authorization }) => {
    const signed = signRequest(request);
    assert.equal(header(signed, 'authorization'), authorization);
    for (const name of ['host', 'date', 'user-agent']) {
      assert.equal(header(signed, name), undefined, `${name} must be left to the browser`);
    }
  }));
}

test('aws4 presigned URLs carry botocore\'s signature', () => replay('aws4Presign', ({ request, expiresIn, signature }) => {
  const url = new URL(presignUrl({ ...request, expiresIn }));
  assert.equal(url.searchParams.get('X-Amz-Signature'), signature);
  assert.equal(url.searchParams.get('X-Amz-Expires'), String(expiresIn));
}));

test('obs presigned URLs carry esdk-obs-python\'s signature', () => replay('obsPresign', ({ request, expiresIn, expires, signature }) => {
  const url = new URL(presignUrl({ ...request, expiresIn }));
  assert.equal(url.searchParams.get('Signature'), signature);
  assert.equal(url.searchParams.get('Expires'), String(expires));
  assert.equal(url.searchParams.get('AccessKeyId'), request.accessKeyId);
}));

test('ibmTokenRequest sends what ibm-cloud-sdk-core\'s IAMTokenManager sends', () => {
  assert.ok(vectors.ibm.length > 0);
  for (const { apiKey, expected } of vectors.ibm) {
    assert.deepEqual(ibmTokenRequest({ apiKey }), expected);
  }
});

// Prepare ModelArts: each request the flow builds (src/flows/prepare_modelarts.rs) is the one the
// clouds' SDKs build for the same inputs, and carries the signature they compute.
test('Prepare ModelArts requests equal esdk-obs-python\'s and huaweicloudsdkmodelarts\'s', () => {
  assert.ok(vectors.prepare?.length >= MIN_CASES, `prepare: ${vectors.prepare?.length ?? 0} cases`);
  replay('prepare', ({ prepare, call, expected, secretAccessKey }) => {
    const { request, preview, write } = flowRequest('prepare-modelarts', prepare, prepare.state, call);
    const url = new URL(request.url);
    assert.equal(request.method, expected.method);
    assert.equal(url.host, expected.host);
    assert.equal(header(request, 'authorization'), expected.authorization);
    for (const [name, value] of Object.entries(expected.headers)) assert.equal(header(request, name.toLowerCase()), value, name);
    if (expected.path) {
      // ModelArts: path, query and the JSON body the SDK model describes (the SK masked when shown).
      assert.equal(url.pathname, expected.path);
      assert.deepEqual([...url.searchParams], expected.query);
      assert.equal(request.body ?? '', expected.signedBody);
      if (expected.jsonBody) {
        assert.deepEqual(JSON.parse(request.body), expected.jsonBody);
        assert.ok(!JSON.stringify(preview).includes(secretAccessKey) && preview.body.includes('••••'));
      }
    } else {
      // OBS: the object key and sub-resources esdk-obs-python signed, and its body.
      assert.equal(decodeURIComponent(url.pathname), `/${expected.key}`);
      assert.deepEqual(Object.fromEntries([...url.searchParams].map(([k, v]) => [k, v === '' && !url.search.includes(`${k}=`) ? null : v])), expected.pathArgs);
      assert.equal(request.body ?? null, expected.body);
    }
    assert.equal(write, ['create-bucket', 'put-folder', 'authorize', 'remove-authorization'].includes(call.action));
  });
});

/** A request of a flow over a Huawei key's IAM, against huaweicloudsdkiam's for the same call, signed by GlobalCredentials. */
function assertIamRequest(request, expected) {
  const url = new URL(request.url);
  assert.equal(request.method, expected.method);
  assert.equal(url.host, expected.host);
  assert.equal(url.pathname, expected.path);
  assert.deepEqual([...url.searchParams], expected.query);
  // The browser sends Host itself; the SDK lists it among its headers.
  for (const [name, value] of Object.entries(expected.headers)) if (name !== 'Host') assert.equal(header(request, name.toLowerCase()), value, name);
  if (!('X-Domain-Id' in expected.headers)) assert.equal(header(request, 'x-domain-id'), undefined);
  assert.equal(header(request, 'authorization'), expected.authorization);
  assert.equal(request.body ?? '', expected.signedBody);
  if (expected.jsonBody) assert.deepEqual(JSON.parse(request.body), expected.jsonBody);
}

// Rotate this key: each request of the rotation (src/flows/rotate_key.rs) is the one huaweicloudsdkiam
// builds for the same call, with the X-Domain-Id and signature its GlobalCredentials add.
test('key rotation requests equal huaweicloudsdkiam\'s, signed as GlobalCredentials signs them', () => {
  assert.ok(vectors.rotate?.length >= MIN_CASES, `rotate: ${vectors.rotate?.length ?? 0} cases`);
  replay('rotate', ({ rotate, state, call, expected }) => {
    const { request, write } = flowRequest('rotate-key', rotate, state, call);
    assertIamRequest(request, expected);
    assert.equal(write, ['create-key', 'deactivate-key', 'delete-key'].includes(call.action));
  });
});

// A temporary key for code (src/flows/temporary_key.rs): the account read and the securitytokens call are
// huaweicloudsdkiam's KeystoneListAuthDomains and CreateTemporaryAccessKeyByToken.
test('temporary key requests equal huaweicloudsdkiam\'s, signed as GlobalCredentials signs them', () => {
  assert.ok(vectors.temporary?.length >= MIN_CASES, `temporary: ${vectors.temporary?.length ?? 0} cases`);
  replay('temporary', ({ input, state, call, expected }) => {
    const { request, write } = flowRequest('temporary-key', input, state, call);
    assertIamRequest(request, expected);
    assert.equal(write, call.action === 'issue');
  });
});

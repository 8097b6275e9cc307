// "Use in code" with a temporary key (issue 27): every token form the core renders is RUN with the
// clouds' real SDKs and tools from .venv against the stand-ins of tests/e2e/servers/. The temporary key
// comes from the IAM stand-in (huawei_iam.py), asked for by huaweicloudsdkiam itself
// (CreateTemporaryAccessKeyByToken, signed by GlobalCredentials with the permanent key); the OBS stand-in
// (obs_native.py) verifies the signature made with the temporary key AND requires its
// `x-obs-security-token`, and refuses it once expired; the ModelArts stand-in requires `X-Security-Token`
// likewise. The S3-compatible forms are read back by s3cmd's own configuration parser and the real shell
// (a stand-in `aws` prints the variables it was given). IBM Cloud: the bearer token IBM IAM's stand-in
// (ibm_cloud.py) gives for the API key, in ibm-watson-openscale's APIClient through ibm-cloud-sdk-core's
// BearerTokenAuthenticator, and through the variables its get_authenticator_from_environment reads, refused once expired. Needs pkg/ (make pkg) and .venv.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codeCommentKeys, initSync, renderTemporarySnippet } from '../../pkg/credfill.js';
import { startServer } from '../e2e/servers/launch.mjs';
import { ROOT, VENV_BIN, ok, sandbox, shimCalls } from './sandbox.mjs';

initSync({ module: readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)) });

/** The comments in English, as the worker passes the user's language. */
const ENGLISH = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
const COMMENTS = Object.fromEntries(codeCommentKeys().map((key) => [key, ENGLISH[key].message]));
const { dir, write, run, shim, python, shell } = sandbox('credfill-temporary-');

/** huaweicloudsdkiam's own CreateTemporaryAccessKeyByToken against the IAM stand-in, as credfill's flow sends it. */
function issueWithTheSdk(iam, seconds) {
  const code = `
import json
from huaweicloudsdkcore.auth.credentials import GlobalCredentials
from huaweicloudsdkiam.v3 import (CreateTemporaryAccessKeyByTokenRequest, CreateTemporaryAccessKeyByTokenRequestBody,
                                  IamClient, IdentityToken, TokenAuth, TokenAuthIdentity)
client = IamClient.new_builder().with_credentials(GlobalCredentials(${JSON.stringify(iam.accessKeyId)}, ${JSON.stringify(iam.secretAccessKey)}, ${JSON.stringify(iam.domainId)})).with_endpoint(${JSON.stringify(iam.url)}).build()
body = CreateTemporaryAccessKeyByTokenRequestBody(auth=TokenAuth(identity=TokenAuthIdentity(methods=["token"], token=IdentityToken(duration_seconds=${seconds}))))
made = client.create_temporary_access_key_by_token(CreateTemporaryAccessKeyByTokenRequest(body=body)).credential
print(json.dumps({"kind": "aksk", "accessKeyId": made.access, "secretAccessKey": made.secret, "securityToken": made.securitytoken, "expiresAt": made.expires_at, "issuer": "huawei"}))`;
  const result = python(code);
  ok(result, 'huaweicloudsdkiam securitytokens');
  return JSON.parse(result.stdout);
}

/** Python that reads the key the way each SDK's own environment loader does, and makes one call each. */
const FROM_ENVIRONMENT = (obsUrl, modelartsUrl) => `
from huaweicloudsdkcore.auth.provider import EnvCredentialProvider
from huaweicloudsdkmodelarts.v1 import GetAuthorizationsRequest, ModelArtsClient
credentials = EnvCredentialProvider.get_basic().get_credentials()
assert credentials.security_token, 'no token read'
client = ModelArtsClient.new_builder().with_credentials(credentials).with_endpoint(${JSON.stringify(modelartsUrl)}).build()
print(client.get_authorizations(GetAuthorizationsRequest(limit=1)))
from obs import ObsClient
answer = ObsClient(server=${JSON.stringify(obsUrl)}, security_provider_policy='ENV').listBuckets()
assert answer.status < 300, (answer.status, answer.errorCode)
print([b.name for b in answer.body.buckets])
`;

describe('every temporary-key snippet runs against stand-ins that require its token', () => {
  let iam, obs, ibm, profile, issued;
  const obsUrl = () => profile.endpoint.obs;
  const render = (target, key = issued) => renderTemporarySnippet(profile, target, key, COMMENTS);
  const expired = async () => assert.ok((await (await fetch(`${iam.url}/e2e/expire`, { method: 'POST' })).json()).expired > 0);

  before(async () => {
    shim('obsutil', []);
    shim('aws', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
    iam = await startServer('huawei_iam.py');
    obs = await startServer('obs_native.py', [], { env: { IAM_URL: iam.url } });
    ibm = await startServer('ibm_cloud.py');
    // A host name, not an IP address: for an IP, esdk-obs-python signs in the S3 v2 form.
    const endpoint = { obs: obs.url.replace('127.0.0.1', 'localhost'), iam: iam.url, modelarts: iam.url };
    profile = { id: 'h', name: 'h', provider: 'huawei', region: 'ap-southeast-3', endpoint, projectId: iam.projectId,
      credentials: [{ kind: 'aksk', accessKeyId: iam.accessKeyId, secretAccessKey: iam.secretAccessKey, issuer: 'huawei' }] };
    issued = issueWithTheSdk(iam, 900);
  });
  after(async () => {
    await Promise.all([iam, obs, ibm].map((s) => s?.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the temporary key and its expiry, never the permanent SK', () => {
    for (const target of ['obs-python', 'obsutil', 'obsutil-config', 's3cmd', 'aws-cli', 'modelarts-python', 'huaweicloud-credentials', 'huaweicloud-env', 'huaweicloud-dotenv']) {
      const { text } = render(target);
      assert.ok(text.includes(issued.accessKeyId) && text.includes(issued.securityToken), target);
      assert.ok(!text.includes(iam.secretAccessKey) && !text.includes(iam.accessKeyId), `${target} holds the permanent key`);
      if (target !== 'obsutil-config') assert.ok(text.includes(issued.expiresAt), `${target} says when it expires`);
    }
    assert.throws(() => render('modelarts-session'), { code: 'no-temporary-form' });
  });

  it('esdk-obs-python lists the buckets with the key and its token; a wrong token is refused', () => {
    const listed = python(render('obs-python').text);
    ok(listed, 'obs-python');
    assert.match(listed.stdout, /credfill-snippets/);
    const wrongToken = python(render('obs-python', { ...issued, securityToken: `${issued.securityToken}x` }).text);
    assert.match(wrongToken.output, /InvalidToken/);
  });

  it('huaweicloudsdkcore: the client, ~/.huaweicloud/credentials, the export block and .env call ModelArts (and OBS) with the token', () => {
    const before = iam.requests().filter((r) => r.path.endsWith('/authorizations')).length;
    ok(python(render('modelarts-python').text), 'modelarts-python');
    const code = `
from huaweicloudsdkcore.auth.provider import ProfileCredentialProvider
from huaweicloudsdkmodelarts.v1 import GetAuthorizationsRequest, ModelArtsClient
credentials = ProfileCredentialProvider.get_basic().get_credentials()
print(ModelArtsClient.new_builder().with_credentials(credentials).with_endpoint(${JSON.stringify(iam.url)}).build().get_authorizations(GetAuthorizationsRequest(limit=1)))`;
    ok(python(code, { HUAWEICLOUD_SDK_CREDENTIALS_FILE: write('credentials', render('huaweicloud-credentials').text) }), 'credentials file');
    ok(shell(`${render('huaweicloud-env').text}exec python -c '${FROM_ENVIRONMENT(obsUrl(), iam.url).replaceAll("'", "'\\''")}'\n`), 'export block');
    ok(python(`import dotenv; dotenv.load_dotenv(${JSON.stringify(write('.env', render('huaweicloud-dotenv').text))})\n${FROM_ENVIRONMENT(obsUrl(), iam.url)}`), '.env');
    const calls = iam.requests().filter((r) => r.path.endsWith('/authorizations'));
    assert.equal(calls.length - before, 4);
    assert.ok(calls.slice(before).every((r) => r.headers['x-security-token'] === issued.securityToken || r.headers['X-Security-Token'] === issued.securityToken));
  });

  it('obsutil gets -t, .obsutilconfig a token line, s3cmd an access_token, the AWS CLI AWS_SESSION_TOKEN', () => {
    const obsutil = shell(render('obsutil').text);
    ok(obsutil, 'obsutil');
    assert.deepEqual(JSON.parse(obsutil.stdout.split('\n')[0]).argv,
      ['config', `-i=${issued.accessKeyId}`, `-k=${issued.secretAccessKey}`, `-t=${issued.securityToken}`, `-e=${obsUrl()}`]);
    const config = render('obsutil-config').text;
    assert.match(config, new RegExp(`^token=${issued.securityToken}$`, 'm'));
    const s3cfg = run(join(VENV_BIN, 'python'), ['-c', 'import sys; from S3.Config import Config; c = Config(sys.argv[1]); print(c.access_key, c.secret_key, c.access_token)', write('s3cfg', render('s3cmd').text)]);
    ok(s3cfg, 's3cmd config');
    assert.equal(s3cfg.stdout.trim(), `${issued.accessKeyId} ${issued.secretAccessKey} ${issued.securityToken}`);
    const aws = shell(render('aws-cli').text);
    ok(aws, 'aws');
    assert.deepEqual(shimCalls(aws)[0].env, { AWS_ACCESS_KEY_ID: issued.accessKeyId, AWS_SECRET_ACCESS_KEY: issued.secretAccessKey, AWS_SESSION_TOKEN: issued.securityToken });
  });

  it('IBM Cloud: OpenScale with a bearer token in place of the API key (the client, the export block, .env), refused once the token expired', async () => {
    const form = new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: ibm.apiKey });
    const token = await (await fetch(`${ibm.url}/identity/token`, { method: 'POST', body: form })).json();
    const ibmProfile = { id: 'i', name: 'i', provider: 'ibm', region: 'eu-de', endpoint: ibm.url, openscaleGuid: ibm.instanceId,
      credentials: [{ kind: 'ibm-api-key', apiKey: ibm.apiKey }] };
    const bearer = { kind: 'bearer-token', accessToken: token.access_token, expiration: token.expiration };
    const snippet = renderTemporarySnippet(ibmProfile, 'openscale-python', bearer, COMMENTS);
    assert.match(snippet.text, /authenticator = BearerTokenAuthenticator\('/);
    const [exported, dotenv] = ['ibmcloud-env', 'ibmcloud-dotenv'].map((target) => renderTemporarySnippet(ibmProfile, target, bearer, COMMENTS).text);
    for (const text of [snippet.text, exported, dotenv]) {
      assert.ok(text.includes(token.access_token) && !text.includes(ibm.apiKey), `the token, no API key:\n${text}`);
      assert.ok(text.includes(`# Temporary key, valid until ${snippet.expiresAt}`), text);
    }
    // ibm-cloud-sdk-core's own reading of the variables, for the OpenScale client's service name.
    const fromEnvironment = `
import os
from ibm_cloud_sdk_core import get_authenticator_from_environment
from ibm_cloud_sdk_core.authenticators import BearerTokenAuthenticator
from ibm_watson_openscale import APIClient
authenticator = get_authenticator_from_environment('ai_openscale')
assert isinstance(authenticator, BearerTokenAuthenticator), type(authenticator)
client = APIClient(authenticator=authenticator, service_url=os.environ['AI_OPENSCALE_URL'], service_instance_id=${JSON.stringify(ibm.instanceId)})
print(client.data_marts.list().result)
`;
    const runs = {
      client: () => python(snippet.text),
      'export block': () => shell(`${exported}exec python -c '${fromEnvironment.replaceAll("'", "'\\''")}'\n`),
      '.env': () => python(`import dotenv; dotenv.load_dotenv(${JSON.stringify(write('.env', dotenv))})\n${fromEnvironment}`),
    };
    for (const [what, runIt] of Object.entries(runs)) {
      const listed = runIt();
      ok(listed, `openscale with a bearer token: ${what}`);
      assert.match(listed.stdout, new RegExp(ibm.instanceId), what);
    }
    assert.ok((await (await fetch(`${ibm.url}/e2e/expire`, { method: 'POST' })).json()).expired > 0);
    for (const [what, runIt] of Object.entries(runs)) {
      const refused = runIt();
      assert.notEqual(refused.status, 0, what);
      assert.match(refused.output, /401|Unauthorized/, what);
    }
  });

  it('after its expiry the same snippets are refused: OBS with ExpiredToken, ModelArts at the gateway', async () => {
    await expired();
    assert.match(python(render('obs-python').text).output, /ExpiredToken/);
    const modelarts = python(render('modelarts-python').text);
    assert.notEqual(modelarts.status, 0);
    assert.match(modelarts.output, /expired/);
  });
});

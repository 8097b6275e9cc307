// "Use in code": every snippet the core renders is RUN — with the clouds' real SDKs and tools from
// .venv (esdk-obs-python, huaweicloudsdkcore + huaweicloudsdkmodelarts, ibm-watson-openscale,
// s3cmd, the AWS CLI, python-dotenv, python-hcl2) and the real `sh` — against the local stand-ins
// of tests/e2e/servers/, which verify signatures and API keys. Tools that cannot be installed here
// (obsutil, ibmcloud) are stand-in shims on PATH that print the argv and environment the real shell
// gave them; the ModelArts notebook `Session` (not on PyPI) is parsed with Python's `ast`.
// IBM's key that ends (Use in code's 8 h and 24 h) runs in the same forms, and is refused after its end.
// A sample of random secrets holding every printable ASCII character must still authenticate.
// Needs pkg/ (make pkg) and .venv (scripts/bootstrap.sh).
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codeCommentKeys, initSync, renderSnippet, renderTemporarySnippet } from '../../pkg/credfill.js';
import { startServer } from '../e2e/servers/launch.mjs';
import { ROOT, VENV_BIN, ok, sandbox, shimCalls } from './sandbox.mjs';

initSync({ module: readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)) });

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const alnum = (n) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[randomInt(36)]).join('');

/** Secrets made of every printable ASCII character, shuffled, some with a space at an end. */
function randomSecrets(count) {
  return Array.from({ length: count }, (_, i) => {
    const chars = [...PRINTABLE];
    for (let j = chars.length - 1; j > 0; j--) {
      const k = randomInt(j + 1);
      [chars[j], chars[k]] = [chars[k], chars[j]];
    }
    const secret = chars.join('').slice(0, 40 + randomInt(56));
    return i === 0 ? ` ${secret.trim()} ` : secret.trim() ? secret : `x${secret}`;
  });
}

const { dir, write, run, shim, python, shell } = sandbox('credfill-snippets-');
const render = (profile, target, withSecret) => renderSnippet(profile, target, withSecret);
/** The comments in English, as the worker passes the user's language. */
const ENGLISH = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
const COMMENTS = Object.fromEntries(codeCommentKeys().map((key) => [key, ENGLISH[key].message]));

/** Python that reads the key the way each SDK's own environment loader does, and makes one call each. */
const FROM_ENVIRONMENT = (obsUrl, modelartsUrl) => `
from huaweicloudsdkcore.auth.provider import EnvCredentialProvider
from huaweicloudsdkmodelarts.v1 import GetAuthorizationsRequest, ModelArtsClient
credentials = EnvCredentialProvider.get_basic().get_credentials()
client = ModelArtsClient.new_builder().with_credentials(credentials).with_endpoint(${JSON.stringify(modelartsUrl)}).build()
print(client.get_authorizations(GetAuthorizationsRequest(limit=1)))
${obsUrl ? `from obs import ObsClient
answer = ObsClient(server=${JSON.stringify(obsUrl)}, security_provider_policy='ENV').listBuckets()
assert answer.status < 300, (answer.status, answer.errorCode)
print([b.name for b in answer.body.buckets])` : ''}
`;

describe('every snippet runs against the stand-ins', () => {
  const ak = alnum(20);
  const sk = alnum(40);
  // Plus a secret that python-dotenv would expand (`${…}`, even in single quotes): one CI run drew it.
  const secrets = [...randomSecrets(6), 'SM9wfZ:?gU\\lm-^xkT~jiAO"\'Qth${0 EB<!;a71]4YW86K5/d=p>GR}%vu,VoD+c[3_Xz2CJr#be`n(&|*'];
  let obs, iam, moto, ibm, profiles;
  const servers = () => [obs, iam, moto, ibm];
  const obsUrl = () => profiles.huawei.endpoint.obs;
  const modelartsCalls = () => iam.requests().filter((r) => r.path === `/v2/${iam.projectId}/authorizations`).length;

  before(async () => {
    writeFileSync(join(mkdtempSync(join(dir, 'b-')), '.keep'), '');
    shim('obsutil', ['OBS_SECRET_ACCESS_KEY']);
    shim('ibmcloud', ['IBMCLOUD_API_KEY']);
    const keys = [sk, ...secrets].map((secretAccessKey, i) => ({ accessKeyId: i ? `${ak.slice(0, 18)}${String(i).padStart(2, '0')}` : ak, secretAccessKey }));
    const huaweiKeys = { HUAWEI_KEYS: JSON.stringify(keys) };
    [obs, iam, moto, ibm] = await Promise.all([
      startServer('obs_native.py', [], { env: huaweiKeys }),
      startServer('huawei_iam.py', [], { env: huaweiKeys }),
      startServer('moto_s3.py'),
      startServer('ibm_cloud.py', [], { env: { IBM_API_KEYS: JSON.stringify(secrets) } }),
    ]);
    const aksk = (accessKeyId, secretAccessKey) => [{ kind: 'aksk', accessKeyId, secretAccessKey, issuer: 'huawei' }];
    const huawei = (extra) => ({ id: 'h', name: 'h', provider: 'huawei', region: 'ap-southeast-3', credentials: aksk(ak, sk), ...extra });
    // A host name, not an IP address: for an IP, esdk-obs-python skips its signature negotiation and
    // signs in the S3 v2 form (client.py forces path style); OBS's own signature is what users get.
    const custom = { obs: obs.url.replace('127.0.0.1', 'localhost'), iam: iam.url, modelarts: iam.url };
    profiles = {
      huawei: huawei({ endpoint: custom, projectId: iam.projectId }),
      // The catalog's own endpoints: the ModelArts SDK is pointed at the stand-in by its region override.
      catalog: huawei({ projectId: iam.projectId }),
      noProject: huawei({ endpoint: custom }),
      catalogNoProject: huawei({ endpoint: { iam: iam.url } }),
      flexibleEngine: huawei({ provider: 'flexible-engine', region: 'eu-west-0', endpoint: custom, projectId: iam.projectId }),
      s3: huawei({ endpoint: { obs: moto.url }, credentials: aksk(moto.huaweiKeys[0].accessKeyId, moto.huaweiKeys[0].secretAccessKey) }),
      ibm: { id: 'i', name: 'i', provider: 'ibm', region: 'eu-de', endpoint: ibm.url, openscaleGuid: ibm.instanceId, credentials: [{ kind: 'ibm-api-key', apiKey: ibm.apiKey }] },
    };
  });
  after(async () => {
    await Promise.all(servers().map((s) => s?.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('esdk-obs-python: lists the buckets, reading the SK from OBS_SECRET_ACCESS_KEY or with it', () => {
    const quiet = render(profiles.huawei, 'obs-python', false);
    assert.equal(quiet.secretEnv, 'OBS_SECRET_ACCESS_KEY');
    assert.ok(!quiet.text.includes(sk));
    assert.notEqual(python(quiet.text).status, 0, 'runs without its variable');
    const result = python(quiet.text, { OBS_SECRET_ACCESS_KEY: sk });
    ok(result, 'obs-python');
    assert.match(result.stdout, /credfill-snippets/);
    ok(python(render(profiles.huawei, 'obs-python', true).text), 'obs-python with secret');
    const wrong = render({ ...profiles.huawei, credentials: [{ ...profiles.huawei.credentials[0], secretAccessKey: `${sk}x` }] }, 'obs-python', true);
    assert.match(python(wrong.text).output, /SignatureDoesNotMatch/, 'the stand-in refuses a wrong SK');
  });

  it('huaweicloudsdkcore ModelArts: with the region (Huawei Cloud), the endpoint (Flexible Engine), and a project ID looked up in IAM', () => {
    const before = modelartsCalls();
    const region = { HUAWEICLOUD_SDK_REGION_MODELARTS_AP_SOUTHEAST_3: iam.url };
    const catalog = render(profiles.catalog, 'modelarts-python', false);
    assert.match(catalog.text, /with_region\(ModelArtsRegion\.value_of\('ap-southeast-3'\)\)/);
    ok(python(catalog.text, { HUAWEICLOUD_SDK_SK: sk, ...region }), 'modelarts with_region');
    ok(python(render(profiles.catalog, 'modelarts-python', true).text, region), 'modelarts with_region, with secret');
    const fe = render(profiles.flexibleEngine, 'modelarts-python', false);
    assert.match(fe.text, /with_endpoint\(/);
    ok(python(fe.text, { HUAWEICLOUD_SDK_SK: sk }), 'modelarts with_endpoint');
    assert.equal(modelartsCalls() - before, 3);
    // Without a project ID the SDK would look it up from the region, which it has only with
    // with_region: the core asks for it (Test keys stores it) rather than write a broken client.
    assert.throws(() => render(profiles.noProject, 'modelarts-python', false), { code: 'missing-value' });
  });

  it('the ModelArts notebook Session: exactly the documented arguments (its package is not on PyPI: parsed, not run)', () => {
    const check = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1]).read())
call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, 'id', '') == 'Session')
print(json.dumps({k.arg: (ast.literal_eval(k.value) if isinstance(k.value, ast.Constant) else ast.unparse(k.value)) for k in call.keywords}))`;
    for (const withSecret of [false, true]) {
      const snippet = render(profiles.huawei, 'modelarts-session', withSecret);
      const result = run(join(VENV_BIN, 'python'), ['-c', check, write('session.py', snippet.text)]);
      ok(result, 'session parse');
      assert.deepEqual(JSON.parse(result.stdout), {
        access_key: ak, secret_key: withSecret ? sk : "os.environ['HUAWEICLOUD_SDK_SK']", project_id: iam.projectId, region_name: 'ap-southeast-3',
      });
    }
  });

  it('~/.huaweicloud/credentials is read by huaweicloudsdkcore itself, and authenticates', () => {
    const file = render(profiles.huawei, 'huaweicloud-credentials', true);
    assert.equal(file.fileName, 'credentials');
    const code = `
from huaweicloudsdkcore.auth.provider import ProfileCredentialProvider
from huaweicloudsdkmodelarts.v1 import GetAuthorizationsRequest, ModelArtsClient
credentials = ProfileCredentialProvider.get_basic().get_credentials()
print(ModelArtsClient.new_builder().with_credentials(credentials).with_endpoint(${JSON.stringify(iam.url)}).build().get_authorizations(GetAuthorizationsRequest(limit=1)))`;
    ok(python(code, { HUAWEICLOUD_SDK_CREDENTIALS_FILE: write('credentials', file.text) }), 'credentials file');
    assert.throws(() => render(profiles.huawei, 'huaweicloud-credentials', false), { code: 'needs-secret' });
  });

  it('the export block and .env are read by sh and python-dotenv, then by the SDKs\' environment loaders', () => {
    const env = render(profiles.huawei, 'huaweicloud-env', true);
    ok(shell(`${env.text}exec python -c ${shellQuote(FROM_ENVIRONMENT(obsUrl(), iam.url))}\n`), 'export block');
    const dotenv = render(profiles.huawei, 'huaweicloud-dotenv', true);
    assert.equal(dotenv.fileName, '.env');
    ok(python(`import dotenv; dotenv.load_dotenv(${JSON.stringify(write('.env', dotenv.text))})\n${FROM_ENVIRONMENT(obsUrl(), iam.url)}`), '.env');
  });

  it('obsutil: the real shell hands obsutil exactly the documented flags; ~/.obsutilconfig has exactly its three lines', () => {
    const quiet = render(profiles.huawei, 'obsutil', false);
    const result = shell(quiet.text, { OBS_SECRET_ACCESS_KEY: sk });
    ok(result, 'obsutil');
    assert.deepEqual(shimCalls(result).map((c) => c.argv), [['config', `-i=${ak}`, `-k=${sk}`, `-e=${obsUrl()}`], ['ls', '-s']]);
    const config = render(profiles.huawei, 'obsutil-config', true).text;
    const lines = config.trimEnd().split('\n').map((line) => line.match(/^(endpoint|ak|sk)=(.*)$/));
    assert.ok(lines.every(Boolean), config);
    assert.deepEqual(Object.fromEntries(lines.map((m) => [m[1], m[2]])), { endpoint: obsUrl(), ak, sk });
  });

  it('s3cmd reads its .s3cfg and the AWS CLI its variables: both list moto\'s bucket through the S3-compatible API', () => {
    const s3cfg = render(profiles.s3, 's3cmd', true);
    const listed = run(join(VENV_BIN, 's3cmd'), ['--config', write('s3cfg', s3cfg.text), 'ls']);
    ok(listed, 's3cmd');
    assert.match(listed.stdout, /s3:\/\/credfill-e2e/);
    const aws = render(profiles.s3, 'aws-cli', false);
    assert.equal(aws.secretEnv, 'AWS_SECRET_ACCESS_KEY');
    const result = shell(aws.text, { AWS_SECRET_ACCESS_KEY: moto.huaweiKeys[0].secretAccessKey });
    ok(result, 'aws cli');
    assert.match(result.stdout, /credfill-e2e/);
    ok(shell(render(profiles.s3, 'aws-cli', true).text), 'aws cli with secret');
  });

  it('ibm-watson-openscale: authenticates at IAM and lists the data marts, with the key from IBMCLOUD_API_KEY or in the text', () => {
    const quiet = render(profiles.ibm, 'openscale-python', false);
    assert.equal(quiet.secretEnv, 'IBMCLOUD_API_KEY');
    const result = python(quiet.text, { IBMCLOUD_API_KEY: ibm.apiKey });
    ok(result, 'openscale');
    assert.match(result.stdout, new RegExp(ibm.instanceId));
    ok(python(render(profiles.ibm, 'openscale-python', true).text), 'openscale with secret');
  });

  it('ibmcloud login, the IBM variables, .env and Terraform: read back by sh, python-dotenv and an HCL parser', () => {
    const login = shell(render(profiles.ibm, 'ibmcloud-login', true).text);
    ok(login, 'ibmcloud login');
    assert.deepEqual(shimCalls(login), [{ argv: ['login', '-r', 'eu-de'], env: { IBMCLOUD_API_KEY: ibm.apiKey } }]);
    const read = 'import os; print(os.environ["IBMCLOUD_API_KEY"]); print(os.environ["IBMCLOUD_REGION"])';
    const viaShell = shell(`${render(profiles.ibm, 'ibmcloud-env', true).text}exec python -c '${read}'\n`);
    ok(viaShell, 'ibm exports');
    assert.equal(viaShell.stdout, `${ibm.apiKey}\neu-de\n`);
    const viaDotenv = python(`import dotenv; dotenv.load_dotenv(${JSON.stringify(write('ibm.env', render(profiles.ibm, 'ibmcloud-dotenv', true).text))})\n${read}`);
    assert.equal(viaDotenv.stdout, `${ibm.apiKey}\neu-de\n`);
    assert.deepEqual(terraform(render(profiles.ibm, 'terraform-ibm', false).text), { region: 'eu-de' });
    assert.deepEqual(terraform(render(profiles.ibm, 'terraform-ibm', true).text), { region: 'eu-de', ibmcloud_api_key: ibm.apiKey });
  });

  it('an IBM key that ends (Use in code, 8 h): the CLI, the variables, .env, Terraform and OpenScale take it; refused after its end', async () => {
    // Made as the temporary-key flow makes it: the key's token and record, then IAM Identity's creation with expires_at.
    const form = new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: ibm.apiKey });
    const token = (await (await fetch(`${ibm.url}/identity/token`, { method: 'POST', body: form })).json()).access_token;
    const bearer = { Authorization: `Bearer ${token}` };
    const owner = await (await fetch(`${ibm.url}/v1/apikeys/details`, { headers: { ...bearer, 'IAM-ApiKey': ibm.apiKey } })).json();
    const ends = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
    const created = await (await fetch(`${ibm.url}/v1/apikeys`, { method: 'POST', headers: { ...bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'credfill-temporary', iam_id: owner.iam_id, account_id: owner.account_id, expires_at: `${ends}+0000` }) })).json();
    assert.equal(created.expires_at, `${ends}+0000`);
    const key = { kind: 'expiring-key', apiKey: created.apikey, expiresAt: created.expires_at };
    const ending = (target) => {
      const { text } = renderTemporarySnippet(profiles.ibm, target, key, COMMENTS);
      assert.ok(text.includes(`# Temporary key, valid until ${ends}:00Z`) && !text.includes(ibm.apiKey), text);
      return text;
    };
    assert.deepEqual(shimCalls(shell(ending('ibmcloud-login'))), [{ argv: ['login', '-r', 'eu-de'], env: { IBMCLOUD_API_KEY: key.apiKey } }]);
    assert.equal(terraform(ending('terraform-ibm')).ibmcloud_api_key, key.apiKey);
    // What the CLI and Terraform do with IBMCLOUD_API_KEY, done by ibm-cloud-sdk-core: a token from IAM, then OpenScale.
    const openscale = `import os
from ibm_cloud_sdk_core.authenticators import IAMAuthenticator
from ibm_watson_openscale import APIClient
authenticator = IAMAuthenticator(apikey=os.environ["IBMCLOUD_API_KEY"], url=${JSON.stringify(ibm.url)})
print(APIClient(authenticator=authenticator, service_url=${JSON.stringify(ibm.url)}, service_instance_id=${JSON.stringify(ibm.instanceId)}).data_marts.list().result)`;
    const runs = {
      client: () => python(ending('openscale-python')),
      'export block': () => shell(`${ending('ibmcloud-env')}exec python -c ${shellQuote(openscale)}\n`),
      '.env': () => python(`import dotenv; dotenv.load_dotenv(${JSON.stringify(write('ending.env', ending('ibmcloud-dotenv')))})\n${openscale}`),
    };
    for (const [what, runIt] of Object.entries(runs)) {
      const listed = runIt();
      ok(listed, `a key that ends: ${what}`);
      assert.match(listed.stdout, new RegExp(ibm.instanceId), what);
    }
    assert.ok((await (await fetch(`${ibm.url}/e2e/expire`, { method: 'POST' })).json()).keysEnded > 0);
    for (const [what, runIt] of Object.entries(runs)) assert.match(runIt().output, /Provided API key could not be found, Status code: 400/, `refused after its end: ${what}`);
  });

  it('secrets with every printable ASCII character still authenticate through each SDK, CLI and file', () => {
    secrets.forEach((secret, i) => {
      const keyId = `${ak.slice(0, 18)}${String(i + 1).padStart(2, '0')}`;
      const key = [{ kind: 'aksk', accessKeyId: keyId, secretAccessKey: secret, issuer: 'huawei' }];
      const huawei = { ...profiles.huawei, credentials: key };
      const ibmProfile = { ...profiles.ibm, credentials: [{ kind: 'ibm-api-key', apiKey: secret }] };
      const what = (target) => `${target} with secret ${JSON.stringify(secret)}`;
      // esdk-obs-python strips the SK it is given (src/obs/client.py `_SecurityProvider`): a secret
      // with spaces at its ends never works with OBS's SDK, whatever the snippet.
      const withObs = secret.trim() === secret ? obsUrl() : null;
      if (withObs) {
        ok(python(render(huawei, 'obs-python', true).text), what('obs-python'));
        ok(python(render(huawei, 'obs-python', false).text, { OBS_SECRET_ACCESS_KEY: secret }), what('obs-python from the environment'));
      }
      ok(python(render(huawei, 'modelarts-python', true).text), what('modelarts-python'));
      ok(shell(`${render(huawei, 'huaweicloud-env', true).text}exec python -c ${shellQuote(FROM_ENVIRONMENT(withObs, iam.url))}\n`), what('export block'));
      const dotenv = refusedOr(() => render(huawei, 'huaweicloud-dotenv', true).text, what('.env'));
      if (dotenv !== null) ok(python(`import dotenv; dotenv.load_dotenv(${JSON.stringify(write('.env', dotenv))})\n${FROM_ENVIRONMENT(withObs, iam.url)}`), what('.env'));
      // python-dotenv expands ${NAME} and ${NAME:-default} even in single quotes, with no escape
      // (src/dotenv/variables.py): such a secret is refused, never changed.
      else assert.match(secret, /\$\{[^}:]*(:-[^}]*)?\}/, what('.env'));
      // ibm-cloud-sdk-core refuses an API key that starts or ends with {, } or " (iam_authenticator.py
      // `validate`): IBM's keys never do.
      if (!/^["{}]|["{}]$/.test(secret)) ok(python(render(ibmProfile, 'openscale-python', true).text), what('openscale-python'));
      assert.equal(terraform(render(ibmProfile, 'terraform-ibm', true).text).ibmcloud_api_key, secret, what('terraform'));
      const obsutil = shell(render(huawei, 'obsutil', true).text);
      assert.equal(shimCalls(obsutil)[0].argv[2], `-k=${secret}`, what('obsutil'));
      let credentials;
      try {
        credentials = render(huawei, 'huaweicloud-credentials', true);
      } catch (e) {
        // configparser strips a value's surrounding spaces: such a secret is refused, never changed.
        assert.equal(e.code, 'unrepresentable', what('credentials'));
        assert.notEqual(secret.trim(), secret);
        return;
      }
      const code = `from huaweicloudsdkcore.auth.provider import ProfileCredentialProvider
assert ProfileCredentialProvider.get_basic().get_credentials().sk == ${JSON.stringify(secret)}`;
      ok(python(code, { HUAWEICLOUD_SDK_CREDENTIALS_FILE: write('credentials', credentials.text) }), what('credentials'));
    });
  });
});

/** What `render` gives, or null when it refuses the secret as unrepresentable in the format. */
function refusedOr(render, what) {
  try {
    return render();
  } catch (e) {
    assert.equal(e.code, 'unrepresentable', what);
    return null;
  }
}

/**
 * The IBM provider block's attributes as Terraform reads them: python-hcl2 parses the syntax and the
 * backslash escapes; a template sequence left in a string (`${`, `%{`) would be an interpolation, so
 * there must be none but the escaped `$${` / `%%{`, which mean `${` / `%{`.
 *
 * HCL's spec makes the doubled introducer a whole escape ("The `${` sequence is escaped as `$${` and
 * the `%{` sequence is escaped as `%%{`", https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md,
 * Template Literals), but python-hcl2 8.1.4 lexes one only when a `}` follows somewhere after it
 * (hcl2/hcl2.lark: `ESCAPED_INTERPOLATION.2: /\$\$\{[^}]*\}/`), and fails on a key such as `a${b`
 * (written `a$${b`). So each escape reaches it as a marker, read back as `${` / `%{` after the parse.
 */
function terraform(text) {
  const MARKERS = [['$${', '\u241bDOLLAR\u241b', '${'], ['%%{', '\u241bPERCENT\u241b', '%{']];
  text = MARKERS.reduce((t, [escape, marker]) => t.replaceAll(escape, marker), text);
  const code = `import hcl2, json, sys
from hcl2 import SerializationOptions
print(json.dumps(hcl2.loads(open(sys.argv[1]).read(), serialization_options=SerializationOptions(strip_string_quotes=True, explicit_blocks=False))))`;
  const result = run(join(VENV_BIN, 'python'), ['-c', code, write('main.tf', text)]);
  ok(result, 'hcl2');
  const provider = JSON.parse(result.stdout).provider[0].ibm;
  return Object.fromEntries(Object.entries(provider).map(([k, v]) => {
    assert.ok(!/[$%]\{/.test(v), `an interpolation in ${k}`);
    return [k, MARKERS.reduce((value, [, marker, literal]) => value.replaceAll(marker, literal), v)];
  }));
}

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

"""A stand-in for Huawei Cloud IAM and ModelArts behind API Gateway, answering `GET /v3/auth/projects` (the
projects the caller may use), `GET /v3/projects?name=<region>` and ModelArts' `GET`, `POST` and
`DELETE /v2/{project_id}/authorizations` (a stateful list, which "Use in code"'s ModelArts snippets also read;
the POST body is the SDK model `AuthorizationRequest`, huaweicloudsdkmodelarts/v1/model/authorization_request.py).
Every answer has the shape of the API references' examples in tests/fixtures/cloud-answers/ (iam/, modelarts/;
their SOURCES.md name the pages), loaded from there as templates.
With IAM_SUB_USER=1 every key is an IAM user of the account without IAM read permission: `/v3/projects`
answers Keystone's 403, `/v3/auth/projects` (which needs no permission) still lists the projects.
With MODELARTS_AGENCY_ONLY=1 the POST refuses AK/SK authorizations with a documented ModelArts error
(`ModelArts.0104` "Parameter error."): no document says how a region that takes agencies only words it.
With MODELARTS_AUTHORIZED=<AK> the list starts with that key's authorization, as one made before the key
was rotated stays configured.
The permanent access keys (`/v3/auth/domains` and `/v3.0/OS-CREDENTIAL/credentials`, huaweicloudsdkiam's
paths) are kept for one IAM user who owns every key: show, list, create (a third key is refused with the
documented `akSkNumExceed`), deactivate, delete; each needs the account's ID in a signed `X-Domain-Id`, as
huaweicloudsdkcore's `GlobalCredentials` sends it. A deactivated or deleted key no longer signs anything; a
new key signs only KEY_PROPAGATION_SECONDS (default 0) after it was made, the delay before IAM accepts a
fresh key everywhere. With ACCESS_KEY_PROTECTION=1 the account has access-key protection on: the writes
answer Keystone's 403 (the exact code is not documented) and the reads still work. `GET /e2e/keys` (not
signed, not Huawei's) gives the test the keys held, with their secrets. KEY_FOLLOWERS (comma-separated
URLs of OBS stand-ins, huawei_obs.py and moto_s3.py) share this account's key table: each key made,
deactivated, re-activated or deleted here is told to them (`POST /e2e/keys`, `{accessKeyId,
secretAccessKey, signs}`), so a rotated key signs OBS requests there, and a deleted one no longer does.
It VERIFIES the `SDK-HMAC-SHA256` signature by recomputing it with huaweicloudsdkcore's own Signer
over the headers the request says it signed, and rejects a date more than 15 minutes from its clock.
Errors use API Gateway's documented shape ({"error_code": "APIGW.0301", "error_msg": ...}); the
wording after "Incorrect IAM authentication information:" is the documented one where a page prints it
(unknown AK, wrong signature) and a guess otherwise (malformed header, expired date).
Usage: [HUAWEI_AK=… HUAWEI_SK=…] [HUAWEI_KEYS='[{"accessKeyId": …, "secretAccessKey": …}]'] huawei_iam.py
LOG_PATH [CLOCK_OFFSET_SECONDS]  (the offset shifts this server's clock; without HUAWEI_AK it makes up a
key; HUAWEI_KEYS adds more valid keys)
Prints {"url", "accessKeyId", "secretAccessKey", "projectId", "domainId"} when ready."""

import hmac
import json
import os
import re
import secrets
import string
import sys
import types
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer
from werkzeug.wrappers import Request, Response

from recorder import serve

# One AK/SK is valid for OBS and IAM alike: a test can hand this server the key moto knows.
AK = os.environ.get("HUAWEI_AK") or "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(20))
SK = os.environ.get("HUAWEI_SK") or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
KEYS = {AK: SK, **{k["accessKeyId"]: k["secretAccessKey"] for k in json.loads(os.environ.get("HUAWEI_KEYS", "[]"))}}
PROJECT_ID = secrets.token_hex(16)
SUB_PROJECT_ID = secrets.token_hex(16)
# The regions whose projects `/v3/auth/projects` lists: those the tests' profiles use.
REGIONS = ("af-south-1", "ap-southeast-3", "cn-north-4", "cn-east-3", "eu-west-0")
AGENCY_ONLY = os.environ.get("MODELARTS_AGENCY_ONLY") == "1"
SUB_USER = os.environ.get("IAM_SUB_USER") == "1"
PROTECTED = os.environ.get("ACCESS_KEY_PROTECTION") == "1"
PROPAGATION = timedelta(seconds=int(os.environ.get("KEY_PROPAGATION_SECONDS", "0")))
DOMAIN_ID = secrets.token_hex(16)
USER_ID = secrets.token_hex(16)
KEY_LIMIT = 2
CREDENTIALS_PATH = re.compile(r"^/v3\.0/OS-CREDENTIAL/credentials(?:/([^/]+))?/?$")
SECURITYTOKENS = "/v3.0/OS-CREDENTIAL/securitytokens"
SECURITYTOKENS_ABSENT = os.environ.get("SECURITYTOKENS_ABSENT") == "1"
# Temporary keys issued: {access: {"secret", "securitytoken", "expires"}}.
TEMPORARY = {}
ANSWERS = Path(__file__).resolve().parents[2] / "fixtures" / "cloud-answers"


def documented(name):
    """A documented answer (tests/fixtures/cloud-answers/<service>/<file>.json) as a template."""
    return json.loads((ANSWERS / name).read_text())




def authorization_of(access):
    """A configured AK/SK authorization of `access`, in the documented list's shape."""
    entry = documented("modelarts/authorizations-list.json")["auth"][0]
    return dict(entry, user_id="e2e" + access[:8].lower(), user_name="e2e-user", type="credential", content=access)


def iam_time(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# The IAM user's permanent keys: {access: {status, create_time, last_use_time, made_at}}.
STARTED = datetime.now(timezone.utc) - timedelta(days=120)
CREDENTIALS = {access: {"status": "active", "create_time": iam_time(STARTED), "last_use_time": iam_time(STARTED),
                        "made_at": STARTED} for access in KEYS}


FOLLOWERS = [url for url in os.environ.get("KEY_FOLLOWERS", "").split(",") if url]


def tell_followers(access):
    """The OBS stand-ins learn whether `access` signs now (made or re-activated), or no longer does."""
    held = CREDENTIALS.get(access)
    key = {"accessKeyId": access, "secretAccessKey": KEYS.get(access, ""),
           "signs": held is not None and held["status"] == "active"}
    for url in FOLLOWERS:
        told = urllib.request.Request(f"{url}/e2e/keys", data=json.dumps(key).encode(), method="POST",
                                      headers={"Content-Type": "application/json"})
        urllib.request.urlopen(told, timeout=10).close()


def signs(access, at):
    """A key signs when IAM holds it active and has had time to accept it everywhere."""
    held = CREDENTIALS.get(access)
    return held is not None and held["status"] == "active" and at >= held["made_at"] + PROPAGATION


def secret_of(access):
    return TEMPORARY[access]["secret"] if access in TEMPORARY else KEYS[access]


def random_text(alphabet, length):
    return "".join(secrets.choice(alphabet) for _ in range(length))


def securitytokens(request, at):
    """A temporary key for the permanent key that signed, in the account named by a signed X-Domain-Id."""
    signed = AUTH.match(request.headers["Authorization"]).group(2).split(";")
    if request.headers.get("X-Domain-Id") != DOMAIN_ID or "x-domain-id" not in signed:
        return answer(403, documented("iam/keystone-403-forbidden.json"))
    identity = json.loads(request.get_data() or b"{}").get("auth", {}).get("identity", {})
    seconds = identity.get("token", {}).get("duration_seconds", 900)
    if identity.get("methods") != ["token"] or not isinstance(seconds, int) or not 900 <= seconds <= 86400:
        return answer(400, {"error": {"code": 400, "title": "Bad Request", "message": "Invalid duration_seconds."}})
    access = random_text(string.ascii_uppercase + string.digits, 20)
    TEMPORARY[access] = {"secret": random_text(string.ascii_letters + string.digits, 40),
                         "securitytoken": random_text(string.ascii_letters + string.digits + "-_", 400),
                         "expires": at + timedelta(seconds=seconds)}
    body = documented("iam/securitytoken-create.json")
    body["credential"] = dict(body["credential"], access=access, secret=TEMPORARY[access]["secret"],
                              securitytoken=TEMPORARY[access]["securitytoken"], expires_at=iam_time(TEMPORARY[access]["expires"]))
    return answer(201, body)


def temporary_refusal(request, access, at):
    """Why a temporary key does not sign this request (None: it does). The wording is a guess."""
    held = TEMPORARY[access]
    if not hmac.compare_digest(request.headers.get("X-Security-Token", ""), held["securitytoken"]):
        return gateway_error(401, "the security token is missing or does not match the access key")
    if at >= held["expires"]:
        return gateway_error(401, "the security token has expired")
    return None


def described(access, template):
    held = CREDENTIALS[access]
    return dict(template, access=access, user_id=USER_ID, status=held["status"], create_time=held["create_time"],
                **({"last_use_time": held["last_use_time"]} if "last_use_time" in template else {}))


def credentials(request, access, at):
    """The key actions, in the account named by a signed X-Domain-Id."""
    signed = AUTH.match(request.headers["Authorization"]).group(2).split(";")
    if request.headers.get("X-Domain-Id") != DOMAIN_ID or "x-domain-id" not in signed:
        return answer(403, documented("iam/keystone-403-forbidden.json"))
    CREDENTIALS[access]["last_use_time"] = iam_time(at)
    target = CREDENTIALS_PATH.match(request.path).group(1)
    if request.method != "GET" and PROTECTED:
        return answer(403, documented("iam/keystone-403-forbidden.json"))
    if target is None and request.method == "GET":
        if request.args.get("user_id", USER_ID) != USER_ID:
            return answer(403, documented("iam/keystone-403-forbidden.json"))
        body = documented("iam/credential-list.json")
        body["credentials"] = [described(a, body["credentials"][0]) for a in CREDENTIALS]
        return answer(200, body)
    if target is None and request.method == "POST":
        asked = json.loads(request.get_data() or b"{}").get("credential", {})
        if asked.get("user_id") != USER_ID:
            return answer(403, documented("iam/keystone-403-forbidden.json"))
        if len(CREDENTIALS) >= KEY_LIMIT:
            return answer(400, documented("iam/credential-create-400-aksk-num-exceed.json"))
        new = "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(20))
        KEYS[new] = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
        CREDENTIALS[new] = {"status": "active", "create_time": iam_time(at), "made_at": at}
        tell_followers(new)
        body = documented("iam/credential-create.json")
        body["credential"] = dict(described(new, body["credential"]), secret=KEYS[new],
                                  description=asked.get("description", ""))
        return answer(201, body)
    if target not in CREDENTIALS:
        return answer(404, {"error": {"code": 404, "title": "Not Found", "message": "Could not find credential."}})
    if request.method == "GET":
        body = documented("iam/credential-show.json")
        body["credential"] = described(target, body["credential"])
        return answer(200, body)
    if request.method == "PUT":
        status = json.loads(request.get_data() or b"{}").get("credential", {}).get("status")
        if status in ("active", "inactive"):
            CREDENTIALS[target]["status"] = status
            tell_followers(target)
        body = documented("iam/credential-show.json")
        body["credential"] = described(target, body["credential"])
        return answer(200, body)
    if request.method == "DELETE":
        del CREDENTIALS[target], KEYS[target]
        tell_followers(target)
        return Response(status=204)
    return answer(405, {"error": {"code": 405, "title": "Method Not Allowed", "message": "Method not allowed."}})


# ModelArts' configured authorizations: {user_id, user_name, type, content, create_time}
AUTHORIZATIONS = [authorization_of(ak) for ak in [os.environ.get("MODELARTS_AUTHORIZED")] if ak]
MODELARTS_PATH = re.compile(r"^/v2/([^/]+)/authorizations/?$")
MAX_SKEW = timedelta(minutes=15)
AUTH = re.compile(r"SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)")


def now(offset):
    return datetime.now(timezone.utc) + timedelta(seconds=offset)


def answer(status, body):
    return Response(json.dumps(body), status=status, content_type="application/json")


def gateway_error(status, detail):
    body = documented("iam/apig-401-signature.json")
    body.update(error_msg=f"Incorrect IAM authentication information: {detail}", request_id=secrets.token_hex(16))
    return answer(status, body)


def projects(request, names):
    """The documented project list with the projects named `names`: a region's project is `PROJECT_ID` (one ID
    for every region: it stands for the account's project wherever it is asked for); a sub-project
    (`<region>_e2e`) has another ID and is not the region's project."""
    body = documented("iam/keystone-list-auth-projects.json")
    template = body["projects"][0]
    ids = {name: SUB_PROJECT_ID if "_" in name else PROJECT_ID for name in names}
    # Every project is in the account (`domain_id`), the one the key actions name in X-Domain-Id.
    body["projects"] = [dict(template, id=ids[name], name=name, domain_id=DOMAIN_ID, parent_id=DOMAIN_ID,
                             links={"self": f"{request.host_url}v3/projects/{ids[name]}"})
                        for name in names]
    body["links"] = {"self": request.url}
    return answer(200, body)


def expected_signature(request, signed_headers, access):
    """huaweicloudsdkcore signs an SdkRequest; rebuild the one the client must have signed."""
    headers = {name: request.headers.get(name, "") for name in signed_headers}
    sdk_request = SdkRequest(method=request.method, schema=request.scheme, host=request.host,
                             resource_path=request.path, query_params=list(request.args.items(multi=True)),
                             header_params=headers, body=request.get_data())
    Signer(types.SimpleNamespace(ak=access, sk=secret_of(access))).sign(sdk_request)
    return AUTH.match(sdk_request.header_params["Authorization"]).group(3)


def modelarts(request, access):
    """The three authorization calls; the project in the path must be this account's and signed."""
    project = MODELARTS_PATH.match(request.path).group(1)
    signed = AUTH.match(request.headers["Authorization"]).group(2).split(";")
    if project != PROJECT_ID or request.headers.get("X-Project-Id") != PROJECT_ID or "x-project-id" not in signed:
        return answer(403, {"error_code": "ModelArts.0203", "error_msg": "Invalid project, the user is not authorized."})
    if request.method == "GET":
        return answer(200, dict(documented("modelarts/authorizations-list.json"),
                                total_count=len(AUTHORIZATIONS), auth=AUTHORIZATIONS))
    if request.method == "DELETE":
        user = request.args.get("user_id")
        AUTHORIZATIONS[:] = [a for a in AUTHORIZATIONS if user != "all" and a["user_id"] != user]
        return answer(200, documented("modelarts/authorization-result.json"))
    body = json.loads(request.get_data() or b"{}")
    if AGENCY_ONLY and body.get("type") == "credential":
        return answer(400, documented("modelarts/error-parameter.json"))
    if body.get("type") != "credential" or body.get("content") != access or KEYS.get(access) != body.get("secret_key"):
        return answer(400, {"error_code": "ModelArts.6002", "error_msg": "The access key pair is invalid."})
    AUTHORIZATIONS[:] = [a for a in AUTHORIZATIONS if a["content"] != access]
    AUTHORIZATIONS.append(authorization_of(access))
    return answer(200, documented("modelarts/authorization-result.json"))


def app_for(offset):
    @Request.application
    def app(request):
        is_modelarts = MODELARTS_PATH.match(request.path) is not None
        is_credentials = CREDENTIALS_PATH.match(request.path) is not None
        path = request.path.rstrip("/")
        if path.startswith("/e2e/temporary/"):
            held = TEMPORARY.get(path.rsplit("/", 1)[1])
            if not held:
                return answer(404, {})
            return answer(200, dict(held, expires=held["expires"].timestamp()))
        if path == "/e2e/expire" and request.method == "POST":
            for held in TEMPORARY.values():
                held["expires"] = now(offset) - timedelta(seconds=1)
            return answer(200, {"expired": len(TEMPORARY)})
        if path == "/e2e/keys":
            # With each secret: the test checks it never reached a page or the session storage.
            return answer(200, {a: dict({k: v for k, v in held.items() if k != "made_at"}, secret=KEYS[a])
                                for a, held in CREDENTIALS.items()})
        known = ("/v3/projects", "/v3/auth/projects", "/v3/auth/domains") + (() if SECURITYTOKENS_ABSENT else (SECURITYTOKENS,))
        if path not in known and not is_modelarts and not is_credentials:
            return answer(404, {"error_msg": "The API does not exist or has not been published in the environment",
                                "error_code": "APIGW.0101"})
        auth = AUTH.match(request.headers.get("Authorization", ""))
        if not auth:
            return gateway_error(401, "Authorization header is missing or malformed")
        access, signed, signature = auth.groups()
        temporary = access in TEMPORARY
        if temporary and (refusal := temporary_refusal(request, access, now(offset))):
            return refusal
        if not temporary and not signs(access, now(offset)):
            return gateway_error(401, "ak not exist")
        try:
            sent_at = datetime.strptime(request.headers.get("X-Sdk-Date", ""), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        except ValueError:
            return gateway_error(401, "x-sdk-date is missing or malformed")
        if abs(now(offset) - sent_at) > MAX_SKEW:
            return gateway_error(401, "the request x-sdk-date expired")
        if not hmac.compare_digest(signature, expected_signature(request, signed.split(";"), access)):
            return gateway_error(401, "verify aksk signature fail")
        if is_modelarts:
            return modelarts(request, access)
        if is_credentials or path == SECURITYTOKENS:
            if temporary:
                return answer(403, documented("iam/keystone-403-forbidden.json"))
            if path == SECURITYTOKENS:
                return securitytokens(request, now(offset))
            return credentials(request, access, now(offset))
        if path == "/v3/auth/domains":
            body = documented("iam/keystone-list-auth-domains.json")
            body["domains"] = [dict(body["domains"][0], id=DOMAIN_ID, links={"self": f"{request.host_url}v3/domains/{DOMAIN_ID}"})]
            body["links"] = {"self": request.url}
            return answer(200, body)
        if path == "/v3/auth/projects":
            # Each region's sub-project first: only the exact name is the region's project.
            return projects(request, [name for region in REGIONS for name in (f"{region}_e2e", region)])
        if SUB_USER:
            return answer(403, documented("iam/keystone-403-forbidden.json"))
        name = request.args.get("name")
        return projects(request, [name] if name else [])
    return app


if __name__ == "__main__":
    clock_offset = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    serve(app_for(clock_offset), 0, sys.argv[1], {"accessKeyId": AK, "secretAccessKey": SK, "projectId": PROJECT_ID, "domainId": DOMAIN_ID},
          clock_offset=clock_offset)

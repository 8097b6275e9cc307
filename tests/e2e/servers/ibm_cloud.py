"""A stand-in for IBM Cloud IAM (`POST /identity/token`; IAM Identity's API keys: `GET /v1/apikeys/details`,
`POST /v1/apikeys`, `DELETE /v1/apikeys/<id>[/lock]`), Resource Controller
(`GET /v2/resource_instances`) and Watson OpenScale (`GET /openscale/<instance>/v2/{data_marts[/<id>],
service_providers,subscriptions}`, `POST …/v2/service_providers`), each checking the bearer token
(JWT-shaped, as the OpenScale Python client decodes it). Its answers are the documented ones in
tests/fixtures/cloud-answers/{ibm,openscale}/ (see their SOURCES.md), used as templates. For the
OpenScale client ("Use in code" snippets) it also answers the entitlements it checks first
(`GET /v1/entitlements`) and an empty list of monitor definitions, which it reads when it starts.

Resource Controller behaves as documented: without `state` it lists `active` and `provisioning`
instances only; `state=…` lists that one state; `resource_id` and `type` filter; one instance per
page, the next reached by a relative `next_url`.

Accounts, one API key each (any other key gets IAM's BXNIM0415E):
- `apiKey`: three OpenScale instances, `instanceId` in us-south (Lite, active, with a data mart, a
  provider and a subscription), `otherInstanceId` in eu-de (provisioning; OpenScale does not know it
  yet: 404) and `inactiveInstanceId` in jp-tok (Standard v2, inactive); two Watson Machine Learning
  instances, `wmlInstanceId` in eu-gb (v2 Standard, active) and `failedWmlInstanceId` in us-south
  (v2 Professional, failed); and an inactive Cloud Object Storage instance no listing of ours keeps.
  The keys in `IBM_API_KEYS` (a JSON list) open this account too. Its user's key has an IAM Identity record
  (unlocked), so the journey can rotate it: a new key opens the same account.
- `emptyApiKey`: sees no instance at all.
- `listForbiddenApiKey`: Resource Controller refuses to list (403).
- `readerlessApiKey`: sees `instanceId`, but OpenScale refuses to read it (403).
- `rotateApiKey`: a user whose API key is locked, for a rotation: IAM Identity keeps each user's keys
  (created with their value returned once; a locked key is refused deletion until unlocked; a deleted key
  gets no token, though its tokens live on, as documented).
- `restrictedApiKey`: a user in an account that restricts API key creation: the creation is refused (403).
  IAM documents no code of its own for it: the refusal has IAM's error shape with a placeholder code.
A token is refused once expired (its `expiration`, an hour after it was made, as IAM's documented answer:
https://cloud.ibm.com/docs/iam?topic=iam-iamtoken_from_apikey). A key created with `expires_at`
('yyyy-MM-ddTHH:mm+0000', as ibm-platform-services' `create_api_key` documents it; any other form is refused)
gets no token after that moment: IAM's answer to a key it does not accept, BXNIM0415E.
Test-only: `GET /e2e/api-keys` gives each rotation user's keys (with their values and ends); `POST /e2e/expire` ends
every token and every key that has an end now (a test's clock, rather than waiting hours).
Usage: [IBM_API_KEYS='["…"]'] ibm_cloud.py LOG_PATH. Prints the keys and IDs above with "url" when ready."""

import base64
import calendar
import copy
import json
import os
import pathlib
import secrets
import string
import sys
import time
import uuid

from werkzeug.wrappers import Request, Response

from recorder import serve


def api_key():
    return "".join(secrets.choice(string.ascii_letters + string.digits + "_-") for _ in range(44))


KEYS = {"apiKey": api_key(), "emptyApiKey": api_key(), "listForbiddenApiKey": api_key(), "readerlessApiKey": api_key(),
        "rotateApiKey": api_key(), "restrictedApiKey": api_key()}
ACCOUNT_OF_KEY = {key: account for account, key in KEYS.items()}
ACCOUNT_OF_KEY.update({key: "apiKey" for key in json.loads(os.environ.get("IBM_API_KEYS", "[]"))})
INSTANCE = str(uuid.uuid4())
OTHER_INSTANCE = str(uuid.uuid4())
INACTIVE_INSTANCE = str(uuid.uuid4())
WML_INSTANCE = str(uuid.uuid4())
FAILED_WML_INSTANCE = str(uuid.uuid4())
PROVIDER = str(uuid.uuid4())
SUBSCRIPTION = str(uuid.uuid4())
DEPLOYMENT = str(uuid.uuid4())
ADDED_PROVIDER = str(uuid.uuid4())
TOKENS = {}  # token -> account
EXPIRES = {}  # token -> Unix seconds
KEY_ENDS = {}  # API key value -> Unix seconds, for a key created with `expires_at`
GRANT = "urn:ibm:params:oauth:grant-type:apikey"
# Catalog IDs (ibm-watson-openscale utils.py; the global catalog's pm-20 and Cloud Object Storage) and the
# plans IBM's ai-openscale CLI provisions with (src/cloud/ibm/resource_instances.rs names them).
OPENSCALE = "2ad019f3-0fd6-4c25-966d-f3952481a870"
MACHINE_LEARNING = "51c53b72-918f-4869-b834-2d99eb28422a"
OBJECT_STORAGE = "dff97f5c-bc5e-4455-b470-411c3edbe49c"
PLANS = {"openscale-lite": "967ba182-c6e0-4adc-92ef-661a822cc1d7", "openscale-standard-v2": "6786f153-64a7-4e47-940a-eff204d0d39b",
         "wml-v2-standard": "a3d2f92f-06f9-48d0-b2e6-a7ba2b4e0577", "wml-v2-professional": "d18d88b9-be7a-46ec-be1e-aff14904f1e9",
         "cos-standard": "2fdf0c08-2d32-4f46-84b5-32e0c92fffd8"}
# Without `state`, Resource Controller lists these (platform-services SDK `list_resource_instances`).
DEFAULT_STATES = ("active", "provisioning")
ANSWERS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "cloud-answers"


def template(name):
    return json.loads((ANSWERS / name).read_text())


IAM_TOKEN = template("ibm/iam_token.json")
IAM_UNKNOWN_KEY = template("ibm/iam_bxnim0415e.json")
RESOURCE = template("ibm/resource_instances.json")["resources"][0]
DATA_MART = template("openscale/data_marts.json")["data_marts"][0]
SERVICE_PROVIDER = template("openscale/service_providers.json")["service_providers"][0]
SUBSCRIPTION_TEMPLATE = template("openscale/subscriptions.json")["subscriptions"][0]
API_KEY_RECORD = template("ibm/api_key_details.json")
ACCOUNT_ID = API_KEY_RECORD["account_id"]
ROTATING = ("apiKey", "rotateApiKey", "restrictedApiKey")
RESTRICTED = {"restrictedApiKey"}


def iam_id(account):
    return f"IBMid-{account}"


def key_record(account, locked=False):
    """An `ApiKey` as IAM Identity's documented one, for a new key of `account`'s user (no value)."""
    key_id = f"ApiKey-{uuid.uuid4()}"
    now = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
    return {**copy.deepcopy(API_KEY_RECORD), "id": key_id, "iam_id": iam_id(account), "created_by": iam_id(account),
            "crn": f"crn:v1:bluemix:public:iam-identity::a/{ACCOUNT_ID}::apikey:{key_id}", "locked": locked,
            "created_at": now, "modified_at": now, "apikey": ""}


# IAM Identity's API keys of the rotation users: value -> record (the value is never in a record read back).
API_KEYS = {KEYS["apiKey"]: key_record("apiKey"), KEYS["rotateApiKey"]: key_record("rotateApiKey", locked=True),
            KEYS["restrictedApiKey"]: key_record("restrictedApiKey")}


def json_answer(status, body):
    return Response(json.dumps(body), status=status, content_type="application/json")


def jwt(now):
    """A JWT-shaped token: ibm-cloud-sdk-core reads its `exp` and `iat` (unverified) to plan refreshes."""
    part = lambda value: base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
    return ".".join([part({"alg": "HS256", "typ": "JWT"}), part({"iat": now, "exp": now + 3600, "jti": secrets.token_hex(8)}),
                     secrets.token_urlsafe(32)])


def token(request):
    if request.form.get("grant_type") != GRANT:
        return json_answer(400, {"errorCode": "BXNIM0109E", "errorMessage": "Property missing or empty.",
                                 "context": {"requestId": secrets.token_hex(8)}})
    key = request.form.get("apikey")
    account = ACCOUNT_OF_KEY.get(key) if time.time() < KEY_ENDS.get(key, float("inf")) else None
    if account is None:
        refusal = copy.deepcopy(IAM_UNKNOWN_KEY)
        refusal["context"]["requestId"] = secrets.token_hex(16)
        return json_answer(400, refusal)
    access = jwt(int(time.time()))
    TOKENS[access] = account
    EXPIRES[access] = int(time.time()) + IAM_TOKEN["expires_in"]
    return json_answer(200, {**IAM_TOKEN, "access_token": access, "refresh_token": "not_supported",
                             "expiration": EXPIRES[access]})


def account_of(request):
    """The account of the request's bearer token, while it has not expired."""
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    return TOKENS.get(token) if time.time() < EXPIRES.get(token, 0) else None


def unauthorized(request):
    if account_of(request) is None:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}], "trace": secrets.token_hex(8)})
    return None


def iam_refusal(status, code, message):
    refusal = copy.deepcopy(IAM_UNKNOWN_KEY)
    refusal.update({"errorCode": code, "errorMessage": message})
    refusal["context"]["requestId"] = secrets.token_hex(16)
    return json_answer(status, refusal)


def api_key_details(request):
    """`GET /v1/apikeys/details`: the record of the key in `IAM-ApiKey`, for a valid token."""
    if account_of(request) is None:
        return iam_refusal(401, "BXNIM0308E", "Token is not valid.")
    record = API_KEYS.get(request.headers.get("IAM-ApiKey", ""))
    if record is None:
        return iam_refusal(404, "BXNIM0415E", "Provided API key could not be found")
    return json_answer(200, record)


def create_api_key(request):
    """`POST /v1/apikeys`: a new key for the token's own user, its value returned once."""
    account = account_of(request)
    if account is None:
        return iam_refusal(401, "BXNIM0308E", "Token is not valid.")
    body = request.get_json(silent=True) or {}
    if not request.content_type.startswith("application/json") or not body.get("name") or "store_value" in body:
        return iam_refusal(400, "BXNIM0109E", "Property missing or empty.")
    if body.get("iam_id") != iam_id(account) or body.get("account_id", ACCOUNT_ID) != ACCOUNT_ID or account in RESTRICTED:
        return iam_refusal(403, "E2E-RESTRICTED", "API key creation is restricted in this account (stand-in placeholder).")
    ends = body.get("expires_at")
    try:
        ends = ends and calendar.timegm(time.strptime(ends, "%Y-%m-%dT%H:%M+0000"))
    except ValueError:
        return iam_refusal(400, "BXNIM0109E", "Property expires_at is not in the format yyyy-MM-ddTHH:mm+0000.")
    value = api_key()
    record = {**key_record(account), "name": body["name"], "description": body.get("description", "")}
    if ends:
        record["expires_at"] = body["expires_at"]
        KEY_ENDS[value] = ends
    API_KEYS[value] = record
    ACCOUNT_OF_KEY[value] = account
    return json_answer(201, {**record, "apikey": value})


def change_api_key(request, key_id, unlock):
    """`DELETE /v1/apikeys/<id>/lock` (unlock) or `DELETE /v1/apikeys/<id>` (refused while locked), by its user."""
    account = account_of(request)
    if account is None:
        return iam_refusal(401, "BXNIM0308E", "Token is not valid.")
    value = next((v for v, r in API_KEYS.items() if r["id"] == key_id and r["iam_id"] == iam_id(account)), None)
    if value is None:
        return iam_refusal(404, "BXNIM0417E", "API key not found.")
    if unlock:
        API_KEYS[value]["locked"] = False
    elif API_KEYS[value]["locked"]:
        return iam_refusal(409, "E2E-LOCKED", "The API key is locked (stand-in placeholder).")
    else:
        del API_KEYS[value]
        ACCOUNT_OF_KEY.pop(value, None)
    return Response(status=204)


def instance(guid, name, region, state, resource_id, plan):
    """A `ResourceInstance` as the fixture's first one, for another instance."""
    service = {OPENSCALE: "aiopenscale", MACHINE_LEARNING: "pm-20"}.get(resource_id, "cloud-object-storage")
    crn = f"crn:v1:bluemix:public:{service}:{region}:a/0123456789abcdef:{guid}::"
    plan_id = PLANS[plan]
    return {**copy.deepcopy(RESOURCE), "id": crn, "guid": guid, "crn": crn, "url": f"/v2/resource_instances/{crn}", "name": name,
            "region_id": region, "resource_id": resource_id, "resource_plan_id": plan_id, "state": state,
            "target_crn": f"crn:v1:bluemix:public:globalcatalog::::deployment:{plan_id}%3A{region}",
            "resource_aliases_url": f"/v2/resource_instances/{guid}/resource_aliases",
            "resource_bindings_url": f"/v2/resource_instances/{guid}/resource_bindings",
            "resource_keys_url": f"/v2/resource_instances/{guid}/resource_keys",
            "plan_history": [{"resource_plan_id": plan_id, "start_date": RESOURCE["created_at"]}]}


VISIBLE = {
    "apiKey": [instance(INSTANCE, "openscale-dallas", "us-south", "active", OPENSCALE, "openscale-lite"),
               instance(OTHER_INSTANCE, "openscale-frankfurt", "eu-de", "provisioning", OPENSCALE, "openscale-lite"),
               instance(INACTIVE_INSTANCE, "openscale-tokyo", "jp-tok", "inactive", OPENSCALE, "openscale-standard-v2"),
               instance(WML_INSTANCE, "wml-london", "eu-gb", "active", MACHINE_LEARNING, "wml-v2-standard"),
               instance(FAILED_WML_INSTANCE, "wml-dallas", "us-south", "failed", MACHINE_LEARNING, "wml-v2-professional"),
               instance(str(uuid.uuid4()), "cos-archive", "global", "inactive", OBJECT_STORAGE, "cos-standard")],
    "readerlessApiKey": [instance(INSTANCE, "openscale-dallas", "us-south", "active", OPENSCALE, "openscale-lite")],
}


def resource_instances(request):
    """Filtered by resource_id and state as documented, one instance per page, the next reached by next_url."""
    account = account_of(request)
    if account is None:
        return json_answer(401, {"message": "The token is not valid", "status_code": 401})
    if account == "listForbiddenApiKey":
        return json_answer(403, {"message": "You are not authorized to list resource instances", "status_code": 403})
    if request.args.get("type") != "service_instance":
        return json_answer(400, {"message": "expected type=service_instance", "status_code": 400})
    resource_id, state = request.args.get("resource_id"), request.args.get("state")
    rows = [r for r in VISIBLE.get(account, []) if resource_id in (None, r["resource_id"])
            and (r["state"] == state if state else r["state"] in DEFAULT_STATES)]
    start = int(request.args.get("start", "0"))
    page = rows[start:start + 1]
    more = start + 1 < len(rows)
    query = "&".join(f"{k}={v}" for k, v in request.args.items(multi=True) if k not in ("start", "limit"))
    next_url = f"/v2/resource_instances?{query}&limit=1&start={start + 1}" if more else None
    return json_answer(200, {"rows_count": len(page), "next_url": next_url, "resources": page})


def metadata(guid, kind):
    return {"id": guid, "url": f"/v2/{kind}/{guid}", "created_at": "2026-01-01T00:00:00Z",
            "crn": f"crn:v1:bluemix:public:aiopenscale:us-south:a/0:{INSTANCE}:{kind}:{guid}"}


def openscale(request, instance_id, rest):
    account = account_of(request)
    if account is None:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}], "trace": secrets.token_hex(8)})
    if account == "readerlessApiKey":
        return json_answer(403, {"errors": [{"code": "AIQGT0011E", "message": "Forbidden"}], "trace": secrets.token_hex(8)})
    if instance_id != INSTANCE or rest not in (["data_marts"], ["data_marts", INSTANCE], ["service_providers"], ["subscriptions"]):
        return json_answer(404, {"errors": [{"code": "AIQGT0004E", "message": f"{'/'.join(rest)} not found"}],
                                 "trace": secrets.token_hex(8)})
    mart = {"metadata": {**DATA_MART["metadata"], **metadata(INSTANCE, "data_marts")},
            "entity": {**DATA_MART["entity"], "name": "credfill e2e"}}
    if rest == ["data_marts", INSTANCE]:
        return json_answer(200, mart)
    if rest == ["data_marts"]:
        return json_answer(200, {"data_marts": [mart]})
    if rest == ["service_providers"]:
        return json_answer(200, {"service_providers": [{
            "metadata": {**SERVICE_PROVIDER["metadata"], **metadata(PROVIDER, "service_providers")},
            "entity": {**SERVICE_PROVIDER["entity"], "name": "WML London", "service_type": "watson_machine_learning",
                       "instance_id": WML_INSTANCE, "credentials": {"secret_id": str(uuid.uuid4())}}}]})
    entity = copy.deepcopy(SUBSCRIPTION_TEMPLATE["entity"])
    entity.update({"data_mart_id": INSTANCE, "service_provider_id": PROVIDER})
    entity["asset"].update({"asset_id": str(uuid.uuid4()), "name": "credit-risk-model"})
    entity["deployment"].update({"deployment_id": DEPLOYMENT, "name": "credit-risk-deployment"})
    return json_answer(200, {"subscriptions": [{"metadata": {**SUBSCRIPTION_TEMPLATE["metadata"],
                                                             **metadata(SUBSCRIPTION, "subscriptions")}, "entity": entity}]})


def credentials_fit(service_type, credentials):
    """A WML provider's credentials as `WMLCredentialsCloud` takes them (ibm-watson-openscale
    base_classes/watson_open_scale_v2.py): `url`, `apikey` or `token`, `instance_id` only if given, nothing else."""
    if service_type != "watson_machine_learning":
        return True
    return set(credentials) <= {"apikey", "token", "url", "instance_id"} and bool(credentials.get("url")) \
        and bool(credentials.get("apikey") or credentials.get("token")) and credentials.get("instance_id", "x") != ""


def add_provider(request, instance_id):
    """`POST /v2/service_providers`: 201 with the new provider, as the SDK's ServiceProviders.add reads it."""
    account = account_of(request)
    if account is None:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}]})
    body = request.get_json(silent=True) or {}
    if instance_id != INSTANCE or not request.content_type.startswith("application/json") \
            or not all(body.get(k) for k in ("name", "service_type", "credentials")) \
            or not credentials_fit(body["service_type"], body["credentials"]):
        return json_answer(400, {"errors": [{"code": "AIQCS0001E", "message": "Bad request"}]})
    credentials = {k: ("****" if "secret" in k or k == "apikey" else v) for k, v in body["credentials"].items()}
    return json_answer(201, {"metadata": metadata(ADDED_PROVIDER, "service_providers"), "entity": {
        "name": body["name"], "service_type": body["service_type"], "credentials": credentials,
        "operational_space_id": body.get("operational_space_id"), "status": {"state": "active"}}})


@Request.application
def app(request):
    parts = request.path.strip("/").split("/")
    if request.method == "POST" and request.path == "/identity/token":
        return token(request)
    if request.method == "GET" and request.path == "/v1/apikeys/details":
        return api_key_details(request)
    if request.method == "POST" and request.path == "/v1/apikeys":
        return create_api_key(request)
    if request.method == "DELETE" and parts[:2] == ["v1", "apikeys"] and (len(parts) == 3 or parts[3:] == ["lock"]):
        return change_api_key(request, parts[2], unlock=len(parts) == 4)
    if request.method == "POST" and request.path == "/e2e/expire":
        EXPIRES.update({token: int(time.time()) - 1 for token in EXPIRES})
        KEY_ENDS.update({key: int(time.time()) - 1 for key in KEY_ENDS})
        return json_answer(200, {"expired": len(EXPIRES), "keysEnded": len(KEY_ENDS)})
    if request.method == "GET" and request.path == "/e2e/api-keys":
        return json_answer(200, {iam_id(a): [{"id": r["id"], "name": r["name"], "locked": r["locked"], "apikey": v,
                                               "expires_at": r.get("expires_at")}
                                             for v, r in API_KEYS.items() if r["iam_id"] == iam_id(a)] for a in ROTATING})
    if request.method == "GET" and request.path == "/v1/entitlements":
        return unauthorized(request) or json_answer(200, {"entitlements": {"ai_openscale": [{"id": INSTANCE, "plan_name": "lite"}]}})
    if request.method == "GET" and parts[:1] == ["openscale"] and parts[2:] == ["v2", "monitor_definitions"]:
        return unauthorized(request) or json_answer(200, {"monitor_definitions": []})
    if request.method == "GET" and request.path == "/v2/resource_instances":
        return resource_instances(request)
    if request.method == "POST" and parts[:1] == ["openscale"] and parts[2:] == ["v2", "service_providers"]:
        return add_provider(request, parts[1])
    if request.method == "GET" and parts[:1] == ["openscale"] and parts[2:3] == ["v2"] and len(parts) >= 4:
        return openscale(request, parts[1], parts[3:])
    return json_answer(404, {"errors": [{"code": "not_found", "message": "Not found"}]})


if __name__ == "__main__":
    serve(app, 0, sys.argv[1], {**KEYS, "instanceId": INSTANCE, "otherInstanceId": OTHER_INSTANCE,
                                "inactiveInstanceId": INACTIVE_INSTANCE, "wmlInstanceId": WML_INSTANCE,
                                "failedWmlInstanceId": FAILED_WML_INSTANCE, "providerId": PROVIDER,
                                "subscriptionId": SUBSCRIPTION, "deploymentId": DEPLOYMENT,
                                "addedProviderId": ADDED_PROVIDER})

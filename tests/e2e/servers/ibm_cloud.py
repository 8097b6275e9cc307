"""A stand-in for IBM Cloud IAM (`POST /identity/token`), Resource Controller
(`GET /v2/resource_instances`) and Watson OpenScale (`GET /openscale/<instance>/v2/{data_marts[/<id>],
service_providers,subscriptions}`, `POST …/v2/service_providers`), in their documented formats, each
checking the bearer token (JWT-shaped, as the OpenScale Python client decodes it). For that client
("Use in code" snippets) it also answers the entitlements it checks first (`GET /v1/entitlements`)
and an empty list of monitor definitions, which it reads when it starts.

Accounts, one API key each (any other key gets IAM's BXNIM0415E):
- `apiKey`: two OpenScale instances, one per Resource Controller page (`next_url`): `instanceId` in
  us-south (Lite, active, with a data mart, a provider and a subscription) and `otherInstanceId` in
  eu-de (provisioning; OpenScale does not know it yet: 404); and one Watson Machine Learning instance.
  The keys in `IBM_API_KEYS` (a JSON list) open this account too.
- `emptyApiKey`: sees no instance at all.
- `listForbiddenApiKey`: Resource Controller refuses to list (403).
- `readerlessApiKey`: sees `instanceId`, but OpenScale refuses to read it (403).
Usage: [IBM_API_KEYS='["…"]'] ibm_cloud.py LOG_PATH. Prints the keys and IDs above with "url" when ready."""

import base64
import json
import os
import secrets
import string
import sys
import time
import uuid

from werkzeug.wrappers import Request, Response

from recorder import serve


def api_key():
    return "".join(secrets.choice(string.ascii_letters + string.digits + "_-") for _ in range(44))


KEYS = {"apiKey": api_key(), "emptyApiKey": api_key(), "listForbiddenApiKey": api_key(), "readerlessApiKey": api_key()}
ACCOUNT_OF_KEY = {key: account for account, key in KEYS.items()}
ACCOUNT_OF_KEY.update({key: "apiKey" for key in json.loads(os.environ.get("IBM_API_KEYS", "[]"))})
INSTANCE = str(uuid.uuid4())
OTHER_INSTANCE = str(uuid.uuid4())
WML_INSTANCE = str(uuid.uuid4())
PROVIDER = str(uuid.uuid4())
SUBSCRIPTION = str(uuid.uuid4())
DEPLOYMENT = str(uuid.uuid4())
ADDED_PROVIDER = str(uuid.uuid4())
TOKENS = {}  # token -> account
GRANT = "urn:ibm:params:oauth:grant-type:apikey"
# Catalog IDs (ibm-watson-openscale utils.py; the global catalog's pm-20) and OpenScale's Lite plan.
OPENSCALE = "2ad019f3-0fd6-4c25-966d-f3952481a870"
MACHINE_LEARNING = "51c53b72-918f-4869-b834-2d99eb28422a"
LITE = "967ba182-c6e0-4adc-92ef-661a822cc1d7"


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
    account = ACCOUNT_OF_KEY.get(request.form.get("apikey"))
    if account is None:
        return json_answer(400, {"errorCode": "BXNIM0415E", "errorMessage": "Provided API key could not be found.",
                                 "context": {"requestId": secrets.token_hex(8)}})
    access = jwt(int(time.time()))
    TOKENS[access] = account
    return json_answer(200, {"access_token": access, "refresh_token": "not_supported", "token_type": "Bearer",
                             "expires_in": 3600, "expiration": int(time.time()) + 3600, "scope": "ibm openid"})


def account_of(request):
    return TOKENS.get(request.headers.get("Authorization", "").removeprefix("Bearer "))


def unauthorized(request):
    if account_of(request) is None:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}], "trace": secrets.token_hex(8)})
    return None


def instance(guid, name, region, state, resource_id, service):
    crn = f"crn:v1:bluemix:public:{service}:{region}:a/0123456789abcdef:{guid}::"
    return {"id": crn, "guid": guid, "crn": crn, "url": f"/v2/resource_instances/{guid}", "name": name,
            "region_id": region, "account_id": "0123456789abcdef", "resource_id": resource_id,
            "resource_plan_id": LITE if service == "aiopenscale" else "3f6acf43-ede8-413a-ac69-f8af3bb0cbfe",
            "resource_group_id": "0be5ad401ae913d8ff665d92680664ed", "state": state, "type": "service_instance",
            "sub_type": None, "created_at": "2026-01-01T00:00:00.000Z"}


def resource_instances(request):
    """Filtered by resource_id, one instance per page: the second page is reached by next_url."""
    account = account_of(request)
    if account is None:
        return json_answer(401, {"message": "The token is not valid", "status_code": 401})
    if account == "listForbiddenApiKey":
        return json_answer(403, {"message": "You are not authorized to list resource instances", "status_code": 403})
    if request.args.get("type") != "service_instance":
        return json_answer(400, {"message": "expected type=service_instance", "status_code": 400})
    visible = {
        "apiKey": [instance(INSTANCE, "openscale-dallas", "us-south", "active", OPENSCALE, "aiopenscale"),
                   instance(OTHER_INSTANCE, "openscale-frankfurt", "eu-de", "provisioning", OPENSCALE, "aiopenscale"),
                   instance(WML_INSTANCE, "wml-london", "eu-gb", "active", MACHINE_LEARNING, "pm-20")],
        "readerlessApiKey": [instance(INSTANCE, "openscale-dallas", "us-south", "active", OPENSCALE, "aiopenscale")],
    }.get(account, [])
    rows = [r for r in visible if r["resource_id"] == request.args.get("resource_id")]
    start = int(request.args.get("start", "0"))
    page = rows[start:start + 1]
    more = start + 1 < len(rows)
    next_url = (f"/v2/resource_instances?resource_id={request.args['resource_id']}&type=service_instance"
                f"&limit=1&start={start + 1}") if more else None
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
    mart = {"metadata": metadata(INSTANCE, "data_marts"),
            "entity": {"name": "credfill e2e", "service_instance_crn": "", "status": {"state": "active"}}}
    if rest == ["data_marts", INSTANCE]:
        return json_answer(200, mart)
    if rest == ["data_marts"]:
        return json_answer(200, {"data_marts": [mart]})
    if rest == ["service_providers"]:
        return json_answer(200, {"service_providers": [{"metadata": metadata(PROVIDER, "service_providers"), "entity": {
            "name": "WML London", "service_type": "watson_machine_learning", "instance_id": WML_INSTANCE,
            "credentials": {"secret_id": str(uuid.uuid4())}, "operational_space_id": "production",
            "status": {"state": "active"}}}]})
    return json_answer(200, {"subscriptions": [{"metadata": metadata(SUBSCRIPTION, "subscriptions"), "entity": {
        "data_mart_id": INSTANCE, "service_provider_id": PROVIDER,
        "asset": {"asset_id": str(uuid.uuid4()), "url": "", "asset_type": "model", "name": "credit-risk-model"},
        "deployment": {"deployment_id": DEPLOYMENT, "name": "credit-risk-deployment", "deployment_type": "online"},
        "status": {"state": "active"}}}]})


def add_provider(request, instance_id):
    """`POST /v2/service_providers`: 201 with the new provider, as the SDK's ServiceProviders.add reads it."""
    account = account_of(request)
    if account is None:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}]})
    body = request.get_json(silent=True) or {}
    if instance_id != INSTANCE or not request.content_type.startswith("application/json") \
            or not all(body.get(k) for k in ("name", "service_type", "credentials")):
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
                                "wmlInstanceId": WML_INSTANCE, "providerId": PROVIDER,
                                "subscriptionId": SUBSCRIPTION, "deploymentId": DEPLOYMENT,
                                "addedProviderId": ADDED_PROVIDER})

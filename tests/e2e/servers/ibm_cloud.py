"""A stand-in for IBM Cloud IAM (`POST /identity/token`) and Watson OpenScale
(`GET /openscale/<instance>/v2/data_marts[/<id>]`), in their documented formats: one known API key
gets a bearer token, any other gets IAM's BXNIM0415E; OpenScale answers the one known instance to
that token and 404 for any other instance. For the OpenScale Python client ("Use in code"
snippets) it also answers the entitlements it checks first (`GET /v1/entitlements`) and an empty
list of monitor definitions, which it reads when it starts.
Usage: [IBM_API_KEYS='["…"]'] ibm_cloud.py LOG_PATH (more valid API keys). Prints {"url", "apiKey",
"instanceId"} when ready."""

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

API_KEY = "".join(secrets.choice(string.ascii_letters + string.digits + "_-") for _ in range(44))
API_KEYS = {API_KEY, *json.loads(os.environ.get("IBM_API_KEYS", "[]"))}
INSTANCE = str(uuid.uuid4())
TOKENS = set()
GRANT = "urn:ibm:params:oauth:grant-type:apikey"


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
    if request.form.get("apikey") not in API_KEYS:
        return json_answer(400, {"errorCode": "BXNIM0415E", "errorMessage": "Provided API key could not be found.",
                                 "context": {"requestId": secrets.token_hex(8)}})
    access = jwt(int(time.time()))
    TOKENS.add(access)
    return json_answer(200, {"access_token": access, "refresh_token": "not_supported", "token_type": "Bearer",
                             "expires_in": 3600, "expiration": int(time.time()) + 3600, "scope": "ibm openid"})


def unauthorized(request):
    if request.headers.get("Authorization", "").removeprefix("Bearer ") not in TOKENS:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}], "trace": secrets.token_hex(8)})
    return None


def data_marts(request, instance, mart):
    if refused := unauthorized(request):
        return refused
    if instance != INSTANCE or mart not in (None, INSTANCE):
        return json_answer(404, {"errors": [{"code": "AIQGT0004E", "message": f"Data mart {mart or instance} not found"}],
                                 "trace": secrets.token_hex(8)})
    entry = {"metadata": {"id": INSTANCE, "crn": f"crn:v1:bluemix:public:aiopenscale:us-south:a/0:{INSTANCE}::",
                          "url": f"/v2/data_marts/{INSTANCE}", "created_at": "2026-01-01T00:00:00Z"},
             "entity": {"name": "credfill e2e", "service_instance_crn": "", "status": {"state": "active"}}}
    return json_answer(200, entry if mart else {"data_marts": [entry]})


@Request.application
def app(request):
    parts = request.path.strip("/").split("/")
    if request.method == "POST" and request.path == "/identity/token":
        return token(request)
    if request.method == "GET" and parts[:1] == ["openscale"] and parts[2:4] == ["v2", "data_marts"] and len(parts) in (4, 5):
        return data_marts(request, parts[1], parts[4] if len(parts) == 5 else None)
    if request.method == "GET" and request.path == "/v1/entitlements":
        return unauthorized(request) or json_answer(200, {"entitlements": {"ai_openscale": [{"id": INSTANCE, "plan_name": "lite"}]}})
    if request.method == "GET" and parts[:1] == ["openscale"] and parts[2:] == ["v2", "monitor_definitions"]:
        return unauthorized(request) or json_answer(200, {"monitor_definitions": []})
    return json_answer(404, {"errors": [{"code": "not_found", "message": "Not found"}]})


if __name__ == "__main__":
    serve(app, 0, sys.argv[1], {"apiKey": API_KEY, "instanceId": INSTANCE})

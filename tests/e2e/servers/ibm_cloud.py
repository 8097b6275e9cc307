"""A stand-in for IBM Cloud IAM (`POST /identity/token`) and Watson OpenScale
(`GET /openscale/<instance>/v2/data_marts[/<id>]`), in their documented formats: one known API key
gets a bearer token, any other gets IAM's BXNIM0415E; OpenScale answers the one known instance to
that token and 404 for any other instance.
Usage: ibm_cloud.py LOG_PATH. Prints {"url", "apiKey", "instanceId"} when ready."""

import json
import secrets
import string
import sys
import time
import uuid

from werkzeug.wrappers import Request, Response

from recorder import serve

API_KEY = "".join(secrets.choice(string.ascii_letters + string.digits + "_-") for _ in range(44))
INSTANCE = str(uuid.uuid4())
TOKENS = set()
GRANT = "urn:ibm:params:oauth:grant-type:apikey"


def json_answer(status, body):
    return Response(json.dumps(body), status=status, content_type="application/json")


def token(request):
    if request.form.get("grant_type") != GRANT:
        return json_answer(400, {"errorCode": "BXNIM0109E", "errorMessage": "Property missing or empty.",
                                 "context": {"requestId": secrets.token_hex(8)}})
    if request.form.get("apikey") != API_KEY:
        return json_answer(400, {"errorCode": "BXNIM0415E", "errorMessage": "Provided API key could not be found.",
                                 "context": {"requestId": secrets.token_hex(8)}})
    access = "eyJ" + secrets.token_urlsafe(48)
    TOKENS.add(access)
    return json_answer(200, {"access_token": access, "refresh_token": "not_supported", "token_type": "Bearer",
                             "expires_in": 3600, "expiration": int(time.time()) + 3600, "scope": "ibm openid"})


def data_marts(request, instance, mart):
    if request.headers.get("Authorization", "").removeprefix("Bearer ") not in TOKENS:
        return json_answer(401, {"errors": [{"code": "AIQGT0010E", "message": "Unauthorized"}], "trace": secrets.token_hex(8)})
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
    return json_answer(404, {"errors": [{"code": "not_found", "message": "Not found"}]})


if __name__ == "__main__":
    serve(app, 0, sys.argv[1], {"apiKey": API_KEY, "instanceId": INSTANCE})

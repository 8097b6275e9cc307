"""A stand-in for OBS's own API (not its S3-compatible one, which moto plays): answers
esdk-obs-python's signature negotiation (`HEAD /?apiversion` with `x-obs-api: 3.0`, as OBS does)
and ListBuckets (`GET /`, in the documented answer's shape, tests/fixtures/cloud-answers/obs/list-buckets.http:
each bucket's `<Location>` only when asked, as the SDK asks by default), whose
`Authorization: OBS <AK>:<signature>` it VERIFIES by recomputing
the signature with esdk-obs-python's own code (src/obs/auth.py `Authentication`). The SDK signs
for an IP-address server in the S3 v2 form (`AWS <AK>:<signature>`, no negotiation: client.py
forces path style), which is verified the same way. Other paths: 404.
With IAM_URL (huawei_iam.py's), a key it does not hold is looked up among the temporary keys that IAM
stand-in issued: it signs only with its security token in `x-obs-security-token` (the header OBS's SDKs send,
esdk-obs-python src/obs/client.py) and only until it expires; otherwise OBS's documented error codes
(`InvalidAccessKeyId`; `InvalidToken` and `ExpiredToken`, in the error code table
https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0115.html).
Usage: [IAM_URL=…] [HUAWEI_KEYS='[{"accessKeyId": …, "secretAccessKey": …}]'] obs_native.py LOG_PATH
Prints {"url", "accessKeyId", "secretAccessKey"} when ready (a made-up key, valid with the others)."""

import hmac
import json
import os
import re
import secrets
import string
import sys
import time
import urllib.request
from pathlib import Path

import obs.auth
import obs.convertor
from werkzeug.wrappers import Request, Response

from recorder import serve

AK = "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(20))
SK = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
KEYS = {AK: SK, **{k["accessKeyId"]: k["secretAccessKey"] for k in json.loads(os.environ.get("HUAWEI_KEYS", "[]"))}}
AUTH = re.compile(r"(OBS|AWS) ([^:]+):(\S+)$")
ADAPTERS = {"OBS": "obs", "AWS": "v2"}
LIST_BUCKETS = (Path(__file__).resolve().parents[2] / "fixtures" / "cloud-answers" / "obs" / "list-buckets.http")


def error(status, code, message):
    body = (f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message>'
            f"<RequestId>{secrets.token_hex(8)}</RequestId></Error>")
    return Response(body, status=status, content_type="application/xml", headers={"x-obs-api": "3.0"})


IAM_URL = os.environ.get("IAM_URL")


def temporary_key(access):
    """The temporary key `access` the IAM stand-in issued ({secret, securitytoken, expires}), or None."""
    if not IAM_URL:
        return None
    try:
        with urllib.request.urlopen(f"{IAM_URL}/e2e/temporary/{access}", timeout=10) as answer:
            return json.loads(answer.read())
    except OSError:
        return None


def expected_signature(request, scheme, access, secret):
    adapter = obs.convertor.Adapter(ADAPTERS[scheme])
    authn = obs.auth.Authentication(access, secret, True, adapter, request.host, False)
    headers = {name.lower(): [value] for name, value in request.headers.items()}
    return authn.getSignature(request.method, None, None, dict(request.args), headers)["Signature"]


@Request.application
def app(request):
    if request.method == "HEAD" and request.path == "/" and "apiversion" in request.args:
        return Response(status=200, headers={"x-obs-api": "3.0"})
    if request.method != "GET" or request.path != "/":
        return error(404, "NoSuchKey", "Not found")
    auth = AUTH.match(request.headers.get("Authorization", ""))
    temporary = auth and auth.group(2) not in KEYS and temporary_key(auth.group(2))
    if not auth or (auth.group(2) not in KEYS and not temporary):
        return error(403, "InvalidAccessKeyId", "The access key Id you provided does not exist in our records.")
    scheme, access, signature = auth.groups()
    if temporary:
        token = request.headers.get("x-obs-security-token", request.headers.get("x-amz-security-token", ""))
        if not hmac.compare_digest(token, temporary["securitytoken"]):
            return error(400, "InvalidToken", "The provided token is malformed or otherwise invalid.")
        if time.time() >= temporary["expires"]:
            return error(400, "ExpiredToken", "The provided token has expired.")
    secret = temporary["secret"] if temporary else KEYS[access]
    if not hmac.compare_digest(signature, expected_signature(request, scheme, access, secret)):
        return error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
    # `x-obs-location: true` (the SDK's `listBuckets()`; `x-amz-location` when it signs in the S3 v2 form).
    with_location = "true" in (request.headers.get("x-obs-location"), request.headers.get("x-amz-location"))
    bucket = ("<Bucket><Name>credfill-snippets</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate>"
              + ("<Location>cn-north-4</Location>" if with_location else "") + "<BucketType>OBJECT</BucketType></Bucket>")
    documented = LIST_BUCKETS.read_text(encoding="utf-8").partition("\n\n")[2]
    body = re.sub(r"<Buckets>.*</Buckets>", f"<Buckets>{bucket}</Buckets>", documented, flags=re.S)
    body = body.replace("783fc6652cf246c096ea836694f71855", secrets.token_hex(16))
    return Response(body, status=200, content_type="application/xml", headers={"x-obs-api": "3.0"})


if __name__ == "__main__":
    serve(app, 0, sys.argv[1], {"accessKeyId": AK, "secretAccessKey": SK})

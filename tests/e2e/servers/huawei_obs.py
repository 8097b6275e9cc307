"""A stateful stand-in for Huawei OBS (path-style, on 127.0.0.1) that VERIFIES OBS's own signature
(`Authorization: OBS AK:signature`) by recomputing it with esdk-obs-python's `obs.auth.Authentication`
over what arrived, and answers as OBS's API reference documents: ListBuckets with each bucket's
`<Location>`, `GET /?location` (`<Location>`), `GET /?storageClass` (`<StorageClass>`), ListObjects with
a delimiter, `PUT /` with `CreateBucketConfiguration/Location` (409 `BucketAlreadyExists` for a name
taken by someone else, 200 for the owner's own bucket in the same region), zero-byte folder objects.
Seeded with buckets in two regions and three storage classes, one of them readable only with
permissions the key lacks (403 `AccessDenied` on its location and class).
Usage: [HUAWEI_AK=… HUAWEI_SK=…] huawei_obs.py LOG_PATH REGION
Prints {"url", "accessKeyId", "secretAccessKey", "region", "buckets", "taken"} when ready."""

import hmac
import json
import os
import re
import secrets
import string
import sys
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

from obs.auth import Authentication
from obs.convertor import Adapter
from werkzeug.wrappers import Request, Response

from recorder import serve

AK = os.environ.get("HUAWEI_AK") or "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(20))
SK = os.environ.get("HUAWEI_SK") or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
REGION = sys.argv[2] if len(sys.argv) > 2 else "eu-west-0"
OTHER_REGION = "cn-north-4"
MAX_SKEW = timedelta(minutes=15)
XMLNS = "http://obs.example.com/doc/2015-06-30/"
AUTH = re.compile(r"OBS ([^:\s]+):(\S+)$")
# The account's buckets: name -> {region, class, folders, denied (reads refused to this key)}.
BUCKETS = {
    "e2e-standard": {"region": REGION, "class": "STANDARD", "folders": ["data/"], "denied": False},
    "e2e-warm": {"region": REGION, "class": "WARM", "folders": [], "denied": False},
    "e2e-far": {"region": OTHER_REGION, "class": "STANDARD", "folders": [], "denied": False},
    "e2e-far-cold": {"region": OTHER_REGION, "class": "COLD", "folders": [], "denied": False},
    "e2e-locked": {"region": REGION, "class": "STANDARD", "folders": [], "denied": True},
}
TAKEN = {"taken-by-someone"}  # names other accounts hold (bucket names are global)
NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def xml(status, body):
    return Response('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body, status=status,
                    content_type="application/xml")


def error(status, code, message=""):
    return xml(status, f"<Error><Code>{code}</Code><Message>{message}</Message><RequestId>{secrets.token_hex(8)}</RequestId></Error>")


def verify(request, bucket, key):
    """None when esdk-obs-python computes the signature the request carries, else the error answer."""
    auth = AUTH.match(request.headers.get("Authorization", ""))
    if not auth:
        return error(403, "AccessDenied", "anonymous")
    access, signature = auth.groups()
    if access != AK:
        return error(403, "InvalidAccessKeyId")
    try:
        sent_at = parsedate_to_datetime(request.headers.get("x-obs-date", ""))
    except (TypeError, ValueError):
        return error(403, "AccessDenied", "x-obs-date missing")
    if abs(datetime.now(timezone.utc) - sent_at) > MAX_SKEW:
        return error(403, "RequestTimeTooSkewed")
    headers = {name: value for name, value in request.headers.items()}
    path_args = {k: (v if v != "" or f"{k}=" in request.query_string.decode() else None)
                 for k, v in request.args.items()}
    # Virtual-host form (`/bucket/key`): what OBS signs for the requests credfill sends in production.
    expected = Authentication(AK, SK, False, Adapter("obs"), request.host, False).doAuth(
        request.method, bucket, key, path_args, headers)["Authorization"]
    if not hmac.compare_digest(expected, f"OBS {access}:{signature}"):
        return error(403, "SignatureDoesNotMatch")
    return None


def list_buckets():
    items = "".join(f"<Bucket><Name>{n}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate>"
                    f"<Location>{b['region']}</Location><BucketType>OBJECT</BucketType></Bucket>"
                    for n, b in BUCKETS.items())
    return xml(200, f'<ListAllMyBucketsResult xmlns="{XMLNS}"><Owner><ID>{AK.lower()}</ID></Owner>'
                    f"<Buckets>{items}</Buckets></ListAllMyBucketsResult>")


def create_bucket(request, name):
    if not NAME.match(name):
        return error(400, "InvalidBucketName")
    if name in TAKEN:
        return error(409, "BucketAlreadyExists")
    try:
        location = ElementTree.fromstring(request.get_data()).findtext("Location")
    except ElementTree.ParseError:
        return error(400, "MalformedXML")
    if location != REGION:
        return error(400, "InvalidLocationConstraint")
    if request.headers.get("x-obs-acl") != "private" or request.headers.get("x-obs-storage-class") != "STANDARD":
        return error(400, "InvalidArgument", "expected a private STANDARD bucket")
    if name in BUCKETS:
        # OBS: the owner's own bucket in the same region answers 200 (obs_04_0021).
        return Response(status=200) if BUCKETS[name]["region"] == REGION else error(409, "BucketAlreadyOwnedByYou")
    BUCKETS[name] = {"region": REGION, "class": "STANDARD", "folders": [], "denied": False}
    return Response(status=200, headers={"Location": f"/{name}"})


@Request.application
def app(request):
    parts = request.path.lstrip("/").split("/", 1)
    bucket = parts[0] or None
    key = parts[1] if len(parts) > 1 else ""
    refused = verify(request, bucket, key)
    if refused:
        return refused
    if not bucket:
        return list_buckets() if request.method == "GET" else error(405, "MethodNotAllowed")
    if request.method == "PUT" and not key:
        return create_bucket(request, bucket)
    found = BUCKETS.get(bucket)
    if not found:
        return error(404, "NoSuchBucket")
    if request.method == "PUT":
        if not key.endswith("/") or request.get_data():
            return error(400, "InvalidArgument", "only empty folder objects here")
        if key not in found["folders"]:
            found["folders"].append(key)
        return Response(status=200, headers={"ETag": '"d41d8cd98f00b204e9800998ecf8427e"'})
    if request.method == "GET" and "location" in request.args:
        if found["denied"]:
            return error(403, "AccessDenied")
        return xml(200, f'<Location xmlns="{XMLNS}">{found["region"]}</Location>')
    if request.method == "GET" and "storageClass" in request.args:
        if found["denied"]:
            return error(403, "AccessDenied")
        return xml(200, f'<StorageClass xmlns="{XMLNS}">{found["class"]}</StorageClass>')
    if request.method == "GET" and request.args.get("delimiter") == "/":
        prefixes = "".join(f"<CommonPrefixes><Prefix>{f}</Prefix></CommonPrefixes>" for f in sorted(found["folders"]))
        return xml(200, f'<ListBucketResult xmlns="{XMLNS}"><Name>{bucket}</Name><Prefix></Prefix><Delimiter>/</Delimiter>'
                        f"<IsTruncated>false</IsTruncated>{prefixes}</ListBucketResult>")
    return error(405, "MethodNotAllowed")


if __name__ == "__main__":
    serve(app, 0, sys.argv[1], {"accessKeyId": AK, "secretAccessKey": SK, "region": REGION,
                                "buckets": {n: {k: v for k, v in b.items() if k != "folders"} for n, b in BUCKETS.items()},
                                "taken": sorted(TAKEN)})

"""A stateful stand-in for Huawei OBS's host of one region (path-style, on 127.0.0.1) that VERIFIES OBS's
own signature (`Authorization: OBS AK:signature`) by recomputing it with esdk-obs-python's
`obs.auth.Authentication` over what arrived, and answers as OBS's API reference documents, with the
documented answers of tests/fixtures/cloud-answers/obs/ as templates: ListBuckets of every region (each
bucket's `<Location>` when asked with `x-obs-location: true`), HEAD bucket (`x-obs-bucket-location`,
`x-obs-storage-class`, `x-obs-version`), ListObjects with a delimiter in pages of at most 1,000 entries
(`IsTruncated`, `NextMarker`, `marker=`), `PUT /` with `CreateBucketConfiguration/Location` (200 for the
owner's own bucket in this region, 409 `BucketAlreadyOwnedByYou` for the owner's bucket of another
region, 409 `BucketAlreadyExists` for a name someone else holds), zero-byte folder objects. Any request
on a bucket of another region answers `301 PermanentRedirect`, as a regional host does.
Seeded with buckets in two regions, of three storage classes and both generations, one whose HEAD is
refused (403), one over 1,000 entries, and one the account made in another region after the listing.
`POST /e2e/keys` (not OBS's: the IAM stand-in's, huawei_iam.py KEY_FOLLOWERS) `{accessKeyId, secretAccessKey,
signs}`: another key of the account signs here, or no longer does (one key table for IAM and OBS).
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
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from obs.auth import Authentication
from obs.convertor import Adapter
from werkzeug.wrappers import Request, Response

from recorder import serve

AK = os.environ.get("HUAWEI_AK") or "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(20))
SK = os.environ.get("HUAWEI_SK") or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
KEYS = {AK: SK}  # the account's keys that sign: AK/SK, and those the IAM stand-in tells
REGION = sys.argv[2] if len(sys.argv) > 2 else "eu-west-0"
OTHER_REGION = "cn-north-4"
MAX_SKEW = timedelta(minutes=15)
AUTH = re.compile(r"OBS ([^:\s]+):(\S+)$")
ANSWERS = Path(__file__).resolve().parents[2] / "fixtures" / "cloud-answers" / "obs"
PAGE = 1000  # entries a ListObjects page holds at most


def bucket(region, storage_class="STANDARD", version="3.0", objects=(), denied=False, listed=True):
    """`objects`: its keys (folders end in `/`); `denied`: its HEAD is refused to this key; `listed`: False
    for a bucket made after credfill's listing (it learns of it only by trying to create it)."""
    return {"region": region, "class": storage_class, "version": version, "objects": list(objects),
            "denied": denied, "listed": listed}


# The account's buckets (names are global: `TAKEN` are other accounts').
BUCKETS = {
    "e2e-standard": bucket(REGION, objects=["data/"] + [f"file-{i:04}.csv" for i in range(1200)]),
    "e2e-warm": bucket(REGION, "WARM"),
    "e2e-gen1": bucket(REGION, version="--"),
    "e2e-far": bucket(OTHER_REGION),
    "e2e-far-cold": bucket(OTHER_REGION, "COLD"),
    "e2e-locked": bucket(REGION, denied=True),
    "e2e-made-elsewhere": bucket(OTHER_REGION, listed=False),
}
TAKEN = {"taken-by-someone"}  # names other accounts hold (bucket names are global)
NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def documented(name):
    """A documented answer of tests/fixtures/cloud-answers/obs/: (status, headers, body)."""
    head, _, body = (ANSWERS / name).read_text(encoding="utf-8").partition("\n\n")
    status_line, *lines = head.splitlines()
    headers = dict(line.split(": ", 1) for line in lines)
    for served_here in ("Content-Length", "Date"):  # the documented sample's, not this answer's
        headers.pop(served_here, None)
    return int(status_line.split(" ")[1]), headers, body


def answer(name, method, replace=None, headers=None):
    """The documented answer `name`, its body's text with `replace` applied, its headers with `headers`."""
    status, documented_headers, body = documented(name)
    for old, new in (replace or {}).items():
        body = body.replace(old, new)
    return Response("" if method == "HEAD" else body, status=status, headers={**documented_headers, **(headers or {})})


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
    if access not in KEYS:
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
    expected = Authentication(access, KEYS[access], False, Adapter("obs"), request.host, False).doAuth(
        request.method, bucket, key, path_args, headers)["Authorization"]
    if not hmac.compare_digest(expected, f"OBS {access}:{signature}"):
        return error(403, "SignatureDoesNotMatch")
    return None


def list_buckets(request):
    """The documented answer's shape (namespace, Owner, BucketType); `<Location>` only when asked."""
    with_location = request.headers.get("x-obs-location") == "true"
    items = "".join(f"<Bucket><Name>{n}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate>"
                    + (f"<Location>{b['region']}</Location>" if with_location else "")
                    + "<BucketType>OBJECT</BucketType></Bucket>"
                    for n, b in BUCKETS.items() if b["listed"])
    _, _, body = documented("list-buckets.http")
    buckets = re.compile(r"<Buckets>.*</Buckets>", re.S)
    return answer("list-buckets.http", request.method, {
        buckets.search(body).group(0): f"<Buckets>{items}</Buckets>",
        "783fc6652cf246c096ea836694f71855": AK.lower(),
    })


def head_bucket(request, found):
    if found["denied"]:
        return Response(status=403)  # a HEAD answer has no body
    return answer("head-bucket.http", request.method, headers={
        "x-obs-bucket-location": found["region"], "x-obs-storage-class": found["class"],
        "x-obs-version": found["version"]})


def list_objects(name, found, marker):
    """One page of the top-level entries after `marker`, in key order: the keys without a `/`, and a
    common prefix for each folder (its own zero-byte object included, as a delimiter rolls it up)."""
    entries = sorted({k.split("/", 1)[0] + "/" if "/" in k else k for k in found["objects"]})
    rest = [e for e in entries if e > marker]
    page, truncated = rest[:PAGE], len(rest) > PAGE
    contents = "".join(f"<Contents><Key>{escape(k)}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                       "<Size>5</Size><StorageClass>STANDARD</StorageClass></Contents>"
                       for k in page if not k.endswith("/"))
    prefixes = "".join(f"<CommonPrefixes><Prefix>{escape(p)}</Prefix></CommonPrefixes>"
                       for p in page if p.endswith("/"))
    _, _, body = documented("list-objects-truncated.http")
    entries_xml = re.compile(r"<Contents>.*</CommonPrefixes>", re.S).search(body).group(0)
    return answer("list-objects-truncated.http", "GET", {
        "<Name>bucket_name</Name>": f"<Name>{name}</Name>",
        "<Marker></Marker>": f"<Marker>{escape(marker)}</Marker>",
        "<NextMarker>logs/</NextMarker>": f"<NextMarker>{escape(page[-1])}</NextMarker>" if truncated else "",
        "<IsTruncated>true</IsTruncated>": f"<IsTruncated>{'true' if truncated else 'false'}</IsTruncated>",
        entries_xml: contents + prefixes,
    })


def create_bucket(request, name):
    if not NAME.match(name):
        return error(400, "InvalidBucketName")
    if name in TAKEN:
        return answer("create-bucket-exists.http", "PUT", {"/examplebucket": f"/{name}"})
    try:
        location = ElementTree.fromstring(request.get_data()).findtext("Location")
    except ElementTree.ParseError:
        return error(400, "MalformedXML")
    if location != REGION:
        return error(400, "InvalidLocationConstraint")
    if request.headers.get("x-obs-acl") != "private" or request.headers.get("x-obs-storage-class") != "STANDARD":
        return error(400, "InvalidArgument", "expected a private STANDARD bucket")
    if name in BUCKETS and BUCKETS[name]["region"] != REGION:
        # Creating a Bucket: only the same account and region answers 200; the owner's namesake elsewhere 409.
        return answer("create-bucket-owned-by-you.http", "PUT", {"/examplebucket": f"/{name}"})
    BUCKETS.setdefault(name, bucket(REGION))
    return answer("create-bucket.http", "PUT", headers={"Location": f"/{name}"})


def follow_key(request):
    """What the IAM stand-in says of one of the account's keys."""
    key = json.loads(request.get_data())
    if key["signs"]:
        KEYS[key["accessKeyId"]] = key["secretAccessKey"]
    else:
        KEYS.pop(key["accessKeyId"], None)
    return Response(status=204)


@Request.application
def app(request):
    if request.path == "/e2e/keys" and request.method == "POST":
        return follow_key(request)
    parts = request.path.lstrip("/").split("/", 1)
    bucket = parts[0] or None
    key = parts[1] if len(parts) > 1 else ""
    refused = verify(request, bucket, key)
    if refused:
        return refused
    if not bucket:
        return list_buckets(request) if request.method == "GET" else error(405, "MethodNotAllowed")
    if request.method == "PUT" and not key:
        return create_bucket(request, bucket)
    found = BUCKETS.get(bucket)
    if not found:
        return error(404, "NoSuchBucket")
    if found["region"] != REGION:
        return answer("permanent-redirect.http", request.method, {"/examplebucket": f"/{bucket}"})
    if request.method == "HEAD" and not key:
        return head_bucket(request, found)
    if request.method == "PUT":
        if not key.endswith("/") or request.get_data():
            return error(400, "InvalidArgument", "only empty folder objects here")
        if key not in found["objects"]:
            found["objects"].append(key)
        return Response(status=200, headers={"ETag": '"d41d8cd98f00b204e9800998ecf8427e"'})
    if request.method == "GET" and not key and request.args.get("delimiter") == "/":
        return list_objects(bucket, found, request.args.get("marker", ""))
    return error(405, "MethodNotAllowed")


if __name__ == "__main__":
    serve(app, 0, sys.argv[1], {"accessKeyId": AK, "secretAccessKey": SK, "region": REGION,
                                "buckets": {n: {k: v for k, v in b.items() if k != "objects"} for n, b in BUCKETS.items()},
                                "taken": sorted(TAKEN)})

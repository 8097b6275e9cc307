"""Random requests and the signatures the official SDKs compute for them, for
tests/js/sign-differential.test.mjs.

    .venv/bin/python tests/differential/gen_vectors.py [SEED]

Writes tests/.cache/vectors.json. The oracles: botocore (SigV4 header and presigned), esdk-obs-python
(OBS header and presigned), huaweicloudsdkcore (SDK-HMAC-SHA256), ibm-cloud-sdk-core (IAM token
request); and Prepare ModelArts' requests built by credfill's flow (`flowRequest`) against what
esdk-obs-python (its convertor and `Authentication`) and huaweicloudsdkmodelarts (its client's request
builders, signed by huaweicloudsdkcore's `BasicCredentials`) and huaweicloudsdkiam (the project list,
`keystone_list_auth_projects`) send for the same inputs; and the key rotation's requests against
huaweicloudsdkiam's permanent access key calls, and the temporary key for code against its
CreateTemporaryAccessKeyByToken, signed by `GlobalCredentials` (with `X-Domain-Id`). Nothing is sent:
each SDK computes locally, its clock and HTTP call replaced.
"""

import calendar
import datetime
import json
import pathlib
import random
import sys
import types
from unittest import mock
from urllib.parse import quote

import botocore.auth
import botocore.awsrequest
import botocore.credentials
import obs.auth
import obs.convertor
import requests
from huaweicloudsdkcore.auth.credentials import BasicCredentials, GlobalCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkiam.v3 import (CreateCredentialOption, CreatePermanentAccessKeyRequest,
                                  CreatePermanentAccessKeyRequestBody, CreateTemporaryAccessKeyByTokenRequest,
                                  CreateTemporaryAccessKeyByTokenRequestBody, IdentityToken, TokenAuth, TokenAuthIdentity, DeletePermanentAccessKeyRequest, IamClient,
                                  KeystoneListAuthDomainsRequest, KeystoneListAuthProjectsRequest,
                                  ListPermanentAccessKeysRequest, ShowPermanentAccessKeyRequest,
                                  UpdateCredentialOption, UpdatePermanentAccessKeyRequest,
                                  UpdatePermanentAccessKeyRequestBody)
from huaweicloudsdkmodelarts.v1 import (AuthorizationRequest, CreateAuthorizationRequest, DeleteAuthorizationsRequest,
                                        GetAuthorizationsRequest, ModelArtsClient)
from obs.model import CreateBucketHeader
from huaweicloudsdkcore.signer.signer import Signer
from ibm_cloud_sdk_core.token_managers.iam_token_manager import IAMTokenManager

CASES = 1000
OUT = pathlib.Path(__file__).resolve().parents[1] / ".cache" / "vectors.json"

METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS"]
# Characters that exercise the encoders: reserved, unreserved (`~`), unicode, space, `%` and `+`.
PATH_CHARS = list("abcXYZ019-_.~!$&'()*+,;=:@ %") + ["é", "日本", "ሴ", "😀"]
QUERY_CHARS = PATH_CHARS + list("/?#[]")
VALUE_CHARS = list("abcXYZ019-_.~!$&'()*+,;=:@/?%\"") + [" ", "  ", "\t"]
REGIONS = ["us-east-1", "eu-west-0", "cn-north-4", "ap-southeast-3", "af-south-1"]
OBS_SUB_RESOURCES = ["acl", "policy", "versions", "versionId", "uploads", "uploadId", "partNumber",
                     "lifecycle", "cors", "tagging", "delete", "restore", "storageClass",
                     "response-content-type", "response-content-disposition", "x-obs-foo",
                     "x-image-process"]
NOT_SUB_RESOURCES = ["prefix", "marker", "max-keys", "delimiter", "X-Other", "limit"]


def text(rng, chars, low, high):
    return "".join(rng.choice(chars) for _ in range(rng.randint(low, high)))


def timestamp(rng):
    start = datetime.datetime(2020, 1, 1)
    return start + datetime.timedelta(seconds=rng.randrange(10 * 365 * 86400))


def basic(t):
    return t.strftime("%Y%m%dT%H%M%SZ")


def segment(rng):
    while True:
        s = text(rng, PATH_CHARS, 1, 8)
        if s.strip(".") and s not in (".", ".."):
            return s


def encoded_path(rng, allow_empty_segments=True):
    """A path as a URL carries it: every segment fully percent-encoded (what the SDKs send)."""
    segments = [segment(rng) for _ in range(rng.randint(0, 4))]
    if allow_empty_segments and segments and rng.random() < 0.15:
        segments.insert(rng.randrange(len(segments)), "")
    path = "/" + "/".join(quote(s, safe="~") for s in segments)
    if segments and rng.random() < 0.3:
        path += "/"
    return path


def query_items(rng, keys, unique):
    """Decoded (key, value or None) items; repeated and empty keys unless `unique`."""
    items = []
    for _ in range(rng.randint(0, 5)):
        key = rng.choice(keys) if keys and rng.random() < 0.6 else text(rng, QUERY_CHARS, 0, 6)
        if unique and (key == "" or any(key == k for k, _ in items)):
            continue
        # A bare empty key would be an empty `&&` item, which URL parsers (and credfill) skip.
        value = None if key and rng.random() < 0.2 else text(rng, QUERY_CHARS, 0, 8)
        items.append((key, value))
        if not unique and rng.random() < 0.15:
            items.append((key, text(rng, QUERY_CHARS, 0, 4)))
    return items


def query_string(items):
    return "&".join(quote(k, safe="~") if v is None else f"{quote(k, safe='~')}={quote(v, safe='~')}"
                    for k, v in items)


def url_of(host, path, items):
    query = query_string(items)
    return f"https://{host}{path}" + (f"?{query}" if query else "")


def header_value(rng):
    return text(rng, [" ", "\t", ""], 0, 2) + text(rng, VALUE_CHARS, 1, 12).strip() + text(rng, [" ", "\t", ""], 0, 2)


def random_headers(rng, names):
    headers = {}
    for _ in range(rng.randint(0, 4)):
        headers[rng.choice(names) + ("" if rng.random() < 0.5 else str(rng.randint(0, 9)))] = header_value(rng)
    return headers


def body(rng):
    return "" if rng.random() < 0.4 else text(rng, VALUE_CHARS + ["é", "\n"], 1, 40)


def credentials(rng):
    ak = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(20))
    sk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+") for _ in range(40))
    token = None if rng.random() < 0.6 else text(rng, list("abcXYZ019+/="), 20, 60)
    return ak, sk, token


def js_request(scheme, method, url, headers, body_text, ak, sk, token, t, **extra):
    req = {"scheme": scheme, "method": method, "url": url, "headers": headers, "body": body_text,
           "accessKeyId": ak, "secretAccessKey": sk, "timestamp": basic(t)}
    if token is not None:
        req["securityToken"] = token
    req.update({k: v for k, v in extra.items() if v is not None})
    return req


# --- aws4: botocore ---------------------------------------------------------------------------

def botocore_sign(auth, method, url, headers, body_bytes, t, unsigned=False):
    request = botocore.awsrequest.AWSRequest(method=method, url=url, headers=headers, data=body_bytes)
    if unsigned:
        request.context["client_config"] = types.SimpleNamespace(s3={"payload_signing_enabled": False})
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=t):
        auth.add_auth(request)
    return request


def aws4_case(rng, presign):
    t = timestamp(rng)
    ak, sk, token = credentials(rng)
    creds = botocore.credentials.Credentials(ak, sk, token)
    region = rng.choice(REGIONS)
    s3 = presign or rng.random() < 0.8
    service = "s3" if s3 else rng.choice(["iam", "ec2", "execute-api"])
    # Other services encode the sent path again and drop its empty segments (botocore's SigV4Auth).
    path = encoded_path(rng)
    host = f"{'bucket-' + str(rng.randint(0, 99)) + '.' if rng.random() < 0.5 else ''}obs.{region}.example.com"
    items = query_items(rng, ["acl", "uploads", "partNumber", "prefix", ""], unique=presign)
    url = url_of(host, path, items)
    method = rng.choice(METHODS)
    headers = random_headers(rng, ["x-amz-meta-a", "X-Amz-Meta-B", "x-custom", "Content-Type", "Range"])
    body_text = "" if presign else body(rng)
    unsigned = s3 and not presign and rng.random() < 0.3
    req = js_request("aws4", method, url, headers, body_text, ak, sk, token, t,
                     region=region, service=service, unsignedPayload=unsigned or None)
    if presign:
        expires = rng.randint(1, 604800)
        auth = botocore.auth.S3SigV4QueryAuth(creds, service, region, expires=expires)
        signed = botocore_sign(auth, method, url, headers, b"", t)
        return {"request": req, "expiresIn": expires,
                "signature": signed.url.rsplit("X-Amz-Signature=", 1)[1]}
    auth_cls = botocore.auth.S3SigV4Auth if s3 else botocore.auth.SigV4Auth
    signed = botocore_sign(auth_cls(creds, service, region), method, url, headers,
                           body_text.encode(), t, unsigned)
    return {"request": req, "authorization": signed.headers["Authorization"]}


# --- obs: esdk-obs-python ---------------------------------------------------------------------

def http_date(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S GMT")


def obs_case(rng, presign):
    t = timestamp(rng)
    ak, sk, token = credentials(rng)
    region = rng.choice(REGIONS)
    server = f"obs.{region}.myhuaweicloud.com"
    bucket = None if rng.random() < 0.15 else f"bucket-{rng.randint(0, 999)}"
    key = "/".join(segment(rng) for _ in range(rng.randint(0, 3))) if bucket else ""
    path_style = bool(bucket) and rng.random() < 0.4
    items = query_items(rng, OBS_SUB_RESOURCES + NOT_SUB_RESOURCES, unique=True)
    if bucket and not path_style:
        host, path = f"{bucket}.{server}", "/" + quote(key, safe="/~")
    else:
        host = server
        path = "/" + (bucket or "") + ("/" + quote(key, safe="/~") if key else "")
    url = url_of(host, path, items)
    method = rng.choice(METHODS)
    headers = random_headers(rng, ["Content-Type", "Content-MD5", "x-obs-meta-a", "X-Obs-Meta-B",
                                   "x-obs-acl", "x-obs-storage-class", "x-custom", "Range"])
    # A browser sends header values without their outer whitespace: the SDK signs what arrives.
    wire = {k: v.strip(" \t") for k, v in headers.items()}
    authn = obs.auth.Authentication(ak, sk, path_style, obs.convertor.Adapter("obs"), server, False)
    path_args = dict(items)
    req = js_request("obs", method, url, headers, "", ak, sk, token, t,
                     bucket=bucket if bucket and not path_style else None)
    if presign:
        expires_in = rng.randint(1, 604800)
        expires = calendar.timegm(t.timetuple()) + expires_in
        if token is not None:
            path_args["x-obs-security-token"] = token
        signature = authn.getSignature(method, bucket, key, path_args, wire, str(expires))["Signature"]
        return {"request": req, "expiresIn": expires_in, "expires": expires, "signature": signature}
    wire["x-obs-date"] = http_date(t)
    if token is not None:
        wire["x-obs-security-token"] = token
    auth = authn.doAuth(method, bucket, key, path_args, wire)["Authorization"]
    return {"request": req, "authorization": auth}


# --- apig: huaweicloudsdkcore -----------------------------------------------------------------

def apig_case(rng):
    t = timestamp(rng)
    ak, sk, token = credentials(rng)
    host = rng.choice(["iam.eu-west-0.prod-cloud-ocb.orange-business.com", "modelarts.cn-north-4.myhuaweicloud.com",
                       "service.region.example.com"])
    path = encoded_path(rng)
    items = [(k, "" if v is None else v) for k, v in query_items(rng, ["limit", "marker", "name", ""], unique=False)]
    # Empty values sometimes written as a bare key: the same item for the SDK.
    query = "&".join(quote(k, safe="~") if k and v == "" and rng.random() < 0.5 else f"{quote(k, safe='~')}={quote(v, safe='~')}"
                     for k, v in items)
    url = f"https://{host}{path}" + (f"?{query}" if query else "")
    method = rng.choice(METHODS)
    headers = random_headers(rng, ["Content-Type", "X-Project-Id", "x-custom", "X_Underscore", "Accept"])
    if "Content-Type" in headers and rng.random() < 0.5:
        headers["Content-Type"] = rng.choice(["application/json", "application/json;charset=UTF-8", "text/plain",
                                              "application/octet-stream", "application/bson"])
    body_text = body(rng)
    sdk_headers = {k: v.strip(" \t") for k, v in headers.items()}
    sdk_headers["X-Sdk-Date"] = basic(t)
    if token is not None:
        sdk_headers["X-Security-Token"] = token
    request = SdkRequest(method=method, schema="https", host=host, resource_path=path, query_params=items,
                         header_params=sdk_headers, body=body_text.encode())
    Signer(types.SimpleNamespace(ak=ak, sk=sk)).sign(request)
    req = js_request("apig", method, url, headers, body_text, ak, sk, token, t)
    return {"request": req, "authorization": request.header_params["Authorization"]}


# --- prepare: Prepare ModelArts' requests, esdk-obs-python and huaweicloudsdkmodelarts ------------

HUAWEI_REGIONS = ["cn-north-4", "cn-east-3", "ap-southeast-3", "af-south-1"]
FOLDER_CHARS = list("abcxyz019-_.~!$&'()*+,;=:@ %") + ["é", "日本"]


def bucket_name(rng):
    chars = "abcdefghijklmnopqrstuvwxyz0123456789"
    inner = "".join(rng.choice(chars + "-.") for _ in range(rng.randint(1, 20))).replace("..", ".")
    return rng.choice(chars) + inner + rng.choice(chars)


def obs_prepare_case(rng, action, ak, sk, region, host, t):
    """The call, and what esdk-obs-python sends for it (virtual-host bucket, OBS signature)."""
    convertor = obs.convertor.Convertor("obs", obs.convertor.Adapter("obs"))
    bucket = bucket_name(rng)
    key, path_args, headers, body = "", {}, {}, None
    call = {"action": action, "bucket": bucket}
    if action == "list-buckets":
        call, bucket = {"action": action}, None
        headers = convertor.trans_list_buckets(isQueryLocation=True)["headers"]  # client.listBuckets()
    elif action == "head-bucket":
        pass  # client.getBucketMetadata(bucket): HEAD, no sub-resource
    elif action == "list-folders":
        marker = segment_of(rng) + "/" if rng.random() < 0.5 else None  # the page after `marker`
        path_args = convertor.trans_list_objects(delimiter="/", marker=marker)["pathArgs"]
        if marker is not None:
            call["marker"] = marker
    elif action == "create-bucket":
        headers = convertor.trans_create_bucket(header=CreateBucketHeader(aclControl="private", storageClass="STANDARD"))["headers"]
        body = convertor.trans_bucket_location(region).decode()
        headers["Content-Type"] = "application/xml"  # a browser would label the body text/plain otherwise
    elif action == "put-folder":
        key = "/".join(segment_of(rng) for _ in range(rng.randint(1, 3))) + "/"  # create_folder_sample.py
        call["folder"] = key
    method = {"create-bucket": "PUT", "put-folder": "PUT", "head-bucket": "HEAD"}.get(action, "GET")
    headers["x-obs-date"] = http_date(t)
    authn = obs.auth.Authentication(ak, sk, False, obs.convertor.Adapter("obs"), host, False)
    authorization = authn.doAuth(method, bucket, key, path_args, dict(headers))["Authorization"]
    return call, {"method": method, "host": f"{bucket}.{host}" if bucket else host, "key": key, "pathArgs": path_args,
                  "headers": headers, "body": body, "authorization": authorization}


def segment_of(rng):
    while True:
        s = text(rng, FOLDER_CHARS, 1, 8).strip()
        if s and s not in (".", ".."):
            return s


def modelarts_prepare_case(rng, action, ak, sk, host, project_id, t):
    """The call, and the request huaweicloudsdkmodelarts (huaweicloudsdkiam for the project list) builds for it."""
    if action == "iam-projects":
        call = {"action": action}
        info = IamClient._keystone_list_auth_projects_http_info(KeystoneListAuthProjectsRequest())
    elif action == "authorize":
        call = {"action": action}
        info = ModelArtsClient._create_authorization_http_info(CreateAuthorizationRequest(
            body=AuthorizationRequest(type="credential", content=ak, secret_key=sk)))
    elif action == "remove-authorization":
        user_id = rng.choice(["all", "".join(rng.choice("abcdef0123456789") for _ in range(32))])
        call = {"action": action, "userId": user_id}
        info = ModelArtsClient._delete_authorizations_http_info(DeleteAuthorizationsRequest(user_id=user_id))
    else:
        call = {"action": action}
        info = ModelArtsClient._get_authorizations_http_info(GetAuthorizationsRequest())
    path = info["resource_path"].replace("{project_id}", project_id)
    expected_body = {k: v for k, v in info["body"].to_dict().items() if v is not None} if info["body"] is not None else None
    headers = dict(info["header_params"], **{"X-Sdk-Date": basic(t)})
    # The SDK serializes its body itself; the signature is checked over credfill's body (the same JSON).
    # The client drops the parameters left unset (`_call_api`); so does credfill.
    query = [(k, v) for k, v in info["query_params"] if v is not None]
    return call, {"method": info["method"], "host": host, "path": path, "query": query,
                  "headers": headers, "jsonBody": expected_body}


def prepare_case(rng):
    t = timestamp(rng)
    ak = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(20))
    sk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(40))
    flexible = rng.random() < 0.4
    region = "eu-west-0" if flexible else rng.choice(HUAWEI_REGIONS)
    domain = "prod-cloud-ocb.orange-business.com" if flexible else "myhuaweicloud.com"
    project_id = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    profile = {"id": "p", "name": "p", "provider": "flexible-engine" if flexible else "huawei", "region": region,
               "credentials": [{"kind": "aksk", "accessKeyId": ak, "secretAccessKey": sk, "issuer": "huawei"}]}
    prepare = {"profile": profile, "timestamp": basic(t), "state": {"projectId": project_id}}
    action = rng.choice(["list-buckets", "head-bucket", "list-folders", "create-bucket",
                         "put-folder", "iam-projects", "list-authorizations", "authorize", "remove-authorization"])
    if action == "iam-projects":
        # The project list is signed without a project (it is what finds one): no X-Project-Id.
        call, expected = modelarts_prepare_case(rng, action, ak, sk, f"iam.{region}.{domain}", "", t)
        request = SdkRequest(method=expected["method"], schema="https", host=expected["host"], resource_path=expected["path"],
                             query_params=expected["query"], header_params=dict(expected["headers"]), body=b"")
        BasicCredentials(ak, sk).sign_request(request)
        expected["authorization"] = request.header_params["Authorization"]
        expected["signedBody"] = ""
    elif action in ("list-authorizations", "authorize", "remove-authorization"):
        call, expected = modelarts_prepare_case(rng, action, ak, sk, f"modelarts.{region}.{domain}", project_id, t)
        # huaweicloudsdkcore signs what is sent: credfill's JSON body (compact, keys sorted: the same
        # object as the SDK's), with X-Project-Id added.
        sent_body = json.dumps(expected["jsonBody"], separators=(",", ":"), sort_keys=True) if expected["jsonBody"] else ""
        request = SdkRequest(method=expected["method"], schema="https", host=expected["host"], resource_path=expected["path"],
                             query_params=expected["query"], header_params=dict(expected["headers"]), body=sent_body.encode())
        BasicCredentials(ak, sk, project_id).sign_request(request)
        expected["authorization"] = request.header_params["Authorization"]
        expected["headers"]["X-Project-Id"] = project_id
        expected["signedBody"] = sent_body
    else:
        call, expected = obs_prepare_case(rng, action, ak, sk, region, f"{'oss' if flexible else 'obs'}.{region}.{domain}", t)
    return {"prepare": prepare, "call": call, "expected": expected, "secretAccessKey": sk}


# --- rotate: the key rotation's requests, huaweicloudsdkiam with GlobalCredentials -----------------

ROTATE_DESCRIPTION = "credfill rotation"  # src/cloud/iam/create_access_key.rs


def iam_key(rng):
    """A clock, a permanent AK/SK, the IAM host of a Huawei Cloud or Flexible Engine region, and its profile."""
    t = timestamp(rng)
    ak = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(20))
    sk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(40))
    flexible = rng.random() < 0.4
    region = "eu-west-0" if flexible else rng.choice(HUAWEI_REGIONS)
    host = f"iam.{region}.{'prod-cloud-ocb.orange-business.com' if flexible else 'myhuaweicloud.com'}"
    profile = {"id": "p", "name": "p", "provider": "flexible-engine" if flexible else "huawei", "region": region,
               "credentials": [{"kind": "aksk", "accessKeyId": ak, "secretAccessKey": sk, "issuer": "huawei"}]}
    return t, ak, sk, host, profile


def rotate_case(rng):
    """A call of the rotation, and the request huaweicloudsdkiam builds and GlobalCredentials signs for it."""
    t, ak, sk, host, profile = iam_key(rng)
    other = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(20))
    domain_id, user_id = (secrets_hex(rng) for _ in range(2))
    action = rng.choice(["account-id", "show-key", "list-keys", "create-key", "deactivate-key", "delete-key"])
    target = rng.choice([ak, other])
    call, sdk = {
        "account-id": ({}, lambda: IamClient._keystone_list_auth_domains_http_info(KeystoneListAuthDomainsRequest())),
        "show-key": ({"accessKey": target}, lambda: IamClient._show_permanent_access_key_http_info(
            ShowPermanentAccessKeyRequest(access_key=target))),
        "list-keys": ({}, lambda: IamClient._list_permanent_access_keys_http_info(
            ListPermanentAccessKeysRequest(user_id=user_id))),
        "create-key": ({}, lambda: IamClient._create_permanent_access_key_http_info(CreatePermanentAccessKeyRequest(
            body=CreatePermanentAccessKeyRequestBody(credential=CreateCredentialOption(
                user_id=user_id, description=ROTATE_DESCRIPTION))))),
        "deactivate-key": ({"accessKey": target}, lambda: IamClient._update_permanent_access_key_http_info(
            UpdatePermanentAccessKeyRequest(access_key=target, body=UpdatePermanentAccessKeyRequestBody(
                credential=UpdateCredentialOption(status="inactive"))))),
        "delete-key": ({"accessKey": target}, lambda: IamClient._delete_permanent_access_key_http_info(
            DeletePermanentAccessKeyRequest(access_key=target))),
    }[action]
    # The account's ID: GlobalCredentials adds it as X-Domain-Id and signs it (none before it is known).
    expected = global_signed(sdk(), host, ak, sk, None if action == "account-id" else domain_id, t)
    return {"rotate": {"profile": profile, "timestamp": basic(t)}, "state": {"domainId": domain_id, "userId": user_id},
            "call": {"action": action, **call}, "expected": expected}


def global_signed(info, host, ak, sk, domain_id, t):
    """The request huaweicloudsdkiam's `info` (an `_http_info`) makes, as GlobalCredentials signs it."""
    path = info["resource_path"].replace("{access_key}", info["path_params"].get("access_key", ""))
    json_body = info["body"].to_dict() if info["body"] is not None else None
    json_body = without_none(json_body) if json_body else None
    sent_body = json.dumps(json_body, separators=(",", ":"), sort_keys=True) if json_body else ""
    query = [(k, v) for k, v in info["query_params"] if v is not None]
    headers = dict(info["header_params"], **{"X-Sdk-Date": basic(t)})
    request = SdkRequest(method=info["method"], schema="https", host=host, resource_path=path, query_params=query,
                         header_params=dict(headers), body=sent_body.encode())
    GlobalCredentials(ak, sk, domain_id).sign_request(request)
    return {"method": info["method"], "host": host, "path": path, "query": query,
            "headers": {k: v for k, v in request.header_params.items() if k != "Authorization"},
            "authorization": request.header_params["Authorization"], "jsonBody": json_body, "signedBody": sent_body}


def without_none(value):
    """The SDK model's dict without its unset (None) fields, as the SDK serializes it."""
    if isinstance(value, dict):
        return {k: without_none(v) for k, v in value.items() if v is not None}
    return value


# --- temporary: a temporary key for code, huaweicloudsdkiam's CreateTemporaryAccessKeyByToken ----------

def temporary_case(rng):
    """A call of the temporary-key flow, and the request huaweicloudsdkiam builds and GlobalCredentials signs."""
    t, ak, sk, host, profile = iam_key(rng)
    domain_id = secrets_hex(rng)
    action = rng.choice(["account-id", "issue"])
    seconds = rng.choice([900, 3600, 28800, 86400, rng.randint(900, 86400)])
    if action == "account-id":
        call, info = {}, IamClient._keystone_list_auth_domains_http_info(KeystoneListAuthDomainsRequest())
    else:
        body = CreateTemporaryAccessKeyByTokenRequestBody(auth=TokenAuth(identity=TokenAuthIdentity(
            methods=["token"], token=IdentityToken(duration_seconds=seconds))))
        call = {"seconds": seconds}
        info = IamClient._create_temporary_access_key_by_token_http_info(CreateTemporaryAccessKeyByTokenRequest(body=body))
    expected = global_signed(info, host, ak, sk, None if action == "account-id" else domain_id, t)
    return {"input": {"profile": profile, "timestamp": basic(t)}, "state": {"domainId": domain_id},
            "call": {"action": action, **call}, "expected": expected}


def secrets_hex(rng):
    return "".join(rng.choice("0123456789abcdef") for _ in range(32))


# --- ibm: ibm-cloud-sdk-core ------------------------------------------------------------------

def ibm_case(rng):
    api_key = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(44))
    sent = {}

    def fake_request(method, url, headers=None, data=None, **_):
        prepared = requests.Request(method=method, url=url, headers=headers, data=data).prepare()
        sent.update(method=prepared.method, url=prepared.url, body=prepared.body,
                    headers={k: v for k, v in prepared.headers.items()
                             if k.lower() not in ("user-agent", "content-length")})
        return types.SimpleNamespace(status_code=200, json=lambda: {})

    with mock.patch("requests.request", fake_request):
        IAMTokenManager(api_key).request_token()
    return {"apiKey": api_key, "expected": sent}


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else random.SystemRandom().randrange(2**32)
    print(f"gen_vectors: seed {seed}", flush=True)
    rng = random.Random(seed)
    vectors = {
        "seed": seed,
        "aws4": [aws4_case(rng, presign=False) for _ in range(CASES)],
        "aws4Presign": [aws4_case(rng, presign=True) for _ in range(CASES)],
        "obs": [obs_case(rng, presign=False) for _ in range(CASES)],
        "obsPresign": [obs_case(rng, presign=True) for _ in range(CASES)],
        "apig": [apig_case(rng) for _ in range(CASES)],
        "ibm": [ibm_case(rng) for _ in range(20)],
        "prepare": [prepare_case(rng) for _ in range(CASES)],
        "rotate": [rotate_case(rng) for _ in range(CASES)],
        "temporary": [temporary_case(rng) for _ in range(CASES)],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(vectors, ensure_ascii=False, indent=0))
    print(f"gen_vectors: wrote {OUT} ({', '.join(f'{k}: {len(v)}' for k, v in vectors.items() if k != 'seed')})")


if __name__ == "__main__":
    main()

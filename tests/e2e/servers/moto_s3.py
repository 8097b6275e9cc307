"""moto in server mode with its authentication on: after the setup calls below (an IAM user with
an allow-all policy, its access key, one bucket) every S3 request's SigV4 signature is verified for
real. Prints {"url", "accessKeyId", "secretAccessKey", "bucket", "huaweiKeys"} when ready: `huaweiKeys` are
two keys of a second user, "alice", shaped like Huawei Cloud's (20 upper-case letters and digits, not
AWS's `AKIA` prefix) so an import reads them as a Huawei credentials.csv; a user may hold two keys, as
on Huawei Cloud, which is what a key rotation needs. `iamUserKey` is the key of a third user, "bob", shaped the
same, whose policy lets him use buckets but not list them (`s3:ListAllMyBuckets` denied): an IAM user of
someone else's account, as a data scientist's key usually is.
`POST /e2e/keys` (not S3's: the IAM stand-in's, huawei_iam.py KEY_FOLLOWERS) `{accessKeyId, secretAccessKey,
signs}`: a key of alice's the Huawei IAM stand-in made signs here too, one it deactivated or deleted no longer
does (one key table for IAM and OBS).
Usage: moto_s3.py LOG_PATH"""

import json
import os
import secrets
import string
import sys

SETUP_CALLS = 6  # CreateUser, PutUserPolicy (x2), CreateAccessKey, CreateBucket: then auth is enforced
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(SETUP_CALLS)
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import boto3  # noqa: E402  (moto reads the variable above when imported)
from botocore.exceptions import ClientError  # noqa: E402
from moto.core import DEFAULT_ACCOUNT_ID  # noqa: E402
from moto.iam.models import iam_backends  # noqa: E402
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # noqa: E402

from werkzeug.wrappers import Request, Response  # noqa: E402

from recorder import serve  # noqa: E402

BUCKET = "credfill-e2e"
POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
NO_LISTING = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},'
              '{"Effect":"Deny","Action":"s3:ListAllMyBuckets","Resource":"*"}]}')


def huawei_shaped(access_key):
    """Huawei SKs are letters and digits only; moto's may hold '+' and '/'."""
    access_key.secret_access_key = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
    return {"accessKeyId": access_key.access_key_id, "secretAccessKey": access_key.secret_access_key}


def setup(url):
    anonymous = {"endpoint_url": url, "region_name": "us-east-1", "aws_access_key_id": "setup", "aws_secret_access_key": "setup"}
    iam = boto3.client("iam", **anonymous)
    iam.create_user(UserName="credfill")
    iam.put_user_policy(UserName="credfill", PolicyName="all", PolicyDocument=POLICY)
    key = iam.create_access_key(UserName="credfill")["AccessKey"]
    iam.create_user(UserName="alice")
    iam.put_user_policy(UserName="alice", PolicyName="all", PolicyDocument=POLICY)
    # moto's API always prefixes AKIA; its backend takes another prefix (same process, same state).
    backend = iam_backends[DEFAULT_ACCOUNT_ID]["global"]
    huawei_keys = [huawei_shaped(backend.create_access_key("alice", prefix="HPUA")) for _ in range(2)]
    # Made on the backend, not through the API: the setup calls counted above stay as they are.
    backend.create_user("us-east-1", "bob")
    backend.put_user_policy("bob", "no-listing", NO_LISTING)
    iam_user_key = huawei_shaped(backend.create_access_key("bob", prefix="HPUA"))
    boto3.client("s3", **anonymous).create_bucket(Bucket=BUCKET)
    # From here on signatures are checked: a wrong secret must be refused, or the test means nothing.
    try:
        boto3.client("s3", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key["AccessKeyId"],
                     aws_secret_access_key="wrong" + key["SecretAccessKey"]).list_buckets()
        sys.exit("moto accepted a wrong secret key: authentication is not enforced")
    except ClientError as e:
        assert e.response["Error"]["Code"] == "SignatureDoesNotMatch", e.response
    return {"accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"], "bucket": BUCKET,
            "huaweiKeys": huawei_keys, "iamUserKey": iam_user_key}


def following_alices_keys(moto_app):
    """moto, and `POST /e2e/keys`: alice's keys as the Huawei IAM stand-in holds them. Made on the user, not
    through the backend's quota (IAM allows two keys; moto counts a key IAM deleted until it hears of it)."""
    @Request.application
    def follow_key(request):
        key = json.loads(request.get_data())
        alice = iam_backends[DEFAULT_ACCOUNT_ID]["global"].get_user("alice")
        alice.access_keys[:] = [k for k in alice.access_keys if k.access_key_id != key["accessKeyId"]]
        if key["signs"]:
            made = alice.create_access_key(prefix="HPUA")
            made.access_key_id, made.secret_access_key = key["accessKeyId"], key["secretAccessKey"]
        return Response(status=204)

    def app(environ, start_response):
        told = environ.get("PATH_INFO") == "/e2e/keys" and environ["REQUEST_METHOD"] == "POST"
        return (follow_key if told else moto_app)(environ, start_response)
    return app


if __name__ == "__main__":
    serve(following_alices_keys(DomainDispatcherApplication(create_backend_app)), 0, sys.argv[1], {}, setup)

"""moto in server mode with its authentication on: after the setup calls below (an IAM user with
an allow-all policy, its access key, one bucket) every S3 request's SigV4 signature is verified for
real. Prints {"url", "accessKeyId", "secretAccessKey", "bucket"} when ready.
Usage: moto_s3.py LOG_PATH"""

import os
import sys

SETUP_CALLS = 4  # CreateUser, PutUserPolicy, CreateAccessKey, CreateBucket: then auth is enforced
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(SETUP_CALLS)
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import boto3  # noqa: E402  (moto reads the variable above when imported)
from botocore.exceptions import ClientError  # noqa: E402
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # noqa: E402

from recorder import serve  # noqa: E402

BUCKET = "credfill-e2e"
POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'


def setup(url):
    anonymous = {"endpoint_url": url, "region_name": "us-east-1", "aws_access_key_id": "setup", "aws_secret_access_key": "setup"}
    iam = boto3.client("iam", **anonymous)
    iam.create_user(UserName="credfill")
    iam.put_user_policy(UserName="credfill", PolicyName="all", PolicyDocument=POLICY)
    key = iam.create_access_key(UserName="credfill")["AccessKey"]
    boto3.client("s3", **anonymous).create_bucket(Bucket=BUCKET)
    # From here on signatures are checked: a wrong secret must be refused, or the test means nothing.
    try:
        boto3.client("s3", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key["AccessKeyId"],
                     aws_secret_access_key="wrong" + key["SecretAccessKey"]).list_buckets()
        sys.exit("moto accepted a wrong secret key: authentication is not enforced")
    except ClientError as e:
        assert e.response["Error"]["Code"] == "SignatureDoesNotMatch", e.response
    return {"accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"], "bucket": BUCKET}


if __name__ == "__main__":
    serve(DomainDispatcherApplication(create_backend_app), 0, sys.argv[1], {}, setup)

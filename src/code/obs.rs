//! Object storage (OBS, and OBS's S3-compatible API): esdk-obs-python, obsutil, s3cmd, AWS CLI.

use super::{Language, Target, Template, Value};
use crate::profile::Provider;

const CLOUDS: &[Provider] = &[Provider::Huawei, Provider::FlexibleEngine];

pub(super) const TEMPLATES: &[Template] = &[
    // ObsClient(access_key_id, secret_access_key, security_token, server): huaweicloud/huaweicloud-sdk-python-obs
    // src/obs/client.py `_BasicClient.__init__` and examples/*.py; OBS_SECRET_ACCESS_KEY is the
    // name the SDK's own environment loader reads (src/obs/loadtoken.py `ENV`).
    Template::program(
        Target::ObsPython,
        Language::Python,
        CLOUDS,
        "OBS_SECRET_ACCESS_KEY",
        &[Value::Ak, Value::ObsUrl],
        "\
# esdk-obs-python (pip install esdk-obs-python)
{?expires_at}# {~temporary-until}
{!secret}# {~reads-sk}
{!secret}import os
from obs import ObsClient

client = ObsClient(
    access_key_id={ak},
    secret_access_key={secret},
{?security_token}    security_token={security_token},
    server={obs_url},
)
answer = client.listBuckets()
if answer.status >= 300:
    raise SystemExit(f'OBS refused: {answer.errorCode} {answer.errorMessage}')
print([bucket.name for bucket in answer.body.buckets])
",
    ),
    // `obsutil config -i=<AK> -k=<SK> [-t=<security token>] -e=<endpoint>`:
    // https://support.huaweicloud.com/intl/en-us/utiltg-obs/obs_11_0005.html
    Template::program(
        Target::Obsutil,
        Language::Shell,
        CLOUDS,
        "OBS_SECRET_ACCESS_KEY",
        &[Value::Ak, Value::ObsUrl],
        "\
# {~obsutil-steps}
{?expires_at}# {~temporary-until}
{!secret}# {~reads-sk}
{!security_token}obsutil config -i={ak} -k={secret} -e={obs_url}
{?security_token}obsutil config -i={ak} -k={secret} -t={security_token} -e={obs_url}
obsutil ls -s
",
    ),
    // ~/.obsutilconfig's `endpoint`, `ak`, `sk` and `token` lines:
    // https://support.huaweicloud.com/utiltg-obs/obs_11_0035.html
    Template::file(
        Target::ObsutilConfig,
        Language::KeyValue,
        CLOUDS,
        ".obsutilconfig",
        &[Value::ObsUrl],
        "\
endpoint={obs_url}
ak={ak}
sk={secret}
{?security_token}token={security_token}
",
    ),
    // ~/.s3cfg keys: s3tools/s3cmd S3/Config.py (access_key, secret_key, host_base, host_bucket,
    // bucket_location, use_https, signature_v2; access_token: the temporary key's token, sent as
    // x-amz-security-token).
    Template::file(
        Target::S3cmd,
        Language::S3cfg,
        CLOUDS,
        ".s3cfg",
        &[Value::ObsHost, Value::Region],
        "\
# s3cmd — {~s3-compatible} (s3cmd --config .s3cfg ls)
{?expires_at}# {~temporary-until}
[default]
access_key = {ak}
secret_key = {secret}
{?security_token}access_token = {security_token}
host_base = {obs_host}
host_bucket = {obs_bucket_host}
bucket_location = {region}
use_https = {obs_https}
signature_v2 = False
",
    ),
    // `--endpoint-url` and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN: AWS CLI user guide,
    // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-endpoints.html and
    // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html
    Template::program(
        Target::AwsCli,
        Language::Shell,
        CLOUDS,
        "AWS_SECRET_ACCESS_KEY",
        &[Value::Ak, Value::ObsUrl, Value::Region],
        "\
# AWS CLI — {~s3-compatible}
{?expires_at}# {~temporary-until}
{!secret}# {~reads-sk}
export AWS_ACCESS_KEY_ID={ak}
{?secret}export AWS_SECRET_ACCESS_KEY={secret}
{?security_token}export AWS_SESSION_TOKEN={security_token}
aws s3 ls --endpoint-url {obs_url} --region {region}
",
    ),
];

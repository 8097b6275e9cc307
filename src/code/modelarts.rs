//! Huawei Cloud SDKs and their shared configuration: huaweicloudsdkcore with the ModelArts client,
//! the ModelArts notebook `Session`, `~/.huaweicloud/credentials` and environment variables.

use super::{Language, Target, Template, Value};
use crate::profile::Provider;

const CLOUDS: &[Provider] = &[Provider::Huawei, Provider::FlexibleEngine];

/// The variables huaweicloudsdkcore (huaweicloudsdkcore/auth/provider.py `EnvCredentialProvider`)
/// and esdk-obs-python (src/obs/loadtoken.py `ENV`) read.
const VARIABLES: &str = "\
{?expires_at}# {~temporary-until}
HUAWEICLOUD_SDK_AK={ak}
HUAWEICLOUD_SDK_SK={secret}
{?security_token}HUAWEICLOUD_SDK_SECURITY_TOKEN={security_token}
{?project_id}HUAWEICLOUD_SDK_PROJECT_ID={project_id}
OBS_ACCESS_KEY_ID={ak}
OBS_SECRET_ACCESS_KEY={secret}
{?security_token}OBS_SECURITY_TOKEN={security_token}
";

pub(super) const TEMPLATES: &[Template] = &[
    // BasicCredentials(ak, sk, project_id) and the client builder: huaweicloud/huaweicloud-sdk-python-v3
    // README.md; with_security_token: huaweicloudsdkcore/auth/credentials.py; with_endpoint for alliance clouds (README "How to use in Cloud Service Alliance
    // Scenarios"); GetAuthorizations: huaweicloudsdkmodelarts/v1/modelarts_client.py.
    Template::program(
        Target::ModelartsPython,
        Language::Python,
        CLOUDS,
        "HUAWEICLOUD_SDK_SK",
        &[Value::Ak, Value::ModelartsUrl, Value::ProjectId],
        "\
# huaweicloudsdkcore + ModelArts (pip install huaweicloudsdkmodelarts)
{?expires_at}# {~temporary-until}
{!secret}# {~reads-sk}
{!secret}import os
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkmodelarts.v1 import GetAuthorizationsRequest, ModelArtsClient
{?modelarts_region}from huaweicloudsdkmodelarts.v1.region.modelarts_region import ModelArtsRegion

credentials = BasicCredentials({ak}, {secret}, {project_id})
{?security_token}credentials = credentials.with_security_token({security_token})
client = (
    ModelArtsClient.new_builder()
    .with_credentials(credentials)
{!modelarts_region}    .with_endpoint({modelarts_url})
{?modelarts_region}    .with_region(ModelArtsRegion.value_of({modelarts_region}))
    .build()
)
print(client.get_authorizations(GetAuthorizationsRequest(limit=1)))
",
    ),
    // Session(access_key, secret_key, project_id, region_name): Huawei's ModelArts SDK reference,
    // "AK/SK-based Authentication" (support.huaweicloud.com/eu/sdkreference-modelarts/modelarts_04_0155.html).
    Template::program(
        Target::ModelartsSession,
        Language::Python,
        CLOUDS,
        "HUAWEICLOUD_SDK_SK",
        &[Value::Ak, Value::ProjectId, Value::Region],
        "\
# {~notebook-sdk}
{!secret}# {~reads-sk}
{!secret}import os
from modelarts.session import Session

session = Session(
    access_key={ak},
    secret_key={secret},
    project_id={project_id},
    region_name={region},
)
",
    )
    // The page documents no security token for `Session`.
    .permanent_only(),
    // ~/.huaweicloud/credentials, section [basic], keys ak, sk, security_token, project_id, iam_endpoint:
    // huaweicloudsdkcore/auth/provider.py `ProfileCredentialProvider`.
    Template::file(
        Target::HuaweicloudCredentials,
        Language::Ini,
        CLOUDS,
        "credentials",
        &[],
        "\
# ~/.huaweicloud/credentials (huaweicloudsdkcore)
{?expires_at}# {~temporary-until}
[basic]
ak = {ak}
sk = {secret}
{?security_token}security_token = {security_token}
{?project_id}project_id = {project_id}
{?iam_url}iam_endpoint = {iam_url}
",
    ),
    Template::variables(Target::HuaweicloudEnv, Language::Shell, CLOUDS, VARIABLES),
    Template::variables(
        Target::HuaweicloudDotenv,
        Language::Dotenv,
        CLOUDS,
        VARIABLES,
    ),
];

//! IBM Cloud: the Watson OpenScale Python client, the `ibmcloud` CLI, Terraform's IBM provider and
//! the environment variables they read.

use super::{Language, Target, Template, Value};
use crate::profile::Provider;

const CLOUDS: &[Provider] = &[Provider::Ibm];

/// IBMCLOUD_API_KEY: read by `ibmcloud login` (https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_env_var)
/// and by Terraform's IBM provider after IC_API_KEY, as IBMCLOUD_REGION after IC_REGION
/// (IBM-Cloud/terraform-provider-ibm ibm/provider/provider.go).
///
/// A bearer token has no such variable for the CLI or Terraform; it configures one SDK service
/// instead, `<SERVICE>_AUTH_TYPE=bearertoken` and `<SERVICE>_BEARER_TOKEN` (IBM/python-sdk-core
/// Authentication.md, "Bearer Token Authentication"), `<SERVICE>_URL` its service URL
/// (ibm_cloud_sdk_core/base_service.py `configure_service`). The service is the OpenScale client's:
/// ibm_watson_openscale's `WatsonOpenScaleV2.DEFAULT_SERVICE_NAME`, `ai_openscale`, which
/// ibm_cloud_sdk_core's `get_authenticator_from_environment` upper-cases into the prefix.
const VARIABLES: &str = "\
{?expires_at}# {~temporary-until}
{?bearer_token}# {~openscale-reads-token}
{!bearer_token}IBMCLOUD_API_KEY={secret}
{!bearer_token}{?region}IBMCLOUD_REGION={region}
{?bearer_token}AI_OPENSCALE_AUTH_TYPE=bearertoken
{?bearer_token}AI_OPENSCALE_BEARER_TOKEN={bearer_token}
{?bearer_token}{?openscale_url}AI_OPENSCALE_URL={openscale_url}
";

pub(super) const TEMPLATES: &[Template] = &[
    // APIClient(authenticator, service_url, service_instance_id), IAMAuthenticator(apikey, url) and
    // BearerTokenAuthenticator(bearer_token): ibm_watson_openscale/client.py,
    // ibm_cloud_sdk_core/authenticators/{iam,bearer_token}_authenticator.py.
    Template::program(
        Target::OpenscalePython,
        Language::Python,
        CLOUDS,
        "IBMCLOUD_API_KEY",
        &[Value::OpenscaleUrl],
        "\
# Watson OpenScale (pip install ibm-watson-openscale)
{?expires_at}# {~temporary-until}
{!secret}# {~reads-api-key}
{!secret}import os
{!bearer_token}from ibm_cloud_sdk_core.authenticators import IAMAuthenticator
{?bearer_token}from ibm_cloud_sdk_core.authenticators import BearerTokenAuthenticator
from ibm_watson_openscale import APIClient

{?bearer_token}authenticator = BearerTokenAuthenticator({bearer_token})
{!bearer_token}{?ibm_iam_url}authenticator = IAMAuthenticator(apikey={secret}, url={ibm_iam_url})
{!bearer_token}{!ibm_iam_url}authenticator = IAMAuthenticator(apikey={secret})
client = APIClient(
    authenticator=authenticator,
    service_url={openscale_url},
{?instance}    service_instance_id={instance},
)
print(client.data_marts.list().result)
",
    ),
    // `ibmcloud login` reads IBMCLOUD_API_KEY (a key or `@file`):
    // https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_env_var
    Template::program(
        Target::IbmcloudLogin,
        Language::Shell,
        CLOUDS,
        "IBMCLOUD_API_KEY",
        &[Value::Region],
        "\
# IBM Cloud CLI
{?expires_at}# {~temporary-until}
{!secret}# {~reads-api-key}
{!secret}# {~or-key-file}
{!secret}# ibmcloud login --apikey @apiKey.json -r {region}
{?secret}export IBMCLOUD_API_KEY={secret}
ibmcloud login -r {region}
",
    )
    .permanent_only(),
    Template::variables(Target::IbmcloudEnv, Language::Shell, CLOUDS, VARIABLES),
    Template::variables(Target::IbmcloudDotenv, Language::Dotenv, CLOUDS, VARIABLES),
    // provider "ibm" { ibmcloud_api_key, region }: terraform-provider-ibm ibm/provider/provider.go.
    Template::program(
        Target::TerraformIbm,
        Language::Hcl,
        CLOUDS,
        "IBMCLOUD_API_KEY",
        &[Value::Region],
        "\
# Terraform — {~ibm-provider}
{?expires_at}# {~temporary-until}
{!secret}# {~provider-reads-api-key}
provider \"ibm\" {
{?secret}  ibmcloud_api_key = {secret}
  region = {region}
}
",
    )
    .permanent_only(),
];

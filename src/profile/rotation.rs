//! How to replace a key in each cloud, shown next to a key that is past its age.

use super::Provider;

/// The steps, in order, for a long-lived key; temporary credentials are simply re-issued.
pub fn rotation_steps(provider: Provider, temporary: bool) -> Vec<&'static str> {
    if temporary {
        return vec![
            "Request new temporary credentials (they cannot be extended).",
            "Import them into this profile in credfill.",
        ];
    }
    match provider {
        Provider::Huawei | Provider::FlexibleEngine => vec![
            "In the console, open My Credentials → Access Keys and create a new access key (two are allowed per user); download credentials.csv.",
            "Import the new credentials.csv into this profile in credfill.",
            "Test the profile: the new key must pass the check.",
            "Replace the old key wherever it is configured (ModelArts authorization, OBS tools, scripts).",
            "Delete the old access key in My Credentials → Access Keys.",
        ],
        Provider::Ibm => vec![
            "In cloud.ibm.com, open Manage → Access (IAM) → API keys and create a new API key; download it.",
            "Import the new apiKey.json into this profile in credfill.",
            "Test the profile: the new key must pass the check.",
            "Replace the old key wherever it is configured (Watson OpenScale, service bindings, scripts).",
            "Delete the old API key in Manage → Access (IAM) → API keys.",
        ],
        Provider::Aws => vec![
            "In the AWS console, open IAM → Users → Security credentials and create a new access key (two are allowed per user); download the .csv.",
            "Import the new .csv into this profile in credfill.",
            "Test the profile: the new key must pass the check.",
            "Replace the old key wherever it is configured (OpenScale's SageMaker provider, scripts).",
            "Deactivate, then delete the old access key in IAM.",
        ],
        Provider::Azure => vec![
            "In the Azure portal, open the app registration → Certificates & secrets and add a new client secret (or `az ad sp credential reset --append`).",
            "Import the new secret into this profile in credfill.",
            "Test the profile: the new secret must pass the check.",
            "Replace the old secret wherever it is configured (OpenScale's Azure ML provider, scripts).",
            "Delete the old client secret in Certificates & secrets.",
        ],
    }
}

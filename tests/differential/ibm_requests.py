"""IBM's own SDKs as the oracle for the OpenScale ID lookup and an API key's rotation (src/cloud/ibm,
src/cloud/openscale):

- the requests ibm-platform-services (`ResourceControllerV2.list_resource_instances`; `IamIdentityV1`'s
  `get_api_keys_details`, `create_api_key`, `unlock_api_key`, `delete_api_key`) and
  ibm-watson-openscale (`APIClient(...).data_marts/service_providers/subscriptions.list()`, and the
  base `ServiceProviders.add` for a WML, SageMaker and Azure provider) build,
  written to tests/.cache/ibm-requests.json for tests/ibm_sdk_requests.rs to compare with the core's;
- the answers the core's tests read (tests/fixtures/cloud-answers/{ibm,openscale}/*.json), which the SDKs' own response models
  must accept (`from_dict` raises on a missing required field).

    .venv/bin/python tests/differential/ibm_requests.py

Nothing is sent: the SDKs' HTTP send is replaced; it answers each request with its fixture.
"""

import datetime
import json
import pathlib
from unittest import mock

import requests
from ibm_cloud_sdk_core import BaseService, DetailedResponse
from ibm_cloud_sdk_core.authenticators import BearerTokenAuthenticator
from ibm_platform_services import IamIdentityV1, ResourceControllerV2
from ibm_platform_services.iam_identity_v1 import ApiKey
from ibm_platform_services.resource_controller_v2 import ResourceInstancesList
import ibm_watson_openscale.client as wos_client
from ibm_watson_openscale import APIClient
from ibm_watson_openscale.base_classes.watson_open_scale_v2 import (
    AzureCredentials, DataMartDatabaseResponseCollection, SageMakerCredentials, ServiceProviderResponseCollection,
    ServiceProviders, SubscriptionResponseCollection, WMLCredentialsCloud)

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "cloud-answers"
OUT = ROOT / "tests" / ".cache" / "ibm-requests.json"
TOKEN = "eyJ-differential-token"
INSTANCE = "0123abcd-4567-89ef-0123-456789abcdef"
OPENSCALE = "2ad019f3-0fd6-4c25-966d-f3952481a870"
MACHINE_LEARNING = "51c53b72-918f-4869-b834-2d99eb28422a"
# OpenScale's regional hosts (ibm_watson_openscale/utils/constants.py); us-south has no prefix.
REGIONS = {"us-south": "https://api.aiopenscale.cloud.ibm.com", "eu-de": "https://eu-de.api.aiopenscale.cloud.ibm.com",
           "jp-tok": "https://jp-tok.api.aiopenscale.cloud.ibm.com"}
# The credentials a profile holds for each provider (the Rust side imports the same values).
PROVIDER = {"wmlApiKey": "wmlApiKey_0123456789abcdefghijklmnopqrstuvw", "wmlUrl": "https://eu-gb.ml.cloud.ibm.com",
            "wmlInstance": "a1b2c3d4-0000-4000-8000-000000000001", "awsKeyId": "AKIAIOSFODNN7EXAMPLE",
            "awsSecret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "azureClient": "c1", "azureSecret": "azure~secret",
            "azureTenant": "t1"}
ANSWERS = {
    "/v2/resource_instances": "ibm/resource_instances.json",
    "/v2/data_marts": "openscale/data_marts.json",
    "/v2/service_providers": "openscale/service_providers.json",
    "/v2/subscriptions": "openscale/subscriptions.json",
    "/v1/apikeys/details": "ibm/api_key_details.json",
}
# The rotation's API keys: the one the profile holds, and the new key's record (the same values as
# src/flows/rotate_ibm_key.rs's tests).
API_KEY = "OLDKEYplaceholder0123456789abcdefghijklmnopq"
OLD_KEY_ID = "ApiKey-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
# Use in code's IBM keys that end (src/flows/temporary_key.rs): asked at this moment for 8 h and 24 h.
ASKED_AT = "20261123T110000Z"

sent = []


def fake_send(self, request, **_):
    """Records the request as `requests` would put it on the wire and answers with its fixture."""
    prepared = requests.Request(method=request["method"], url=request["url"], headers=request["headers"],
                                params=request.get("params"), data=request.get("data")).prepare()
    body = prepared.body.decode() if isinstance(prepared.body, bytes) else prepared.body
    sent.append({"method": prepared.method, "url": prepared.url,
                 "headers": {k.lower(): v for k, v in prepared.headers.items()
                             if k.lower() in ("authorization", "accept", "content-type", "iam-apikey")},
                 **({"body": json.loads(body)} if body else {})})
    if prepared.method == "DELETE":
        return DetailedResponse(response=None, headers={}, status_code=204)
    if prepared.method == "POST" and prepared.path_url == "/v1/apikeys":
        ending = "expires_at" in json.loads(body)
        created = json.loads((FIXTURES / "ibm" / f"api_key_created{'_expiring' if ending else ''}.json").read_text())
        return DetailedResponse(response=created, headers={}, status_code=201)
    if prepared.method == "POST":
        added = {"metadata": {"id": "0f0e0d0c-1111-4222-8333-444455556666", "url": "/v2/service_providers/x"},
                 "entity": {"name": "n", "service_type": "amazon_sagemaker"}}
        return DetailedResponse(response=added, headers={}, status_code=201)
    path = next((p for p in ANSWERS if prepared.path_url.split("?")[0].endswith(p)), None)
    fixture = ANSWERS.get(path)
    state = (request.get("params") or {}).get("state")
    if path == "/v2/resource_instances" and state:
        fixture = f"ibm/resource_instances_{state}.json"  # a listing by state has its own answer
    answer = json.loads((FIXTURES / fixture).read_text()) if fixture else {"monitor_definitions": []}
    return DetailedResponse(response=answer, headers={}, status_code=200)


def last_request():
    return sent[-1]


def main():
    cases = []
    with mock.patch.object(BaseService, "send", fake_send), \
            mock.patch.object(wos_client, "check_if_cp4d", lambda url: False):
        controller = ResourceControllerV2(authenticator=BearerTokenAuthenticator(TOKEN))
        # The instance lookup's listings: each offering in the default states, then every offering
        # in each other state worth showing (src/flows/openscale/instances.rs LISTINGS).
        for resource_id, state in ((OPENSCALE, None), (MACHINE_LEARNING, None), (None, "inactive"), (None, "failed")):
            listed = controller.list_resource_instances(resource_id=resource_id, type="service_instance", state=state)
            result = listed.get_result()
            # The model calls next_url required, yet a last page has none: the SDK's own pager reads
            # (`ResourceInstancesPager.get_next`) reads it from the dict, so the model is given "" in its place.
            ResourceInstancesList.from_dict({**result, "next_url": result["next_url"] or ""})
            cases.append({"action": "resource_instances", "resourceId": resource_id or "", "state": state or "",
                          "expected": last_request()})
        for region, service_url in REGIONS.items():
            client = APIClient(authenticator=BearerTokenAuthenticator(TOKEN), service_url=service_url,
                               service_instance_id=INSTANCE)
            for action, model in (("data_marts", DataMartDatabaseResponseCollection),
                                   ("service_providers", ServiceProviderResponseCollection),
                                   ("subscriptions", SubscriptionResponseCollection)):
                result = getattr(client, action).list().get_result()
                # The SDK has turned the answer into its model already: the fixture passed from_dict.
                assert isinstance(result, model), f"{action}: {type(result)}"
                cases.append({"action": action, "region": region, "instance": INSTANCE, "expected": last_request()})
        # Adding a provider: the same profile credentials as tests/ibm_sdk_requests.rs gives the core.
        adder = ServiceProviders(client)
        for service_type, credentials, extra in (
                ("watson_machine_learning", WMLCredentialsCloud(apikey=PROVIDER["wmlApiKey"], url=PROVIDER["wmlUrl"],
                                                                instance_id=PROVIDER["wmlInstance"]), {}),
                # WML credentials as IBM hands them out now: {url, apikey}, no instance_id.
                ("watson_machine_learning", WMLCredentialsCloud(apikey=PROVIDER["wmlApiKey"], url=PROVIDER["wmlUrl"],
                                                                instance_id=None), {"without_instance_id": True}),
                ("amazon_sagemaker", SageMakerCredentials(access_key_id=PROVIDER["awsKeyId"],
                                                          secret_access_key=PROVIDER["awsSecret"], region="us-east-1"), {}),
                ("azure_machine_learning_service", AzureCredentials(client_id=PROVIDER["azureClient"],
                                                                    client_secret=PROVIDER["azureSecret"],
                                                                    tenant=PROVIDER["azureTenant"],
                                                                    subscription_id="sub-1"), {})):
            adder.add(name=f"{service_type} provider", service_type=service_type, credentials=credentials,
                      operational_space_id="production")
            cases.append({"action": "add_provider", "region": "jp-tok", "instance": INSTANCE,
                          "serviceType": service_type, "withoutInstanceId": bool(extra.get("without_instance_id")),
                          "expected": last_request()})
        # An API key's rotation (src/flows/rotate_ibm_key.rs): the key's record, the new key with the
        # old one's name, owner and account, the old key's unlocking and deletion.
        identity = IamIdentityV1(authenticator=BearerTokenAuthenticator(TOKEN))
        details = identity.get_api_keys_details(iam_api_key=API_KEY).get_result()
        ApiKey.from_dict(details)
        cases.append({"action": "api_key_details", "apiKey": API_KEY, "expected": last_request()})
        created = identity.create_api_key(name=details["name"], iam_id=details["iam_id"],
                                          account_id=details["account_id"],
                                          description="credfill rotation").get_result()
        ApiKey.from_dict(created)
        cases.append({"action": "create_api_key", "apiKey": API_KEY, "expected": last_request()})
        for action, call in (("unlock_api_key", identity.unlock_api_key), ("delete_api_key", identity.delete_api_key)):
            call(id=OLD_KEY_ID)
            cases.append({"action": action, "apiKey": API_KEY, "expected": last_request()})
        # A key that ends, for code: its end in the SDK's documented 'yyyy-MM-ddTHH:mm+0000' form.
        asked = datetime.datetime.strptime(ASKED_AT, "%Y%m%dT%H%M%SZ")
        for seconds in (28_800, 86_400):
            expires_at = (asked + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M+0000")
            created = identity.create_api_key(
                name=f"credfill-temporary-{expires_at[:10]}", iam_id=details["iam_id"],
                account_id=details["account_id"],
                description=f"credfill: a temporary key for code; IAM disables it at {expires_at}",
                expires_at=expires_at).get_result()
            ApiKey.from_dict(created)
            cases.append({"action": "create_expiring_api_key", "apiKey": API_KEY, "timestamp": ASKED_AT,
                          "seconds": seconds, "expected": last_request()})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"token": TOKEN, "provider": PROVIDER, "cases": cases}, indent=1))
    print(f"ibm_requests: wrote {OUT} ({len(cases)} requests; 9 fixtures read by the SDKs' models)")


if __name__ == "__main__":
    main()

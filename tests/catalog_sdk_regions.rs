//! The endpoint catalog against Huawei Cloud's own SDKs: every region that huaweicloudsdkobs,
//! huaweicloudsdkiam and huaweicloudsdkmodelarts list, with the host each prints, recorded by
//! `tests/differential/huawei_regions.py` into `tests/.cache/huawei-regions.json` (`make test`
//! runs it first). A host that differs, a region or service one side lacks, fails here: generate
//! `src/profile/regions.rs` again with `huawei_regions.py --write`.

use credfill::cloud::catalog::{self, Origin};
use credfill::profile::{region, Provider};
use std::collections::{BTreeMap, BTreeSet};

type Table = BTreeMap<String, String>;

struct Sdks {
    obs: Table,
    iam: Table,
    modelarts: Table,
    /// Where huaweicloudsdkcore looks a project up in a region its IAM table lacks.
    iam_default: String,
}

fn recorded() -> Sdks {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/.cache/huawei-regions.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!("{path} is missing: run .venv/bin/python tests/differential/huawei_regions.py first")
    });
    let mut json: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&text).expect("the recorder's JSON");
    let mut table = |name: &str| -> Table {
        serde_json::from_value(json.remove(name).expect(name)).expect("region -> host")
    };
    Sdks {
        obs: table("obs"),
        iam: table("iam"),
        modelarts: table("modelarts"),
        iam_default: serde_json::from_value(json.remove("iam-default").expect("iam-default"))
            .expect("a host"),
    }
}

fn host(origin: Option<Origin>) -> Option<String> {
    origin.map(|o| {
        assert_eq!(
            (o.scheme.as_str(), o.port, o.custom),
            ("https", None, false)
        );
        o.host
    })
}

#[test]
fn every_huawei_cloud_host_is_the_one_its_sdk_lists() {
    let sdks = recorded();
    let listed: BTreeSet<&String> = [&sdks.obs, &sdks.iam, &sdks.modelarts]
        .into_iter()
        .flat_map(BTreeMap::keys)
        .collect();
    let offered: BTreeSet<String> = region::regions(Provider::Huawei)
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        offered,
        listed.iter().map(|r| r.to_string()).collect(),
        "the regions offered are those the SDKs list"
    );
    for region in listed {
        let found = catalog::of(Provider::Huawei, region);
        assert_eq!(
            host(found.obs),
            sdks.obs.get(region).cloned(),
            "OBS in {region}"
        );
        assert_eq!(
            host(found.modelarts),
            sdks.modelarts.get(region).cloned(),
            "ModelArts in {region}"
        );
        let iam = sdks.iam.get(region).unwrap_or(&sdks.iam_default);
        assert_eq!(host(found.iam).as_ref(), Some(iam), "IAM in {region}");
        assert!(region::region_known(Provider::Huawei, region));
    }
}

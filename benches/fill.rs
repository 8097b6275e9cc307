//! Plan time on a generated page of 2,000 field descriptors (the goal: collect + plan +
//! fill ≤ 50 ms in Chromium). Prints one JSON line for `make bench`: the median of the runs, their
//! spread next to it.

mod common;

use credfill::fill::{plan_fill, PlanInput};
use serde_json::json;
use std::time::Instant;

const FIELDS: usize = 2_000;
const URL: &str = "https://console.huaweicloud.com/modelarts/?region=cn-north-4#/settings";

/// A page of unrelated inputs in various languages, with the AK/SK dialog's two fields last.
fn page() -> PlanInput {
    let noise = [
        "Description",
        "Nom du projet",
        "标签",
        "Search",
        "Email",
        "Tags (optional)",
    ];
    let mut fields: Vec<_> = (0..FIELDS - 2)
        .map(|i| {
            json!({
                "id": format!("f{i}"), "tag": "input", "type": if i % 7 == 0 { "checkbox" } else { "text" },
                "name": format!("field_{i}"), "htmlId": format!("id-{i}"),
                "labels": [noise[i % noise.len()]], "placeholder": "Enter a value",
                "nearbyText": "Lorem ipsum dolor sit amet, région 区域 key",
                "visible": i % 5 != 0, "readOnly": false, "disabled": i % 11 == 0,
                "frameUrl": URL, "frameSandboxed": false
            })
        })
        .collect();
    fields.push(json!({"id": "ak", "tag": "input", "type": "text", "labels": ["AK"], "visible": true, "readOnly": false, "disabled": false, "frameUrl": URL, "frameSandboxed": false}));
    fields.push(json!({"id": "sk", "tag": "input", "type": "password", "labels": ["SK"], "visible": true, "readOnly": false, "disabled": false, "frameUrl": URL, "frameSandboxed": false}));
    serde_json::from_value(json!({
        "topUrl": URL, "fields": fields,
        "profile": {"id": "bench", "name": "bench", "provider": "huawei", "credentials": [
            {"kind": "aksk", "accessKeyId": "QTWAOYTTINDUT2QVKYUC", "secretAccessKey": "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", "issuer": "huawei"}
        ]}
    }))
    .expect("generated input is valid")
}

fn main() {
    let input = page();
    let runs = common::runs(15);
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let plan = plan_fill(&input);
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(
                plan.fills.len(),
                2,
                "the AK/SK fields are found among the noise"
            );
            elapsed
        })
        .collect();
    let (median, spread) = common::median_spread(&times, "ms", 2);
    println!(
        "{}",
        json!({"bench": "plan_2000_fields", "target": "native", "ms": (median * 1000.0).round() / 1000.0, "runs": runs, "spread": spread})
    );
}

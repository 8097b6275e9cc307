//! `cargo bench --bench credentials`: parse time of a credentials CSV just under the 4 MiB
//! limit. Prints one JSON line for `make bench` to collect. Timed as the WASM export works
//! (bench/parse-wasm.mjs): bytes in, the result's JSON text out; only the `JSON.parse` that turns
//! that text into JS objects is the WASM figure's own. The median of the runs, their spread next to it.

mod common;

use credfill::credentials::{parse, MAX_INPUT_BYTES};
use std::time::Instant;

fn main() {
    let mut csv = String::from("User Name,Access Key Id,Secret Access Key\r\n");
    let mut rows = 0u64;
    loop {
        let row = format!("user{rows:08},AKBENCH{rows:013},benchSecretAccessKey{rows:020}\r\n");
        if csv.len() + row.len() > MAX_INPUT_BYTES {
            break;
        }
        csv.push_str(&row);
        rows += 1;
    }

    let parsed =
        parse(csv.as_bytes(), Some("credentials.csv"), None).expect("the bench CSV parses");
    assert_eq!(parsed.items.len() as u64, rows);

    let runs = common::runs(10);
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let import = parse(std::hint::black_box(csv.as_bytes()), None, None).unwrap();
            std::hint::black_box(serde_json::to_string(&import).unwrap());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let (ms, spread) = common::median_spread(&times, "ms", 1);
    println!(
        r#"{{"bench":"parse_csv_4mib","target":"native","ms":{ms:.2},"rows_per_s":{:.0},"runs":{runs},"spread":"{spread}"}}"#,
        rows as f64 / (ms / 1000.0)
    );
}

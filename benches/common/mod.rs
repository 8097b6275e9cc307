//! How the benches sum up repeated runs, as `bench/lib/stats.mjs` does for the browser benches: the
//! median, with the spread of the runs next to it.

/// How many times a bench repeats what it times: once in `cargo test --benches` (unoptimised, a
/// smoke run whose figures nobody keeps), `optimised` times in `cargo bench`.
pub fn runs(optimised: usize) -> usize {
    if cfg!(debug_assertions) {
        1
    } else {
        optimised
    }
}

/// The median of `xs` (the upper one of an even count) and their range, `"min–max unit"` with
/// `digits` after the point.
pub fn median_spread(xs: &[f64], unit: &str, digits: usize) -> (f64, String) {
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    (
        sorted[sorted.len() / 2],
        format!("{min:.digits$}–{max:.digits$} {unit}"),
    )
}

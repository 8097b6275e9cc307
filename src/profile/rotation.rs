//! How to replace a key in each cloud, shown next to a key that is past its age. The steps are
//! codes; their words are `rotation_<code>` in `_locales`.

use super::Provider;

/// Steps of a long-lived key: create, import, test, replace where used, delete the old one.
const LONG_LIVED_STEPS: usize = 5;
/// Temporary credentials are simply re-issued and imported.
const TEMPORARY_STEPS: usize = 2;

/// The steps' codes, in order (`huawei-1`…): Flexible Engine's console is Huawei's.
pub fn rotation_steps(provider: Provider, temporary: bool) -> Vec<String> {
    let (group, count) = match (temporary, provider) {
        (true, _) => ("temporary", TEMPORARY_STEPS),
        (false, Provider::Huawei | Provider::FlexibleEngine) => ("huawei", LONG_LIVED_STEPS),
        (false, Provider::Ibm) => ("ibm", LONG_LIVED_STEPS),
        (false, Provider::Aws) => ("aws", LONG_LIVED_STEPS),
        (false, Provider::Azure) => ("azure", LONG_LIVED_STEPS),
    };
    (1..=count).map(|n| format!("{group}-{n}")).collect()
}

/// Every step code of every provider, for the locale tests.
pub fn all_rotation_steps() -> Vec<String> {
    let mut codes: Vec<String> = Provider::ALL
        .into_iter()
        .flat_map(|provider| rotation_steps(provider, false))
        .chain(rotation_steps(Provider::Huawei, true))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

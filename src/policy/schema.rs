//! The policy's keys: the one list the reader knows, which `extension/managed_schema.json` (the
//! schema Chrome checks managed storage against) must declare, each with the type read here.

/// Every key of the managed policy, in the order the options page shows them.
pub const KEYS: &[&str] = &[
    "consoleHosts",
    "allowUserConsoleHosts",
    "maxAutoLockMinutes",
    "keyAgeReminderDays",
    "kdfFloor",
    "allowCopyWithSecret",
    "allowDownload",
    "allowCustomEndpoints",
    "allowedEndpointOrigins",
    "allowedWrites",
];

#[cfg(test)]
mod tests {
    use super::KEYS;
    use serde_json::Value;

    const SCHEMA: &str = include_str!("../../extension/managed_schema.json");

    /// Chrome refuses to load an extension whose schema's top level is not an object of
    /// properties without `additionalProperties`
    /// (https://developer.chrome.com/docs/extensions/reference/manifest/storage).
    #[test]
    fn the_schema_declares_exactly_the_keys_the_core_reads() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        assert_eq!(schema["type"], "object");
        assert!(schema.get("additionalProperties").is_none());
        let properties = schema["properties"].as_object().unwrap();
        let mut declared: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut read = KEYS.to_vec();
        declared.sort_unstable();
        read.sort_unstable();
        assert_eq!(declared, read);
    }

    #[test]
    fn each_key_has_the_type_the_core_reads_and_words_for_administrators() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        for key in KEYS {
            let property = &schema["properties"][key];
            let expected = match *key {
                "consoleHosts" | "allowedEndpointOrigins" => "array",
                "maxAutoLockMinutes" | "keyAgeReminderDays" => "integer",
                "kdfFloor" | "allowedWrites" => "object",
                _ => "boolean",
            };
            assert_eq!(property["type"], expected, "{key}");
            assert!(property["title"].is_string() && property["description"].is_string());
        }
        let writes = schema["properties"]["allowedWrites"]["properties"]
            .as_object()
            .unwrap();
        let names: Vec<&str> = writes.keys().map(String::as_str).collect();
        // serde_json's map is sorted.
        assert_eq!(
            names,
            [
                "addProvider",
                "authorize",
                "createBucket",
                "rotateKey",
                "temporaryKey"
            ]
        );
    }
}

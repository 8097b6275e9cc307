//! Pasted `ibmcloud` output: `ibmcloud iam api-key-create` (Name, Description, Created At,
//! API Key, ID…) and `ibmcloud resource service-instance` (Name:, ID: = CRN, GUID:, Location:,
//! Service Name:…). Lines are `Label: value` or `Label   value`; other lines are ignored.
//! A label seen twice starts the next block, so several pastes in one text give several items.

use super::error::{ErrorCode, ImportError, Warning, WarningCode};
use super::{normalized_chars, validate, Import};
use crate::profile::{Credential, IbmApiKey, IbmInstance};
use crate::secret::Secret;

/// The labels read, normalised; any other label (State, Locked, Type…) is skipped.
const LABELS: [&str; 9] = [
    "name",
    "description",
    "createdat",
    "apikey",
    "id",
    "uuid",
    "guid",
    "location",
    "servicename",
];

/// A label and its value as they sit on a line.
struct Field<'a> {
    label: &'static str,
    value: &'a str,
    line: u32,
}

pub(crate) fn looks_like_cli_output(text: &str) -> bool {
    fields(text).any(|field| matches!(field.label, "apikey" | "guid"))
}

pub(crate) fn parse(text: &str) -> Result<Import, ImportError> {
    let mut import = Import::default();
    let mut block: Vec<Field> = Vec::new();
    for field in fields(text) {
        if block.iter().any(|seen| seen.label == field.label) {
            read_block(&block, &mut import)?;
            block.clear();
        }
        block.push(field);
    }
    read_block(&block, &mut import)?;
    if import.items.is_empty() {
        return Err(ImportError::new(ErrorCode::NoCliKeys));
    }
    Ok(import)
}

fn fields(text: &str) -> impl Iterator<Item = Field<'_>> {
    text.lines().enumerate().filter_map(|(index, line)| {
        let (label, value) = split_label(line);
        let label = LABELS
            .into_iter()
            .find(|known| normalized_chars(label).eq(known.chars()))?;
        Some(Field {
            label,
            value,
            line: index as u32 + 1,
        })
    })
}

/// The label ends at a `:` followed by a blank (or the line end), or at a tab or two spaces.
fn split_label(line: &str) -> (&str, &str) {
    let line = line.trim();
    let bytes = line.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        let next = bytes.get(at + 1).copied();
        let colon = byte == b':' && next.is_none_or(|next| next.is_ascii_whitespace());
        let gap = byte == b'\t' || (byte == b' ' && next == Some(b' '));
        if colon || gap {
            return (&line[..at], line[at + 1..].trim());
        }
    }
    (line, "")
}

fn read_block(block: &[Field], import: &mut Import) -> Result<(), ImportError> {
    let get = |label: &str| block.iter().find(|field| field.label == label);
    let value = |label: &str| {
        get(label)
            .map(|field| field.value.to_owned())
            .filter(|value| !value.is_empty())
    };
    if let Some(api_key) = get("apikey") {
        validate::ibm_api_key(api_key.value).map_err(|error| error.at(Some(api_key.line), None))?;
        import.items.push(Credential::IbmApiKey(IbmApiKey {
            api_key: Secret::from(api_key.value),
            name: value("name"),
            description: value("description"),
            created_at: value("createdat"),
            id: value("id").or_else(|| value("uuid")),
        }));
        return Ok(());
    }
    let Some(guid) = get("guid") else {
        return Ok(());
    };
    validate::guid(guid.value, "guid").map_err(|error| error.at(Some(guid.line), None))?;
    // IBM's own docs print the CRN elided (`crn:v1:…:a/c2f2xxxxxxxxxxxx867::`): the GUID is what
    // the user came for, so it is kept and the CRN left out with a warning.
    let crn = get("id").and_then(|id| Some((id.value, validate::crn(id.value)?)));
    let Some((crn_text, crn)) = crn else {
        import.warnings.push(
            Warning::new(WarningCode::UnreadableCrn)
                .at(Some(get("id").map_or(guid.line, |id| id.line))),
        );
        import.items.push(Credential::IbmInstance(IbmInstance {
            guid: guid.value.to_owned(),
            crn: None,
            location: value("location"),
            service_name: value("servicename"),
            name: value("name"),
            account_id: None,
        }));
        return Ok(());
    };
    if !crn.service_instance.eq_ignore_ascii_case(guid.value) {
        import
            .warnings
            .push(Warning::new(WarningCode::GuidMismatch).at(Some(guid.line)));
    }
    let or_crn = |label: &str, part: &str| {
        value(label).or_else(|| Some(part.to_owned()).filter(|part| !part.is_empty()))
    };
    import.items.push(Credential::IbmInstance(IbmInstance {
        guid: guid.value.to_owned(),
        crn: Some(crn_text.to_owned()),
        location: or_crn("location", crn.location),
        service_name: or_crn("servicename", crn.service_name),
        name: value("name"),
        account_id: crn.account_id.map(str::to_owned),
    }));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_at_colon_or_gap() {
        assert_eq!(split_label("ID:   crn:v1:a:b:c"), ("ID", "crn:v1:a:b:c"));
        assert_eq!(
            split_label("Created At    2026-01-01T10:00+0000"),
            ("Created At", "2026-01-01T10:00+0000")
        );
        assert_eq!(split_label("Description   "), ("Description", ""));
        assert_eq!(split_label("Sub Type:"), ("Sub Type", ""));
        assert_eq!(split_label("OK"), ("OK", ""));
    }

    #[test]
    fn two_pastes_give_two_items() {
        let key = "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ-012345";
        let text = format!("Name  a\nAPI Key  {key}\n\nName  b\nAPI Key  {key}\n");
        assert!(looks_like_cli_output(&text));
        assert_eq!(parse(&text).unwrap().items.len(), 2);
    }

    #[test]
    fn an_elided_or_missing_crn_keeps_the_guid_with_a_warning() {
        // As printed in IBM's "Watson OpenScale: Getting the service instance ID" docs.
        let elided = "Name:          openscale\nID:            crn:v1:ibmcloud:public:aiopenscale:us-south:a/c2f2xxxxxxxxxxxx867::\nGUID:          77b6a44c-ba51-43ab-91d1-3ab9a8ff44fd\nLocation:      us-south\nService Name:  aiopenscale\n";
        for text in [elided, "GUID: 77b6a44c-ba51-43ab-91d1-3ab9a8ff44fd\n"] {
            let import = parse(text).unwrap();
            let Credential::IbmInstance(instance) = &import.items[0] else {
                panic!("an instance");
            };
            assert_eq!(instance.guid, "77b6a44c-ba51-43ab-91d1-3ab9a8ff44fd");
            assert_eq!(instance.crn, None);
            assert_eq!(import.warnings[0].code, WarningCode::UnreadableCrn);
        }
        let import = parse(elided).unwrap();
        let Credential::IbmInstance(instance) = &import.items[0] else {
            panic!("an instance");
        };
        assert_eq!(instance.location.as_deref(), Some("us-south"));
        assert_eq!(import.warnings[0].line, Some(2));
    }
}

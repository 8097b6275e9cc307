//! Property: any AK/SK rows written by the `csv` crate — any delimiter, column order, header
//! spelling, line ending and encoding a spreadsheet might produce — parse back to the same keys.

use credfill::credentials::parse;

use credfill::profile::Credential;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Row {
    user_name: String,
    access_key: String,
    secret: String,
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF], text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
    }
}

fn row() -> impl Strategy<Value = Row> {
    (
        // Names with delimiters, quotes and non-ASCII letters, but no outer blanks (fields are trimmed).
        "[a-zA-Zé中][a-zA-Z0-9 ,;\t\"'é中.@_-]{0,20}[a-zA-Z0-9é中]",
        "[A-Z0-9]{20}",
        "[a-z][A-Za-z0-9]{39}",
    )
        .prop_map(|(user_name, access_key, secret)| Row {
            user_name,
            access_key,
            secret,
        })
}

const HEADERS: [[&str; 3]; 3] = [
    ["User Name", "Access Key Id", "Secret Access Key"],
    ["user name", "ACCESS KEY ID", "secret_access_key"],
    ["UserName", "Access key ID", "Secret access key"],
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csv_writer_output_parses_back(
        rows in prop::collection::vec(row(), 1..5),
        with_user_name in any::<bool>(),
        order in Just(vec![0usize, 1, 2]).prop_shuffle(),
        headers in prop::sample::select(HEADERS.to_vec()),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
        terminator in prop::sample::select(vec![csv::Terminator::CRLF, csv::Terminator::Any(b'\n'), csv::Terminator::Any(b'\r')]),
        quote_all in any::<bool>(),
        encoding in prop::sample::select(vec![Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be]),
    ) {
        let columns: Vec<usize> = order.into_iter().filter(|&c| with_user_name || c != 0).collect();
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .quote_style(if quote_all { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary })
            .from_writer(Vec::new());
        writer.write_record(columns.iter().map(|&c| headers[c])).unwrap();
        for row in &rows {
            let fields = [&row.user_name, &row.access_key, &row.secret];
            writer.write_record(columns.iter().map(|&c| fields[c])).unwrap();
        }
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();

        let import = parse(&encode(&text, encoding), None, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(import.warnings.is_empty(), "{:?}", import.warnings);
        prop_assert_eq!(import.items.len(), rows.len());
        for (item, row) in import.items.iter().zip(&rows) {
            let Credential::AkSk(keys) = item else { return Err(TestCaseError::fail(format!("{item:?}"))) };
            prop_assert_eq!(&keys.access_key_id, &row.access_key);
            prop_assert_eq!(keys.secret_access_key.expose(), row.secret.as_str());
            prop_assert_eq!(keys.user_name.as_deref(), with_user_name.then_some(row.user_name.as_str()));
        }
    }
}

//! AK/SK CSVs: Huawei Cloud / Flexible Engine `credentials.csv` and the AWS console's access
//! key CSVs. Columns are found by header name (case, spacing, variants and the Chinese and
//! Japanese names tolerated), else by the shape of the values; `,` `;` tab and full-width `，`
//! delimiters; blank and delimiter-only lines skipped.

use super::decode::is_unreadable;
use super::error::{ErrorCode, ImportError, Warning, WarningCode};
use super::{normalized_name, validate, Import};
use crate::profile::{AkIssuer, AkSk, Credential};
use crate::secret::Secret;
use crate::words::Param;
use csv::StringRecord;
use zeroize::Zeroizing;

/// A record whose fields read without their outer whitespace. Trimmed on access rather than by
/// the reader's `Trim::All`, which copies every record twice to trim it (8% of a 4 MiB
/// file's parse in WASM).
struct Row(StringRecord);

impl Row {
    fn get(&self, index: usize) -> Option<&str> {
        self.0.get(index).map(str::trim)
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(str::trim)
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    UserName,
    AccessKey,
    Secret,
    SecurityToken,
    /// `Password` and `Console login link`: only the AWS console's CSV has them.
    AwsConsole,
}

/// The names a header gives each column; besides English, the words of the Chinese
/// (simplified, traditional) and Japanese consoles of AWS and Huawei Cloud, as a user who
/// translates the header in Excel writes them.
fn column_named(header: &str) -> Option<Column> {
    Some(match normalized_name(header).as_str() {
        "username" | "user" | "iamusername" | "iamuser" | "用户名" | "用户名称" | "iam用户名"
        | "使用者名稱" | "ユーザー名" => Column::UserName,
        "accesskeyid"
        | "accesskey"
        | "accessid"
        | "ak"
        | "awsaccesskeyid"
        | "访问密钥id"
        | "存取金鑰id"
        | "アクセスキーid" => Column::AccessKey,
        "secretaccesskey"
        | "secretkey"
        | "secret"
        | "sk"
        | "awssecretaccesskey"
        | "秘密访问密钥"
        | "私有访问密钥"
        | "私密存取金鑰"
        | "シークレットアクセスキー" => Column::Secret,
        "securitytoken" | "sessiontoken" | "awssessiontoken" | "安全令牌" | "会话令牌" => {
            Column::SecurityToken
        }
        "password" | "consoleloginlink" => Column::AwsConsole,
        _ => return None,
    })
}

/// Where each value sits (0-based field indexes).
#[derive(Debug, Default)]
struct Layout {
    user_name: Option<usize>,
    access_key: Option<usize>,
    secret: Option<usize>,
    security_token: Option<usize>,
    aws_console: bool,
}

impl Layout {
    /// `None` when no field is a known column name: the file has no header.
    fn from_header(header: &Row) -> Option<Layout> {
        let mut layout = Layout::default();
        let mut known = false;
        for (index, name) in header.iter().enumerate() {
            let Some(column) = column_named(name) else {
                continue;
            };
            known = true;
            let slot = match column {
                Column::UserName => &mut layout.user_name,
                Column::AccessKey => &mut layout.access_key,
                Column::Secret => &mut layout.secret,
                Column::SecurityToken => &mut layout.security_token,
                Column::AwsConsole => {
                    layout.aws_console = true;
                    continue;
                }
            };
            slot.get_or_insert(index);
        }
        known.then_some(layout)
    }

    /// Columns from the values of a header-less first row: the access key, the secret and,
    /// in a row of exactly three fields, the user name.
    fn from_shapes(row: &Row) -> Option<Layout> {
        let access_key = row.iter().position(validate::looks_like_access_key)?;
        let secret = row
            .iter()
            .position(|value| validate::looks_like_secret(value, AkIssuer::Aws))?;
        let user_name = (row.len() == 3)
            .then(|| (0..3).find(|&index| index != access_key && index != secret))
            .flatten();
        Some(Layout {
            user_name,
            access_key: Some(access_key),
            secret: Some(secret),
            ..Layout::default()
        })
    }

    /// Fills a key column the header did not name from the first data row's unnamed fields.
    fn complete_by_shape(&mut self, header: &Row, first_row: Option<&Row>) {
        let Some(row) = first_row else { return };
        let unnamed = |index: &usize| header.get(*index).and_then(column_named).is_none();
        if self.access_key.is_none() {
            self.access_key = (0..row.len())
                .filter(unnamed)
                .find(|&index| row.get(index).is_some_and(validate::looks_like_access_key));
        }
        if self.secret.is_none() {
            self.secret = (0..row.len()).filter(unnamed).find(|&index| {
                row.get(index)
                    .is_some_and(|value| validate::looks_like_secret(value, AkIssuer::Aws))
            });
        }
    }
}

pub(crate) fn parse(text: &str) -> Result<Import, ImportError> {
    let ascii_commas = full_width_commas_as_ascii(text);
    let text = ascii_commas.as_deref().map_or(text, String::as_str);
    let (delimiter, skipped_lines, body) = sniff_delimiter(text);
    let mut records = Vec::new();
    let mut lines = LineCounter::new(body, skipped_lines);
    for record in csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes())
        .into_records()
    {
        let record = Row(record.map_err(|_| unknown_format())?);
        // Spreadsheets pad with delimiter-only lines, sometimes of another delimiter (`;;`).
        let blank = record
            .iter()
            .all(|field| field.chars().all(|c| matches!(c, ',' | ';' | '\t')));
        if !blank {
            let line = lines.line_at(record.0.position().map_or(0, |p| p.byte() as usize));
            records.push((line, record));
        }
    }
    let Some((header_line, first)) = records.first() else {
        return Err(ImportError::new(ErrorCode::Empty));
    };

    let mut warnings = Vec::new();
    let (layout, rows) = match Layout::from_header(first) {
        Some(mut layout) => {
            layout.complete_by_shape(first, records.get(1).map(|(_, row)| row));
            check_key_columns(&layout, first, *header_line)?;
            (layout, &records[1..])
        }
        None => match Layout::from_shapes(first) {
            Some(layout) => {
                warnings.push(Warning::new(WarningCode::NoHeader).at(Some(*header_line)));
                (layout, &records[..])
            }
            // A header in words of its own (translated in Excel, say) above key-shaped values.
            None => {
                let (_, second) = records.get(1).ok_or_else(unknown_format)?;
                let layout = Layout::from_shapes(second).ok_or_else(unknown_format)?;
                warnings.push(Warning::new(WarningCode::UnknownHeader).at(Some(*header_line)));
                (layout, &records[1..])
            }
        },
    };
    if rows.is_empty() {
        return Err(ImportError::new(ErrorCode::NoKeyRows).at(Some(*header_line), None));
    }

    let mut items = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        items.push(Credential::AkSk(read_row(
            row,
            &layout,
            *line,
            &mut warnings,
        )?));
    }
    Ok(Import { items, warnings })
}

/// Line numbers from byte offsets: the csv crate's own line count skips blank lines.
struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str, lines_before: u32) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: lines_before + 1,
        }
    }

    /// The line of the first non-blank character at or after `offset`; offsets must not
    /// decrease between calls, so the whole file is scanned once.
    fn line_at(&mut self, offset: usize) -> u32 {
        let start = offset.max(self.offset);
        let record_start = self.text[start..]
            .find(|c: char| c != '\n')
            .map_or(self.text.len(), |skip| start + skip);
        self.line += self.text.as_bytes()[self.offset..record_start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32;
        self.offset = record_start;
        self.line
    }
}

/// A file whose first line is split by full-width commas (`，`, as typed with a Chinese input
/// method) more than by any ASCII delimiter, with those commas made ASCII for the CSV reader.
fn full_width_commas_as_ascii(text: &str) -> Option<Zeroizing<String>> {
    let header = text.lines().find(|line| !line.trim().is_empty())?;
    let full_width = header.matches('，').count();
    let ascii = [',', ';', '\t'].map(|delimiter| header.matches(delimiter).count());
    if full_width == 0 || ascii.iter().any(|&count| count >= full_width) {
        return None;
    }
    // Sized up front, as the decoded text: the copy holds the secrets too.
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    out.extend(text.chars().map(|c| if c == '，' { ',' } else { c }));
    Some(out)
}

/// Excel may write a `sep=;` first line; otherwise the delimiter is the one the first line
/// uses most. Returns the delimiter, the lines skipped and the text after them.
fn sniff_delimiter(text: &str) -> (u8, u32, &str) {
    let (first_line, rest) = text.split_once('\n').unwrap_or((text, ""));
    if let [b's', b'e', b'p', b'=', delimiter] = first_line.trim_end().as_bytes() {
        return (*delimiter, 1, rest);
    }
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        // max_by_key keeps the last of equals, so ties go to the comma
        .max_by_key(|&delimiter| header.bytes().filter(|&b| b == delimiter).count())
        .unwrap_or(b',');
    (delimiter, 0, text)
}

fn check_key_columns(layout: &Layout, header: &Row, line: u32) -> Result<(), ImportError> {
    // credentials.csv's own column names, which the user has to find in the file.
    let missing: &[&str] = match (layout.access_key, layout.secret) {
        (Some(_), Some(_)) => return Ok(()),
        (None, Some(_)) => &["Access Key Id"],
        (Some(_), None) => &["Secret Access Key"],
        (None, None) => &["Access Key Id", "Secret Access Key"],
    };
    // Only recognised names are repeated: the other fields might be data.
    let found: Vec<String> = header
        .iter()
        .filter(|name| column_named(name).is_some())
        .map(str::to_owned)
        .collect();
    let missing = missing.iter().map(|&name| name.to_owned()).collect();
    Err(ImportError::new(ErrorCode::MissingColumn)
        .with("missing", Param::List(missing))
        .with("found", Param::List(found))
        .at(Some(line), None))
}

fn read_row(
    row: &Row,
    layout: &Layout,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> Result<AkSk, ImportError> {
    let field = |index: Option<usize>| index.and_then(|index| row.get(index)).unwrap_or("");
    let mut access_key = (field(layout.access_key), layout.access_key);
    let mut secret = (field(layout.secret), layout.secret);
    if !validate::looks_like_access_key(access_key.0)
        && validate::looks_like_access_key(secret.0)
        && validate::looks_like_secret(access_key.0, AkIssuer::Aws)
    {
        std::mem::swap(&mut access_key, &mut secret);
        warnings.push(Warning::new(WarningCode::SwappedColumns).at(Some(line)));
    }
    let column = |index: Option<usize>| index.map(|index| index as u32 + 1);
    let issuer = if layout.aws_console {
        AkIssuer::Aws
    } else {
        AkIssuer::of_access_key(access_key.0)
    };
    if let Some(warning) = validate::access_key(access_key.0)
        .map_err(|error| error.at(Some(line), column(access_key.1)))?
    {
        warnings.push(warning.at(Some(line)));
    }
    validate::secret_key(secret.0, issuer)
        .map_err(|error| error.at(Some(line), column(secret.1)))?;
    let optional = |index: Option<usize>| Some(field(index)).filter(|value| !value.is_empty());
    let mut user_name = optional(layout.user_name);
    // Bytes the file's code page did not decode: a name the user could not recognise.
    if user_name.is_some_and(|name| name.chars().any(is_unreadable)) {
        user_name = None;
        warnings.push(Warning::new(WarningCode::UnreadableUserName).at(Some(line)));
    }
    Ok(AkSk {
        access_key_id: access_key.0.to_owned(),
        secret_access_key: Secret::from(secret.0),
        user_name: user_name.map(str::to_owned),
        security_token: optional(layout.security_token).map(Secret::from),
        expires_at: None,
        issuer,
    })
}

fn unknown_format() -> ImportError {
    ImportError::new(ErrorCode::UnknownFormat)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AK: &str = "QTWAOYTTINDUT2QVKYUC";
    const SK: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

    fn keys(import: &Import) -> Vec<(&str, &str, Option<&str>)> {
        import
            .items
            .iter()
            .map(|item| match item {
                Credential::AkSk(aksk) => (
                    aksk.access_key_id.as_str(),
                    aksk.secret_access_key.expose(),
                    aksk.user_name.as_deref(),
                ),
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    #[test]
    fn huawei_file_with_and_without_user_name() {
        let import = parse(&format!(
            "User Name,Access Key Id,Secret Access Key\nalice,{AK},{SK}\n"
        ))
        .unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("alice"))]);
        assert!(import.warnings.is_empty());
        let import = parse(&format!("Access Key Id,Secret Access Key\n{AK},{SK}")).unwrap();
        assert_eq!(keys(&import), [(AK, SK, None)]);
    }

    #[test]
    fn delimiters_and_excel_sep_line() {
        for text in [
            format!("User Name;Access Key Id;Secret Access Key\nalice;{AK};{SK}\n"),
            format!("User Name\tAccess Key Id\tSecret Access Key\nalice\t{AK}\t{SK}\n"),
            format!("sep=;\nUser Name;Access Key Id;Secret Access Key\nalice;{AK};{SK}\n"),
            format!("\n\"User Name\",\"Access Key Id\",\"Secret Access Key\"\n\"alice\",\"{AK}\",\"{SK}\"\n"),
        ] {
            assert_eq!(keys(&parse(&text).unwrap()), [(AK, SK, Some("alice"))], "{text}");
        }
    }

    #[test]
    fn fields_lose_their_outer_whitespace_and_padded_blank_lines_are_skipped() {
        let text = format!(
            " User Name , Access Key Id ,\tSecret Access Key\n  ,  \n\" alice \",\u{3000}{AK} ,\"{SK}\" \n"
        );
        let import = parse(&text).unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("alice"))]);
        assert!(import.warnings.is_empty(), "{:?}", import.warnings);
        let refused = parse(&format!("Access Key Id , Password\n{AK},x\n")).unwrap_err();
        assert_eq!(
            serde_json::to_value(&refused).unwrap()["params"]["found"],
            serde_json::json!(["Access Key Id", "Password"])
        );
    }

    #[test]
    fn lines_count_from_the_file_start() {
        let text = format!(
            "sep=,\nAccess Key Id,Secret Access Key\n\n{AK},{}\n",
            &SK[1..]
        );
        let error = parse(&text).err().unwrap();
        assert_eq!(
            (error.code, error.line, error.column),
            (ErrorCode::BadSecret, Some(4), Some(2))
        );
    }

    #[test]
    fn secret_column_found_by_shape() {
        let import = parse(&format!(
            "User Name,Access Key Id,Clé secrète\nalice,{AK},{SK}\n"
        ))
        .unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("alice"))]);
        // The secret may sit past the last header field.
        let import = parse(&format!("User Name,Access Key Id\nalice,{AK},{SK}\n")).unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("alice"))]);
    }

    #[test]
    fn chinese_and_japanese_column_names() {
        for header in [
            "用户名,访问密钥ID,秘密访问密钥",
            "使用者名稱,存取金鑰 ID,私密存取金鑰",
            "ユーザー名,アクセスキー ID,シークレットアクセスキー",
        ] {
            let import = parse(&format!("{header}\n张伟,{AK},{SK}\n")).unwrap();
            assert_eq!(keys(&import), [(AK, SK, Some("张伟"))], "{header}");
            assert!(
                import.warnings.is_empty(),
                "{header}: {:?}",
                import.warnings
            );
        }
    }

    #[test]
    fn a_header_of_unknown_names_above_key_shaped_values() {
        let import = parse(&format!("名前,キー,秘密\n张伟,{AK},{SK}\n")).unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("张伟"))]);
        let warnings: Vec<_> = import.warnings.iter().map(|w| (w.code, w.line)).collect();
        assert_eq!(warnings, [(WarningCode::UnknownHeader, Some(1))]);
        let code = |text: &str| parse(text).err().unwrap().code;
        assert_eq!(code("名前,キー,秘密\n张伟,x,y\n"), ErrorCode::UnknownFormat);
        assert_eq!(code("名前,キー,秘密\n"), ErrorCode::UnknownFormat);
    }

    #[test]
    fn full_width_commas_delimit() {
        let import = parse(&format!(
            "用户名，访问密钥ID，秘密访问密钥\n\"张，伟\"，{AK}，{SK}\n"
        ))
        .unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("张,伟"))]);
        // In a comma-separated file, a full-width comma is part of a name.
        let import = parse(&format!(
            "User Name,Access Key Id,Secret Access Key\n张，伟,{AK},{SK}\n"
        ))
        .unwrap();
        assert_eq!(keys(&import), [(AK, SK, Some("张，伟"))]);
    }

    #[test]
    fn an_undecoded_user_name_is_left_out() {
        for name in ["张\u{FFFD}", "\u{E117}\u{E0DD}"] {
            let text = format!("User Name,Access Key Id,Secret Access Key\n{name},{AK},{SK}\n");
            let import = parse(&text).unwrap();
            assert_eq!(keys(&import), [(AK, SK, None)]);
            let warnings: Vec<_> = import.warnings.iter().map(|w| (w.code, w.line)).collect();
            assert_eq!(warnings, [(WarningCode::UnreadableUserName, Some(2))]);
        }
    }

    #[test]
    fn swapped_values_are_swapped_back() {
        let import = parse(&format!("Access Key Id,Secret Access Key\n{SK},{AK}\n")).unwrap();
        assert_eq!(keys(&import), [(AK, SK, None)]);
        assert_eq!(import.warnings[0].code, WarningCode::SwappedColumns);
        assert_eq!(import.warnings[0].line, Some(2));
    }

    #[test]
    fn aws_console_file() {
        let aws_sk = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        let text = format!("User name,Password,Access key ID,Secret access key,Console login link\nbob,pw,AKIAIOSFODNN7EXAMPLE,{aws_sk},https://x.signin.aws.amazon.com/console\n");
        let import = parse(&text).unwrap();
        let Credential::AkSk(aksk) = &import.items[0] else {
            panic!()
        };
        assert_eq!(aksk.issuer, AkIssuer::Aws);
        assert_eq!(aksk.secret_access_key.expose(), aws_sk);
        assert_eq!(aksk.user_name.as_deref(), Some("bob"));
    }

    #[test]
    fn refusals() {
        let code = |text: &str| parse(text).err().unwrap().code;
        assert_eq!(
            code("User Name,Access Key Id\nalice,x\n"),
            ErrorCode::MissingColumn
        );
        assert_eq!(
            code("Access Key Id,Secret Access Key\n,,\n"),
            ErrorCode::NoKeyRows
        );
        assert_eq!(
            code("hello world\nthis is prose\n"),
            ErrorCode::UnknownFormat
        );
        assert_eq!(
            code(&format!("Access Key Id,Secret Access Key\nak,{SK}\n")),
            ErrorCode::BadAccessKey
        );
    }
}

//! How a value is written in each target language so that the tool reads back exactly that value
//! (a secret with `/`, `+`, quotes, `%` or `$` must not break or change the program or file), and
//! how a snippet reads a secret from the environment instead.

use serde::Serialize;
use tsify_next::Tsify;

/// The languages snippets are written in, each with its own quoting rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    /// A Python 3 string literal.
    Python,
    /// POSIX `sh` (dash, bash): single quotes.
    Shell,
    /// Python's `configparser` with its default `BasicInterpolation`, which huaweicloudsdkcore
    /// uses for `~/.huaweicloud/credentials` (huaweicloudsdkcore/auth/provider.py
    /// `ProfileCredentialProvider.get_credentials`): `%` is doubled, and it strips the whitespace
    /// around a value, which therefore cannot start or end with any.
    Ini,
    /// obsutil's `key=value` lines (`~/.obsutilconfig`, https://support.huaweicloud.com/utiltg-obs/obs_11_0035.html):
    /// no quoting is documented, so only values without surrounding whitespace are written.
    KeyValue,
    /// s3cmd's `~/.s3cfg` (s3tools/s3cmd S3/Config.py `ConfigParser.parse_file`): a value wholly
    /// inside `"…"` is taken as is, quotes included anywhere inside.
    S3cfg,
    /// A `.env` file as python-dotenv reads it (theskumar/python-dotenv src/dotenv/parser.py):
    /// single quotes, inside which `\\` and `\'` are the only escapes. `load_dotenv` then expands
    /// `${NAME}` and `${NAME:-default}` even inside single quotes, with no escape for them
    /// (src/dotenv/variables.py `_posix_variable`): a value holding one cannot be written.
    Dotenv,
    /// Terraform's HCL: a double-quoted template string, where `${` and `%{` start templates.
    Hcl,
}

/// Why a value cannot be written in a language (only files whose format has no quoting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unrepresentable;

impl Language {
    /// `value` as a literal of this language, read back by its tool as exactly `value`.
    pub fn literal(self, value: &str) -> Result<String, Unrepresentable> {
        let line_break = value.contains(['\n', '\r', '\0']);
        let padded = value.trim() != value;
        Ok(match self {
            Language::Python => python(value),
            Language::Shell if value.contains('\0') => return Err(Unrepresentable),
            Language::Shell => format!("'{}'", value.replace('\'', r"'\''")),
            Language::Ini if line_break || padded => return Err(Unrepresentable),
            Language::Ini => value.replace('%', "%%"),
            Language::KeyValue if line_break || padded => return Err(Unrepresentable),
            Language::KeyValue => value.to_owned(),
            Language::S3cfg if line_break => return Err(Unrepresentable),
            Language::S3cfg => format!("\"{value}\""),
            Language::Dotenv if value.contains('\0') || dotenv_expands(value) => {
                return Err(Unrepresentable)
            }
            Language::Dotenv => format!("'{}'", value.replace('\\', r"\\").replace('\'', r"\'")),
            Language::Hcl => hcl(value),
        })
    }

    /// The expression that reads environment variable `name`, in the languages a program runs
    /// in; `None` for files, which hold values only.
    pub fn env_read(self, name: &str) -> Option<String> {
        match self {
            Language::Python => Some(format!("os.environ['{name}']")),
            Language::Shell => Some(format!("\"${name}\"")),
            _ => None,
        }
    }

    /// How a comment line starts, for the languages that have one.
    pub fn comment(self) -> Option<&'static str> {
        match self {
            Language::Python | Language::Shell | Language::Ini | Language::S3cfg => Some("#"),
            Language::Dotenv | Language::Hcl => Some("#"),
            Language::KeyValue => None,
        }
    }
}

/// Whether python-dotenv would read a `${NAME}` or `${NAME:-default}` in `value` as a variable
/// (`_posix_variable`: a name without `}` or `:`, then `}` or `:-…}`).
fn dotenv_expands(value: &str) -> bool {
    value.match_indices("${").any(|(at, _)| {
        let rest = &value[at + 2..];
        match rest.find(['}', ':']) {
            Some(end) if rest[end..].starts_with('}') => true,
            Some(end) => rest[end..].starts_with(":-") && rest[end + 2..].contains('}'),
            None => false,
        }
    })
}

/// Single-quoted, with backslash escapes for the quote, the backslash and control characters.
fn python(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '\'' => out.push_str(r"\'"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// https://developer.hashicorp.com/terraform/language/expressions/strings: `\\`, `\"`, `\n`…
/// escapes, and `$${` / `%%{` for a literal `${` / `%{`.
fn hcl(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_quotes_its_own_special_characters() {
        let value = r#"a'b"c\d%e${f}%{g}"#;
        assert_eq!(
            Language::Python.literal(value).unwrap(),
            r#"'a\'b"c\\d%e${f}%{g}'"#
        );
        assert_eq!(
            Language::Shell.literal(value).unwrap(),
            r#"'a'\''b"c\d%e${f}%{g}'"#
        );
        assert_eq!(
            Language::Ini.literal(value).unwrap(),
            r#"a'b"c\d%%e${f}%%{g}"#
        );
        // Not `${f}`: python-dotenv would expand it (see the test below).
        assert_eq!(
            Language::Dotenv.literal(r#"a'b"c\d%e$f}%{g}"#).unwrap(),
            r#"'a\'b"c\\d%e$f}%{g}'"#
        );
        assert_eq!(
            Language::Hcl.literal(value).unwrap(),
            r#""a'b\"c\\d%e$${f}%%{g}""#
        );
        assert_eq!(
            Language::S3cfg.literal(value).unwrap(),
            format!("\"{value}\"")
        );
    }

    #[test]
    fn formats_without_quoting_refuse_what_they_would_change() {
        for language in [Language::Ini, Language::KeyValue] {
            assert_eq!(language.literal(" padded"), Err(Unrepresentable));
            assert_eq!(language.literal("two\nlines"), Err(Unrepresentable));
        }
        assert!(Language::S3cfg.literal(" padded ").is_ok());
        assert_eq!(Language::Shell.literal("nul\0"), Err(Unrepresentable));
    }

    #[test]
    fn a_dotenv_value_that_python_dotenv_would_expand_is_refused() {
        for expanded in ["a${0 EB<!;a71]}z", "${HOME}", "x${A:-b}y", "${}"] {
            assert_eq!(
                Language::Dotenv.literal(expanded),
                Err(Unrepresentable),
                "{expanded}"
            );
        }
        for kept in ["a${b", "a$b}", "${a:b}", "$ {a}", "}${"] {
            assert!(Language::Dotenv.literal(kept).is_ok(), "{kept}");
        }
    }

    #[test]
    fn programs_read_secrets_from_the_environment_files_cannot() {
        assert_eq!(
            Language::Python.env_read("OBS_SECRET_ACCESS_KEY").unwrap(),
            "os.environ['OBS_SECRET_ACCESS_KEY']"
        );
        assert_eq!(Language::Shell.env_read("X").unwrap(), "\"$X\"");
        assert_eq!(Language::Ini.env_read("X"), None);
    }
}

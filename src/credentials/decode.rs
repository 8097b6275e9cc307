//! Bytes to text: the size limit, binary detection and the encodings spreadsheet programs
//! write: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and the legacy code page of the
//! Windows that saved an Excel "CSV" (GBK, Big5, Shift_JIS, Windows-125x…), guessed by
//! chardetng, the detector Firefox uses for pages that do not declare theirs.

use super::error::{ErrorCode, ImportError, Warning, WarningCode};
use crate::words::{locale_key, Param};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;
use std::borrow::Cow;
use zeroize::Zeroizing;

/// Larger inputs are refused before any decoding: no real key file comes near it.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Decoded text with every line ending (`\r\n`, `\r`) turned into `\n`, wiped on drop
/// because it holds the secrets.
pub(crate) struct Decoded {
    pub text: Zeroizing<String>,
    pub warning: Option<Warning>,
}

/// `language` is the user's (a BCP 47 tag such as `zh-CN`): the hint for a legacy code page.
pub(crate) fn decode(
    bytes: &[u8],
    file_name: Option<&str>,
    language: Option<&str>,
) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::new(ErrorCode::TooLarge)
            .with("size", bytes.len())
            .with("limit", MAX_INPUT_BYTES));
    }
    if bytes.is_empty() {
        return Err(empty());
    }
    let mut warning = None;
    let decoded: Cow<str> = if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom_length..])
            .ok_or_else(|| not_text(bytes, file_name))?
    } else if bytes.contains(&0) {
        return Err(not_text(bytes, file_name));
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Cow::Borrowed(text)
    } else {
        let (text, encoding) = decode_legacy(bytes, language);
        warning = Some(legacy_encoding_warning(encoding));
        Cow::Owned(text)
    };
    let text = match decoded {
        Cow::Borrowed(text) => normalize_line_endings(text),
        Cow::Owned(text) => normalize_line_endings(&Zeroizing::new(text)),
    };
    if text.chars().any(is_binary_control) {
        return Err(not_text(bytes, file_name));
    }
    if text.trim().is_empty() {
        return Err(empty());
    }
    Ok(Decoded { text, warning })
}

/// Reads a file that is not UTF-8 in the code page chardetng guesses, given the user's language
/// as the hint a browser takes from a page's domain: a name of two Chinese characters is four
/// bytes, too few to tell GBK from EUC-JP without it. When the hint changes the guess but the
/// file does not read cleanly in the hinted code page, the hint was wrong for this file (a
/// French name on a Chinese-language browser) and the guess without it is read instead.
fn decode_legacy(bytes: &[u8], language: Option<&str>) -> (String, &'static Encoding) {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let unhinted = detector.guess(None, Utf8Detection::Deny);
    let hinted = language
        .and_then(country_of_language)
        .map_or(unhinted, |tld| {
            detector.guess(Some(tld.as_bytes()), Utf8Detection::Deny)
        });
    let mut text = Zeroizing::new(hinted.decode_without_bom_handling(bytes).0.into_owned());
    if hinted != unhinted && !reads_cleanly(bytes, &text) {
        let text = unhinted.decode_without_bom_handling(bytes).0.into_owned();
        return (text, unhinted);
    }
    // Moved out, not copied: the emptied `Zeroizing` has nothing left to wipe.
    (std::mem::take(&mut *text), hinted)
}

/// Whether `text`, read from `bytes` in a guessed code page, is that code page's own text:
/// nothing undecodable nor private-use, and every ASCII byte still a character of its own (a
/// code page that takes one as the second byte of a pair reads another's letters: the `él` of
/// `Hélène` in Windows-1252 is GBK's `閘`).
fn reads_cleanly(bytes: &[u8], text: &str) -> bool {
    !text.chars().any(is_unreadable)
        && bytes.iter().filter(|b| b.is_ascii()).count()
            == text.chars().filter(char::is_ascii).count()
}

/// A character no name holds: the decoder's replacement for bytes its code page lacks, or one of
/// the private-use code points GBK and Big5 map another code page's byte pairs to.
pub(crate) fn is_unreadable(c: char) -> bool {
    c == char::REPLACEMENT_CHARACTER || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The country a BCP 47 language tag points to, as the top-level domain chardetng takes for a
/// hint (lower-case ASCII, as it requires): the region (`zh-TW` → `tw`), else the script's
/// (`zh-Hant` → `tw`) or the language's main country (`ja` → `jp`, `fr` → `fr`).
fn country_of_language(tag: &str) -> Option<String> {
    let mut subtags = tag.split(['-', '_']).map(str::to_ascii_lowercase);
    let language = subtags.next()?;
    let mut country = None;
    for subtag in subtags {
        match subtag.as_str() {
            "hant" => country = Some("tw".to_owned()),
            "hans" => country = Some("cn".to_owned()),
            region if region.len() == 2 => {
                country = Some(region.to_owned());
                break;
            }
            _ => {}
        }
    }
    let country = country.unwrap_or_else(|| {
        match language.as_str() {
            "zh" => "cn",
            "ja" => "jp",
            "ko" => "kr",
            "el" => "gr",
            "he" => "il",
            "uk" => "ua",
            "cs" => "cz",
            "vi" => "vn",
            other => other,
        }
        .to_owned()
    });
    (country.len() == 2 && country.bytes().all(|b| b.is_ascii_lowercase())).then_some(country)
}

/// The writing system of each code page chardetng 1.0 can guess (encoding_rs's names), for the
/// warning's words: `script_<id>` in `_locales`.
const SCRIPTS: &[(&str, &[&str])] = &[
    ("western", &["windows-1252"]),
    ("central_european", &["windows-1250", "ISO-8859-2"]),
    ("baltic", &["windows-1257", "ISO-8859-4", "ISO-8859-13"]),
    (
        "cyrillic",
        &["windows-1251", "ISO-8859-5", "KOI8-U", "IBM866"],
    ),
    ("greek", &["windows-1253", "ISO-8859-7"]),
    ("turkish", &["windows-1254"]),
    ("hebrew", &["windows-1255", "ISO-8859-8"]),
    ("arabic", &["windows-1256", "ISO-8859-6"]),
    ("vietnamese", &["windows-1258"]),
    ("thai", &["windows-874"]),
    ("simplified_chinese", &["GBK"]),
    ("traditional_chinese", &["Big5"]),
    ("japanese", &["Shift_JIS", "EUC-JP"]),
    ("korean", &["EUC-KR"]),
];

/// The `_locales` keys of the scripts' words.
pub(crate) fn script_terms() -> impl Iterator<Item = String> {
    SCRIPTS.iter().map(|(id, _)| locale_key("script", id))
}

/// Names the code page the way a user meets it: its writing system in their language and its
/// own name as Windows and Excel show it (`Windows-1252`, `GBK`).
fn legacy_encoding_warning(encoding: &'static Encoding) -> Warning {
    let name = encoding.name();
    let script = SCRIPTS
        .iter()
        .find(|(_, names)| names.contains(&name))
        // chardetng guesses no other code page (its candidates list); the name still tells.
        .map_or("western", |(id, _)| id);
    let shown = match name.strip_prefix("windows-") {
        Some(number) => format!("Windows-{number}"),
        None => name.to_owned(),
    };
    Warning::new(WarningCode::LegacyEncoding)
        .with("script", Param::term("script", script))
        .with("encoding", shown)
}

fn normalize_line_endings(text: &str) -> Zeroizing<String> {
    // Sized up front so the secret-holding buffer is never reallocated (and left behind unwiped).
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    for (index, piece) in text.split('\r').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(if index > 0 {
            piece.strip_prefix('\n').unwrap_or(piece)
        } else {
            piece
        });
    }
    out
}

/// Control characters that never occur in a text file (tab, line feed and form feed do).
fn is_binary_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}')
}

fn empty() -> ImportError {
    ImportError::new(ErrorCode::Empty)
}

fn not_text(bytes: &[u8], file_name: Option<&str>) -> ImportError {
    let is_workbook = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"\xD0\xCF\x11\xE0")
        || file_name.is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            name.ends_with(".xlsx") || name.ends_with(".xls")
        });
    ImportError::new(if is_workbook {
        ErrorCode::Workbook
    } else {
        ErrorCode::NotText
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        text_in(bytes, None)
    }

    fn text_in(bytes: &[u8], language: Option<&str>) -> String {
        decode(bytes, None, language).unwrap().text.to_string()
    }

    fn code(bytes: &[u8]) -> ErrorCode {
        decode(bytes, None, None).err().unwrap().code
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text(b"a,b\n"), "a,b\n");
        assert_eq!(text(b"\xEF\xBB\xBFa,b\n"), "a,b\n");
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é\tb\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("é\tb\r\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&le), "é\tb\n");
        assert_eq!(text(&be), "é\tb\n");
        assert_eq!(code(&le[..le.len() - 1]), ErrorCode::NotText);
    }

    #[test]
    fn every_line_ending_becomes_lf() {
        assert_eq!(text(b"a\r\nb\rc\nd\r\r\n"), "a\nb\nc\nd\n\n");
    }

    #[test]
    fn legacy_code_pages_are_read_and_named() {
        // 张伟 in GBK, José in Windows-1252, 山田太郎 in Shift_JIS, 陳志明 in Big5.
        for (bytes, expected, script, encoding) in [
            (
                &b"User Name\n\xD5\xC5\xCE\xB0\n"[..],
                "User Name\n张伟\n",
                "script_simplified_chinese",
                "GBK",
            ),
            (
                b"User Name\nJos\xE9\n",
                "User Name\nJosé\n",
                "script_western",
                "Windows-1252",
            ),
            (
                b"User Name\n\x8E\x52\x93\x63\x91\xBE\x98\x59\n",
                "User Name\n山田太郎\n",
                "script_japanese",
                "Shift_JIS",
            ),
            (
                b"User Name\n\xB3\xAF\xA7\xD3\xA9\xFA\n",
                "User Name\n陳志明\n",
                "script_traditional_chinese",
                "Big5",
            ),
        ] {
            let decoded = decode(bytes, None, None).unwrap();
            assert_eq!(decoded.text.as_str(), expected);
            let warning = decoded.warning.unwrap();
            assert_eq!(warning.code, WarningCode::LegacyEncoding);
            assert_eq!(
                serde_json::to_value(&warning.params).unwrap(),
                serde_json::json!({"script": {"term": script}, "encoding": encoding})
            );
        }
    }

    #[test]
    fn the_users_language_settles_a_short_name() {
        // 李娜 in GBK: four bytes that read as EUC-JP 川槌 without a hint.
        let bytes = b"User Name\n\xC0\xEE\xC4\xC8\n";
        assert_eq!(text_in(bytes, Some("zh-CN")), "User Name\n李娜\n");
        assert_eq!(text_in(bytes, Some("zh")), "User Name\n李娜\n");
        // The hint loses to the bytes when they do not read cleanly in its code page: 林美玲 in
        // Big5, 山田太郎 in Shift_JIS, Hélène in Windows-1252 on a Chinese-language browser.
        for (bytes, expected) in [
            (
                &b"User Name\n\xAA\x4C\xAC\xFC\xAC\xC2\n"[..],
                "User Name\n林美玲\n",
            ),
            (
                b"User Name\n\x8E\x52\x93\x63\x91\xBE\x98\x59\n",
                "User Name\n山田太郎\n",
            ),
            (
                b"User Name\nH\xE9l\xE8ne Lef\xE8vre\n",
                "User Name\nHélène Lefèvre\n",
            ),
        ] {
            assert_eq!(text_in(bytes, Some("zh-CN")), expected);
        }
    }

    #[test]
    fn language_tags_become_country_hints() {
        for (tag, country) in [
            ("zh-CN", Some("cn")),
            ("zh_TW", Some("tw")),
            ("zh-Hant", Some("tw")),
            ("zh", Some("cn")),
            ("ja", Some("jp")),
            ("fr", Some("fr")),
            ("en-US", Some("us")),
            ("es-419", Some("es")),
            ("", None),
            ("x.y", None),
            ("中文", None),
        ] {
            assert_eq!(country_of_language(tag).as_deref(), country, "{tag}");
        }
    }

    #[test]
    fn every_script_has_one_term() {
        let terms: Vec<String> = script_terms().collect();
        let mut unique = terms.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), terms.len());
        assert!(terms.contains(&"script_simplified_chinese".to_owned()));
    }

    #[test]
    fn refusals() {
        assert_eq!(code(b""), ErrorCode::Empty);
        assert_eq!(code(b" \r\n\t\n"), ErrorCode::Empty);
        assert_eq!(code(b"\xEF\xBB\xBF"), ErrorCode::Empty);
        assert_eq!(code(b"\x89PNG\r\n\x1a\n\0\0"), ErrorCode::NotText);
        assert_eq!(code(b"abc\x01def"), ErrorCode::NotText);
        let too_large = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert_eq!(code(&too_large), ErrorCode::TooLarge);
        assert!(decode(&too_large[1..], None, None).is_ok());
    }

    #[test]
    fn workbooks_get_a_hint() {
        let error = decode(b"PK\x03\x04\x14\0\x06\0", Some("credentials.xlsx"), None).err();
        assert_eq!(error.unwrap().code, ErrorCode::Workbook);
    }
}

//! Bytes to text: the size limit, binary detection and the encodings spreadsheet programs
//! write (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252 "CSV" saves).

use super::error::{ErrorCode, ImportError, Warning, WarningCode};
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

pub(crate) fn decode(bytes: &[u8], file_name: Option<&str>) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::new(ErrorCode::TooLarge)
            .with("size", bytes.len())
            .with("limit", MAX_INPUT_BYTES));
    }
    if bytes.is_empty() {
        return Err(empty());
    }
    let mut warning = None;
    let decoded: Cow<str> = match Bom::of(bytes) {
        Some(Bom::Utf8) => std::str::from_utf8(&bytes[3..])
            .map(Cow::Borrowed)
            .map_err(|_| not_text(bytes, file_name))?,
        Some(Bom::Utf16(byte_order)) => decode_utf16(&bytes[2..], byte_order)
            .map(Cow::Owned)
            .ok_or_else(|| not_text(bytes, file_name))?,
        None if bytes.contains(&0) => return Err(not_text(bytes, file_name)),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => {
                warning = Some(Warning::new(WarningCode::LegacyEncoding));
                Cow::Owned(decode_windows_1252(bytes))
            }
        },
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

/// The byte-order marks spreadsheet programs write.
enum Bom {
    Utf8,
    Utf16(fn([u8; 2]) -> u16),
}

impl Bom {
    fn of(bytes: &[u8]) -> Option<Bom> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some(Bom::Utf8),
            [0xFF, 0xFE, ..] => Some(Bom::Utf16(u16::from_le_bytes)),
            [0xFE, 0xFF, ..] => Some(Bom::Utf16(u16::from_be_bytes)),
            _ => None,
        }
    }
}

/// UTF-16 without its BOM; `None` for an odd length or an unpaired surrogate. By hand with the
/// standard library, as the Windows-1252 table below: encoding_rs, checked against in the tests,
/// links every legacy encoding's tables into the WASM (about a sixth of its size).
fn decode_utf16(bytes: &[u8], byte_order: fn([u8; 2]) -> u16) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| byte_order([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    for c in char::decode_utf16(units) {
        text.push(c.ok()?);
    }
    Some(text)
}

/// WHATWG's index-windows-1252 for 0x80..=0x9F; every other byte is its own code point.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
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
        decode(bytes, None).unwrap().text.to_string()
    }

    fn code(bytes: &[u8]) -> ErrorCode {
        decode(bytes, None).err().unwrap().code
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
    fn windows_1252_is_read_with_a_warning() {
        let decoded = decode(b"User Name\nJos\xE9\n", None).unwrap();
        assert_eq!(decoded.text.as_str(), "User Name\nJosé\n");
        assert_eq!(decoded.warning.unwrap().code, WarningCode::LegacyEncoding);
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
        assert!(decode(&too_large[1..], None).is_ok());
    }

    // encoding_rs (a dev-dependency only) is the reference for the hand-written decoders.
    #[test]
    fn windows_1252_matches_encoding_rs_on_every_byte() {
        let every_byte: Vec<u8> = (0..=255).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&every_byte);
        assert_eq!(decode_windows_1252(&every_byte), expected);
    }

    #[test]
    fn utf16_matches_encoding_rs() {
        let samples: [&[u16]; 5] = [
            &[0x61, 0xE9, 0x20AC, 0xD83D, 0xDE00, 0x4E2D],
            &[0xD800],             // unpaired high surrogate
            &[0xDC00, 0x61],       // unpaired low surrogate
            &[0x61, 0xD83D, 0x62], // high surrogate then no low one
            &[],
        ];
        for units in samples {
            for (encoding, order, bytes_of) in [
                (
                    encoding_rs::UTF_16LE,
                    u16::from_le_bytes as fn([u8; 2]) -> u16,
                    u16::to_le_bytes as fn(u16) -> [u8; 2],
                ),
                (encoding_rs::UTF_16BE, u16::from_be_bytes, u16::to_be_bytes),
            ] {
                let bytes: Vec<u8> = units.iter().flat_map(|&u| bytes_of(u)).collect();
                let expected = encoding
                    .decode_without_bom_handling_and_without_replacement(&bytes)
                    .map(|text| text.into_owned());
                assert_eq!(decode_utf16(&bytes, order), expected, "{units:x?}");
                let odd = &bytes[..bytes.len().saturating_sub(1)];
                if !bytes.is_empty() {
                    assert_eq!(decode_utf16(odd, order), None);
                }
            }
        }
    }

    #[test]
    fn workbooks_get_a_hint() {
        let error = decode(b"PK\x03\x04\x14\0\x06\0", Some("credentials.xlsx")).err();
        assert_eq!(error.unwrap().code, ErrorCode::Workbook);
    }
}

//! Text normalisation shared by the rules and the heuristics, so a label, an `id` and a rule's
//! words compare in one form: lower case, split into words (also `camelCase`, `snake_case`, and one
//! word per CJK character, since Chinese has no spaces), words joined by single spaces and padded
//! with one space at each end. A normalised phrase found inside a normalised text is then always
//! a run of whole words.

/// The normalised form of `text`, e.g. `"Access-Key ID (AK)"` → `" access key id ak "`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_cjk(c) {
            push_word_break(&mut out);
            out.push(c);
            out.push(' ');
        } else if c.is_alphanumeric() {
            if prev.is_some_and(|p| is_camel_break(p, c, chars.peek().copied())) {
                push_word_break(&mut out);
            }
            out.extend(c.to_lowercase());
        } else {
            push_word_break(&mut out);
        }
        prev = Some(c);
    }
    push_word_break(&mut out);
    out
}

fn push_word_break(out: &mut String) {
    if !out.ends_with(' ') {
        out.push(' ');
    }
}

/// `accessKey` → `access|Key`, `APIKey` → `API|Key`.
fn is_camel_break(prev: char, c: char, next: Option<char>) -> bool {
    c.is_uppercase()
        && (prev.is_lowercase()
            || prev.is_ascii_digit()
            || (prev.is_uppercase() && next.is_some_and(char::is_lowercase)))
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // kana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}') // CJK compatibility ideographs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_labels_identifiers_and_cjk() {
        for (input, expected) in [
            ("Access Key ID (AK)", " access key id ak "),
            ("accessKeyId", " access key id "),
            ("secret_access_key", " secret access key "),
            ("APIKey", " api key "),
            ("Clé d’accès :", " clé d accès "),
            ("访问密钥ID", " 访 问 密 钥 id "),
            ("API 密钥", " api 密 钥 "),
            ("* SK", " sk "),
            ("", " "),
        ] {
            assert_eq!(normalize(input), expected, "{input}");
        }
    }
}

//! Text normalisation shared by the rules and the heuristics, so a label, an `id` and a rule's
//! words compare in one form: lower case, split into words (also `camelCase`, `snake_case`, and one
//! word per CJK character, since Chinese has no spaces), words joined by single spaces and padded
//! with one space at each end. A phrase is then found with `contains` on whole words.

/// The normalised form of `text`, e.g. `"Access-Key ID (AK)"` → `" access key id ak "`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_cjk(c) {
            push_word_break(&mut out);
            out.push(c);
            out.push(' ');
        } else if c.is_alphanumeric() {
            if i > 0 && is_camel_break(chars[i - 1], c, chars.get(i + 1).copied()) {
                push_word_break(&mut out);
            }
            out.extend(c.to_lowercase());
        } else {
            push_word_break(&mut out);
        }
    }
    push_word_break(&mut out);
    out
}

/// Whether the normalised `haystack` holds the normalised `phrase` as whole words.
pub fn has_phrase(haystack: &str, phrase: &str) -> bool {
    phrase.trim() != "" && haystack.contains(phrase)
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

    #[test]
    fn phrases_match_whole_words_only() {
        let label = normalize("Secret Access Key");
        assert!(has_phrase(&label, &normalize("access key")));
        assert!(!has_phrase(&label, &normalize("ess ke")));
        assert!(!has_phrase(&normalize("Task"), &normalize("sk")));
        assert!(has_phrase(
            &normalize("请输入秘密访问密钥"),
            &normalize("访问密钥")
        ));
        assert!(!has_phrase(&label, &normalize("")));
    }
}

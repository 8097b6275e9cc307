//! What the content script tells about one form field, and the normalised views the matchers read.

use super::text::normalize;
use serde::Deserialize;
use tsify_next::Tsify;

/// One form control as the content script saw it. Every string is as found in the page; missing
/// ones may be absent or `null`. `visible`, `readOnly`, `disabled`, `frameUrl` and
/// `frameSandboxed` are required so that a forgotten flag never makes a field fillable.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FieldDescriptor {
    /// Opaque handle assigned by the content script; echoed back in the plan.
    pub id: String,
    /// Lower- or upper-case tag name (`input`, `textarea`, …).
    pub tag: String,
    #[serde(rename = "type", default)]
    pub input_type: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub html_id: Option<String>,
    #[serde(default)]
    pub autocomplete: Option<String>,
    /// `label[for]`, wrapping label, `aria-labelledby` texts.
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub placeholder: Option<String>,
    #[serde(default)]
    pub aria_label: Option<String>,
    /// Text found near the field when nothing labels it (SPA forms often use bare `<div>`s).
    #[serde(default)]
    pub nearby_text: Option<String>,
    pub visible: bool,
    pub read_only: bool,
    pub disabled: bool,
    /// The URL of the frame the field lives in (the top frame's too): its `location.href`, or
    /// `self.origin` for `about:blank` and `blob:` frames, whose own URL names no origin.
    pub frame_url: String,
    pub frame_sandboxed: bool,
}

/// One frame's fields as its content script described them, their ids local to that frame.
pub struct FrameFields {
    /// The browser's frame id: 0 for the top frame; Firefox's exceed 32 bits.
    pub frame_id: u64,
    pub fields: Vec<FieldDescriptor>,
}

/// The page's fields, from its frames: each id becomes `frameId:localId` (the worker sends a value
/// back to its frame by it), and the fields in `hidden` (such ids, which the content script's full
/// visibility check found covered or off-screen after a plan picked them) are planned as not
/// visible, so a covered decoy gives its slot up.
pub fn page_fields(frames: Vec<FrameFields>, hidden: &[String]) -> Vec<FieldDescriptor> {
    let mut fields = Vec::with_capacity(frames.iter().map(|f| f.fields.len()).sum());
    for FrameFields {
        frame_id,
        fields: own,
    } in frames
    {
        for mut field in own {
            field.id = format!("{frame_id}:{}", field.id);
            if hidden.contains(&field.id) {
                field.visible = false;
            }
            fields.push(field);
        }
    }
    fields
}

/// Longer page texts are cut in a fill report: a label is a few words, a paragraph is not one.
const SHOWN_NAME_CHARS: usize = 40;

/// Text input types a key can be typed into. Checkboxes, radios, buttons, files… never are.
const TEXT_INPUT_TYPES: &[&str] = &["", "text", "password", "email", "url", "search", "tel"];

/// The input types a secret may be typed into: a search, e-mail, URL or phone field is sent,
/// stored or shown elsewhere by the page (a search box puts its text in the address bar).
const SECRET_INPUT_TYPES: &[&str] = &["", "text", "password"];

impl FieldDescriptor {
    /// The name the page shows for the field (its label, else `aria-label`, placeholder or the
    /// text beside it), whitespace collapsed and cut at [`SHOWN_NAME_CHARS`]: what a fill report
    /// calls the field, so the user finds it on the page. Page text, never a value.
    pub fn shown_name(&self) -> Option<String> {
        let text = self
            .labels
            .iter()
            .chain(&self.aria_label)
            .chain(&self.placeholder)
            .chain(&self.nearby_text)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|t| !t.is_empty())?;
        Some(match text.char_indices().nth(SHOWN_NAME_CHARS) {
            Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
            None => text,
        })
    }

    /// Whether this kind of control can take a typed value at all.
    pub fn is_text_entry(&self) -> bool {
        match self.tag.to_ascii_lowercase().as_str() {
            "textarea" => true,
            "input" => TEXT_INPUT_TYPES.contains(&self.input_type().as_str()),
            _ => false,
        }
    }

    /// Whether a secret slot's value may go into this control (`textarea`, or a text or password input).
    pub fn may_take_secret(&self) -> bool {
        match self.tag.to_ascii_lowercase().as_str() {
            "textarea" => true,
            "input" => SECRET_INPUT_TYPES.contains(&self.input_type().as_str()),
            _ => false,
        }
    }

    pub fn input_type(&self) -> String {
        self.input_type
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }
}

/// Where a piece of text came from, which says how much it is worth as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Label,
    Placeholder,
    Identifier,
    Nearby,
}

/// A field's texts, normalised once (see [`super::text`]).
pub struct FieldText {
    pub html_id: String,
    pub name: String,
    pub autocomplete: String,
    pub input_type: String,
    /// Normalised texts with their source, labels first.
    pub texts: Vec<(Source, String)>,
}

impl FieldText {
    pub fn new(field: &FieldDescriptor) -> Self {
        let trimmed = |s: &Option<String>| s.as_deref().unwrap_or("").trim().to_owned();
        let mut texts: Vec<(Source, String)> = field
            .labels
            .iter()
            .chain(&field.aria_label)
            .map(|l| (Source::Label, normalize(l)))
            .collect();
        let others = [
            (Source::Placeholder, &field.placeholder),
            (Source::Identifier, &field.name),
            (Source::Identifier, &field.html_id),
            (Source::Nearby, &field.nearby_text),
        ];
        texts.extend(
            others
                .into_iter()
                .filter_map(|(source, text)| Some((source, normalize(text.as_deref()?)))),
        );
        texts.retain(|(_, text)| !text.trim().is_empty());
        FieldText {
            html_id: trimmed(&field.html_id),
            name: trimmed(&field.name),
            autocomplete: trimmed(&field.autocomplete),
            input_type: field.input_type(),
            texts,
        }
    }

    /// Texts that name the field itself (labels, `aria-label`, placeholder), normalised.
    pub fn label_texts(&self) -> impl Iterator<Item = &str> {
        self.texts
            .iter()
            .filter(|(source, _)| matches!(source, Source::Label | Source::Placeholder))
            .map(|(_, text)| text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(id: &str) -> FieldDescriptor {
        serde_json::from_value(json!({"id": id, "tag": "input", "visible": true, "readOnly": false,
            "disabled": false, "frameUrl": "https://console.huaweicloud.com/", "frameSandboxed": false}))
        .expect("a valid descriptor")
    }

    #[test]
    fn a_pages_fields_carry_their_frame_in_their_id_and_the_hidden_ones_are_not_visible() {
        let frames = vec![
            FrameFields {
                frame_id: 0,
                fields: vec![field("0"), field("1")],
            },
            FrameFields {
                frame_id: 8_589_934_593,
                fields: vec![field("0")],
            },
        ];
        let fields = page_fields(frames, &["8589934593:0".to_owned()]);
        let seen: Vec<(&str, bool)> = fields.iter().map(|f| (f.id.as_str(), f.visible)).collect();
        assert_eq!(
            seen,
            [("0:0", true), ("0:1", true), ("8589934593:0", false)]
        );
    }
}

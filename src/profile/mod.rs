//! The one model of what credfill keeps: [`Provider`], [`Credential`], [`Profile`] and the vault
//! [`Document`] that holds them, with every change to it as an [`Operation`] applied here.
//!
//! Import, checks and fill read these types; `vault` only seals and opens the document's text.
//! The extension passes operations and stores what [`Document::apply`] returns: it never edits a
//! profile field itself. Plain data, pure functions; the caller passes `now`.

mod age;
mod credential;
mod document;
mod endpoint;
mod import;
mod merge;
mod operation;
#[allow(clippy::module_inception)]
mod profile;
mod provider;
mod rotation;
mod timestamp;
mod view;

pub use age::{key_age, KeyAge, KeyAgeSince, DEFAULT_MAX_KEY_AGE_DAYS};
pub use credential::{
    AkIssuer, AkSk, AzureServicePrincipal, Credential, IbmApiKey, IbmInstance, IbmService,
};
pub use document::{Conflict, Deleted, Document, DOCUMENT_VERSION};
pub use endpoint::{CustomOrigin, Endpoint, PerService};
pub use import::{preview_import, ImportAction, ImportPreview, Saved};
pub use merge::Restored;
pub use operation::{ConflictChoice, Edits, Operation, Outcome, UNDO_MS};
pub use profile::{CheckLine, Colour, LastCheck, Profile};
pub use provider::Provider;
pub use rotation::rotation_steps;
pub use timestamp::{format_ms, parse_ms};
pub use view::{document_view, DocumentView, ProfileView, Tab};

/// Why an operation or a document was refused. The codes are stable (kebab-case); the messages
/// name fields, never their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileError {
    NoProfile,
    BadName,
    BadColour,
    BadEndpoint,
    BadRegion,
    NothingToUndo,
    BadOrder,
    NoConflict,
    /// An import target of another provider than the key's.
    WrongProvider,
    /// `replace` asked, but the target holds no key the new one rotates.
    NothingToReplace,
    NoItems,
    BadDocument,
    /// Written by a newer credfill.
    NewerDocument,
    BadOperation,
}

impl ProfileError {
    pub fn code(self) -> &'static str {
        match self {
            ProfileError::NoProfile => "no-profile",
            ProfileError::BadName => "bad-name",
            ProfileError::BadColour => "bad-colour",
            ProfileError::BadEndpoint => "bad-endpoint",
            ProfileError::BadRegion => "bad-region",
            ProfileError::NothingToUndo => "nothing-to-undo",
            ProfileError::BadOrder => "bad-order",
            ProfileError::NoConflict => "no-conflict",
            ProfileError::WrongProvider => "wrong-provider",
            ProfileError::NothingToReplace => "nothing-to-replace",
            ProfileError::NoItems => "no-items",
            ProfileError::BadDocument => "bad-document",
            ProfileError::NewerDocument => "newer-document",
            ProfileError::BadOperation => "bad-operation",
        }
    }
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProfileError::NoProfile => "No such profile.",
            ProfileError::BadName => "A profile needs a name.",
            ProfileError::BadColour => "A colour is #rrggbb.",
            ProfileError::BadEndpoint => {
                "An endpoint is an https:// origin (http:// only on this computer)."
            }
            ProfileError::BadRegion => "This region is not one of the provider's.",
            ProfileError::NothingToUndo => "Nothing to undo.",
            ProfileError::BadOrder => "The new order must list every profile once.",
            ProfileError::NoConflict => "No such conflict.",
            ProfileError::WrongProvider => "This key is not for that profile's cloud.",
            ProfileError::NothingToReplace => "That profile holds no key this one replaces.",
            ProfileError::NoItems => "Nothing to import.",
            ProfileError::BadDocument => "The vault document is not readable.",
            ProfileError::NewerDocument => "The vault was written by a newer credfill.",
            ProfileError::BadOperation => "Not a profile operation.",
        })
    }
}

impl std::error::Error for ProfileError {}

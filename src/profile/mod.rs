//! The one model of what credfill keeps: [`Provider`], [`Credential`], [`Profile`] and the vault
//! [`Document`] that holds them, with every change to it as an [`Operation`] applied here.
//!
//! Import, checks and fill read these types; `vault` only seals and opens the document's text.
//! The extension passes operations and stores what [`Document::apply`] returns: it never edits a
//! profile field itself. Plain data, pure functions; the caller passes `now`.

use crate::words::message_codes;

mod age;
mod check;
mod credential;
mod document;
mod endpoint;
mod import;
mod merge;
mod operation;
#[allow(clippy::module_inception)]
mod profile;
mod provider;
pub mod region;
mod regions;
mod rotation;
mod timestamp;
mod view;

pub use age::{key_age, KeyAge, KeyAgeSince, DEFAULT_MAX_KEY_AGE_DAYS};
pub use check::{Details, DiagnosisCode, Severity, Status, Step};
pub use credential::{
    is_guid, AkIssuer, AkSk, AzureServicePrincipal, Credential, IbmApiKey, IbmInstance, IbmService,
};
pub use document::{Conflict, Deleted, Document, DOCUMENT_VERSION};
pub use endpoint::{CustomOrigin, Endpoint, PerService, Service};
pub use import::{
    preview_import, DefaultName, DefaultNameCode, ImportAction, ImportPreview, Saved,
};
pub use merge::Restored;
pub use operation::{ConflictChoice, Edits, Operation, Outcome, UNDO_MS};
pub use profile::{is_region_name, CheckLine, Colour, LastCheck, Profile};
pub use provider::{Provider, ProviderTraits};
pub use rotation::{all_rotation_steps, rotation_steps};
pub use timestamp::{format_ms, parse_ms};
pub use view::{document_view, DocumentView, ProfileView, Tab};

message_codes! {
    /// Why an operation or a document was refused: stable kebab-case codes, whose words are
    /// `vault_error_<code>` in `_locales` (the popup shows them with the vault's own errors).
    pub enum ProfileError {
        NoProfile = "no-profile" [],
        BadName = "bad-name" [],
        BadColour = "bad-colour" [],
        BadEndpoint = "bad-endpoint" [],
        BadRegion = "bad-region" [],
        NothingToUndo = "nothing-to-undo" [],
        BadOrder = "bad-order" [],
        NoConflict = "no-conflict" [],
        /// An import target of another provider than the key's.
        WrongProvider = "wrong-provider" [],
        /// `replace` asked, but the target holds no key the new one rotates.
        NothingToReplace = "nothing-to-replace" [],
        NoItems = "no-items" [],
        BadDocument = "bad-document" [],
        /// Written by a newer credfill.
        NewerDocument = "newer-document" [],
        BadOperation = "bad-operation" [],
    }
}

impl std::error::Error for ProfileError {}

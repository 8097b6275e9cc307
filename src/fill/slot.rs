//! The named values a console form can ask for.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Slot {
    AccessKeyId,
    SecretAccessKey,
    ApiKey,
    /// OpenScale service instance GUID / data mart ID, WML instance ID.
    InstanceId,
    Url,
    ClientId,
    ClientSecret,
    TenantId,
    SubscriptionId,
    Region,
    Username,
    Password,
}

impl Slot {
    pub const ALL: [Slot; 12] = [
        Slot::AccessKeyId,
        Slot::SecretAccessKey,
        Slot::ApiKey,
        Slot::InstanceId,
        Slot::Url,
        Slot::ClientId,
        Slot::ClientSecret,
        Slot::TenantId,
        Slot::SubscriptionId,
        Slot::Region,
        Slot::Username,
        Slot::Password,
    ];

    /// Slots whose value is a credential a page would mask (`type=password`).
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            Slot::SecretAccessKey | Slot::ApiKey | Slot::ClientSecret | Slot::Password
        )
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

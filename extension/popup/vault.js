// The popup section for vault.
export function mountVault(_vaultSection, _profilesSection) {}

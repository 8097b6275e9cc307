// The popup section for import.
export function mountImport() {}

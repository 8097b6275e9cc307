// The popup section for check.
export function mountCheck() {}

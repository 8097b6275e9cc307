// The popup section for fill.
export function mountFill() {}

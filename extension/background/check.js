// Message handlers for check (see the issue that owns it).
export const handlers = {};

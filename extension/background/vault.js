// Message handlers for vault (see the issue that owns it).
export const handlers = {};

// Message handlers for fill (see the issue that owns it).
export const handlers = {};

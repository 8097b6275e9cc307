// Message handlers for import (see the issue that owns it).
export const handlers = {};

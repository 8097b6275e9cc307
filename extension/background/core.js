// Messages about the core itself.
import { version } from '../pkg/credfill.js';

export const handlers = {
  version: { from: ['extension'], run: () => version() },
};

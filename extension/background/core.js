// Messages about the core itself.
import { version } from '../pkg/credfill.js';

/** @satisfies {import('../lib/message-types').Handlers} */
export const handlers = {
  'core.version': { from: ['extension'], run: () => version() },
};

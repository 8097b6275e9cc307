// French typography in extension/_locales/fr/messages.json: a no-break space before ":" and inside
// « », a narrow no-break space before ";", "?" and "!", where a message has a plain space (or none
// after a word, as in "Région: ") — what tests/js/words.test.mjs asks of every French message.
// Run it after writing French words: `node scripts/french-spaces.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../extension/_locales/fr/messages.json', import.meta.url);
const NBSP = '\u00a0';
const NARROW = '\u202f';

/** `message` with its spaces set; a ":" or ";" inside a URL, a time or a host:port is left alone. */
export function frenchSpaces(message) {
  return message
    .replace(/[ \u00a0\u202f]?([:;?!])(?=\s|$)/g, (_, sign) => (sign === ':' ? NBSP : NARROW) + sign)
    .replace(/«[ \u00a0]?/g, `«${NBSP}`)
    .replace(/[ \u00a0]?»/g, `${NBSP}»`);
}

const catalog = JSON.parse(readFileSync(FILE, 'utf8'));
for (const entry of Object.values(catalog)) entry.message = frenchSpaces(entry.message);
writeFileSync(FILE, `${JSON.stringify(catalog, null, 2)}\n`);

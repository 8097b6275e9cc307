// The vault's user settings (not secret, so in storage.local): idle minutes before auto-lock and
// the age after which a key should be rotated. Values from storage or the options page are checked
// here, so the worker never schedules a lock from a nonsense number.

export const SETTINGS_KEY = 'settings.vault';
export const DEFAULT_SETTINGS = Object.freeze({ autoLockMinutes: 15, maxKeyAgeDays: 90 });
const LIMITS = { autoLockMinutes: [1, 24 * 60], maxKeyAgeDays: [1, 3650] };

/** `stored` completed with defaults; a field out of range or not an integer keeps its default. */
export function normalizeSettings(stored = {}) {
  const settings = { ...DEFAULT_SETTINGS };
  for (const [field, [min, max]] of Object.entries(LIMITS)) {
    const value = Number(stored?.[field]);
    if (Number.isInteger(value) && value >= min && value <= max) settings[field] = value;
  }
  return settings;
}

/** Like normalizeSettings, but a value the user typed that does not fit is an error, not a silent default. */
export function validateSettings(input) {
  for (const [field, [min, max]] of Object.entries(LIMITS)) {
    if (!(field in input)) continue;
    const value = Number(input[field]);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw { code: 'bad-setting', message: `${field} must be a whole number from ${min} to ${max}.` };
    }
  }
  return normalizeSettings(input);
}

export async function readSettings(storage) {
  return normalizeSettings((await storage.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function writeSettings(storage, input) {
  const settings = validateSettings({ ...(await readSettings(storage)), ...input });
  await storage.set({ [SETTINGS_KEY]: settings });
  return settings;
}

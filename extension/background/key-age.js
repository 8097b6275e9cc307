// How old a profile's key is, as the core judges it (creation date, else import date; expiry of
// temporary credentials; rotation steps for its provider).
import { profileKeyAge } from '../pkg/credfill.js';

/** The core's verdict, or null for a profile it cannot read (one added by hand rather than from an import). */
export function keyAgeOf(profile, nowMs, maxKeyAgeDays) {
  try {
    return profileKeyAge(profile, nowMs, maxKeyAgeDays);
  } catch {
    return null;
  }
}

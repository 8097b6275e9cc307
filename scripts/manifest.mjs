// The manifest each browser gets, from the one manifest.json (and, for the e2e build, an overlay).
// The e2e build must test what users install: its overlay may only grant this computer's loopback
// hosts up front (where the test stand-ins listen, which a headless browser cannot be asked about);
// anything else it changed (the CSP, other permissions, settings) would make the tests pass on a
// build nobody installs, so the build refuses it.

/** Host patterns of this computer's loopback, the only ones an overlay may grant. */
const LOOPBACK_PATTERN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])\/\*$/;

/** Why `overlay` may not be built, or null. */
export function overlayProblem(overlay) {
  const { host_permissions: hosts, ...others } = overlay;
  const other = Object.keys(others);
  if (other.length) return `an overlay may only add loopback host_permissions, not ${other.join(', ')}`;
  if (hosts === undefined) return null;
  if (!Array.isArray(hosts)) return 'host_permissions must be a list';
  const outside = hosts.filter((h) => typeof h !== 'string' || !LOOPBACK_PATTERN.test(h));
  return outside.length ? `an overlay may only grant loopback hosts, not ${outside.join(', ')}` : null;
}

/** Each copy keeps only the background form its browser runs. */
const forBrowser = {
  chrome(m) {
    delete m.background.scripts;
    delete m.browser_specific_settings;
    return m;
  },
  firefox(m) {
    delete m.background.service_worker;
    // Chrome's offscreen documents (the worker's clipboard): Firefox's background page has a DOM.
    m.permissions = m.permissions.filter((p) => p !== 'offscreen');
    // Firefox reads managed storage from its enterprise policy without a schema, and warns about
    // the key (Bitwarden's manifest drops it for Firefox the same way).
    delete m.storage;
    return m;
  },
};

export const BROWSERS = Object.keys(forBrowser);

/** The manifest `browser` gets: `base` with `version`, plus the overlay's loopback hosts. Throws on a bad overlay. */
export function manifestFor(browser, base, { version, overlay = {} } = {}) {
  const problem = overlayProblem(overlay);
  if (problem) throw new Error(problem);
  const manifest = structuredClone(base);
  if (version) manifest.version = version;
  if (overlay.host_permissions) manifest.host_permissions = [...manifest.host_permissions, ...overlay.host_permissions];
  return forBrowser[browser](manifest);
}

/** A CSP's directives: `{ 'connect-src': ["'self'", 'https:'], … }`. */
export function cspDirectives(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter(([name]) => name)
    .map(([name, ...sources]) => [name, sources]));
}

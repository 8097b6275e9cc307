// The manifest users install (manifest.json as scripts/manifest.mjs derives each browser's copy), and
// the e2e build's overlay, which may grant loopback hosts and nothing else: so the e2e tests run
// under the shipped CSP and permissions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BROWSERS, cspDirectives, manifestFor, overlayProblem } from '../../scripts/manifest.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const BASE = readJson('manifest.json');
const OVERLAY = readJson('tests/e2e/manifest-overlay.json');
/** Plain http: only on this computer's loopback (src/profile/endpoint.rs); any https: origin. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

for (const browser of BROWSERS) {
  describe(`${browser}: the shipped manifest`, () => {
    const shipped = manifestFor(browser, BASE);
    const csp = cspDirectives(shipped.content_security_policy.extension_pages);

    it('pages run only the package\'s own scripts and WASM, show only its images and styles, and embed nothing', () => {
      assert.deepEqual(csp['default-src'], ["'self'"], 'frames, fonts, media and workers fall back to the package');
      assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
      assert.deepEqual(csp['img-src'], ["'self'"]);
      assert.deepEqual(csp['style-src'], ["'self'"]);
      assert.deepEqual(csp['object-src'], ["'none'"]);
      assert.deepEqual(csp['base-uri'], ["'none'"]);
      assert.deepEqual(csp['form-action'], ["'none'"]);
    });

    it('pages may connect to any https: origin and to http: on loopback only, as custom endpoints are', () => {
      assert.deepEqual(csp['connect-src'], ["'self'", 'https:', ...LOOPBACK_HOSTS.map((h) => `http://${h}:*`)]);
    });

    it('no other directive loosens it', () => {
      assert.deepEqual(Object.keys(csp).sort(),
        ['base-uri', 'connect-src', 'default-src', 'form-action', 'img-src', 'object-src', 'script-src', 'style-src']);
    });

    it('a loopback custom endpoint\'s host can be asked for (an optional permission), never granted at install', () => {
      for (const host of LOOPBACK_HOSTS) {
        assert.ok(shipped.optional_host_permissions.includes(`http://${host}/*`), host);
        assert.ok(!shipped.host_permissions.some((p) => p.includes(host)), host);
      }
    });
  });
}

describe('the managed policy\'s schema (docs/managed-policy.md)', () => {
  it('Chrome gets the schema the core reads (src/policy/schema.rs checks its keys), Firefox no key it would warn about', () => {
    const chrome = manifestFor('chrome', BASE);
    assert.equal(chrome.storage.managed_schema, 'managed_schema.json');
    const schema = readJson(join('extension', chrome.storage.managed_schema));
    // Chrome refuses to load the extension when the top level is not an object of properties.
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, undefined);
    assert.ok(Object.keys(schema.properties).length > 0);
    assert.equal(manifestFor('firefox', BASE).storage, undefined);
    assert.ok(manifestFor('firefox', BASE).permissions.includes('storage'), 'Firefox needs the permission to read managed storage');
  });
});

describe('the e2e build\'s overlay', () => {
  it('the repository\'s overlay grants loopback hosts and changes nothing else', () => {
    assert.equal(overlayProblem(OVERLAY), null);
    for (const browser of BROWSERS) {
      const e2e = manifestFor(browser, BASE, { overlay: OVERLAY });
      const shipped = manifestFor(browser, BASE);
      assert.deepEqual({ ...e2e, host_permissions: shipped.host_permissions }, shipped);
      assert.deepEqual(e2e.host_permissions, [...shipped.host_permissions, ...OVERLAY.host_permissions]);
    }
  });

  for (const [what, overlay, said] of [
    ['a CSP', { content_security_policy: { extension_pages: "default-src 'self'; connect-src *" } }, /not content_security_policy/],
    ['permissions', { permissions: ['clipboardRead'] }, /not permissions/],
    ['a setting the product reads', { credfill_test: { clipboardClearSeconds: 3 } }, /not credfill_test/],
    ['a host that is not loopback', { host_permissions: ['http://127.0.0.1/*', 'https://console.hcs.credfill.test/*'] }, /console\.hcs/],
    ['every host', { host_permissions: ['<all_urls>'] }, /all_urls/],
    ['a loopback look-alike', { host_permissions: ['http://127.0.0.1.example.com/*'] }, /example/],
    ['optional hosts', { optional_host_permissions: ['http://*/*'] }, /not optional_host_permissions/],
  ]) {
    it(`is refused when it adds ${what}`, () => {
      assert.match(overlayProblem(overlay), said);
      assert.throws(() => manifestFor('chrome', BASE, { overlay }), said);
    });
  }
});

// Serves the console replicas (tests/fixtures/consoles, bundled by `make consoles`) over HTTPS on
// 127.0.0.1 under the consoles' real host names, with a certificate made for those names at test time,
// so the extension's host permissions and the Rust origin policy run exactly as in production.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { E2E_EXTENSION, ROOT, launchChromium, launchFirefox } from './browsers.mjs';
import { startXvfb } from './xvfb.mjs';

export const HOSTS = {
  huawei: 'console.huaweicloud.com',
  huaweiIntl: 'console-intl.huaweicloud.com',
  orange: 'console.prod-cloud-ocb.orange-business.com',
  ibm: 'cloud.ibm.com',
  openscale: 'aiopenscale.cloud.ibm.com',
  dataplatform: 'dataplatform.cloud.ibm.com',
  /** Not built in: a console the user adds in the options (tests/e2e/permissions.test.mjs). */
  userAdded: 'console.hcs.credfill.test',
  /** Not built in: a console an organisation's managed policy adds (tests/e2e/managed-policy.test.mjs). */
  managed: 'console.managed.credfill.test',
  /** A look-alike: not a console, whatever its page shows. */
  lookalike: 'console-huaweicloud.com',
};

const PAGES = join(ROOT, 'tests/fixtures/consoles/pages');
const BUILD = join(ROOT, 'tests/.cache/consoles/build');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'credfill-cert-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const names = Object.values(HOSTS).map((h) => `DNS:${h}`).join(',');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=credfill replicas',
    '-addext', `subjectAltName=${names}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const pair = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

function serve(req, res) {
  const url = new URL(req.url, 'https://x');
  // For attack pages that hold a fill up with a synchronous request (attack-navigate.html).
  if (url.pathname === '/__delay') {
    setTimeout(() => res.writeHead(204).end(), Math.min(Number(url.searchParams.get('ms')) || 0, 10_000));
    return;
  }
  const path = normalize(decodeURIComponent(url.pathname));
  const file = path.startsWith('/build/') ? join(BUILD, path.slice('/build/'.length)) : join(PAGES, path);
  if (!file.startsWith(BUILD) && !file.startsWith(PAGES)) return res.writeHead(404).end();
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

/**
 * Starts the replica server on 127.0.0.1:`port` (0 = any; Firefox needs 443, since it cannot remap
 * ports and the origin policy wants the default one). Retries a busy port for a while: another test
 * run on this machine may hold 443.
 */
export async function startConsoles(port = 0) {
  if (!existsSync(join(BUILD, 'modelarts-vue.js'))) throw new Error('replicas not built: run `make consoles`');
  const server = createServer(makeCertificate(), serve);
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      break;
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || attempt >= 60) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

/** Chromium: every replica host resolved to the local server, its self-signed certificate accepted. */
export function chromiumConsoleArgs(port) {
  const rules = Object.values(HOSTS).map((h) => `MAP ${h}:443 127.0.0.1:${port}`).join(', ');
  return [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'];
}

/** Firefox: every name resolved to 127.0.0.1 (the server must then listen on 443). */
export const FIREFOX_CONSOLE_PREFS = { 'network.dns.forceResolve': '127.0.0.1' };

/**
 * The replica server (a new one, or `server`) and a browser, with a profile of its own, that resolves
 * the console hosts to it; `language` is the browser's UI language (see launchChromium). `prompts`:
 * the test answers permission prompts (answerPermissionPrompt), so Chromium runs headful on Xvfb.
 */
export async function launchWithConsoles(name, server = null, { language, prompts = false } = {}) {
  server ??= await startConsoles(name === 'firefox' ? 443 : 0);
  let browser;
  if (name === 'firefox') browser = await launchFirefox({ extDir: E2E_EXTENSION.firefox, prefs: FIREFOX_CONSOLE_PREFS, acceptInsecureCerts: true, language });
  else if (prompts) browser = await launchHeadfulChromium(server, { language });
  else browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, args: chromiumConsoleArgs(server.port), language });
  return { server, browser };
}

/**
 * A headful Chromium on a private Xvfb display, for what only real key presses reach (headless
 * Chromium routes none to extension commands), resolving the console hosts to `server`.
 * Resolves to the browser; its close() also stops the display.
 */
export async function launchHeadfulChromium(server, { language } = {}) {
  const xvfb = await startXvfb();
  try {
    const browser = await launchChromium({ extDir: E2E_EXTENSION.chromium, args: chromiumConsoleArgs(server.port), display: xvfb.display, language });
    const close = browser.close;
    return { ...browser, close: () => close().finally(xvfb.stop) };
  } catch (e) {
    xvfb.stop();
    throw e;
  }
}

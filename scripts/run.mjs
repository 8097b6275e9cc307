// The demo: www/ on http://127.0.0.1:8080/, then either a real Chromium window with the extension
// (when a display is available) or a headless smoke check. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';
import { chromiumArgs, launchChromium, ROOT } from '../tests/e2e/lib/browsers.mjs';
import { chromiumConsoleArgs, HOSTS, startConsoles } from '../tests/e2e/lib/consoles.mjs';

const port = Number(process.env.CREDFILL_PORT ?? 8080);
const www = await serveStatic({ port, mounts: { '/': join(ROOT, 'dist/www') } });
const wwwUrl = `http://127.0.0.1:${www.address().port}/`;
// The console replicas, under their real host names (only inside the Chromium started here).
const consoles = await startConsoles();
const demoPages = [`https://${HOSTS.huawei}/modelarts-vue.html`, `https://${HOSTS.openscale}/openscale-react.html`];
const consoleArgs = chromiumConsoleArgs(consoles.port);

console.log(`credfill demo
  standalone import page:   ${wwwUrl}  (also works opened as a file: ${join(ROOT, 'dist/www/index.html')})
  Chrome extension:         ${join(ROOT, 'dist/chrome')}   (chrome://extensions → Developer mode → Load unpacked)
  Firefox add-on:           ${join(ROOT, 'dist/firefox')}  (about:debugging → This Firefox → Load Temporary Add-on → manifest.json)
  store packages:           ${join(ROOT, 'dist')}/credfill-{chrome,firefox}-*.zip
  demo consoles (replicas, in the Chromium started here): ${demoPages.join('  ')}`);

if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
  const ext = join(ROOT, 'dist/chrome');
  const profile = mkdtempSync(join(tmpdir(), 'credfill-demo-'));
  const args = chromiumArgs(ext, consoleArgs).filter((a) => a !== '--no-sandbox' || process.getuid?.() === 0);
  const browser = spawn('/usr/bin/chromium', [`--user-data-dir=${profile}`, ...args, wwwUrl, ...demoPages], { stdio: 'ignore' });
  browser.on('exit', () => process.exit(0));
  console.log('Chromium is open with credfill loaded. Close it (or Ctrl-C) to stop.');
} else {
  console.log('\nNo display: running a headless smoke check instead.');
  const browser = await launchChromium({ args: consoleArgs });
  const popup = await browser.open('popup.html');
  await popup.waitFor('#version[data-state="ready"]');
  console.log(`  extension worker + WASM core: ${await popup.text('#version')}`);
  const page = await browser.open(wwwUrl);
  await page.waitFor('body[data-ready="true"]');
  console.log(`  standalone page: ${await page.text('h1')} — ready`);
  const replica = await browser.open(demoPages[0]);
  await replica.waitFor('input');
  console.log(`  demo console replica: ${demoPages[0]} — loaded`);
  await browser.close();
  if (process.env.CREDFILL_RUN_ONCE) process.exit(0);
  console.log(`\nServing until Ctrl-C.`);
}
process.on('SIGINT', () => process.exit(0));

// A real download in either browser, into a folder of the test's, as a user's click on a replica
// page makes it: the browser's own file naming and download history, which the extension then sees.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import firefox from 'selenium-webdriver/firefox.js';
import { eventually } from './browsers.mjs';
import { HOSTS } from './consoles.mjs';

const TIMEOUT = 30_000;

/** Points `browser`'s downloads at `dir`, without asking where (Firefox: its preferences, set from its chrome context). */
async function downloadInto(browser, page, dir) {
  if (browser.name === 'chromium') {
    // Playwright names downloads by GUID in a folder of its own; the browser's own behaviour is wanted.
    await (await browser.context.newCDPSession(page.raw)).send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    return;
  }
  const { driver } = browser;
  const handle = await driver.getWindowHandle();
  await driver.setContext(firefox.Context.CHROME);
  try {
    await driver.executeScript(`const [dir] = arguments;
      Services.prefs.setIntPref('browser.download.folderList', 2);
      Services.prefs.setStringPref('browser.download.dir', dir);
      Services.prefs.setBoolPref('browser.download.useDownloadDir', true);
      Services.prefs.setBoolPref('browser.download.always_ask_before_handling_new_types', false);`, dir);
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
    await driver.switchTo().window(handle);
  }
}

/**
 * Downloads credentials.csv from the replica of IAM's last "Create Access Key" step (served by
 * startConsoles) into `dir`; resolves to the path of the new file (named as the browser names a
 * taken name) once complete.
 */
export async function downloadKeyFile(browser, dir) {
  const before = new Set(readdirSync(dir));
  const page = await browser.open(`https://${HOSTS.huaweiIntl}/access-keys.html`);
  await downloadInto(browser, page, dir);
  await page.click('#download-keys');
  // Both browsers write beside the final name (`.part`, `.crdownload`) and rename when done; Firefox
  // first holds the final name with an empty file.
  const [added] = await eventually(() => {
    const files = readdirSync(dir);
    if (files.some((f) => f.endsWith('.part') || f.endsWith('.crdownload'))) return [];
    return files.filter((f) => !before.has(f) && statSync(join(dir, f)).size > 0);
  }, (added) => added.length === 1, TIMEOUT);
  await page.close();
  return join(dir, added);
}

// A private X display (Xvfb) for the few tests that need a headful browser, and real X key events
// on it (xdotool, through the XTEST extension: the X server treats them as typed keys). Headless
// Chromium routes no key press to extension commands; a headful one on Xvfb does.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Starts Xvfb on the first free display; resolves to `{display, stop()}`. */
export async function startXvfb() {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    xvfb.stdio[2].on('data', (d) => { err += d; });
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim()}`)));
  });
  return { display: `:${number}`, stop: () => xvfb.kill() };
}

/**
 * Gives the input focus to the newest visible window of class `windowClass` on `display` (a private
 * display: only the test's browser is there) and types `keys` (xdotool syntax, e.g. 'alt+shift+f';
 * several separated by spaces) as real key presses.
 */
export async function pressKeys(display, windowClass, keys) {
  const window = (await xdotool(display, 'search', '--sync', '--onlyvisible', '--class', windowClass)).split('\n').at(-1);
  await xdotool(display, 'windowfocus', '--sync', window);
  await xdotool(display, 'key', '--clearmodifiers', ...keys.split(' '));
}

/** Runs xdotool with `args` (strings or numbers) on `display`; resolves to its trimmed output. */
export async function xdotool(display, ...args) {
  const { stdout } = await run('xdotool', args.map(String), { env: { ...process.env, DISPLAY: display } });
  return stdout.trim();
}

// Starts one of the Python stand-in servers of this folder on 127.0.0.1 (any free port), reads the one
// JSON line it prints when ready (its URL and the keys it knows), and gives the test the requests it
// recorded. Servers stop when their stdin closes, so nothing outlives the test.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../lib/browsers.mjs';

const HERE = new URL('.', import.meta.url).pathname;
const PYTHON = join(ROOT, '.venv/bin/python');

/** `startServer('moto_s3.py', args, { env })` → `{ url, ...info, requests(), stop() }`. */
export async function startServer(script, args = [], { env = {}, timeout = 60_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'credfill-server-'));
  const log = join(dir, 'requests.jsonl');
  const child = spawn(PYTHON, [join(HERE, script), log, ...args.map(String)], { cwd: HERE, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in ${timeout} ms:\n${stderr}`)), timeout);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}):\n${stderr}`)));
  });
  return {
    ...info,
    /** Every request the server received since it was ready: `{method, path, query, headers, body}`. */
    requests: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    async stop() {
      child.stdin.end();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

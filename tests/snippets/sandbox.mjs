// What the snippet suites share: a scratch folder whose files and processes stay apart from the
// user's (only the environment given, a HOME of its own), the .venv's Python and the real `sh`, and
// shims for CLIs that cannot be installed here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const VENV_BIN = join(ROOT, '.venv/bin');

/** A scratch folder named `prefix…`; its `bin/` comes first on the commands' PATH. */
export function sandbox(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'bin'));
  let files = 0;
  function write(name, text) {
    const path = join(dir, `${files++}-${name}`);
    writeFileSync(path, text);
    return path;
  }
  /** Runs a command with only the environment given (plus PATH with the shims and .venv, and a HOME of its own). */
  function run(command, args, env = {}) {
    const home = mkdtempSync(join(dir, 'home-'));
    const result = spawnSync(command, args, {
      cwd: home,
      env: { PATH: `${join(dir, 'bin')}:${VENV_BIN}:/usr/bin:/bin`, HOME: home, AWS_CONFIG_FILE: '/dev/null', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { ...result, output: `${result.stdout}\n${result.stderr}` };
  }
  /** A shim for a CLI that is not installable here: prints its argv and the named variables as JSON. */
  function shim(name, variables) {
    const path = join(dir, 'bin', name);
    writeFileSync(path, `#!${join(VENV_BIN, 'python')}\nimport json, os, sys\n` +
      `print(json.dumps({"argv": sys.argv[1:], "env": {k: os.environ.get(k) for k in ${JSON.stringify(variables)}}}))\n`);
    chmodSync(path, 0o755);
  }
  return {
    dir,
    write,
    run,
    shim,
    python: (text, env) => run(join(VENV_BIN, 'python'), [write('snippet.py', text)], env),
    shell: (text, env) => run('/bin/sh', ['-eu', write('snippet.sh', text)], env),
  };
}

export const ok = (result, what) => assert.equal(result.status, 0, `${what}:\n${result.output}`);
/** Each line a shim printed, read back. */
export const shimCalls = (result) => result.stdout.trim().split('\n').map((line) => JSON.parse(line));

// A minimal static file server on 127.0.0.1, for `make run` and the end-to-end tests.
// mounts: { '/': 'www', '/pkg/': 'pkg' } — the longest matching prefix wins; no listing, no escaping the folder.
import { createReadStream, statSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.csv': 'text/csv', '.txt': 'text/plain; charset=utf-8',
};

export function resolveFile(mounts, urlPath) {
  const path = decodeURIComponent(urlPath.split('?')[0]);
  const prefix = Object.keys(mounts).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return null;
  const dir = resolve(mounts[prefix]);
  let file = normalize(join(dir, path.slice(prefix.length)));
  if (file !== dir && !file.startsWith(dir + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Starts serving; resolves to the listening server. `tls` ({key, cert}) makes it HTTPS. */
export function serveStatic({ mounts, port = 0, host = '127.0.0.1', tls, onRequest }) {
  const handler = (req, res) => {
    onRequest?.(req);
    const file = resolveFile(mounts, req.url);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  };
  const server = tls ? createHttps(tls, handler) : createHttp(handler);
  return new Promise((ok, fail) => server.once('error', fail).listen(port, host, () => ok(server)));
}

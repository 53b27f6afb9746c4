#!/usr/bin/env node
// Serves the built site (dist/) the way a static host would, with the headers we recommend
// (see SECURITY.md and docs/performance.md). Used by `npm start` and the browser tests.
// Usage: node scripts/serve.mjs [--port=4321] [--dir=dist] [--base=/fix401/] [--plain]
//   --base   serve the site under that path (a build made with BASE_PATH=/fix401/); anything
//            outside it is a 404, as on a host that serves the site from a folder
//   --plain  behave like a host that adds no headers of ours: no CSP or other security headers, no
//            Cache-Control, no ETag, no compression (docs/deploy.md, "Plain static host")
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { normalizeBase } from './lib/base-path.mjs';
import { cacheControl, securityHeaders } from './lib/host-headers.mjs';
import { pathInside } from './lib/safe-path.mjs';

/** `--name=value` or `--name value` (npm run preview -- --port 3000). */
const arg = (name, fallback) => {
  const args = process.argv.slice(2);
  const joined = args.find((a) => a.startsWith(`--${name}=`));
  if (joined) return joined.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const root = resolve(arg('dir', process.env.FIX401_DIST ?? 'dist'));
const port = Number(arg('port', process.env.PORT ?? '4321'));
const base = normalizeBase(arg('base', '/'));
const plain = process.argv.includes('--plain');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
};

/** Resolves a URL path to a file in root (index.html for folders); null when outside root or missing. */
function fileFor(pathname) {
  const path = pathInside(root, pathname);
  if (path === null) return null;
  if (existsSync(path) && statSync(path).isDirectory()) return existsSync(join(path, 'index.html')) ? join(path, 'index.html') : null;
  return existsSync(path) ? path : null;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.xml', '.txt', '.pf_meta']);
/** gzip bodies, made once per file version (the wasm shrinks from 9.6 MB to about 3.6 MB). */
const gzipped = new Map();

function gzipOf(file, stat) {
  const cached = gzipped.get(file);
  if (cached?.mtimeMs === stat.mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzipped.set(file, { mtimeMs: stat.mtimeMs, body });
  return body;
}

if (!existsSync(root)) {
  console.error(`[serve] ${root} does not exist: run \`npm run build\` first`);
  process.exit(1);
}

const security = plain ? {} : securityHeaders(root);

/** The path inside the build for a URL path under the base; null outside it. */
function sitePath(pathname) {
  if (base === '/') return pathname;
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : null;
}

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === base.slice(0, -1)) {
    response.writeHead(301, { Location: base + url.search });
    response.end();
    return;
  }
  const path = sitePath(url.pathname);
  let file = null;
  try {
    file = path === null ? null : fileFor(path);
  } catch {
    file = null;
  }
  if (!file && path !== null && !path.endsWith('/') && !extname(path) && fileFor(path + '/')) {
    response.writeHead(301, { Location: url.pathname + '/' + url.search });
    response.end();
    return;
  }
  const status = file ? 200 : 404;
  file ??= join(root, '404.html');
  const headers = {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    ...security,
  };
  const stat = statSync(file);
  const gzip = !plain && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  // The body depends on Accept-Encoding for these files: caches must key on it.
  if (!plain && COMPRESSIBLE.has(extname(file))) headers['Vary'] = 'Accept-Encoding';
  if (status === 200 && !plain) {
    headers['Cache-Control'] = cacheControl(path);
    // A gzipped body is another representation: it gets its own validator (RFC 9110 §8.8.3).
    headers['ETag'] = `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}${gzip ? '-gz' : ''}"`;
    if (request.headers['if-none-match'] === headers['ETag']) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
  }
  if (gzip) headers['Content-Encoding'] = 'gzip';
  response.writeHead(status, headers);
  if (request.method === 'HEAD') response.end();
  else if (gzip) response.end(gzipOf(file, stat));
  else createReadStream(file).pipe(response);
}).listen(port, () => console.log(`[serve] ${root} at http://localhost:${port}${base}${plain ? ' (plain: no headers of ours)' : ''}`));

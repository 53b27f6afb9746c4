#!/usr/bin/env node
// Serves the built site (dist/) the way a static host would, with the headers we recommend
// (see SECURITY.md and docs/performance.md). Used by `npm start` and the browser tests.
// Precompressed .br/.gz copies from the build are sent to clients that accept them.
// Usage: node scripts/serve.mjs [--port=4321] [--dir=dist] [--base=/fix401/] [--plain]
//   --base   serve the site under that path (a build made with BASE_PATH=/fix401/); anything
//            outside it is a 404, as on a host that serves the site from a folder
//   --plain  behave like a host that adds no headers of ours: no CSP or other security headers, no
//            Cache-Control, no ETag, no compression (docs/deploy.md, "Plain static host")
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { normalizeBase } from './lib/base-path.mjs';
import { cacheControl, securityHeaders } from './lib/host-headers.mjs';
import { COMPRESSIBLE, ENCODINGS, pickEncoding } from './lib/precompress.mjs';
import { pathInside } from './lib/safe-path.mjs';

/**
 * `--name=value` or `--name value`; the last one given wins, so `npm run preview -- --port 3000`
 * overrides the script's own `--port=4321`.
 */
const arg = (name, fallback) => {
  const args = process.argv.slice(2);
  let value = fallback;
  args.forEach((a, i) => {
    if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
    else if (a === `--${name}` && args[i + 1] !== undefined) value = args[i + 1];
  });
  return value;
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
  '.zst': 'application/zstd',
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

/** gzip bodies for files the build did not precompress, made once per file version. */
const gzipped = new Map();

function gzipOf(file, stat) {
  const cached = gzipped.get(file);
  if (cached?.mtimeMs === stat.mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzipped.set(file, { mtimeMs: stat.mtimeMs, body });
  return body;
}

/** Content hashes for ETags, made once per file version. */
const hashes = new Map();

/**
 * A validator from the file's content, as CDNs make them: a new deploy rewrites every file (new
 * mtimes), and a page it did not change must still revalidate as 304, not come down again.
 */
function contentTag(file, stat) {
  const cached = hashes.get(file);
  if (cached?.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.tag;
  const tag = createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 22);
  hashes.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, tag });
  return tag;
}

/**
 * The body to send: the build's `.br`/`.gz` copy the client accepts (scripts/lib/precompress.mjs),
 * else gzip made here for a compressible file, else the file itself.
 * @returns {{ encoding: string | null, file: string, stat: import('node:fs').Stats, body?: Buffer }}
 */
function representation(file, stat, acceptEncoding) {
  if (!COMPRESSIBLE.has(extname(file))) return { encoding: null, file, stat };
  const copies = ENCODINGS.filter(({ suffix }) => existsSync(file + suffix));
  const encoding = pickEncoding(acceptEncoding, copies.length ? copies.map((c) => c.name) : ['gzip']);
  const copy = copies.find((c) => c.name === encoding);
  if (copy) return { encoding, file: file + copy.suffix, stat: statSync(file + copy.suffix) };
  if (encoding === 'gzip') return { encoding, file, stat, body: gzipOf(file, stat) };
  return { encoding: null, file, stat };
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
  const sent = plain
    ? { encoding: null, file, stat: statSync(file) }
    : representation(file, statSync(file), request.headers['accept-encoding']);
  // The body depends on Accept-Encoding for these files: caches must key on it.
  if (!plain && COMPRESSIBLE.has(extname(file))) headers['Vary'] = 'Accept-Encoding';
  if (status === 200 && !plain) {
    headers['Cache-Control'] = cacheControl(path);
    // Each encoding is another representation with its own validator (RFC 9110 §8.8.3).
    headers['ETag'] = `"${contentTag(sent.file, sent.stat)}${sent.encoding ? `-${sent.encoding}` : ''}"`;
    if (request.headers['if-none-match'] === headers['ETag']) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
  }
  if (sent.encoding) headers['Content-Encoding'] = sent.encoding;
  headers['Content-Length'] = String(sent.body?.length ?? sent.stat.size);
  response.writeHead(status, headers);
  if (request.method === 'HEAD') response.end();
  else if (sent.body) response.end(sent.body);
  else createReadStream(sent.file).pipe(response);
}).listen(port, () => console.log(`[serve] ${root} at http://localhost:${port}${base}${plain ? ' (plain: no headers of ours)' : ''}`));

// The built site for the Firefox and WebKit suites: `scripts/serve.mjs` (the production headers) behind
// a small pass-through proxy whose only change is `report-uri /__csp-report` appended to the
// Content-Security-Policy, so every CSP violation (pages and workers alike, in any engine) is
// reported here. Enforcement is unchanged: report-uri only adds reporting.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const REPORT_PATH = '/__csp-report';

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { method: 'HEAD' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Which build to test: FIX401_DIST, else dist/ (what `npm run build` writes). */
export function distDir() {
  const dir = resolve(ROOT, process.env.FIX401_DIST ?? 'dist');
  if (!existsSync(resolve(dir, 'index.html')))
    throw new Error(`${dir} has no built site: run \`npm run build\` first (or set FIX401_DIST)`);
  return dir;
}

/**
 * A build served under `base` by serve.mjs --plain, a server that adds no headers of ours (no CSP,
 * so no reporting proxy): a course's web space or GitHub Pages.
 * @param {string} dir  the build (a subpath build for a base other than `/`)
 * @param {string} base  e.g. `/fix401/`
 */
export async function startPlainSite(dir, base) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [resolve(ROOT, 'scripts/serve.mjs'), `--port=${port}`, `--dir=${dir}`, `--base=${base}`, '--plain'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitForHttp(`http://127.0.0.1:${port}${base}`, 30_000);
  return {
    origin: `http://localhost:${port}`,
    close() {
      server.kill();
    },
  };
}

/**
 * Starts serve.mjs and the reporting proxy. Returns the origin to visit, the CSP reports received
 * so far (`reports`, each `{ document, directive, blocked, source }`), and close().
 */
export async function startSite() {
  const dir = distDir();
  const backendPort = await freePort();
  const backend = spawn(process.execPath, [resolve(ROOT, 'scripts/serve.mjs'), `--port=${backendPort}`, `--dir=${dir}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const reports = [];
  const proxy = createServer((req, res) => {
    if (req.method === 'POST' && req.url === REPORT_PATH) {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const r = body['csp-report'] ?? body.body ?? body;
          reports.push({
            document: r['document-uri'] ?? r.documentURL,
            directive: r['effective-directive'] ?? r['violated-directive'] ?? r.effectiveDirective,
            blocked: r['blocked-uri'] ?? r.blockedURL,
            source: `${r['source-file'] ?? r.sourceFile ?? '?'}:${r['line-number'] ?? r.lineNumber ?? '?'}:${r['column-number'] ?? r.columnNumber ?? '?'}`,
            sample: r['script-sample'] ?? r.sample,
          });
        } catch {
          reports.push({ unparsed: Buffer.concat(chunks).toString('utf8') });
        }
        res.writeHead(204).end();
      });
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const headers = { ...answer.headers };
        if (headers['content-security-policy']) headers['content-security-policy'] += `; report-uri ${REPORT_PATH}`;
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502).end(String(error));
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise((done) => proxy.listen(port, '127.0.0.1', done));
  await waitForHttp(`http://127.0.0.1:${backendPort}/`, 30_000);
  return {
    origin: `http://localhost:${port}`,
    reports,
    async close() {
      backend.kill();
      proxy.closeAllConnections();
      await new Promise((done) => proxy.close(done));
    },
  };
}

// Serves dist-bench with scripts/serve.mjs, behind a tiny counting proxy: the proxy's log is the
// ground truth for "did the browser download this again?" (a 200 with a body reached the browser).
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { benchDir } from './site.mjs';
import { untilQuiet } from './quiet.mjs';

/** @typedef {{ phase: string, path: string, status: number, bytes: number }} Hit */

/** @returns {Promise<number>} a port free right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Waits until the URL answers.
 * @param {string} url
 * @param {number} timeoutMs
 */
async function waitForUrl(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * serve.mjs for `dir` on a free port, once it answers.
 * @param {string} root
 * @param {string} dir
 */
async function serve(root, dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), `--dir=${dir}`, `--port=${port}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForUrl(`http://127.0.0.1:${port}/`, 20_000);
  return { port, child };
}

/**
 * Starts serve.mjs on a free port and a logging proxy in front of it. The proxy is the origin the
 * browser sees, so `deploy()` can put another build behind it as a host's new deploy would.
 * @param {string} root
 * @param {string} [dir] the build to serve (the bench's by default)
 */
export async function startServer(root, dir = benchDir(root)) {
  let upstream = await serve(root, dir);

  /** @type {Hit[]} */
  const hits = [];
  let phase = 'setup';
  let inFlight = 0;
  let lastActivity = Date.now();
  const proxy = createServer((req, res) => {
    inFlight += 1;
    lastActivity = Date.now();
    // 'close' comes once per response, sent or cut off.
    res.on('close', () => ((inFlight -= 1), (lastActivity = Date.now())));
    const upstreamRequest = httpRequest(
      { host: '127.0.0.1', port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (upRes) => {
        let bytes = 0;
        const at = phase;
        upRes.on('data', (chunk) => (bytes += chunk.length));
        upRes.on('end', () =>
          hits.push({ phase: at, path: new URL(req.url ?? '/', 'http://x').pathname, status: upRes.statusCode ?? 0, bytes }),
        );
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    upstreamRequest.on('error', () => res.writeHead(502).end());
    req.pipe(upstreamRequest);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    /** `localhost` (not 127.0.0.1) so the origin matches what the tests use. */
    base: `http://localhost:${port}`,
    /** @param {string} name labels the requests that follow */
    mark(name) {
      phase = name;
    },
    /** @param {string} name */
    hitsIn(name) {
      return hits.filter((h) => h.phase === name);
    },
    /**
     * Resolves once no request has been in flight for `quietMs` (or after `maxMs`).
     * @param {number} quietMs
     * @param {number} maxMs
     */
    async quiet(quietMs, maxMs) {
      await untilQuiet(() => ({ inFlight, lastActivity }), quietMs, maxMs);
    },
    /**
     * Serves another build from now on, at the same origin (a new deploy).
     * @param {string} next
     */
    async deploy(next) {
      const previous = upstream;
      upstream = await serve(root, next);
      previous.child.kill('SIGTERM');
    },
    async stop() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(() => resolve(undefined)));
      upstream.child.kill('SIGTERM');
    },
  };
}

// Serves dist-bench with scripts/serve.mjs, behind a tiny counting proxy: the proxy's log is the
// ground truth for "did the browser download this again?" (a 200 with a body reached the browser).
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { benchDir } from './site.mjs';

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
 * Starts serve.mjs on a free port and a logging proxy in front of it.
 * @param {string} root
 */
export async function startServer(root) {
  const upstreamPort = await freePort();
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), `--dir=${benchDir(root)}`, `--port=${upstreamPort}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForUrl(`http://127.0.0.1:${upstreamPort}/`, 20_000);

  /** @type {Hit[]} */
  const hits = [];
  let phase = 'setup';
  const proxy = createServer((req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: req.headers },
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
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
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
    async stop() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(() => resolve(undefined)));
      child.kill('SIGTERM');
    },
  };
}

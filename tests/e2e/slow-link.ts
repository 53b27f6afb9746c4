/**
 * A slow link in front of the test server: a proxy that passes every request on and sends the
 * bodies of Python's runtime files (`/pyodide/…`) at `bytesPerSecond`, as a phone on a weak network
 * receives them. Other files pass at full speed. The browser sees the proxy as another origin.
 */
import { createServer, request, type Server } from 'node:http';

export interface SlowLink {
  origin: string;
  close(): Promise<void>;
}

const SLICE = 16 * 1024;

export async function slowLink(upstream: string, bytesPerSecond: number): Promise<SlowLink> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const forward = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!req.url?.includes('/pyodide/')) return void answer.pipe(res);
        // Slices of the body at the link's pace, ended once the last one went out.
        const slices: Buffer[] = [];
        let ended = false;
        let sending = false;
        const next = () => {
          const slice = slices.shift();
          sending = slice !== undefined;
          if (!slice) return void (ended ? res.end() : answer.resume());
          res.write(slice);
          setTimeout(next, (slice.length / bytesPerSecond) * 1000);
        };
        answer.on('data', (chunk: Buffer) => {
          answer.pause();
          for (let at = 0; at < chunk.length; at += SLICE) slices.push(chunk.subarray(at, at + SLICE));
          if (!sending) next();
        });
        answer.on('end', () => {
          ended = true;
          if (!sending) res.end();
        });
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

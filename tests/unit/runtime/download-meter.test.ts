import { describe, expect, it } from 'vitest';
import { meterDownloads } from '../../../src/runtime/download-meter';
import type { DownloadProgress } from '../../../src/runtime/protocol';

const PREFIX = 'https://site.test/pyodide/';

/** A fetch whose runtime responses stream `chunks` bytes each, one chunk per `tick()`. */
function slowFetch(chunkSizes: number[]) {
  const ticks: (() => void)[] = [];
  const calls: string[] = [];
  const fetch = (input: RequestInfo | URL) => {
    calls.push(String(input));
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) =>
          ticks.push(() => {
            if (i < chunkSizes.length) controller.enqueue(new Uint8Array(chunkSizes[i++]!));
            else controller.close();
            resolve();
          }),
        ),
    });
    return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
  };
  const tick = async () => {
    for (let n = 0; n < 10 && ticks.length === 0; n++) await new Promise((r) => setTimeout(r, 0));
    ticks.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetch: fetch as typeof globalThis.fetch, tick, calls };
}

describe('download meter', () => {
  it('reports the bytes of runtime files as they arrive, throttled, after a quiet start, and hands the response on untouched', async () => {
    const source = slowFetch([100, 200, 300, 400]);
    const scope = { fetch: source.fetch };
    let now = 0;
    const reports: DownloadProgress[] = [];
    meterDownloads(scope, PREFIX, 1000, (p) => reports.push(p), { quietMs: 400, everyMs: 250, now: () => now });

    const response = await scope.fetch(`${PREFIX}abc/pyodide.asm.wasm`);
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
    const consumed = response.arrayBuffer();
    await source.tick(); // 100 bytes at 0 ms: inside the quiet start, a cached file is done by then
    now = 450;
    await source.tick(); // 300 at 450 ms
    now = 500;
    await source.tick(); // 600 at 500 ms: within 250 ms of the last report
    expect(reports).toEqual([{ receivedBytes: 300, totalBytes: 1000 }]);
    now = 800;
    await source.tick(); // 1000: the total, reported once more since the download was shown
    await source.tick();
    expect((await consumed).byteLength).toBe(1000);
    expect(reports).toEqual([
      { receivedBytes: 300, totalBytes: 1000 },
      { receivedBytes: 1000, totalBytes: 1000 },
    ]);
  });

  it('says nothing for a download that ends within the quiet start (a cached boot)', async () => {
    const source = slowFetch([500, 500]);
    const scope = { fetch: source.fetch };
    const reports: DownloadProgress[] = [];
    meterDownloads(scope, PREFIX, 1000, (p) => reports.push(p), { quietMs: 400, everyMs: 250, now: () => 10 });
    const body = (await scope.fetch(`${PREFIX}stdlib/python_stdlib.zip`)).arrayBuffer();
    for (let i = 0; i < 3; i++) await source.tick();
    expect((await body).byteLength).toBe(1000);
    expect(reports).toEqual([]);
  });

  it('leaves other URLs alone, and stops counting when told', async () => {
    const source = slowFetch([700]);
    const scope = { fetch: source.fetch };
    let now = 0;
    const reports: DownloadProgress[] = [];
    const meter = meterDownloads(scope, PREFIX, null, (p) => reports.push(p), { quietMs: 0, everyMs: 0, now: () => now++ });
    const other = (await scope.fetch('https://site.test/_astro/page.js')).arrayBuffer();
    await source.tick();
    await source.tick();
    await other;
    expect(reports).toEqual([]);
    meter.stop();
    const later = (await scope.fetch(`${PREFIX}abc/requests.whl`)).arrayBuffer();
    await source.tick();
    await source.tick();
    await later;
    expect(reports).toEqual([]);
    expect(source.calls).toHaveLength(2);
  });
});

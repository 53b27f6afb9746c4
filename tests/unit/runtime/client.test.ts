/**
 * The page-side runtime's run queue, Stop, time limit, crash and standby swap, against a fake worker
 * that speaks the real protocol (the code it is given says how to behave).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aRunIsLooping, FakeWorker, freshRuntime, handlers, input, statesOf } from './fake-worker';

beforeEach(() => {
  FakeWorker.created = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('PythonRuntime', () => {
  it('runs queued code one run at a time, in order', async () => {
    const runtime = await freshRuntime();
    const order: string[] = [];
    const a = runtime.run(input('print'), { ...handlers(), onOutput: (b) => order.push(b.chunks[0]!.text) });
    const b = runtime.run(input('print'), { ...handlers(), onOutput: (b) => order.push(b.chunks[0]!.text) });
    expect((await a).outcome).toBe('finished');
    expect((await b).outcome).toBe('finished');
    expect(order).toEqual(['ran 1\n', 'ran 2\n']);
  });

  it('a run that waits for the boot tells the worker (it skips the snapshot and warm-up); a run after it does not', async () => {
    const runtime = await freshRuntime();
    expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
    expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
    expect(FakeWorker.created[0]!.received).toEqual(['boot', 'runWaiting', 'run', 'run']);
  });

  it('a boot started ahead of any run (the pre-boot) is not told a run waits', async () => {
    const runtime = await freshRuntime();
    await runtime.boot();
    expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
    expect(FakeWorker.created[0]!.received).toEqual(['boot', 'run']);
  });

  it('tells the first worker in a browser to measure its download; a later page (its files cached) does not', async () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
    await (await freshRuntime()).boot();
    expect(FakeWorker.created[0]!.boot).toEqual({ baseUrl: expect.any(String), expectDownload: true });
    await (await freshRuntime()).boot();
    expect(FakeWorker.created[1]!.boot).toEqual({ baseUrl: expect.any(String), expectDownload: false });
  });

  it("a time limit ends only its own run: another exercise's queued run still runs", async () => {
    const runtime = await freshRuntime();
    const looping = runtime.run(input('loop'), handlers(), 50);
    const queued = runtime.run(input('print'), handlers());
    expect((await looping).outcome).toBe('timed-out');
    expect((await queued).outcome).toBe('finished');
  });

  it('Stop ends the run under way and cancels the runs queued behind it', async () => {
    const runtime = await freshRuntime();
    const looping = runtime.run(input('loop'), handlers());
    const queued = runtime.run(input('print'), handlers());
    await aRunIsLooping();
    runtime.stop();
    expect((await looping).outcome).toBe('stopped');
    expect((await queued).outcome).toBe('stopped');
    expect(FakeWorker.created[0]!.terminated).toBe(true);
  });

  it('a fatal error or an unreadable message crashes the run at once, and the next run gets a fresh worker', async () => {
    const runtime = await freshRuntime();
    const fatal = await runtime.run(input('fatal'), handlers());
    expect(fatal).toMatchObject({ outcome: 'crashed', crashMessage: 'wasm trap' });
    const garbage = await runtime.run(input('garbage'), handlers());
    expect(garbage.outcome).toBe('crashed');
    expect(garbage.crashMessage).toMatch(/protocol mismatch/);
    expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
  });

  it('leaving the page ends the run, terminates every worker, and a later run boots again', async () => {
    const runtime = await freshRuntime();
    const states = statesOf(runtime);
    const looping = runtime.run(input('loop'), handlers());
    await aRunIsLooping();
    runtime.shutDown();
    expect((await looping).outcome).toBe('stopped');
    expect(FakeWorker.created.every((w) => w.terminated)).toBe(true);
    expect(states.at(-1)).toBe('idle');
    expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
  });

  it("a browser-made request still waiting when Stop replaces the worker is answered null (the caller's network error)", async () => {
    const runtime = await freshRuntime();
    const looping = runtime.run(input('loop'), handlers());
    await aRunIsLooping();
    const answer = runtime.browserRequest({ method: 'GET', url: 'https://api.example.com/items', headers: [], body: new Uint8Array() });
    runtime.stop();
    expect(await answer).toBeNull();
    expect((await looping).outcome).toBe('stopped');
  });
});

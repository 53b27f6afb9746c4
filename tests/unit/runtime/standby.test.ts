/** The standby swap, in a file of its own: other tests' runtimes would boot standbys of their own here. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { aRunIsLooping, FakeWorker, freshRuntime, handlers, input, statesOf } from './fake-worker';

beforeEach(() => {
  FakeWorker.created = [];
  FakeWorker.bootMs = 5;
  vi.stubGlobal('Worker', FakeWorker);
});
/** Each test's runtime, shut down after it: a standby it would boot on idle must not land in the next test. */
let runtimes: Awaited<ReturnType<typeof freshRuntime>>[] = [];
const fresh = async () => {
  const runtime = await freshRuntime();
  runtimes.push(runtime);
  return runtime;
};
afterEach(() => {
  for (const runtime of runtimes) runtime.shutDown();
  runtimes = [];
  vi.unstubAllGlobals();
});

it('after a first run a standby boots while idle, and Stop swaps it in without booting anew', async () => {
  const runtime = await fresh();
  const states = statesOf(runtime);
  await runtime.run(input('print'), handlers());
  await vi.waitFor(() => expect(FakeWorker.created).toHaveLength(2), { timeout: 3000 });
  const standby = FakeWorker.created[1]!;
  const looping = runtime.run(input('loop'), handlers());
  await aRunIsLooping();
  runtime.stop();
  expect((await looping).outcome).toBe('stopped');
  await vi.waitFor(() => expect(states.at(-1)).toBe('ready'));
  expect(FakeWorker.created).toHaveLength(2);
  expect(standby.terminated).toBe(false);
  expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
});

it('no standby boots while the runtime that replaced a stopped one is still booting', async () => {
  const runtime = await fresh();
  const states = statesOf(runtime);
  const looping = runtime.run(input('loop'), handlers());
  await aRunIsLooping();
  // Stop before any standby exists: the replacement boots from scratch, slowly.
  FakeWorker.bootMs = 1500;
  runtime.stop();
  expect((await looping).outcome).toBe('stopped');
  expect(FakeWorker.created).toHaveLength(2);
  // The page is idle (the standby's idle callback falls back to 1 s) while the replacement boots.
  await new Promise((resolve) => setTimeout(resolve, 1300));
  expect(states.at(-1)).toBe('booting');
  expect(FakeWorker.created).toHaveLength(2);
  // Once it is ready, the standby follows.
  FakeWorker.bootMs = 5;
  await vi.waitFor(() => expect(FakeWorker.created).toHaveLength(3), { timeout: 4000 });
});

it('every worker, the standby and later ones too, is told once MSW answers browser-made requests', async () => {
  const runtime = await fresh();
  await runtime.run(input('print'), handlers());
  runtime.setBrowserMock({ state: 'active' });
  expect(FakeWorker.created[0]!.received).toContain('browserMock');
  await vi.waitFor(() => expect(FakeWorker.created).toHaveLength(2), { timeout: 3000 });
  // The standby was created after MSW started: told right after its boot message.
  expect(FakeWorker.created[1]!.received.slice(0, 2)).toEqual(['boot', 'browserMock']);
});

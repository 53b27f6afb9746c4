/** The standby swap, in a file of its own: other tests' runtimes would boot standbys of their own here. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { aRunIsLooping, FakeWorker, freshRuntime, handlers, input, statesOf } from './fake-worker';

beforeEach(() => {
  FakeWorker.created = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

it('after a first run a standby boots while idle, and Stop swaps it in without booting anew', async () => {
  const runtime = await freshRuntime();
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

/** The standby swap, in a file of its own: other tests' runtimes would boot standbys of their own here. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FakeWorker, freshRuntime, handlers, input } from './fake-worker';

beforeEach(() => {
  FakeWorker.created = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

it('after a first run a standby boots while idle, and Stop swaps it in without booting anew', async () => {
  const runtime = await freshRuntime();
  await runtime.run(input('print'), handlers());
  await vi.waitFor(() => expect(runtime.hasStandby).toBe(true), { timeout: 3000 });
  expect(FakeWorker.created).toHaveLength(2);
  const standby = FakeWorker.created[1]!;
  const looping = runtime.run(input('loop'), handlers());
  await vi.waitFor(() => expect(runtime.running).toBe(true));
  runtime.stop();
  expect((await looping).outcome).toBe('stopped');
  await vi.waitFor(() => expect(runtime.currentStatus.state).toBe('ready'));
  expect(FakeWorker.created).toHaveLength(2);
  expect(standby.terminated).toBe(false);
  expect((await runtime.run(input('print'), handlers())).outcome).toBe('finished');
});

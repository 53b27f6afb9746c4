/**
 * What the round-trip profile (round-trip.mjs) bundles with esbuild: the worker's own mock glue and
 * the default scenario state, so the profile drives exactly the code python.worker.ts calls.
 */
export { advanceMockClock, answerWire, startMockRun } from '../../src/runtime/worker-mock';
import { serverStateSchema } from '../../src/exercises/server-state-schema';

export const defaultServerState = () => serverStateSchema.parse({});

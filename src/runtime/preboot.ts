/**
 * Idle pre-boot for lesson pages: gets the mock's service worker in control and Python booted
 * without loading MSW, the mock server or the editor (they load on the first interaction), so a
 * lesson's main-thread script stays small while the first Run is near-instant.
 */
import { registerMockServiceWorker } from '../mock-api/service-worker';
import { getRuntime } from './client';

export async function preboot(): Promise<void> {
  await registerMockServiceWorker();
  await getRuntime().boot();
}

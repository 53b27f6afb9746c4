/**
 * Idle pre-boot for lesson pages: gets the mock's service worker in control and Python booted
 * without loading MSW, the mock server or the editor (they load on the first interaction), so a
 * lesson's main-thread script stays small while the first Run is near-instant. Skipped (no
 * runtime file is fetched) when the browser asks to save data or reports a slow link (../runtime/standby-policy.ts).
 */
import { registerMockServiceWorker } from '../mock-api/service-worker';
import { requestOfflineCopy } from '../offline/offline-client';
import { getRuntime } from '../runtime/client';
import { runtimeLoadedBefore } from '../runtime/runtime-loaded';
import { prebootAllowed } from '../runtime/standby-policy';

/** 'booted', or 'skipped' when this connection should not download the runtime unasked. */
export async function preboot(nav: Navigator = navigator): Promise<'booted' | 'skipped'> {
  if (!prebootAllowed(nav)) return 'skipped';
  // Never a reload on idle (the learner may be leaving): that case throws and the first Run boots.
  await registerMockServiceWorker({ mayReload: false });
  await getRuntime().boot();
  return 'booted';
}

/**
 * What the status line says while the first Run boots a runtime that pre-boot skipped, until the
 * worker reports the download's size and progress; null when this browser has booted Python before
 * (the download is then probably cached).
 */
export function downloadNotice(): string | null {
  return runtimeLoadedBefore() ? null : 'Downloading Python…';
}

/**
 * The learner ran code, so Python's runtime (the bulk of the course) is downloaded and in use: the
 * rest (every page and bundle) is saved for offline use in the background, unless this connection
 * should not spend data unasked (then the learner's "Make available offline" does it) or the
 * exercise is embedded in another site's page. Not at the idle pre-boot: a first visit that only
 * reads stays within its data budget (docs/performance.md). Once per page.
 */
export function offerOfflineCopy(nav: Navigator = navigator): void {
  if (offlineCopyOffered || !prebootAllowed(nav) || window.top !== window) return;
  offlineCopyOffered = true;
  requestOfflineCopy();
}
let offlineCopyOffered = false;

/**
 * Whether this browser has booted Python before, kept in localStorage: its files are then in the
 * HTTP cache or the offline course's, so a boot reads them back instead of downloading them. The
 * page tells each new worker (the `boot` message's `expectDownload`); only a worker that expects a
 * download measures it, so a boot from the caches never shows download progress, however long
 * reading 15 MB back takes on a busy phone.
 */
const LOADED_KEY = 'fix401:runtime-loaded';

/** False when storage is blocked: say too much (a download that turns out cached) rather than too little. */
export function runtimeLoadedBefore(): boolean {
  try {
    return Boolean(localStorage.getItem(LOADED_KEY));
  } catch {
    return false;
  }
}

export function rememberRuntimeLoaded(): void {
  try {
    localStorage.setItem(LOADED_KEY, '1');
  } catch {
    // storage blocked: the next page shows the download notice again, nothing worse
  }
}

/**
 * When the page may spend the learner's data and memory on Python before they ask for it.
 *
 * - The idle pre-boot (./preboot.ts) fetches the runtime (≈ 8.4 MB on the wire on a first visit, see
 *   docs/performance.md) when a lesson's exercise comes on screen: not when the browser asks to save
 *   data or reports a 2g-class link. The first Run then downloads it and shows its progress.
 * - A standby worker (a second, already booted Python, ≈ 30 MB of wasm plus its JS heap) makes Stop,
 *   the time limit and a crash swap in a ready runtime at once instead of booting one for 1.4–3.4 s.
 *   Not on a data-saving or slow link either (each boot would fetch the runtime again if it is not
 *   cached), and not on small devices.
 */
interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/** Devices reporting less memory than this (GB, `navigator.deviceMemory`) get no standby. */
const MIN_DEVICE_MEMORY_GB = 4;

/**
 * The browser asks to save data (`navigator.connection.saveData`, the Save-Data setting) or reports
 * a slow link (`effectiveType` 'slow-2g' or '2g'). Browsers without the Network Information API
 * (Firefox, Safari) report nothing: they are treated as unconstrained.
 */
export function dataSaving(nav: Navigator = navigator): boolean {
  const connection = (nav as Navigator & { connection?: NetworkInformationLike }).connection;
  if (connection?.saveData) return true;
  return Boolean(connection?.effectiveType && /(^|-)2g$/.test(connection.effectiveType));
}

/** May the page download and boot Python on idle, before the learner presses Run? */
export function prebootAllowed(nav: Navigator = navigator): boolean {
  return !dataSaving(nav);
}

export function standbyAllowed(nav: Navigator = navigator): boolean {
  if (dataSaving(nav)) return false;
  const memory = (nav as Navigator & { deviceMemory?: number }).deviceMemory;
  return memory === undefined || memory >= MIN_DEVICE_MEMORY_GB;
}

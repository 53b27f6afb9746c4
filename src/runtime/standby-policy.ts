/**
 * When a second, already booted Python is worth its memory (≈ 30 MB of wasm plus its JS heap, see
 * docs/performance.md): it makes Stop, the time limit and a crash swap in a ready runtime at once
 * instead of booting one for 1.4–3.4 s. Not when the browser asks to save data or reports a slow
 * link (each boot would fetch the runtime again if it is not cached), and not on small devices.
 */
interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/** Devices reporting less memory than this (GB, `navigator.deviceMemory`) get no standby. */
const MIN_DEVICE_MEMORY_GB = 4;

export function standbyAllowed(nav: Navigator = navigator): boolean {
  const connection = (nav as Navigator & { connection?: NetworkInformationLike }).connection;
  if (connection?.saveData) return false;
  if (connection?.effectiveType && /(^|-)2g$/.test(connection.effectiveType)) return false;
  const memory = (nav as Navigator & { deviceMemory?: number }).deviceMemory;
  return memory === undefined || memory >= MIN_DEVICE_MEMORY_GB;
}

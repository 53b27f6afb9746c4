// The shape every way of provisioning the pinned wheels has (scripts/provision-wheels.mjs tries
// fromPyodideCdn, then fromDebian), for the JSDoc `@type {import('./route').Route}` on each.

/** scripts/python-packages.lock.json, as read. */
export interface PackageLock {
  packages: string[];
  minimum: Record<string, string>;
  [key: string]: unknown;
}

/** Per package: the version provisioned and where it came from; written to the cache's manifest.json. */
export type WheelManifest = Record<string, { version: string; source: string; [key: string]: unknown }>;

export type Route = (options: {
  root: string;
  cacheDir: string;
  lock: PackageLock;
  log: (message: string) => void;
  updateLock: boolean;
}) => Promise<WheelManifest>;

/// <reference types="astro/client" />

declare module '*.py?raw' {
  const source: string;
  export default source;
}

/**
 * Where Python's runtime files are, relative to `<base>pyodide/`: content-versioned in a build,
 * as provisioned in `astro dev` (scripts/lib/runtime-integration.mjs defines it). `fetchedBytes`:
 * the size of the files the worker fetches (wasm, stdlib, wheels, lock), 0 when unknown (`astro dev`).
 * `archives`: the paths Pyodide asks for that are served packed at `<path>.zst` (none in `astro dev`).
 */
declare const __FIX401_RUNTIME__: { core: string; stdlib: string; lock: string; fetchedBytes: number; archives: string[] };

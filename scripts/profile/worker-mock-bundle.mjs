// The worker's practice API (scripts/profile/mock-entry.ts), bundled by esbuild and imported, for
// the profilers under Node: the same TypeScript the Python worker runs, without a browser.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function importWorkerMock() {
  const work = mkdtempSync(join(tmpdir(), 'fix401-profile-'));
  const bundle = join(work, 'mock.mjs');
  try {
    await build({
      entryPoints: [join(root, 'scripts/profile/mock-entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: bundle,
      logLevel: 'error',
    });
    return await import(pathToFileURL(bundle).href);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// An Astro integration for the build's runtime files: Python's files under content-versioned paths,
// its archives packed (./runtime-assets.mjs), their URLs compiled into the Python worker as
// __FIX401_RUNTIME__, and precompressed .br/.gz copies of the large text and wasm files (./precompress.mjs).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRuntimePlan, planRuntimeAssets, UNVERSIONED_URLS } from './runtime-assets.mjs';
import { precompress } from './precompress.mjs';

/**
 * @param {URL} publicDir  the Astro project's public/ (holds pyodide/ as provisioned)
 * @param {URL} cacheDir  where compressed results and packed archives are kept across builds (.cache/precompressed/)
 * @returns {import('astro').AstroIntegration}
 */
export function runtimeAssets(publicDir, cacheDir) {
  /** @type {import('./runtime-assets.mjs').RuntimePlan | null} */
  let plan = null;
  return {
    name: 'fix401:runtime-assets',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // `astro dev` serves public/pyodide/ as provisioned; only a build moves the files.
        plan = command === 'build' ? planRuntimeAssets(join(fileURLToPath(publicDir), 'pyodide'), fileURLToPath(cacheDir)) : null;
        updateConfig({ vite: { define: { __FIX401_RUNTIME__: JSON.stringify(plan?.urls ?? UNVERSIONED_URLS) } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (plan) applyRuntimePlan(join(out, 'pyodide'), plan);
        const started = Date.now();
        const { files, bytes, br, gzip, reused } = await precompress(out, fileURLToPath(cacheDir));
        const mb = (n) => (n / 1e6).toFixed(1);
        logger.info(
          `precompressed ${files} files (${mb(bytes)} MB, ${reused} from the cache): ${mb(br)} MB brotli, ${mb(gzip)} MB gzip, in ${Date.now() - started} ms`,
        );
      },
    },
  };
}

// Lighthouse performance score per page (default config: mobile emulation, simulated throttling),
// with the same Chromium as the rest of the benchmark, launched by chrome-launcher. A page whose
// audit does not finish in time gets score 0 (a missed budget) and a fresh Chromium for the next.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../find-browser.mjs';
import { chromiumPath } from './browser.mjs';

/** @typedef {{ score: number, lcpMs: number, tbtMs: number, cls: number, fcpMs: number, error?: string }} LighthouseResult */

const AUDIT_TIMEOUT_MS = 150_000;

/**
 * @param {number} port
 * @param {string} url
 * @returns {Promise<LighthouseResult>}
 */
async function audit(port, url) {
  const runner = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = runner?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  const numeric = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    error: lhr.runtimeError?.message,
  };
}

/**
 * @param {string} base
 * @param {string[]} paths
 * @param {(path: string, result: LighthouseResult) => void} [onResult]
 * @returns {Promise<Map<string, LighthouseResult>>}
 */
export async function lighthouseScores(base, paths, onResult) {
  const launch = async () => chromeLauncher.launch({ chromePath: await chromiumPath(), chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
  let chrome = await launch();
  /** @type {Map<string, LighthouseResult>} */
  const results = new Map();
  try {
    for (const path of paths) {
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), AUDIT_TIMEOUT_MS)));
      /** @type {LighthouseResult | null} */
      const result = await Promise.race([audit(chrome.port, new URL(path, base).href), timeout]).then(
        (r) => /** @type {LighthouseResult | null} */ (r),
        (error) => ({ score: 0, fcpMs: Number.NaN, lcpMs: Number.NaN, tbtMs: Number.NaN, cls: Number.NaN, error: String(error) }),
      );
      clearTimeout(timer);
      const final = result ?? {
        score: 0,
        fcpMs: Number.NaN,
        lcpMs: Number.NaN,
        tbtMs: Number.NaN,
        cls: Number.NaN,
        error: `no result within ${AUDIT_TIMEOUT_MS / 1000} s`,
      };
      if (!result) {
        chrome.kill();
        chrome = await launch();
      }
      results.set(path, final);
      onResult?.(path, final);
    }
  } finally {
    chrome.kill();
  }
  return results;
}

// Lighthouse performance score per page (default config: mobile emulation, simulated throttling),
// with the same Chromium as the rest of the benchmark, launched by chrome-launcher.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../find-browser.mjs';
import { chromiumPath } from './browser.mjs';

/** @typedef {{ score: number, lcpMs: number, tbtMs: number, cls: number, fcpMs: number }} LighthouseResult */

/**
 * @param {string} base
 * @param {string[]} paths
 * @param {(path: string, result: LighthouseResult) => void} [onResult]
 * @returns {Promise<Map<string, LighthouseResult>>}
 */
export async function lighthouseScores(base, paths, onResult) {
  const chrome = await chromeLauncher.launch({ chromePath: await chromiumPath(), chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
  /** @type {Map<string, LighthouseResult>} */
  const results = new Map();
  try {
    for (const path of paths) {
      const runner = await lighthouse(new URL(path, base).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      const lhr = runner?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      const audit = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const result = {
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
      };
      results.set(path, result);
      onResult?.(path, result);
    }
  } finally {
    chrome.kill();
  }
  return results;
}

// Debian's firefox-esr, headless over WebDriver BiDi (puppeteer-core: Playwright's Firefox cannot be
// downloaded here), with a quiet profile. The engine tests and the benchmark both launch it here.
import { BROWSERS } from '../find-engines.mjs';

/** No phoning home from a test profile (updates, telemetry, safe browsing lists). */
const QUIET_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

/**
 * A new Firefox with a fresh temporary profile.
 * @param {Record<string, unknown>} [extraPrefs] preferences on top of the quiet ones
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchHeadlessFirefox(extraPrefs = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: BROWSERS.firefox,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { ...QUIET_PREFS, ...extraPrefs },
  });
}

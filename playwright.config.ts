import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-browser.mjs';

const executablePath = (await findChromium()) ?? undefined;
// FIX401_PORT / FIX401_DIST let several builds be tested side by side.
const PORT = Number(process.env.FIX401_PORT ?? 4399);

/** Browser tests run against the built site (`astro build` + preview), never the dev server. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky test must fail, not pass on its second try.
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
  },
  webServer: {
    command: `node scripts/serve.mjs --port=${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

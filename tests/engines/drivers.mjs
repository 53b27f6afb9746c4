// One small interface over two automation protocols, so one spec runs in both engines:
//   firefox: Debian's firefox-esr over WebDriver BiDi (puppeteer-core; no browser download)
//   webkit:  WebKitGTK's MiniBrowser over WebDriver classic (WebKitWebDriver under Xvfb, selenium-webdriver)
// Interface: goto(url), evaluate(fn, ...args) (fn runs in the page; may return a promise),
// click(selector, name?) (a real click through the protocol on the first visible match, optionally
// the one whose accessible name is `name`), typeText(text) (real key presses into the focused
// element), selectAll(), problems() (console errors, uncaught errors and CSP violations the page
// saw since the last call), close().
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { BROWSERS } from '../../scripts/find-engines.mjs';
import { launchHeadlessFirefox } from '../../scripts/lib/firefox-launch.mjs';

/** Runs in the page before (Firefox) or right after (WebKit: no preload scripts in WebDriver classic) its own scripts. */
function instrument() {
  if (window.__fix401Problems) return;
  const problems = (window.__fix401Problems = []);
  document.addEventListener(
    'securitypolicyviolation',
    (e) => problems.push(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
  const original = console.error;
  console.error = function (...args) {
    problems.push(`console.error: ${args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ')}`);
    return original.apply(this, args);
  };
  window.addEventListener('error', (e) => {
    if (e.message) problems.push(`uncaught error: ${e.message} at ${e.filename}:${e.lineno}`);
  });
  window.addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${String(e.reason)}`));
}

/** Finds the first visible element for `selector` whose accessible name (aria-label or text) is `name`. */
function findElement(selector, name) {
  const visible = (el) => el.getClientRects().length > 0 && !el.closest('[hidden]');
  const nameOf = (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  // WebDriver classic sends an absent argument as null.
  const el = [...document.querySelectorAll(selector)].find((e) => visible(e) && (name == null || nameOf(e) === name)) ?? null;
  el?.scrollIntoView({ block: 'center' });
  return el;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function requireBinary(path, hint) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint} (npm run test:engines installs it with scripts/ensure-browser.mjs)`);
}

/**
 * What Firefox logs when a page is left while one of its workers loads a script that the service
 * worker is answering (the worker goes with the page, so the answer is never delivered): measured
 * on main without any standby, 5 of 120 lesson visits left during Python's pre-boot logged it for
 * `pyodide.asm.mjs` (docs/decisions/0002). It says nothing about the page the learner sees next, so
 * it is set aside (printed, not returned by problems()) only while goto() leaves a page; anywhere
 * else it fails the check.
 */
const CUT_OFF_BY_LEAVING =
  /^(console|page) error: Failed to load ‘[^’]+’\. A ServiceWorker intercepted the request and encountered an unexpected error\.$/;

async function launchFirefox() {
  requireBinary(BROWSERS.firefox, 'install Debian’s firefox-esr');
  const browser = await launchHeadlessFirefox();
  const page = await browser.newPage();
  const seen = [];
  /** The page goto() is leaving, while it does (the old page's last messages arrive then). */
  let leaving = null;
  const note = (problem) => {
    if (leaving && CUT_OFF_BY_LEAVING.test(problem)) console.log(`# firefox: set aside, logged while leaving ${leaving}: ${problem}`);
    else seen.push(problem);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') note(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message ?? String(error)}`));
  await page.evaluateOnNewDocument(instrument);
  const version = await browser.version();

  return {
    name: 'firefox',
    version,
    async goto(url) {
      leaving = page.url();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      } finally {
        leaving = null;
      }
    },
    evaluate(fn, ...args) {
      return page.evaluate(fn, ...args);
    },
    async click(selector, name) {
      const handle = await page.evaluateHandle(findElement, selector, name);
      const element = handle.asElement();
      if (!element) throw new Error(`no visible ${selector}${name === undefined ? '' : ` named “${name}”`}`);
      await element.click();
      await handle.dispose();
    },
    async selectAll() {
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
    },
    async typeText(text) {
      const lines = text.split('\n');
      for (const [i, line] of lines.entries()) {
        if (line) await page.keyboard.type(line);
        if (i < lines.length - 1) await page.keyboard.press('Enter');
      }
    },
    async problems() {
      const inPage = await page.evaluate(() => window.__fix401Problems?.splice(0) ?? []).catch(() => []);
      return [...seen.splice(0), ...inPage];
    },
    async close() {
      await browser.close();
    },
  };
}

async function launchWebKit() {
  requireBinary(BROWSERS.webkitDriver, 'install Debian’s webkit2gtk-driver');
  requireBinary(BROWSERS.miniBrowser, 'install Debian’s webkit2gtk-driver (it brings libwebkit2gtk-4.1-0 and its MiniBrowser)');
  requireBinary(BROWSERS.xvfbRun, 'install Debian’s xvfb and xauth');
  const { Builder, Key } = await import('selenium-webdriver');
  const port = await freePort();
  // xvfb-run gives WebKitGTK a display; -a picks a free one. Own process group, so close() ends Xvfb too.
  const server = spawn(BROWSERS.xvfbRun, ['-a', BROWSERS.webkitDriver, `--port=${port}`], { stdio: 'ignore', detached: true });
  const exited = new Promise((done) => server.once('exit', (code) => done(code)));
  const stopServer = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      const status = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.json());
      if (status.value?.ready) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      stopServer();
      throw new Error('WebKitWebDriver did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let driver;
  try {
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: BROWSERS.miniBrowser, args: ['--automation'] },
      })
      .build();
  } catch (error) {
    stopServer();
    throw error;
  }
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  const version = (await driver.getCapabilities()).get('browserVersion');

  const evaluate = async (fn, ...args) => {
    // WebDriver classic: an async script whose last argument is the callback.
    const outcome = await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const args = Array.prototype.slice.call(arguments, 0, -1);
       Promise.resolve().then(() => (${fn.toString()}).apply(null, args))
         .then((value) => done({ ok: true, value: value === undefined ? null : value }), (e) => done({ ok: false, error: String(e && e.stack || e) }));`,
      ...args,
    );
    if (!outcome.ok) throw new Error(`in the page: ${outcome.error}`);
    return outcome.value;
  };

  return {
    name: 'webkit',
    version: `WebKitGTK ${version}`,
    async goto(url) {
      await driver.get(url);
      await driver.executeScript(`(${instrument.toString()})()`);
    },
    evaluate,
    async click(selector, name) {
      // Like Playwright's actionability wait: WebKitWebDriver answers "element not interactable" while
      // the page is still laying out around the element; find it again and retry for up to 5 s.
      const until = Date.now() + 5_000;
      for (;;) {
        const element = await driver.executeScript(`return (${findElement.toString()}).apply(null, arguments)`, selector, name ?? null);
        if (!element) throw new Error(`no visible ${selector}${name === undefined ? '' : ` named “${name}”`}`);
        try {
          await element.click();
          return;
        } catch (error) {
          const retriable = ['ElementNotInteractableError', 'ElementClickInterceptedError', 'StaleElementReferenceError'].includes(
            error?.name,
          );
          if (!retriable || Date.now() > until) throw error;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
    async selectAll() {
      await driver.actions().keyDown(Key.CONTROL).sendKeys('a').keyUp(Key.CONTROL).perform();
    },
    async typeText(text) {
      await driver
        .actions()
        .sendKeys(...text.split(/(\n)/).map((part) => (part === '\n' ? Key.ENTER : part)))
        .perform();
    },
    async problems() {
      return evaluate(() => window.__fix401Problems?.splice(0) ?? []).catch(() => []);
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        stopServer();
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
    },
  };
}

export const ENGINES = { firefox: launchFirefox, webkit: launchWebKit };

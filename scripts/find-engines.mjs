// Where the Firefox and WebKit suites (tests/engines/) find their browsers: Debian's packages
// firefox-esr, webkit2gtk-driver (WebKitWebDriver + libwebkit2gtk-4.1's MiniBrowser) and xvfb/xauth
// (xvfb-run). FIREFOX_PATH, WEBKIT_DRIVER_PATH and MINIBROWSER_PATH override.
import { existsSync, readdirSync } from 'node:fs';

function miniBrowser() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  // /usr/lib/<multiarch triplet>/webkit2gtk-4.1/MiniBrowser (x86_64-linux-gnu, aarch64-linux-gnu, …)
  let triplets = [];
  try {
    triplets = readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu'));
  } catch {
    // no /usr/lib: not Debian
  }
  const found = triplets.map((t) => `/usr/lib/${t}/webkit2gtk-4.1/MiniBrowser`).find((p) => existsSync(p));
  return found ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

export const BROWSERS = {
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webkitDriver: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
  miniBrowser: miniBrowser(),
  xvfbRun: '/usr/bin/xvfb-run',
  xauth: '/usr/bin/xauth',
};

/** The Debian packages that provide each engine, and whether their files are present. */
export const ENGINE_PACKAGES = {
  firefox: { packages: ['firefox-esr'], noRecommends: false, present: () => existsSync(BROWSERS.firefox) },
  webkit: {
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    noRecommends: true,
    present: () => [BROWSERS.webkitDriver, BROWSERS.miniBrowser, BROWSERS.xvfbRun, BROWSERS.xauth].every((p) => existsSync(p)),
  },
};

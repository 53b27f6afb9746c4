// A new deploy as a returning visitor meets it: a first visit in a profile on disk (Python booted,
// one Run, the course saved offline), then the host serves a second build in which one wheel
// changed, and the visitor reloads. Which files come down again, and are they only the ones the
// deploy changed? Of Python's files, only that wheel and the lock file that names it may.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { persistentContext } from './browser.mjs';
import { firstExercise, runAndWait, waitReady } from './exercise.mjs';
import { buildSite } from './site.mjs';
import { kb } from './stats.mjs';

/** Bytes of the given requests, as sent. */
const sumBytes = (/** @type {{ bytes: number }[]} */ hits) => hits.reduce((total, h) => total + h.bytes, 0);

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {Awaited<ReturnType<typeof import('./server.mjs').startServer>>} Server */

/** The wheel the second build changes. */
const CHANGED_WHEEL = 'idna';
const DEPLOY_DIST = 'dist-bench-deploy';
/** Python's runtime files under their content-versioned paths. */
const RUNTIME_FILE = /^\/pyodide\/[0-9a-f]{16}\//;

/**
 * A rebuilt wheel: the same files, other bytes (a ZIP archive comment, as a repackaging would
 * leave). Only its bytes matter to a cache; it still installs.
 * @param {string} path
 */
function repackWheel(path) {
  const zip = readFileSync(path);
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50 || zip.readUInt16LE(end + 20) !== 0)
    throw new Error(`${path}: expected a ZIP with no archive comment`);
  const comment = Buffer.from('fix401 bench: a second deploy');
  const out = Buffer.concat([zip, comment]);
  out.writeUInt16LE(comment.length, end + 20);
  writeFileSync(path, out);
}

/**
 * The second build: public/ copied, one wheel repacked, then the same `astro build` from that copy, so
 * the build's own content-versioned naming gives the wheel its new path and the lock its new hash
 * (the build writes the hash of each wheel as Pyodide receives it: scripts/lib/runtime-assets.mjs).
 * @param {string} root
 * @returns {Promise<string>} the build's folder
 */
export async function buildChangedWheelSite(root) {
  const publicCopy = mkdtempSync(join(tmpdir(), 'fix401-deploy-public-'));
  try {
    cpSync(join(root, 'public'), publicCopy, { recursive: true });
    const lock = JSON.parse(readFileSync(join(publicCopy, 'pyodide/pyodide-lock.json'), 'utf8'));
    repackWheel(join(publicCopy, 'pyodide', lock.packages[CHANGED_WHEEL].file_name));
    await buildSite(root, { out: DEPLOY_DIST, env: { FIX401_PUBLIC_DIR: publicCopy } });
    return resolve(root, DEPLOY_DIST);
  } finally {
    rmSync(publicCopy, { recursive: true, force: true });
  }
}

/**
 * URL paths of the files in `dir` (precompressed copies are the same URLs), with their content hash.
 * @param {string} dir
 * @returns {Map<string, string>}
 */
function contents(dir) {
  /** @type {Map<string, string>} */
  const files = new Map();
  const walk = (/** @type {string} */ folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(name))
        files.set(`/${relative(dir, path)}`, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

/** A URL path as the file it is served from (`/lessons/x/` is `/lessons/x/index.html`). */
const asFile = (/** @type {string} */ path) => (path.endsWith('/') ? `${path}index.html` : path);

/**
 * First visit to build `before` (the server's), then `after` deployed and a reload.
 * @param {Server} server serving `before`
 * @param {string} before
 * @param {string} after
 * @param {string} lesson
 */
export async function newDeploy(server, before, after, lesson) {
  const old = contents(before);
  const changed = [...contents(after)].filter(([path, hash]) => old.get(path) !== hash).map(([path]) => path);
  const { context, close } = await persistentContext(server.base);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    server.mark('first-visit');
    await page.goto(lesson, { waitUntil: 'load' });
    await firstExercise(page).scrollIntoViewIfNeeded();
    await waitReady(firstExercise(page));
    // A first Run, after which the course is saved for offline use, as a returning visitor has it.
    await runAndWait(firstExercise(page));
    await page.locator('header fix401-offline .offline-text').filter({ hasText: 'Available offline' }).waitFor({ timeout: 180_000 });
    await server.quiet(3000, 60_000);

    await server.deploy(after);
    server.mark('deploy');
    await page.reload({ waitUntil: 'load' });
    await firstExercise(page).scrollIntoViewIfNeeded();
    await waitReady(firstExercise(page));
    // The new build's service worker saves its changed files while installing.
    await server.quiet(3000, 120_000);
    const fetched = server.hitsIn('deploy').filter((h) => h.status === 200 && h.bytes > 0);
    const changedSet = new Set(changed);
    const runtime = fetched.filter((h) => RUNTIME_FILE.test(h.path));
    return {
      changedWheel: CHANGED_WHEEL,
      changedRuntime: changed.filter((p) => RUNTIME_FILE.test(p)),
      changedSite: changed.filter((p) => !RUNTIME_FILE.test(p)),
      runtime: runtime.map((h) => ({ file: h.path.replace(/^.*\//, ''), bytes: h.bytes })),
      site: fetched.filter((h) => !RUNTIME_FILE.test(h.path)),
      unchanged: fetched.filter((h) => !changedSet.has(asFile(h.path))),
      bytes: sumBytes(fetched),
      requests: server.hitsIn('deploy').length,
    };
  } finally {
    await close();
  }
}

/**
 * @param {Awaited<ReturnType<typeof newDeploy>>} d
 * @returns {Row[]}
 */
export function deployRows(d) {
  const wheel = new RegExp(`^${d.changedWheel}-.*\\.whl(\\.zst)?$`);
  const allowed = (/** @type {string} */ file) => wheel.test(file) || file === 'pyodide-lock.json';
  const runtimeOk = d.runtime.some((r) => wheel.test(r.file)) && d.runtime.every((r) => allowed(r.file));
  const pages = d.site.filter((h) => h.path.endsWith('/') || h.path.endsWith('.html'));
  const scripts = d.site.filter((h) => !pages.includes(h));
  return [
    {
      figure: `New deploy (one wheel, ${d.changedWheel}, changed): Python's files downloaded again`,
      value: d.runtime.map((r) => `${r.file} (${kb(r.bytes)})`).join(', ') || 'none',
      target: `only the ${d.changedWheel} wheel and the lock file`,
      ratio: null,
      ok: runtimeOk,
    },
    {
      figure: 'New deploy: files downloaded again that the deploy did not change',
      value: d.unchanged.length ? d.unchanged.map((h) => `${h.path} (${kb(h.bytes)})`).join(', ') : 'none',
      target: 'none',
      ratio: null,
      ok: d.unchanged.length === 0,
    },
    {
      figure: 'New deploy: what it changed, and what came down again (compressed as served)',
      value:
        `changed: ${d.changedRuntime.length} of Python's files, ${d.changedSite.length} site files; ` +
        `downloaded: ${pages.length} pages (${kb(sumBytes(pages))}), ${scripts.length} other files (${kb(sumBytes(scripts))}); ` +
        `${kb(d.bytes)} in all, ${d.requests} requests`,
      target: '—',
      ratio: null,
      ok: null,
    },
  ];
}

// Builds the site into its own folder (dist-bench/) so the benchmark never touches anyone's dist/,
// and lists the lesson pages it produced.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BENCH_DIST = 'dist-bench';

/**
 * The build the benchmark serves: dist-bench/, or the folder `npm run bench -- --dist=<folder>` names
 * (a build kept from another commit, so a before/after pair is measured by the same bench code).
 * @param {string} root the project folder
 */
export const benchDir = (root) => resolve(root, process.env.FIX401_BENCH_DIR ?? BENCH_DIST);

/**
 * Runs a command with inherited output; rejects on a non-zero exit.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<void>}
 */
function exec(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * `astro build` with FIX401_DIST=dist-bench (or `out`), provisioning the Pyodide assets first if missing.
 * @param {string} root the project folder
 * @param {{ out?: string, env?: NodeJS.ProcessEnv }} [options] another folder, more environment (./deploy.mjs)
 */
export async function buildSite(root, { out = BENCH_DIST, env: extra = {} } = {}) {
  const env = { ...process.env, FIX401_DIST: out, ...extra };
  if (!existsSync(join(root, 'public/pyodide/pyodide-lock.json'))) await exec(process.execPath, ['scripts/provision-wheels.mjs'], env);
  await exec(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], env);
}

/**
 * Lesson pages in the build, as URL paths (`/lessons/<slug>/`), sorted.
 * @param {string} root
 * @returns {string[]}
 */
export function lessonPaths(root) {
  const dir = join(benchDir(root), 'lessons');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
    .map((entry) => `/lessons/${entry.name}/`)
    .sort();
}

/** Where the bare boot's stdlib goes in the served build (never deployed: only the bench's builds have it). */
const BASELINE_STDLIB = 'bench-baseline/python_stdlib.zip';

/**
 * loadPyodide options for the bare boot, for a site served at `origin` (no trailing slash): Pyodide's
 * core where the served build put it (content-versioned folders, scripts/lib/runtime-assets.mjs), and
 * the stdlib as provisioned (deflated, what Pyodide reads without help; the site serves it packed,
 * which only its worker unpacks). A build from before the packing has it in a folder of its own;
 * any other gets a copy from public/pyodide/ at BASELINE_STDLIB.
 * @param {string} origin
 */
export function runtimeUrls(origin) {
  const root = resolve(import.meta.dirname, '../..');
  const pyodideDir = join(benchDir(root), 'pyodide');
  const folderOf = (file) => readdirSync(pyodideDir).find((d) => existsSync(join(pyodideDir, d, file)));
  const urlOf = (file) => {
    const folder = folderOf(file);
    if (!folder) throw new Error(`${pyodideDir} has no ${file}: rebuild the bench's site`);
    return `${origin}/pyodide/${folder}/${file}`;
  };
  let stdLibURL = folderOf('python_stdlib.zip') ? urlOf('python_stdlib.zip') : `${origin}/${BASELINE_STDLIB}`;
  if (stdLibURL.endsWith(BASELINE_STDLIB) && !existsSync(join(benchDir(root), BASELINE_STDLIB))) {
    mkdirSync(join(benchDir(root), 'bench-baseline'), { recursive: true });
    copyFileSync(join(root, 'public/pyodide/python_stdlib.zip'), join(benchDir(root), BASELINE_STDLIB));
  }
  return {
    indexURL: urlOf('pyodide.mjs').replace(/pyodide\.mjs$/, ''),
    stdLibURL,
    lockFileURL: urlOf('pyodide-lock.json'),
  };
}

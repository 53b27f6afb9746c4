#!/usr/bin/env node
// The whole build in one place, so a root build (`npm run build`) and a subpath build
// (`npm run build:subpath`, used by the subpath browser tests in Chromium, Firefox and WebKit) run
// the same steps: provision Python's files (skipped for --base builds when already provisioned),
// `astro build`, then the `_headers` file.
// Usage: node scripts/build-site.mjs [--base=/fix401/] [--out=dist-subpath]
//   BASE_PATH and FIX401_DIST in the environment work too (the flags win).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const base = flag('base') ?? process.env.BASE_PATH;
const out = flag('out') ?? process.env.FIX401_DIST;
const env = { ...process.env, ...(base ? { BASE_PATH: base } : {}), ...(out ? { FIX401_DIST: resolve(ROOT, out) } : {}) };
const node = (script, ...args) => execFileSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env, stdio: 'inherit' });

// The root build always provisions (it checks the cache and republishes); a second build of the same
// tree reuses what the first one provisioned.
if (!base || !existsSync(join(ROOT, 'public/pyodide/pyodide-lock.json'))) node('scripts/provision-wheels.mjs');
node('node_modules/astro/bin/astro.mjs', 'build', '--force');
node('scripts/write-host-headers.mjs');

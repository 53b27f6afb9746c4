#!/usr/bin/env node
// Makes Pyodide's core and the pure-Python wheels `requests` needs available under public/pyodide/,
// served from the site's own origin (no CDN). Routes, tried in order (design.md §2):
//   1. already provisioned in .cache/wheels (or a folder of wheels named by FIX401_WHEELS_DIR);
//   2. the official Pyodide wheels, fetched by Pyodide's own loader under Node (needs internet);
//   3. Debian's python3-* packages from the system's apt mirror, turned into wheels;
//   4. otherwise stop with instructions.
// Output: public/pyodide/{core files, *.whl, pyodide-lock.json trimmed to what we serve}.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fromDebian } from './lib/debian-route.mjs';
import { fromPyodideCdn } from './lib/pyodide-route.mjs';
import { addBytecode } from './lib/precompile.mjs';

const root = resolve(import.meta.dirname, '..');
const cacheDir = join(root, '.cache/wheels');
const outDir = join(root, 'public/pyodide');
const pyodideDir = join(root, 'node_modules/pyodide');
const lockPath = join(root, 'scripts/python-packages.lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const CORE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'];

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const log = (msg) => console.log(`[provision-wheels] ${msg}`);

/** @returns {Record<string, {fileName: string, version: string, sha256: string, source: string}> | null} */
function fromCache(dir) {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const intact = lock.packages.every(
      (p) => manifest[p] && existsSync(join(dir, manifest[p].fileName)) && sha256(join(dir, manifest[p].fileName)) === manifest[p].sha256,
    );
    if (intact) return manifest;
  }
  // A plain folder of wheels (FIX401_WHEELS_DIR): match by distribution name.
  const wheels = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.whl')) : [];
  const found = {};
  for (const project of lock.packages) {
    const prefix = project.replace(/-/g, '_') + '-';
    const fileName = wheels.find((w) => w.toLowerCase().startsWith(prefix));
    if (!fileName) return null;
    found[project] = { fileName, version: fileName.split('-')[1], sha256: sha256(join(dir, fileName)), source: dir };
  }
  return found;
}

function compareVersions(a, b) {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function checkMinimums(manifest) {
  for (const [project, min] of Object.entries(lock.minimum)) {
    if (compareVersions(manifest[project].version, min) < 0)
      throw new Error(`${project} ${manifest[project].version} is older than ${min}, which the lessons need`);
  }
}

/**
 * Copies Pyodide's core and the wheels into public/pyodide, adds bytecode to the wheels and the
 * stdlib zip, and writes a lock file listing only what we serve (with the wheels' hashes as served).
 */
async function publish(manifest, wheelDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const f of CORE_FILES) copyFileSync(join(pyodideDir, f), join(outDir, f));
  const upstream = JSON.parse(readFileSync(join(pyodideDir, 'pyodide-lock.json'), 'utf8'));
  const fileNames = lock.packages.map((project) => manifest[project].fileName);
  for (const fileName of fileNames) copyFileSync(join(wheelDir, fileName), join(outDir, fileName));
  // The worker's own Python modules, as python.worker.ts installs them: their imports decide what gets bytecode.
  const ownModules = {
    'fix401_transport.py': readFileSync(join(root, 'src/runtime/transport.py'), 'utf8'),
    'fix401_sandbox.py': readFileSync(join(root, 'src/runtime/sandbox.py'), 'utf8'),
  };
  const { wheelPycs, stdlibModules } = await addBytecode(pyodideDir, outDir, fileNames, ownModules);
  log(`added bytecode: ${wheelPycs} files to the wheels, ${stdlibModules} standard-library modules to python_stdlib.zip`);
  const packages = {};
  for (const project of lock.packages) {
    const { fileName, version } = manifest[project];
    packages[project] = { ...upstream.packages[project], file_name: fileName, version, sha256: sha256(join(outDir, fileName)) };
  }
  writeFileSync(join(outDir, 'pyodide-lock.json'), JSON.stringify({ ...upstream, packages }, null, 1));
  writeFileSync(join(outDir, 'versions.json'), JSON.stringify(manifest, null, 1));
}

async function main() {
  const updateLock = process.argv.includes('--update-lock');
  const userDir = process.env.FIX401_WHEELS_DIR;
  let manifest = userDir ? fromCache(resolve(userDir)) : fromCache(cacheDir);
  let wheelDir = userDir ? resolve(userDir) : cacheDir;
  if (manifest) log(`using wheels already provisioned in ${wheelDir}`);
  if (!manifest) {
    if (userDir) throw new Error(`FIX401_WHEELS_DIR=${userDir} does not hold wheels for ${lock.packages.join(', ')}`);
    wheelDir = cacheDir;
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    const attempts = [];
    for (const route of [fromPyodideCdn, fromDebian]) {
      try {
        manifest = await route({ root, cacheDir, lock, log, updateLock });
        break;
      } catch (error) {
        attempts.push(`${route.name}: ${error.message}`);
        log(`${route.name} failed: ${error.message}`);
      }
    }
    if (!manifest) {
      throw new Error(
        `could not provision ${lock.packages.join(', ')}.\n  Tried:\n   - ${attempts.join('\n   - ')}\n` +
          `  Provide the wheels yourself: put py3-none-any wheels of these packages in a folder and run\n` +
          `  FIX401_WHEELS_DIR=/path/to/folder npm run build`,
      );
    }
    writeFileSync(join(cacheDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  }
  checkMinimums(manifest);
  await publish(manifest, wheelDir);
  log(lock.packages.map((p) => `${p} ${manifest[p].version}`).join(', ') + ` → public/pyodide (${manifest.requests.source})`);
}

main().catch((error) => {
  console.error(`[provision-wheels] ERROR: ${error.message}`);
  process.exit(1);
});

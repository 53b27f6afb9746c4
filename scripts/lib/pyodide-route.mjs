// Route 2 of provision-wheels: the official Pyodide wheels, fetched by Pyodide's own package
// loader under Node. Pyodide checks each wheel against the sha256 in its pyodide-lock.json.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const TIMEOUT_MS = 60_000;

/** @type {import('./route').Route} */
export async function fromPyodideCdn({ root, cacheDir, lock }) {
  if (process.env.FIX401_SKIP_PYODIDE_CDN) throw new Error('skipped (FIX401_SKIP_PYODIDE_CDN is set)');
  const { loadPyodide } = await import('pyodide');
  const upstream = JSON.parse(readFileSync(join(root, 'node_modules/pyodide/pyodide-lock.json'), 'utf8'));
  const messages = [];
  const load = (async () => {
    const pyodide = await loadPyodide({ packageCacheDir: cacheDir, stdout: () => {}, stderr: () => {} });
    await pyodide.loadPackage(lock.packages, { messageCallback: (m) => messages.push(m), errorCallback: (m) => messages.push(m) });
  })();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([load, timeout]);
  } finally {
    clearTimeout(timer);
  }
  const files = readdirSync(cacheDir);
  const manifest = {};
  for (const project of lock.packages) {
    const entry = upstream.packages[project];
    if (!files.includes(entry.file_name))
      throw new Error(`${entry.file_name} was not downloaded (${messages.slice(-1)[0] ?? 'no message'})`);
    const sha256 = createHash('sha256')
      .update(readFileSync(join(cacheDir, entry.file_name)))
      .digest('hex');
    if (sha256 !== entry.sha256) throw new Error(`${entry.file_name}: sha256 mismatch`);
    manifest[project] = {
      fileName: entry.file_name,
      version: entry.version,
      sha256,
      source: `pyodide ${upstream.info.python} official wheels`,
    };
  }
  return manifest;
}

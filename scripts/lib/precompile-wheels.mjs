// Adds CPython bytecode to pure-Python wheels so the browser does not compile requests, urllib3 and
// charset_normalizer from source on every boot (measured in Node: `import requests` 820 → ~640 ms).
// The bytecode is made by Pyodide's own CPython (same version and magic number as the browser's),
// run here under Node. The .pyc files are "unchecked-hash" pycs: unpacking a wheel gives its files
// fresh mtimes, so timestamp pycs would be ignored; the .py sources stay, so tracebacks keep their
// source lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRECOMPILE = `
import importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def precompile(src, dst, site_packages):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        record = next(n for n in zin.namelist() if n.endswith('.dist-info/RECORD'))
        added = []
        for info in sorted(zin.infolist(), key=lambda i: i.filename):
            if info.filename == record:
                continue
            data = zin.read(info)
            zout.writestr(info, data)
            if not info.filename.endswith('.py'):
                continue
            code = compile(data, f'{site_packages}/{info.filename}', 'exec', dont_inherit=True)
            folder, _, name = info.filename.rpartition('/')
            pyc = f'{folder}/__pycache__/{name[:-3]}.{sys.implementation.cache_tag}.pyc'.lstrip('/')
            entry = zipfile.ZipInfo(pyc, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(entry, _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            added.append(pyc)
        # RECORD lists every file; bytecode may go without a hash (PyPA's RECORD spec).
        lines = zin.read(record).decode() + ''.join(f'{p},,\\n' for p in added)
        entry = zipfile.ZipInfo(record, date_time=zin.getinfo(record).date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(entry, lines)
    return len(added)
`;

/**
 * Rewrites each wheel in place with bytecode added.
 * @param {string} pyodideDir  node_modules/pyodide
 * @param {string} dir  folder holding the wheels
 * @param {string[]} fileNames
 * @returns {Promise<number>} how many .pyc files were added
 */
export async function precompileWheels(pyodideDir, dir, fileNames) {
  const { loadPyodide } = await import('pyodide');
  const py = await loadPyodide({ indexURL: `${pyodideDir}/` });
  py.runPython(PRECOMPILE);
  const sitePackages = py.runPython('import site; site.getsitepackages()[0]');
  const precompile = py.globals.get('precompile');
  let added = 0;
  for (const fileName of fileNames) {
    py.FS.writeFile(`/tmp/${fileName}`, readFileSync(join(dir, fileName)));
    added += precompile(`/tmp/${fileName}`, `/tmp/compiled-${fileName}`, sitePackages);
    writeFileSync(join(dir, fileName), py.FS.readFile(`/tmp/compiled-${fileName}`));
  }
  precompile.destroy();
  return added;
}

// Ships CPython bytecode so the browser does not compile Python source on every boot. Neither
// Pyodide's python_stdlib.zip (559 .py files, no .pyc) nor Debian's wheels carry any: measured
// under Node with this Pyodide, boot 2.3 s → 0.7 s and `import requests` 820 → 160 ms.
// The bytecode is made by Pyodide's own CPython (same version and magic number as the browser's),
// run here under Node. All .pyc files are "unchecked-hash" pycs: valid whatever the files' mtimes
// (unpacking a wheel gives fresh ones), and the .py sources stay, so tracebacks keep their lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PYTHON = `
import importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def _pyc(data, filename):
    code = compile(data, filename, 'exec', dont_inherit=True)
    return _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)

def _entry(name, date_time):
    entry = zipfile.ZipInfo(name, date_time=date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry

def precompile_wheel(src, dst, site_packages):
    """Adds __pycache__/*.pyc next to every module (site-packages layout) and lists them in RECORD."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        record = next(n for n in zin.namelist() if n.endswith('.dist-info/RECORD'))
        added = []
        for info in sorted(zin.infolist(), key=lambda i: i.filename):
            if info.filename == record:
                continue
            data = zin.read(info)
            zout.writestr(info, data)
            if info.filename.endswith('.py'):
                folder, _, name = info.filename.rpartition('/')
                pyc = f'{folder}/__pycache__/{name[:-3]}.{sys.implementation.cache_tag}.pyc'.lstrip('/')
                zout.writestr(_entry(pyc, info.date_time), _pyc(data, f'{site_packages}/{info.filename}'))
                added.append(pyc)
        # RECORD lists every file; bytecode may go without a hash (PyPA's RECORD spec).
        lines = zin.read(record).decode() + ''.join(f'{p},,\\n' for p in added)
        zout.writestr(_entry(record, zin.getinfo(record).date_time), lines)
    return len(added)

def imported_stdlib(zip_path):
    """The stdlib modules imported so far, as paths inside the stdlib zip."""
    prefix = zip_path + '/'
    files = (getattr(m, '__file__', None) or '' for m in list(sys.modules.values()))
    return sorted({f[len(prefix):] for f in files if f.startswith(prefix) and f.endswith('.py')})

def precompile_stdlib(src, dst, zip_path, names):
    """Adds name.pyc beside name.py (zipimport's layout) for the listed modules."""
    wanted = set(names)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data)
            if info.filename in wanted:
                zout.writestr(_entry(info.filename + 'c', info.date_time), _pyc(data, f'{zip_path}/{info.filename}'))
    return len(wanted)
`;

/**
 * Stdlib modules a learner's code commonly imports beyond what booting and `import requests`
 * already import (content/examples and the scenarios use these).
 */
const LEARNER_IMPORTS = ['json', 'base64', 'hashlib', 'hmac', 'secrets', 'datetime', 'pathlib', 'netrc', 'pprint', 're', 'uuid'];

/**
 * Adds bytecode, in place, to the wheels in `dir` and to its python_stdlib.zip: to every module of
 * the wheels, and to the stdlib modules a boot imports (Pyodide's own start, `requests`, the sandbox
 * and LEARNER_IMPORTS). Only those: bytecode for all 559 stdlib modules would make the zip 7.1 MB
 * instead of 4.7 MB, for no faster boot. One interpreter does both: it compiles the wheels, then
 * installs them to learn which stdlib modules they import.
 * @param {string} pyodideDir  node_modules/pyodide (its stdlib, not yet rewritten, runs this)
 * @param {string} dir  public/pyodide, holding the wheels and a copy of python_stdlib.zip
 * @param {string[]} wheels  file names in `dir`
 * @param {Record<string, string>} ownModules  file name in /home/pyodide → source (sandbox.py, transport.py)
 * @returns {Promise<{ wheelPycs: number, stdlibModules: number }>}
 */
export async function addBytecode(pyodideDir, dir, wheels, ownModules) {
  const { loadPyodide } = await import('pyodide');
  const py = await loadPyodide({ indexURL: `${pyodideDir}/` });
  py.runPython(PYTHON);

  const sitePackages = py.runPython('import site; site.getsitepackages()[0]');
  let wheelPycs = 0;
  for (const fileName of wheels) {
    py.FS.writeFile(`/tmp/${fileName}`, readFileSync(join(dir, fileName)));
    wheelPycs += py.globals.get('precompile_wheel')(`/tmp/${fileName}`, `/tmp/compiled-${fileName}`, sitePackages);
    writeFileSync(join(dir, fileName), py.FS.readFile(`/tmp/compiled-${fileName}`));
  }

  await py.loadPackage(
    wheels.map((fileName) => join(dir, fileName)),
    { messageCallback: () => {} },
  );
  py.registerJsModule('fix401_host', { clock_advanced: () => {}, wire_exchange: () => new Uint8Array() });
  for (const [name, source] of Object.entries(ownModules)) py.FS.writeFile(`/home/pyodide/${name}`, source);
  py.runPython(`import sys; sys.path.insert(0, '/home/pyodide'); import requests, fix401_sandbox`);
  for (const name of LEARNER_IMPORTS) py.pyimport(name);
  const zipPath = py.runPython('import sys; next(p for p in sys.path if p.endswith(".zip"))');
  const names = py.globals.get('imported_stdlib')(zipPath).toJs();
  py.FS.writeFile('/tmp/stdlib.zip', readFileSync(join(dir, 'python_stdlib.zip')));
  const stdlibModules = py.globals.get('precompile_stdlib')('/tmp/stdlib.zip', '/tmp/stdlib-compiled.zip', zipPath, names);
  writeFileSync(join(dir, 'python_stdlib.zip'), py.FS.readFile('/tmp/stdlib-compiled.zip'));
  return { wheelPycs, stdlibModules };
}

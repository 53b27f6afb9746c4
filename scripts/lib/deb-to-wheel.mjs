// Turns the pure-Python part of a Debian python3-* package into a py3-none-any wheel.
// Debian-specific patches that break Pyodide are undone here (see design.md §2).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createZip } from './zip.mjs';

const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

// certifi upstream's where(): Debian's points at /etc/ssl/certs, which does not exist in Pyodide,
// and `import requests` then fails with FileNotFoundError.
const CERTIFI_CORE = `"""certifi.core: returns the location of the bundled cacert.pem (upstream behaviour).

Restored by Fix401's wheel provisioning; Debian's build points at /etc/ssl/certs instead.
"""
import os


def where() -> str:
    return os.path.join(os.path.dirname(__file__), "cacert.pem")


def contents() -> str:
    with open(where(), encoding="ascii") as data:
        return data.read()
`;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const recordHash = (data) => 'sha256=' + createHash('sha256').update(data).digest('base64url');

/**
 * @param {string} distPackages  the extracted usr/lib/python3/dist-packages folder
 * @param {string} project       the distribution name, e.g. "charset-normalizer"
 * @returns {{ fileName: string, version: string, data: Buffer }}
 */
export function debToWheel(distPackages, project) {
  const infoDirName = readdirSync(distPackages).find((n) => /\.(dist|egg)-info$/.test(n));
  if (!infoDirName) throw new Error(`${project}: no dist-info or egg-info in the Debian package`);
  const metadata = readFileSync(join(distPackages, infoDirName, infoDirName.endsWith('.egg-info') ? 'PKG-INFO' : 'METADATA'));
  const version = /^Version: (.+)$/m.exec(metadata.toString('utf8'))?.[1]?.trim();
  if (!version) throw new Error(`${project}: no Version in its metadata`);
  const distName = project.replace(/[-.]+/g, '_').toLowerCase();
  const distInfo = `${distName}-${version}.dist-info`;

  /** @type {{ name: string, data: Buffer }[]} */
  const files = [];
  for (const path of walk(distPackages)) {
    const name = relative(distPackages, path).split('\\').join('/');
    if (name.startsWith(infoDirName + '/')) continue; // rewritten below
    if (name.endsWith('.so') || name.includes('__pycache__/') || name.includes('/tests/')) continue;
    let data = readFileSync(path);
    if (project === 'certifi' && name === 'certifi/core.py') data = Buffer.from(CERTIFI_CORE);
    files.push({ name, data });
  }
  if (project === 'certifi') files.push({ name: 'certifi/cacert.pem', data: readFileSync(SYSTEM_CA_BUNDLE) });

  const topLevel = [...new Set(files.map((f) => f.name.split('/')[0]))].join('\n') + '\n';
  files.push(
    { name: `${distInfo}/METADATA`, data: metadata },
    {
      name: `${distInfo}/WHEEL`,
      data: Buffer.from('Wheel-Version: 1.0\nGenerator: fix401-deb-to-wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
    },
    { name: `${distInfo}/top_level.txt`, data: Buffer.from(topLevel) },
  );
  const record = files.map((f) => `${f.name},${recordHash(f.data)},${f.data.length}`);
  record.push(`${distInfo}/RECORD,,`);
  files.push({ name: `${distInfo}/RECORD`, data: Buffer.from(record.sort().join('\n') + '\n') });

  return { fileName: `${distName}-${version}-py3-none-any.whl`, version, data: createZip(files) };
}

/**
 * A throwaway venv of the machine's native CPython with the very wheels the site serves
 * (public/pyodide/*.whl, as provisioned by scripts/provision-wheels.mjs): the oracle's interpreter.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const venv = join(root, '.cache/oracle-venv');

/** Path of the venv's python, (re)built when the served wheels changed. */
export function oraclePython(): string {
  const wheelDir = join(root, 'public/pyodide');
  if (!existsSync(wheelDir)) throw new Error('oracle: no public/pyodide/ — run `npm install` (it provisions the wheels) first');
  const wheels = readdirSync(wheelDir)
    .filter((f) => f.endsWith('.whl'))
    .sort();
  if (wheels.length !== 5)
    throw new Error(`oracle: expected the 5 provisioned wheels in public/pyodide/, found ${wheels.join(', ') || 'none'}`);
  const python = join(venv, 'bin/python');
  const stamp = join(venv, 'wheels.txt');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wheels.join('\n')) return python;
  execFileSync('python3', ['-m', 'venv', '--clear', venv], { stdio: 'inherit' });
  execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--no-index', '--no-deps', ...wheels.map((w) => join(wheelDir, w))], {
    stdio: 'inherit',
  });
  writeFileSync(stamp, wheels.join('\n'));
  return python;
}

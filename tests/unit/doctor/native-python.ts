/** Runs src/doctor/analyze.py under the project's native CPython (the oracle's venv), as the tests' stand-in for Pyodide. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAnalysis } from '../../../src/doctor/types';

const root = join(import.meta.dirname, '../../..');
const venv = join(root, '.cache/oracle-venv/bin/python');
const PYTHON = process.env.FIX401_PYTHON ?? (existsSync(venv) ? venv : 'python3');
const SCRIPT = join(root, 'src/doctor/analyze.py');

export function analyzeNative(code: string): CodeAnalysis {
  return JSON.parse(execFileSync(PYTHON, [SCRIPT], { input: code, encoding: 'utf8' })) as CodeAnalysis;
}

/** Many sources in one interpreter start (a JSON list in, a JSON list out). */
export function analyzeNativeMany(codes: string[]): CodeAnalysis[] {
  const program = `import json, sys\nsys.path.insert(0, ${JSON.stringify(join(root, 'src/doctor'))})\nfrom analyze import analyze\nprint(json.dumps([json.loads(analyze(c)) for c in json.load(sys.stdin)]))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', program], { input: JSON.stringify(codes), encoding: 'utf8' })) as CodeAnalysis[];
}

/**
 * Runs code in the oracle's native CPython through the sandbox's own harness (driver.py, sandbox.py,
 * transport.py), each job against a fresh mock core served on 127.0.0.1 by bridge.ts.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Exchange } from '../../src/mock-api/contract';
import type { Scenario } from '../../src/exercises/scenario-schema';
import { startBridge } from './bridge';
import { oraclePython } from './venv';

const root = join(import.meta.dirname, '../..');

export interface PythonJob {
  id: number;
  code: string;
  /** Server state, environment and files of the run; the clock starts at the scenario's start. */
  scenario: Scenario;
  epilogue?: string;
}

export interface PythonResult {
  id: number;
  printed: string;
  failureType: string | null;
  traceback: string;
  epilogueOutput: string;
}

export interface PythonRun {
  results: Map<number, PythonResult>;
  /** The mock's exchanges of each job, by job id. */
  exchanges: Map<number, Exchange[]>;
  /** The HOME path the runs had (removed since; Pyodide's is /home/pyodide), for normalising output. */
  home: string;
}

export async function runInCPython(jobs: readonly PythonJob[]): Promise<PythonRun> {
  const python = oraclePython();
  const work = mkdtempSync(join(tmpdir(), 'fix401-oracle-'));
  const home = join(work, 'home');
  const modules = join(work, 'modules');
  mkdirSync(home);
  mkdirSync(modules);
  copyFileSync(join(root, 'src/runtime/sandbox.py'), join(modules, 'fix401_sandbox.py'));
  copyFileSync(join(root, 'src/runtime/transport.py'), join(modules, 'fix401_transport.py'));
  copyFileSync(join(import.meta.dirname, 'fix401_host.py'), join(modules, 'fix401_host.py'));
  const virtualNow = (job: PythonJob) => Date.parse(job.scenario.server.clockStart);
  const jobsPath = join(work, 'jobs.json');
  const resultsPath = join(work, 'results.json');
  writeFileSync(
    jobsPath,
    JSON.stringify(
      jobs.map((j) => ({
        id: j.id,
        code: j.code,
        env: j.scenario.env,
        files: j.scenario.files,
        virtualNow: virtualNow(j),
        epilogue: j.epilogue ?? null,
      })),
    ),
  );
  const bridge = await startBridge(new Map(jobs.map((j) => [j.id, { server: j.scenario.server, virtualNow: virtualNow(j) }])));
  try {
    await promisify(execFile)(python, [join(import.meta.dirname, 'driver.py'), jobsPath, resultsPath], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        PYTHONPATH: modules,
        PYTHONDONTWRITEBYTECODE: '1',
        FIX401_ORACLE_PORT: String(bridge.port),
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const results = (JSON.parse(readFileSync(resultsPath, 'utf8')) as PythonResult[]).map((r) => [r.id, r] as const);
    return { results: new Map(results), exchanges: bridge.exchanges, home };
  } finally {
    await bridge.close();
    rmSync(work, { recursive: true, force: true });
  }
}

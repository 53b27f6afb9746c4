/**
 * Lessons that name a `requests` behaviour must be right about it: each claim pairs a sentence that
 * must stay in its lesson with Python that fails unless native CPython (the oracle's venv, the same
 * wheels the site serves) behaves as the sentence says, against the same mock API. Changing the
 * sentence or the behaviour fails this test until both agree again.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { startBridge } from './bridge';
import { loadScenario } from './jobs';
import { oraclePython } from './venv';

interface Claim {
  lesson: string;
  says: string;
  scenario: string;
  check: string;
}

const root = join(import.meta.dirname, '../..');
const claims = JSON.parse(readFileSync(join(import.meta.dirname, 'claims.json'), 'utf8')) as Claim[];
const work = mkdtempSync(join(tmpdir(), 'fix401-claims-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('there are claims to check', () => {
  expect(claims.length).toBeGreaterThanOrEqual(6);
});

it.each(claims.map((c, i) => [i + 1, c] as const))('claim %i is still in its lesson', (_i, claim) => {
  const text = readFileSync(join(root, 'content/lessons', claim.lesson), 'utf8').replace(/\s+/g, ' ');
  expect(text, `${claim.lesson} no longer says it`).toContain(claim.says.replace(/\s+/g, ' '));
});

it('native CPython behaves as every claim says', { timeout: 300_000 }, async () => {
  const python = oraclePython();
  const scenarios = claims.map((c) => loadScenario(c.scenario));
  const bridge = await startBridge(
    new Map(scenarios.map((s, i) => [i + 1, { server: s.server, virtualNow: Date.parse(s.server.clockStart) }])),
  );
  const modules = join(work, 'modules');
  const home = join(work, 'home');
  mkdirSync(modules, { recursive: true });
  mkdirSync(home, { recursive: true });
  copyFileSync(join(root, 'src/runtime/sandbox.py'), join(modules, 'fix401_sandbox.py'));
  copyFileSync(join(root, 'src/runtime/transport.py'), join(modules, 'fix401_transport.py'));
  copyFileSync(join(import.meta.dirname, 'fix401_host.py'), join(modules, 'fix401_host.py'));
  const jobsPath = join(work, 'jobs.json');
  const resultsPath = join(work, 'results.json');
  writeFileSync(
    jobsPath,
    JSON.stringify(
      claims.map((c, i) => ({
        id: i + 1,
        code: c.check,
        env: scenarios[i]!.env,
        files: scenarios[i]!.files,
        virtualNow: Date.parse(scenarios[i]!.server.clockStart),
      })),
    ),
  );
  try {
    await promisify(execFile)(python, [join(import.meta.dirname, 'driver.py'), jobsPath, resultsPath], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        PYTHONPATH: modules,
        PYTHONDONTWRITEBYTECODE: '1',
        FIX401_ORACLE_PORT: String(bridge.port),
      },
    });
  } finally {
    await bridge.close();
  }
  const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as { id: number; failureType: string | null; traceback: string }[];
  const contradicted = results
    .filter((r) => r.failureType)
    .map((r) => `${claims[r.id - 1]!.lesson}: "${claims[r.id - 1]!.says}"\n${r.traceback}`);
  expect(contradicted.join('\n'), 'CPython contradicts these lesson claims').toBe('');
});

/**
 * The CPython oracle: native CPython (the machine's python3) with the very wheels the site serves
 * runs every lesson example and every scenario run through the sandbox's own harness and transport,
 * against the same mock core on 127.0.0.1. What it prints must match what the browser printed (the
 * golden transcripts), after normalising only what must differ; every other difference is listed,
 * with its reason and the lesson that states it, in accepted-differences.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { judge } from '../../src/exercises/checks';
import { verdictText } from '../../src/exercises/verdict-text';
import { normalize } from '../e2e/transcript';
import { collectJobs, type Job } from './jobs';
import { readTranscript, runKey } from './transcripts';
import { runInCPython, type PythonResult } from './run-python';

const root = join(import.meta.dirname, '../..');

interface Accepted {
  transcript: 'examples' | 'scenarios';
  section: string;
  label: string;
  /** Why CPython at home and the sandbox differ here. */
  reason: string;
  /** The lesson (content/lessons/…) that tells the learner, and words it must keep saying. */
  lesson: string;
  lessonSays: string;
}

/** The Output region's text for a run, as exercise-element.ts builds it. */
function pageOutput(result: PythonResult): string {
  const text = result.printed + (result.failureType ? result.traceback : '');
  return text === '' ? '(Your code printed nothing.)\n' : text;
}

/**
 * Only what must differ between the machine's CPython (3.11 here) and Pyodide's 3.14, applied to both
 * sides: install paths, the urllib User-Agent's version, zstd in Accept-Encoding (urllib3 offers it
 * when Python has `compression.zstd`, new in 3.14), and how tracebacks are drawn (3.11 underlines
 * differently, 3.13+ shows whole multi-line expressions, line numbers of frozen stdlib modules,
 * newer "Did you mean" suggestions). A traceback keeps its frames and its exception line.
 */
export function normalizeAcrossVersions(text: string): string {
  const lines: string[] = [];
  let inTraceback = false;
  for (const line of text.split('\n')) {
    if (line === 'Traceback (most recent call last):') inTraceback = true;
    else if (inTraceback && !line.startsWith(' ')) inTraceback = false;
    else if (inTraceback && !line.startsWith('  File "')) continue;
    lines.push(line);
  }
  return lines
    .join('\n')
    .replace(/"[^"]*\/(?:lib\/)?python3\.\d+\/site-packages\//g, '"<site-packages>/')
    .replace(/File "<frozen ([\w.]+)>", line \d+/g, 'File "<frozen $1>", line <n>')
    .replace(/Python-urllib\/3\.\d+/g, 'Python-urllib/3.x')
    .replace(/gzip, deflate, zstd/g, 'gzip, deflate')
    .replace(/(Error: .*)\. Did you mean: '[^']*'\?$/gm, '$1');
}

/** The oracle's side: its HOME is a temporary folder where Pyodide's is /home/pyodide. */
function normalizeOracle(text: string, home: string): string {
  return normalize(text.split(home).join('/home/pyodide'));
}

it('native CPython prints what the sandbox printed, for every example and scenario run', { timeout: 600_000 }, async () => {
  const jobs = collectJobs();
  const { results, exchanges, home } = await runInCPython(jobs);
  const transcripts = { examples: readTranscript('examples'), scenarios: readTranscript('scenarios') };
  const accepted = JSON.parse(readFileSync(join(import.meta.dirname, 'accepted-differences.json'), 'utf8')) as Accepted[];
  const isAccepted = (job: Job) =>
    accepted.some((a) => a.transcript === job.transcript && a.section === job.section && a.label === job.label);

  const differences: string[] = [];
  const seenAccepted = new Set<string>();
  const missing: string[] = [];
  for (const job of jobs) {
    const result = results.get(job.id);
    const recorded = transcripts[job.transcript].get(runKey(job.section, job.label));
    if (!result) throw new Error(`oracle: no result for ${job.section} / ${job.label}`);
    if (!recorded) {
      missing.push(`${job.transcript}: ${job.section} / ${job.label}`);
      continue;
    }
    const cpython = normalizeOracle(pageOutput(result), home);
    let verdict: string | undefined;
    if (job.transcript === 'scenarios')
      verdict = verdictText(
        judge(job.scenario.checks, {
          source: job.code,
          output: result.printed + (result.traceback ?? ''),
          failureType: result.failureType,
          exchanges: exchanges.get(job.id) ?? [],
          epilogueOutput: result.epilogueOutput,
        }),
        true,
      );
    const same =
      normalizeAcrossVersions(cpython) === normalizeAcrossVersions(recorded.output) &&
      (verdict === undefined || verdict === recorded.verdict);
    if (same) continue;
    if (isAccepted(job)) {
      seenAccepted.add(runKey(job.section, job.label));
      continue;
    }
    differences.push(
      [
        `--- ${job.transcript}: ${job.section} / ${job.label}`,
        'browser (transcript):',
        recorded.output,
        ...(recorded.verdict !== undefined ? [`Verdict: ${recorded.verdict}`] : []),
        'CPython:',
        cpython,
        ...(verdict !== undefined ? [`Verdict: ${verdict}`] : []),
      ].join('\n'),
    );
  }
  const unexplained = accepted.filter(
    (a) =>
      !readFileSync(join(root, 'content/lessons', a.lesson), 'utf8')
        .replace(/\s+/g, ' ')
        .includes(a.lessonSays),
  );
  expect(
    unexplained.map((a) => `${a.lesson} no longer says "${a.lessonSays}"`),
    'every accepted difference is stated in its lesson',
  ).toEqual([]);
  const stale = accepted.filter((a) => !seenAccepted.has(runKey(a.section, a.label)));
  console.log(
    `[oracle] ${jobs.filter((j) => j.transcript === 'examples').length} examples, ${jobs.filter((j) => j.transcript === 'scenarios').length} scenario runs; ` +
      `${differences.length} unexplained differences, ${seenAccepted.size} accepted, ${stale.length} stale acceptances, ${missing.length} runs missing from the transcripts`,
  );
  expect(differences.join('\n\n'), 'CPython and the sandbox differ: fix the sandbox, or list the difference with its reason').toBe('');
  expect(missing, 'runs the transcripts do not have (regenerate them with UPDATE_TRANSCRIPT=1)').toEqual([]);
  expect(
    stale.map((a) => `${a.section} / ${a.label}`),
    'accepted differences that no longer occur: remove them',
  ).toEqual([]);
});

/**
 * What the oracle runs: every runnable example of every lesson (in page order) and every scenario's
 * starter, named wrong answers and solution — the same runs, with the same labels, as the browser
 * suites that write docs/transcripts/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { epilogueFor } from '../../src/exercises/checks';
import { scenarioSchema, type Scenario } from '../../src/exercises/scenario-schema';

const root = join(import.meta.dirname, '../..');

export interface Job {
  id: number;
  /** Where the browser's golden transcript keeps this run: `examples` or `scenarios`. */
  transcript: 'examples' | 'scenarios';
  /** Section and label as in the transcript: ["still-401", "example 3"] or ["auth-basic-tuple", "solution"]. */
  section: string;
  label: string;
  scenario: Scenario;
  code: string;
  /** Judged runs only (scenarios): the epilogue of python checks. */
  epilogue?: string;
}

export function loadScenario(id: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(join(root, 'content/scenarios', `${id}.json`), 'utf8')));
}

export function collectJobs(): Job[] {
  const jobs: Job[] = [];
  const add = (job: Omit<Job, 'id'>) => jobs.push({ id: jobs.length + 1, ...job });

  const lessons = readdirSync(join(root, 'content/lessons'))
    .filter((f) => /^\d+-.+\.mdx$/.test(f))
    .sort();
  for (const file of lessons) {
    const slug = file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
    const mdx = readFileSync(join(root, 'content/lessons', file), 'utf8');
    const uses = [...mdx.matchAll(/<RunnableCode\s+scenario="([^"]+)"\s+example="([^"]+)"\s*\/>/g)];
    uses.forEach(([, scenario = '', example = ''], i) =>
      add({
        transcript: 'examples',
        section: slug,
        label: `example ${i + 1}`,
        scenario: loadScenario(scenario),
        code: readFileSync(join(root, 'content/examples', `${example}.py`), 'utf8'),
      }),
    );
  }

  const ids = readdirSync(join(root, 'content/scenarios'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((id) => id !== 'playground')
    .sort();
  for (const id of ids) {
    const scenario = loadScenario(id);
    const epilogue = epilogueFor(scenario.checks);
    const judged = (label: string, code: string) => add({ transcript: 'scenarios', section: id, label, scenario, code, epilogue });
    judged('starter', scenario.starter);
    for (const wrong of scenario.wrongAnswers) judged(`wrong answer: ${wrong.name}`, wrong.code);
    judged('solution', scenario.solution);
  }
  return jobs;
}

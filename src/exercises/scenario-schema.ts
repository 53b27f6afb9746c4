/**
 * A scenario is data: the mock server's state, the learner's environment, the starter code, the
 * reference solution, the checks that judge a run, graded hints and named wrong answers.
 * Validated at build time (src/content.config.ts): a bad scenario fails the build with its path.
 */
import { z } from 'astro/zod';
import { serverStateSchema } from './server-state-schema';
import { CAUSES, type CauseId } from '../doctor/causes';
import { DECISION_CODES } from '../mock-api/decision-codes';

const causeIds = Object.keys(CAUSES) as [CauseId, ...CauseId[]];
/** A code the mock emits (src/mock-api/decision-codes.ts): a misspelled one would never match. */
const decisionCode = z.enum(DECISION_CODES);

/** Every check may point at the hint that helps when it fails. */
const hint = z.number().int().min(0).optional().describe('Index into `hints` of the hint that helps when this check fails');

const statusPattern = z
  .string()
  .regex(/^[1-5](\d\d|xx)$/, 'a status like "200" or "2xx"')
  .describe('A status ("201") or a class ("2xx")');

/** One requirement a run must meet; `description` is shown when it is the first one not met. */
export const checkSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('no-error'),
    /** Plain words shown when the learner's code raised an exception. */
    description: z.string().default('Your code should run without raising an exception.'),
    hint,
  }),
  z.object({
    kind: z.literal('exchange'),
    /** Plain words, e.g. "A POST to /endpoint should get a 2xx answer." */
    description: z.string(),
    /** HTTP method the exchange must use (any when omitted). */
    method: z.string().optional(),
    /** Host the request must go to. */
    host: z.string().default('api.example.com'),
    /** Path the request must go to (exact match, without query). */
    path: z.string().optional(),
    /** Required answer status: "200" or a class such as "2xx". */
    status: statusPattern,
    hint,
    /**
     * Hint to point at, by the server's decision on the learner's last request to that route
     * (e.g. `{ "wrong_scheme": 2, "invalid_token": 1 }`): the verdict follows what the server saw.
     */
    hintFor: z.partialRecord(decisionCode, z.number().int().min(0)).default({}),
  }),
  z.object({
    kind: z.literal('no-exchange-with-decision'),
    /** Plain words, e.g. "No request should carry a revoked token." */
    description: z.string(),
    /** Decision code (from the mock's server view) that no exchange may have. */
    decision: decisionCode,
    hint,
  }),
  z.object({
    kind: z.literal('output'),
    /** Plain words, e.g. "Print the status code." */
    description: z.string(),
    /** Regular expression (JavaScript syntax, multiline) the printed output must match. */
    matches: z.string(),
    hint,
  }),
  z.object({
    kind: z.literal('source'),
    /** Plain words, e.g. "Read the token from os.environ instead of writing it in the code." */
    description: z.string(),
    /** Regular expression the source must match. */
    matches: z.string().optional(),
    /** Regular expression the source must not match. */
    notMatches: z.string().optional(),
    hint,
  }),
  z.object({
    kind: z.literal('python'),
    /** Plain words shown when the hidden check fails. */
    description: z.string(),
    /** Hidden Python run after the learner's code, in its namespace; it fails by raising. */
    code: z.string(),
    hint,
  }),
]);

const scenarioFields = z.object({
  /** Short imperative title, e.g. "Send the token the API expects". */
  title: z.string(),
  /** One sentence: what the learner learns by fixing it. */
  summary: z.string(),
  /** The lesson this scenario belongs to (its slug, e.g. "missing-credentials"). */
  lesson: z.string(),
  /** The cause of the failure it teaches, e.g. "missing credentials" (used to filter the catalog). */
  cause: z.string(),
  /**
   * The 401 doctor's cause id for what this scenario teaches: its starter and named wrong answers,
   * fed the starter's failing response, must rank it first (tests/e2e/doctor-scenarios.spec.ts).
   * Lives here because the scenario knows what it teaches; the enum makes a misspelled id fail the build.
   */
  doctorCause: z.enum(causeIds).optional(),
  /** 1 (first steps) to 3 (needs the whole lesson). */
  difficulty: z.number().int().min(1).max(3).default(1),
  /** The mock API's state for this scenario. */
  server: serverStateSchema.default(serverStateSchema.parse({})),
  /** Environment variables visible in the learner's `os.environ`. */
  env: z.record(z.string(), z.string()).default({}),
  /** Files present for the run, e.g. `~/.netrc`. */
  files: z.array(z.object({ path: z.string(), content: z.string() })).default([]),
  /** The code the learner starts from: it must fail the checks. */
  starter: z.string(),
  /** The reference solution: it must pass the checks. */
  solution: z.string(),
  /** Requirements, in the order they are judged. */
  checks: z.array(checkSchema).min(1),
  /** Hints from gentle to explicit, shown one at a time. */
  hints: z.array(z.string()).default([]),
  /** Known mistakes: each must fail, and the verdict then points at its hint. */
  wrongAnswers: z
    .array(
      z.object({
        /** A name for the mistake, e.g. "Token prefix instead of Bearer". */
        name: z.string(),
        code: z.string(),
        /** Index into `hints` of the hint this mistake needs. */
        hint: z.number().int().min(0),
        /** Regular expression the failing check's description (or the error) must match. */
        failsWith: z.string(),
        /**
         * The 401 doctor's cause for this mistake, when it is another cause than the scenario's
         * `doctorCause` (its hint names a different mistake, e.g. the wrong scheme word in a
         * scenario about the header's name).
         */
        doctorCause: z.enum(causeIds).optional(),
      }),
    )
    .default([]),
  /** Real seconds one run may take before the sandbox stops it (a loop that never ends). */
  timeLimitSeconds: z.number().int().min(1).max(300).default(30),
  /** Show the virtual clock control in the HTTP log (scenarios about expiry). */
  showClock: z.boolean().default(false),
  /** Notes for instructors: discussion questions and common confusions. */
  instructorNotes: z.string().optional(),
});

/** Every hint index (a check's `hint` and `hintFor`, a wrong answer's `hint`) must point into `hints`. */
function hintsInRange(scenario: z.output<typeof scenarioFields>, ctx: z.RefinementCtx): void {
  const count = scenario.hints.length;
  const inRange = (index: number | undefined, path: (string | number)[]) => {
    if (index !== undefined && index >= count)
      ctx.addIssue({ code: 'custom', path, message: `there is no hint ${index}: \`hints\` has ${count}, numbered from 0` });
  };
  scenario.checks.forEach((check, i) => {
    inRange(check.hint, ['checks', i, 'hint']);
    if (check.kind === 'exchange')
      for (const [code, index] of Object.entries(check.hintFor)) inRange(index, ['checks', i, 'hintFor', code]);
  });
  scenario.wrongAnswers.forEach((wrong, i) => inRange(wrong.hint, ['wrongAnswers', i, 'hint']));
}

/** A scenario whose `lesson` is any string (the oracle and unit tests, which do not read the lessons). */
export const scenarioSchema = scenarioFields.superRefine(hintsInRange);

/** A scenario whose `lesson` must be one of `lessons` (their slugs): the build's schema, src/content.config.ts. */
export function scenarioSchemaFor(lessons: readonly [string, ...string[]]) {
  return scenarioFields.extend({ lesson: z.enum(lessons) }).superRefine(hintsInRange);
}

export type Scenario = z.infer<typeof scenarioFields>;
export type Check = z.infer<typeof checkSchema>;

/** Every cause links to a lesson heading that exists and to a scenario that exists. */
import GithubSlugger from 'github-slugger';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../../src/doctor/causes';

const root = join(import.meta.dirname, '../../..');
const lessons = new Map<string, Set<string>>();
for (const file of readdirSync(join(root, 'content/lessons')).filter((f) => /^\d+-.+\.mdx$/.test(f))) {
  const slugger = new GithubSlugger();
  const anchors = new Set(
    readFileSync(join(root, 'content/lessons', file), 'utf8')
      .split('\n')
      .filter((l) => /^#{2,4} /.test(l))
      .map((l) => slugger.slug(l.replace(/^#+ /, '').replace(/`/g, ''))),
  );
  lessons.set(file.replace(/^\d+-/, '').replace(/\.mdx$/, ''), anchors);
}

describe('cause catalog', () => {
  it.each(Object.entries(CAUSES))('%s links to a real lesson section and scenario', (_id, cause) => {
    const [, slug, anchor] = /^\/lessons\/([^/]+)\/(?:#(.+))?$/.exec(cause.lesson) ?? [];
    expect(lessons.has(slug!), cause.lesson).toBe(true);
    if (anchor) expect([...lessons.get(slug!)!], cause.lesson).toContain(anchor);
    if ('scenario' in cause && cause.scenario)
      expect(existsSync(join(root, 'content/scenarios', `${cause.scenario}.json`)), cause.scenario).toBe(true);
  });
});

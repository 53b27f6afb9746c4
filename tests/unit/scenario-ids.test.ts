import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../content');
const registry = JSON.parse(readFileSync(join(root, 'scenario-ids.json'), 'utf8')) as {
  published: string[];
  redirects: Record<string, string>;
};
const files = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('published scenario ids (links instructors have shared)', () => {
  it('never disappear: each still exists or redirects to one that does', () => {
    const broken = registry.published.filter((id) => {
      const target = files.includes(id) ? id : registry.redirects[id];
      return !target || !existsSync(join(root, 'scenarios', `${target}.json`));
    });
    expect(broken).toEqual([]);
  });

  it('every scenario is published (add new ids to content/scenario-ids.json)', () => {
    expect(files.filter((id) => !registry.published.includes(id))).toEqual([]);
  });

  it('redirects point at scenarios, not at other redirects', () => {
    for (const [from, to] of Object.entries(registry.redirects)) {
      expect(files, `${from} → ${to}`).toContain(to);
      expect(files, `${from} must no longer exist as a file`).not.toContain(from);
    }
  });
});

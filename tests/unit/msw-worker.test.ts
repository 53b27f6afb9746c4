import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('public/mockServiceWorker.js', () => {
  it('is the unmodified worker of the installed msw package (MSW checks its checksum at start)', () => {
    expect(readFileSync(join(root, 'public/mockServiceWorker.js'), 'utf8')).toBe(
      readFileSync(join(root, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8'),
    );
  });
});

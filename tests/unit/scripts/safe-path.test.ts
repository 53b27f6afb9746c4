import { describe, expect, it } from 'vitest';
import { pathInside } from '../../../scripts/lib/safe-path.mjs';

describe('pathInside (serve.mjs)', () => {
  const root = '/srv/dist';
  it('maps paths inside the folder', () => {
    expect(pathInside(root, '/lessons/still-401/')).toBe('/srv/dist/lessons/still-401/');
    expect(pathInside(root, '/')).toBe('/srv/dist/');
    expect(pathInside(root, '/a%20b.txt')).toBe('/srv/dist/a b.txt');
  });
  it('refuses a sibling folder whose name starts like the root (the old startsWith check let it through)', () => {
    expect(pathInside(root, '/..%2Fdist-bench%2Fx')).toBeNull();
    expect(pathInside(root, '/../dist-bench/x')).toBeNull();
  });
  it('refuses parents, NUL bytes and undecodable paths', () => {
    expect(pathInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(pathInside(root, '/a%00b')).toBeNull();
    expect(pathInside(root, '/%E0%A4%A')).toBeNull();
  });
});

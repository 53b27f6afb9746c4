import { describe, expect, it } from 'vitest';
import { normalizeBase, withBase } from '../../../scripts/lib/base-path.mjs';

describe('base path', () => {
  it('normalises BASE_PATH to a leading and trailing slash, and the root to /', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('fix401')).toBe('/fix401/');
    expect(normalizeBase('/fix401')).toBe('/fix401/');
    expect(normalizeBase('/courses/fix401//')).toBe('/courses/fix401/');
    expect(() => normalizeBase('/a b/')).toThrow(/BASE_PATH/);
    expect(() => normalizeBase('https://x/')).toThrow(/BASE_PATH/);
  });

  it('prefixes root-relative links only, once', () => {
    expect(withBase('/lessons/still-401/', '/fix401/')).toBe('/fix401/lessons/still-401/');
    expect(withBase('/lessons/still-401/#step-3', '/fix401/')).toBe('/fix401/lessons/still-401/#step-3');
    expect(withBase('/fix401/lessons/x/', '/fix401/')).toBe('/fix401/lessons/x/');
    expect(withBase('/fix401', '/fix401/')).toBe('/fix401');
    expect(withBase('/fix4012/x/', '/fix401/')).toBe('/fix401/fix4012/x/');
    for (const url of ['https://httpbin.org/', '//cdn.example/x', '#top', './x/', 'x/', 'mailto:a@b'])
      expect(withBase(url, '/fix401/')).toBe(url);
    expect(withBase('/lessons/x/', '/')).toBe('/lessons/x/');
  });
});

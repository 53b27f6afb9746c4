import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { codeFromHash, shareUrl } from '../../../src/exercises/share-link';

describe('share links', () => {
  it('round-trips code through #code= (the TypeScript playground convention)', () => {
    const code = "import requests\nprint(requests.post('https://api.example.com/endpoint').status_code)  # ünïcode ✓\n";
    const url = new URL(shareUrl(new URL('https://fix401.test/'), 'missing-credentials', code));
    expect(url.pathname).toBe('/playground/');
    expect(url.searchParams.get('scenario')).toBe('missing-credentials');
    expect(url.hash).toBe(`#code=${compressToEncodedURIComponent(code)}`);
    expect(codeFromHash(url.hash)).toEqual({ kind: 'code', code });
  });

  it('keeps a 5 KB program intact', () => {
    const code = Array.from({ length: 200 }, (_, i) => `print("line ${i}: ${'x'.repeat(i % 17)}")`).join('\n');
    expect(code.length).toBeGreaterThan(5000);
    const hash = new URL(shareUrl(new URL('https://fix401.test/'), 'playground', code)).hash;
    expect(codeFromHash(hash)).toEqual({ kind: 'code', code });
  });

  it('reports damaged links instead of throwing', () => {
    expect(codeFromHash('')).toEqual({ kind: 'none' });
    expect(codeFromHash('#code=').kind).toBe('corrupt');
    expect(codeFromHash('#code=%%%not-lz').kind).toBe('corrupt');
    const valid = compressToEncodedURIComponent('print("hello, this is a longer program to truncate")');
    expect(codeFromHash(`#code=${valid.slice(0, 9)}`).kind).toBe('corrupt');
    expect(codeFromHash(`#code=${compressToEncodedURIComponent('print("\uD800")')}`).kind).toBe('corrupt');
    expect(codeFromHash(`#code=${compressToEncodedURIComponent('print("😀")')}`).kind).toBe('code');
  });
});

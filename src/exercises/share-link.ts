/**
 * Code in links, the TypeScript playground's convention: `#code=<lz-string compressToEncodedURIComponent>`.
 * The fragment never reaches a server, so shared code stays between the people who share it.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export function shareUrl(base: URL, scenarioId: string, code: string): string {
  const url = new URL('playground/', base);
  url.searchParams.set('scenario', scenarioId);
  url.hash = `code=${compressToEncodedURIComponent(code)}`;
  return url.toString();
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one. No lookbehind:
// Safari before 16.4 cannot parse it, and a regex literal it cannot parse breaks the whole module.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type DecodedHash = { kind: 'none' } | { kind: 'code'; code: string } | { kind: 'corrupt'; reason: string };

/** Reads `#code=` from a location hash; a damaged link is reported, never thrown. */
export function codeFromHash(hash: string): DecodedHash {
  const match = /^#code=(.*)$/s.exec(hash);
  if (!match) return { kind: 'none' };
  return decodeText(match[1] ?? '');
}

/** Several texts in one fragment, `#name=<lz-string>&name=…` (the doctor's code and response). */
export function fieldsHash(fields: Record<string, string>): string {
  return (
    '#' +
    Object.entries(fields)
      .map(([name, text]) => `${name}=${compressToEncodedURIComponent(text)}`)
      .join('&')
  );
}

/** Reads `fieldsHash`'s fragment back; a field that is absent is left out, a damaged one reported. */
export function fieldsFromHash(hash: string, names: readonly string[]): Record<string, DecodedHash> {
  const parts = new Map(
    hash
      .replace(/^#/, '')
      .split('&')
      .map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] as const)
      .filter(([name]) => name),
  );
  return Object.fromEntries(names.map((name) => [name, parts.has(name) ? decodeText(parts.get(name)!) : { kind: 'none' }]));
}

function decodeText(encoded: string): DecodedHash {
  if (!encoded) return { kind: 'corrupt', reason: 'the link has `#code=` but no code after it' };
  if (!/^[A-Za-z0-9+\-$]*$/.test(encoded))
    return { kind: 'corrupt', reason: 'the code in the link contains characters a Fix401 link never has (was it cut or edited?)' };
  let code: string | null = null;
  try {
    code = decompressFromEncodedURIComponent(encoded);
  } catch {
    code = null;
  }
  if (!code) return { kind: 'corrupt', reason: 'the code in the link could not be decoded (the link may have been cut short)' };
  // U+FFFD or a lone surrogate: the text is not valid Unicode (e.g. bytes that were not UTF-8).
  if (code.includes('\uFFFD') || LONE_SURROGATE.test(code))
    return { kind: 'corrupt', reason: 'the code in the link decodes to damaged text (not valid UTF-8)' };
  return { kind: 'code', code };
}

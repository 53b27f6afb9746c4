/** Small helpers over header lists (names compared case-insensitively, RFC 9110 §5.1). */
import type { HeaderField } from './types';

export function headerValues(headers: HeaderField[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

export function headerValue(headers: HeaderField[], name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length ? values.join(', ') : undefined;
}

/**
 * Parses `Name: value` lines; lines without a colon are ignored. Only the whitespace before the
 * value goes: trailing spaces are kept, because in a sent `Authorization` they are the evidence.
 */
export function parseHeaderLines(lines: string[]): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) continue;
    fields.push([
      name,
      line
        .slice(colon + 1)
        .replace(/^[ \t]+/, '')
        .replace(/\r$/, ''),
    ]);
  }
  return fields;
}

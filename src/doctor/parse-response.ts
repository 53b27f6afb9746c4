/**
 * "The response you got", whatever its format: detects which of the formats the page names
 * (raw HTTP, `curl -v`, Python output, HAR, or a bare body) and reads it. Never throws.
 */
import { parseHar, looksLikeHar } from './parse-har';
import { looksLikeCurl, parseCurlVerbose, parseRawHttp } from './parse-http';
import { looksLikePython, parsePythonOutput } from './parse-python';
import type { ParsedResponse } from './types';

export function parseResponse(input: string): ParsedResponse {
  const text = input.replace(/^\uFEFF/, '');
  if (!text.trim()) return { format: 'empty', headers: [], body: '', history: [] };
  if (looksLikeHar(text)) {
    const har = parseHar(text);
    if (har) return har;
  }
  if (looksLikeCurl(text)) {
    const curl = parseCurlVerbose(text);
    if (curl) return curl;
  }
  if (/^\s*HTTP\/\d(?:\.\d)?\s+\d{3}/.test(text)) {
    const raw = parseRawHttp(text);
    if (raw) return raw;
  }
  if (looksLikePython(text)) return parsePythonOutput(text);
  return { format: 'body-only', headers: [], body: text.trim(), history: [] };
}

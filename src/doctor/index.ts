/** The doctor's pure entry point: response text (+ the analyzer's JSON) in, a ranked diagnosis out. */
import { parseResponse } from './parse-response';
import { rank, type Diagnosis } from './rank';
import type { CodeAnalysis, ParsedResponse } from './types';

export function diagnose(responseText: string, code: CodeAnalysis | null): Diagnosis & { parsed: ParsedResponse } {
  const parsed = parseResponse(responseText);
  return { parsed, ...rank(parsed, code) };
}

export type { Diagnosis };

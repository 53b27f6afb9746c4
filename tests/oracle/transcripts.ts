/** Reads the browser suites' golden transcripts (docs/transcripts/*.md) into runs by section and label. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordedRun {
  output: string;
  /** Scenario runs only. */
  verdict?: string;
}

/** `section\u0000label` → the run as the browser recorded it. */
export function readTranscript(name: 'examples' | 'scenarios'): Map<string, RecordedRun> {
  const text = readFileSync(join(import.meta.dirname, '../../docs/transcripts', `${name}.md`), 'utf8');
  const runs = new Map<string, RecordedRun>();
  let section = '';
  const pattern = /^## (.+)$|^### (.+)\n\n```\n([\s\S]*?)\n?```\n(?:\nVerdict: (.*)\n)?/gm;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) section = match[1];
    else runs.set(`${section}\u0000${match[2] ?? ''}`, { output: match[3] ?? '', ...(match[4] !== undefined && { verdict: match[4] }) });
  }
  return runs;
}

export const runKey = (section: string, label: string): string => `${section}\u0000${label}`;

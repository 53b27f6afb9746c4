/** Build-time: turns a scenario entry into the config an exercise element reads. */
import { getEntry } from 'astro:content';
import type { ExerciseConfig } from './config';

export async function exerciseConfig(id: string, mode: ExerciseConfig['mode'] = 'exercise', code?: string): Promise<ExerciseConfig> {
  const entry = await getEntry('scenarios', id);
  if (!entry) throw new Error(`Unknown scenario "${id}" (no content/scenarios/${id}.json or .yaml)`);
  const demo = mode === 'demo';
  return {
    id,
    scenario: entry.data,
    mode,
    initialCode: code ?? entry.data.starter,
    storageKey: demo ? `demo:${id}:${hash(code ?? '')}` : id,
  };
}

/** A short stable hash, so each demo on a page saves its edits separately. */
function hash(text: string): string {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}

/**
 * Picks the editor: Monaco on devices with a fine pointer, a plain textarea on touch screens or
 * when Monaco fails to load (the learner's code is never lost either way).
 */
import { createTextareaEditor } from './textarea-editor';
import type { CodeEditor, EditorOptions } from './types';

export type { CodeEditor, EditorOptions };

export async function createEditor(host: HTMLElement, options: EditorOptions): Promise<CodeEditor> {
  const touchOnly = matchMedia('(pointer: coarse)').matches && !matchMedia('(pointer: fine)').matches;
  if (touchOnly) return createTextareaEditor(host, options);
  try {
    const { createMonacoEditor } = await import('./monaco-editor');
    return createMonacoEditor(host, options);
  } catch (error) {
    console.warn('Monaco failed to load; using a plain text area', error);
    return createTextareaEditor(host, options);
  }
}

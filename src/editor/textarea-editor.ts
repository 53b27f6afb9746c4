/**
 * A plain textarea editor: used on touch screens, where Monaco is unreliable (monaco-editor #246),
 * and as the fallback when Monaco cannot load. Same contract as the Monaco editor.
 */
import type { CodeEditor, EditorOptions } from './types';

export function createTextareaEditor(host: HTMLElement, options: EditorOptions): CodeEditor {
  const area = document.createElement('textarea');
  area.className = 'fix401-textarea';
  area.value = options.value;
  area.spellcheck = false;
  area.autocapitalize = 'off';
  area.setAttribute('autocorrect', 'off');
  area.setAttribute('aria-label', options.label);
  area.rows = Math.min(24, Math.max(6, options.value.split('\n').length + 1));
  area.addEventListener('input', () => options.onChange(area.value));
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
    }
  });
  host.replaceChildren(area);
  return {
    getValue: () => area.value,
    setValue: (value) => {
      area.value = value;
    },
    focus: () => area.focus(),
    dispose: () => area.remove(),
  };
}

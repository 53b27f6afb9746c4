/**
 * The Monaco editor, Python only. Loaded on demand (this module is a separate chunk); imports only
 * the editor API and the Python grammar, not the 3 MB full entry.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/definitions/python/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
// Astro drops the CSS that Monaco's modules import when they are loaded lazily (withastro/astro#9783).
import monacoCss from '../../node_modules/monaco-editor/min/vs/editor/editor.main.css?inline';
import type { CodeEditor, EditorOptions } from './types';

let styled = false;

function ensureSetup() {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = monacoCss;
  document.head.append(style);
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = { getWorker: () => new EditorWorker() };
}

const themeFor = () => (document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark');

export function createMonacoEditor(host: HTMLElement, options: EditorOptions): CodeEditor {
  ensureSetup();
  host.replaceChildren();
  const lines = options.value.split('\n').length;
  host.style.height = `${Math.min(30, Math.max(8, lines + 2)) * 19 + 16}px`;
  const editor = monaco.editor.create(host, {
    value: options.value,
    language: 'python',
    theme: themeFor(),
    ariaLabel: options.label,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineNumbersMinChars: 3,
    padding: { top: 8, bottom: 8 },
    tabSize: 4,
    insertSpaces: true,
  });
  editor.onDidChangeModelContent(() => options.onChange(editor.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());
  // Ctrl+M: Tab moves focus instead of indenting, so keyboard users can leave (monaco-editor #296).
  // The standalone API does not ship the toggle command, so it is wired here.
  let tabMovesFocus = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === 'm') {
      event.preventDefault();
      event.stopPropagation();
      tabMovesFocus = !tabMovesFocus;
      editor.updateOptions({ tabFocusMode: tabMovesFocus });
      options.onTabModeChange?.(tabMovesFocus);
    }
  };
  host.addEventListener('keydown', onKey, true);
  // Follow Starlight's light/dark switch.
  const observer = new MutationObserver(() => monaco.editor.setTheme(themeFor()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return {
    getValue: () => editor.getValue(),
    setValue: (value) => editor.setValue(value),
    focus: () => editor.focus(),
    dispose: () => {
      observer.disconnect();
      host.removeEventListener('keydown', onKey, true);
      editor.dispose();
    },
  };
}

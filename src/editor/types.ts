/** What an exercise needs from a code editor, whichever implementation is behind it. */
export interface CodeEditor {
  getValue(): string;
  setValue(value: string): void;
  focus(): void;
  dispose(): void;
}

export interface EditorOptions {
  value: string;
  /** Accessible name of the editing area. */
  label: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Ctrl+M switched whether Tab moves focus out of the editor. */
  onTabModeChange?(tabMovesFocus: boolean): void;
}

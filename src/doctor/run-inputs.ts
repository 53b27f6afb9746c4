/**
 * The values "Run it against your response" gives the code: one masked input per environment
 * variable and per file the analyzer saw the code read, each with an "ends with a newline" box,
 * because a value read with its trailing newline is a classic cause and a password input cannot
 * hold one. Values live in the page only, for the next run.
 */
import { el } from './render';
import type { RunFile } from '../runtime/protocol';

type Kind = 'env' | 'file';

const LABEL: Record<Kind, (name: string) => string> = {
  env: (name) => `${name} (environment variable; empty means unset)`,
  file: (path) => `${path} (a file your code reads; empty means it does not exist)`,
};

export interface RunInputs {
  env: Record<string, string>;
  files: RunFile[];
}

const keyOf = (input: HTMLInputElement) => `${input.dataset.kind}:${input.dataset.name}`;

/** Shows an input per variable and file, keeping what was already typed for the same names. */
export function showRunInputs(box: HTMLElement, vars: string[], files: string[]): void {
  const kept = new Map<string, { value: string; newline: boolean }>();
  for (const input of box.querySelectorAll<HTMLInputElement>('input[data-kind]'))
    kept.set(keyOf(input), { value: input.value, newline: newlineBox(box, input)?.checked ?? false });
  box.replaceChildren();
  box.className = 'doctor-env';
  const entries: [Kind, string][] = [...vars.map((v): [Kind, string] => ['env', v]), ...files.map((f): [Kind, string] => ['file', f])];
  entries.forEach(([kind, name], i) => {
    const id = `doctor-${kind}-${i}`;
    const previous = kept.get(`${kind}:${name}`);
    const input = Object.assign(el('input'), { type: 'password', id, autocomplete: 'off', value: previous?.value ?? '' });
    Object.assign(input.dataset, { kind, name });
    const label = Object.assign(el('label', LABEL[kind](name)), { htmlFor: id });
    const newline = Object.assign(el('input'), { type: 'checkbox', id: `${id}-newline`, checked: previous?.newline ?? false });
    newline.setAttribute('aria-label', `ends with a newline (${name})`);
    const newlineLabel = Object.assign(el('label', 'ends with a newline'), { htmlFor: newline.id, className: 'doctor-newline' });
    const row = el('div');
    row.className = 'doctor-input';
    row.append(label, input, newline, newlineLabel);
    box.append(row);
  });
}

function newlineBox(box: HTMLElement, input: HTMLInputElement): HTMLInputElement | null {
  return box.querySelector<HTMLInputElement>(`#${input.id}-newline`);
}

/** What was filled in: an empty value without its newline box ticked means unset (or no file). */
export function readRunInputs(box: HTMLElement): RunInputs {
  const inputs: RunInputs = { env: {}, files: [] };
  for (const input of box.querySelectorAll<HTMLInputElement>('input[data-kind]')) {
    const newline = newlineBox(box, input)?.checked ?? false;
    if (input.value === '' && !newline) continue;
    const value = input.value + (newline ? '\n' : '');
    if (input.dataset.kind === 'env') inputs.env[input.dataset.name!] = value;
    else inputs.files.push({ path: input.dataset.name!, content: value });
  }
  return inputs;
}

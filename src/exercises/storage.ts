/**
 * Saved code and progress, versioned, in localStorage. When storage is blocked or full, work goes
 * on in memory and `onStorageTrouble` listeners hear about it once, so the UI can say that work
 * will not survive a reload. A corrupt or old record is ignored, never thrown.
 */
const PREFIX = 'fix401:v1:';
const memory = new Map<string, string>();
let trouble: string | null = null;
const BLOCKED = 'Your browser blocks storage here, so your code is kept only until you close or reload this page.';

/** The real localStorage, or null when the browser refuses it (checked once, before anyone shims it). */
const storage: Storage | null = (() => {
  try {
    const store = window.localStorage;
    store.getItem(PREFIX + 'probe');
    return store;
  } catch {
    trouble = BLOCKED;
    return null;
  }
})();
const troubleListeners = new Set<(message: string) => void>();

export type Progress = 'not-started' | 'tried' | 'solved';

interface SavedCode {
  v: 1;
  code: string;
  savedAt: number;
}

function report(message: string) {
  if (trouble) return;
  trouble = message;
  for (const listener of troubleListeners) listener(message);
}

/** Hear (once) that the browser refused to store work; called at once if it already did. */
export function onStorageTrouble(listener: (message: string) => void): () => void {
  troubleListeners.add(listener);
  if (trouble) listener(trouble);
  return () => troubleListeners.delete(listener);
}

function read(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  try {
    return storage?.getItem(PREFIX + key) ?? null;
  } catch {
    report(BLOCKED);
    return null;
  }
}

function write(key: string, value: string) {
  memory.set(key, value);
  if (!storage) return;
  try {
    storage.setItem(PREFIX + key, value);
  } catch (error) {
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    report(full ? 'Browser storage is full, so your latest code is kept only until you reload. Export your progress to keep it.' : BLOCKED);
  }
}

function parse<T>(raw: string | null, valid: (value: unknown) => value is T): T | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

const isSavedCode = (v: unknown): v is SavedCode =>
  typeof v === 'object' && v !== null && (v as SavedCode).v === 1 && typeof (v as SavedCode).code === 'string';

export function loadCode(scenarioId: string): string | null {
  return parse(read(`code:${scenarioId}`), isSavedCode)?.code ?? null;
}

export function saveCode(scenarioId: string, code: string): void {
  write(`code:${scenarioId}`, JSON.stringify({ v: 1, code, savedAt: Date.now() } satisfies SavedCode));
}

const isProgressMap = (v: unknown): v is Record<string, Progress> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((p) => p === 'tried' || p === 'solved');

export function loadProgress(): Record<string, Progress> {
  return parse(read('progress'), isProgressMap) ?? {};
}

/** Records progress; "solved" is never downgraded to "tried". */
export function recordProgress(scenarioId: string, progress: Exclude<Progress, 'not-started'>): void {
  const all = loadProgress();
  if (all[scenarioId] === 'solved') return;
  all[scenarioId] = progress;
  write('progress', JSON.stringify(all));
}

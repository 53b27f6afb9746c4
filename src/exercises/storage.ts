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

/** Everything Fix401 saved (code and progress), as a versioned file the learner can keep. */
export function exportWork(): string {
  const entries: Record<string, string> = {};
  const keys = new Set<string>(memory.keys());
  try {
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage!.key(i);
      if (key?.startsWith(PREFIX)) keys.add(key.slice(PREFIX.length));
    }
  } catch {
    // storage blocked: the in-memory copy is all there is
  }
  for (const key of keys) {
    const value = read(key);
    if (value !== null) entries[key] = value;
  }
  return JSON.stringify({ format: 'fix401-progress', v: 1, exportedAt: new Date().toISOString(), entries }, null, 1);
}

/** Restores an exported file; returns how many records were restored, or throws a plain-words error. */
export function importWork(text: string): number {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not a Fix401 progress file (it is not JSON).');
  }
  const file = data as { format?: unknown; v?: unknown; entries?: unknown };
  if (file?.format !== 'fix401-progress') throw new Error('This file is not a Fix401 progress file.');
  if (file.v !== 1) throw new Error(`This progress file has version ${String(file.v)}, which this version of Fix401 cannot read.`);
  if (typeof file.entries !== 'object' || file.entries === null) throw new Error('This progress file has no entries.');
  let count = 0;
  for (const [key, value] of Object.entries(file.entries)) {
    if (typeof value !== 'string' || !/^(code|progress):/.test(key + ':')) continue;
    if (key === 'progress') {
      // Merge, never downgrade a solved exercise.
      const incoming = parse(value, isProgressMap) ?? {};
      for (const [id, p] of Object.entries(incoming)) recordProgress(id, p === 'solved' ? 'solved' : 'tried');
    } else write(key, value);
    count++;
  }
  return count;
}

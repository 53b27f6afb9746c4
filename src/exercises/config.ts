import type { Scenario } from './scenario-schema';

/** What the page serializes for one exercise element (read by exercise-element.ts). */
export interface ExerciseConfig {
  /** Scenario id: the key for saved code, progress and share links. */
  id: string;
  scenario: Scenario;
  /** `exercise` judges every run against the checks; `demo` only runs code (e.g. the article's code as printed). */
  mode: 'exercise' | 'demo';
  /** The code shown first when nothing is saved: the starter, or the demo's code. */
  initialCode: string;
  /** Key under which edits are saved (demos get their own, so they never overwrite an exercise). */
  storageKey: string;
}

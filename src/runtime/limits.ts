/** Limits shared by the runtime and the UI (kept apart so the page can show them without loading the runtime). */

/** Real time one run may take before it is stopped (learner code can loop forever). */
export const DEFAULT_TIME_LIMIT_MS = 30_000;

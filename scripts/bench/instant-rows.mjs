// The instant group's rows (Stop, first and later Runs, repeat visit), from what ./instant.mjs measured in one engine.
import { atMost, info } from './report.mjs';
import { kb, median, ms } from './stats.mjs';

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./cdp.mjs').Memory} Memory */

/** Click → first output of the first Run once Python is pre-booted. */
export const FIRST_RUN_BUDGET_MS = 80;
/** Click → first output of later Runs. */
export const LATER_RUN_BUDGET_MS = 50;
/** Stop → Run usable (enabled, Python ready) when the standby is ready. */
export const STOP_BUDGET_MS = 150;

/**
 * @param {string} engine
 * @param {{ firstRunMs: number, laterRunMs: number, laterRuns: number[], stops: number[], stopsNoStandby: number[],
 *   afterStop: number[], standby: boolean, firstRunAfterReadingMs?: number,
 *   wasmBytes: number[], memory?: { page: Memory, workers: Memory[] } | null }} m
 * @returns {Row[]}
 */
export function instantRows(engine, m) {
  const list = (/** @type {number[]} */ values) => values.map(ms).join(', ');
  /** @type {Row[]} */
  const rows = [
    atMost(`${engine}: Run → first output, pre-booted (first Run)`, m.firstRunMs, FIRST_RUN_BUDGET_MS, ms),
    ...(m.firstRunAfterReadingMs === undefined
      ? []
      : [info(`${engine}: the same, on a fresh page clicked 3 s after "ready" (a learner who reads first)`, ms(m.firstRunAfterReadingMs))]),
    atMost(
      `${engine}: Run → first output, later Runs (median of ${m.laterRuns.length})`,
      m.laterRunMs,
      LATER_RUN_BUDGET_MS,
      ms,
      ` (each: ${list(m.laterRuns)})`,
    ),
    atMost(
      `${engine}: Stop → Run usable (enabled, Python ready), median of ${m.stops.length}`,
      median(m.stops),
      STOP_BUDGET_MS,
      ms,
      ` (each: ${list(m.stops)}; ${m.standby ? 'standby ready' : 'no standby: the policy gives this engine none'})`,
    ),
    info(
      `${engine}: Stop → Run usable with the standby turned off (a re-boot; same page), median of ${m.stopsNoStandby.length}`,
      `${ms(median(m.stopsNoStandby))} (each: ${list(m.stopsNoStandby)}); with a standby ÷ without: ${(median(m.stops) / median(m.stopsNoStandby)).toFixed(3)}×`,
    ),
    info(
      `${engine}: Run right after Stop → first output, median of ${m.afterStop.length}`,
      `${ms(median(m.afterStop))} (each: ${list(m.afterStop)})`,
    ),
  ];
  const wasm = `wasm ${m.wasmBytes.map(kb).join(' + ')}`;
  const js = m.memory
    ? `; JS heap: page ${kb(m.memory.page.jsHeapUsed)}, Python workers ${m.memory.workers.map((w) => kb(w.jsHeapUsed)).join(' + ')}`
    : '; JS heaps not read (no CDP in this engine)';
  rows.push(info(`${engine}: memory, ${m.wasmBytes.length} Python worker(s) after ${1 + m.laterRuns.length} Runs`, wasm + js));
  return rows;
}

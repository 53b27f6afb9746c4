/**
 * The virtual clock control: current virtual time and forward moves (+1 min, +1 h, custom).
 * The exercise applies a move to its next run; if the clock itself did not move at once, the
 * move is shown as pending until the next run starts, so the time shown is what the run will see.
 */
import { clockMoveLine, parseForwardOffset } from './clock-offset';
import { h, uid } from './dom';
import { clockDate, clockTime } from './http-text';

/** The part of the inspector options the control needs. */
export interface ClockPort {
  clock: { now(): number; onChange(listener: (now: number) => void): () => void };
  advanceClock(ms: number): void;
}

/** A mounted clock control. */
export interface ClockControl {
  readonly el: HTMLElement;
  /** A run started: pending moves are now part of the clock. */
  runStarted(): void;
  destroy(): void;
}

/** Builds the control; `onMove` receives the log line for each move. */
export function createClockControl(port: ClockPort, onMove: (line: string) => void): ClockControl {
  let pending = 0;
  const shown = (): number => port.clock.now() + pending;
  const time = h('time', { 'data-part': 'clock-now' });
  const render = (): void => {
    const now = shown();
    time.dateTime = new Date(now).toISOString();
    time.textContent = `${clockTime(now)} UTC, ${clockDate(now)}`;
  };
  const move = (ms: number): void => {
    const before = port.clock.now();
    const target = shown() + ms;
    port.advanceClock(ms);
    if (port.clock.now() === before) pending += ms;
    render();
    onMove(clockMoveLine(ms, target));
  };

  const errorId = uid('clock-error');
  const input = h('input', {
    type: 'text',
    name: 'offset',
    size: 8,
    placeholder: '+90m',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': errorId,
  });
  const error = h('p', { id: errorId, class: 'fx-insp-error', 'data-part': 'clock-error' });
  const form = h(
    'form',
    { class: 'fx-insp-clock-form' },
    h('label', {}, 'Move by ', input),
    h('button', { type: 'submit', class: 'fx-insp-btn' }, 'Move'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseForwardOffset(input.value);
    if ('error' in parsed) {
      error.textContent = parsed.error;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.value = '';
    move(parsed.ms);
  });
  const step = (label: string, ms: number): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'fx-insp-btn' }, label);
    button.addEventListener('click', () => move(ms));
    return button;
  };
  const el = h(
    'div',
    { class: 'fx-insp-clock', role: 'group', 'aria-label': 'Virtual clock', 'data-part': 'clock' },
    h('p', { class: 'fx-insp-clock-now' }, 'Virtual time: ', time),
    h('div', { class: 'fx-insp-clock-moves' }, step('+1 min', 60_000), step('+1 h', 3_600_000), form),
    error,
  );
  const unsubscribe = port.clock.onChange(render);
  render();
  return {
    el,
    runStarted() {
      pending = 0;
      render();
    },
    destroy: unsubscribe,
  };
}

/**
 * The HTTP inspector: every exchange of a run as it was sent and answered, the server's view,
 * secrets masked until revealed, copies as cURL/requests, a diff against a working request and
 * the virtual clock control. Framework-free DOM, loaded lazily on the first run.
 */
import type { Exchange } from '../mock-api/contract';
import type { ClockControl } from './clock-control';
import { failingRequests } from './failing';
import { h } from './dom';
import { groupLabel, joinsGroup } from './legs';
import { viewOf } from './mask';
import { createRow, type RowView } from './row';
import { summaryText } from './summary';

export { toCurl, type CopyOptions } from './curl';
export { toRequestsSnippet } from './requests-snippet';
export { diffRequests, type RequestDiff } from './diff';

export interface InspectorOptions {
  /** Virtual clock of the exercise's mock server. */
  clock: { now(): number; onChange(listener: (now: number) => void): () => void };
  /** Move the virtual clock for the next runs by ms (the exercise applies it); the inspector shows the result. */
  advanceClock(ms: number): void;
  /** Show the clock control (lessons about expiry); default false. */
  showClock: boolean;
  /** Runs the reference solution silently and returns its exchanges (absent when the scenario has none). */
  referenceExchanges?: () => Promise<readonly Exchange[]>;
}

export interface Inspector {
  /** Start of a new run: clear the list. */
  clear(): void;
  /** A new exchange arrived (called live as the run goes). */
  add(exchange: Exchange): void;
  destroy(): void;
}

/** One line of the log: a request (one or more legs) or a clock move. */
type Entry = { kind: 'request'; el: HTMLLIElement; rows: RowView[] } | { kind: 'clock'; el: HTMLLIElement };

// Several exchanges can arrive within milliseconds; one announcement for the burst is enough.
const ANNOUNCE_DELAY_MS = 400;

/** Renders into `host`, which is already `<section role="region" aria-label="HTTP log">` in the page. */
export function mountInspector(host: HTMLElement, options: InspectorOptions): Inspector {
  let reveal = false;
  let exchanges: Exchange[] = [];
  let entries: Entry[] = [];
  let references: readonly Exchange[] | null = null;
  let runToken = 0;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const summary = h('p', { class: 'fx-insp-summary', 'aria-live': 'polite', 'data-part': 'summary' });
  const revealButton = h(
    'button',
    { type: 'button', class: 'fx-insp-btn', 'aria-pressed': 'false', 'data-part': 'reveal' },
    'Reveal secrets',
  );
  const empty = h('p', { class: 'fx-insp-muted', 'data-part': 'empty' }, 'No requests yet. Run your code to see what it sends.');
  const list = h('ol', { class: 'fx-insp-list', 'data-part': 'list' });
  const compareButton = h(
    'button',
    { type: 'button', class: 'fx-insp-btn', 'data-part': 'compare-button' },
    'Compare with a working request',
  );
  const compareStatus = h('span', { class: 'fx-insp-muted', 'aria-live': 'polite' });
  const compareResult = h('div');
  const compare = h('div', { class: 'fx-insp-compare', 'data-part': 'compare', hidden: true }, compareButton, compareStatus, compareResult);

  const announce = (text: string): void => {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => (summary.textContent = text), ANNOUNCE_DELAY_MS);
  };
  const clockLine = (text: string): void => {
    const el = h('li', { class: 'fx-insp-note', 'data-part': 'clock-line' }, text);
    entries.push({ kind: 'clock', el });
    list.append(el);
    empty.hidden = true;
    announce(text);
  };
  // The clock control (expiry lessons) and the comparison (on request) load as separate chunks.
  let clock: ClockControl | null = null;
  let destroyed = false;
  const clockSlot = h('div', { hidden: true });
  if (options.showClock)
    void import('./clock-control').then(({ createClockControl }) => {
      if (destroyed) return;
      clock = createClockControl(options, clockLine);
      clockSlot.replaceWith(clock.el);
    });
  let renderComparison: typeof import('./compare').renderComparison | null = null;

  const renderComparisonIfAny = (): void => {
    compareResult.replaceChildren(...(references && renderComparison ? [renderComparison(exchanges, references, reveal)] : []));
  };
  const updateCompare = (): void => {
    compare.hidden = !options.referenceExchanges || failingRequests(exchanges).length === 0;
  };

  revealButton.addEventListener('click', () => {
    reveal = !reveal;
    revealButton.setAttribute('aria-pressed', String(reveal));
    // One stable label; the state is in aria-pressed (a toggle that renames itself reads confusingly).

    for (const entry of entries) if (entry.kind === 'request') for (const row of entry.rows) row.refresh();
    renderComparisonIfAny();
  });

  compareButton.addEventListener('click', async () => {
    if (!options.referenceExchanges) return;
    const token = runToken;
    compareButton.disabled = true;
    compareStatus.textContent = 'Running the working solution…';
    try {
      const [result, module] = await Promise.all([options.referenceExchanges(), import('./compare')]);
      renderComparison = module.renderComparison;
      if (token !== runToken) return; // a new run started meanwhile: this comparison is stale
      references = result;
      renderComparisonIfAny();
      compareStatus.textContent = 'Comparison shown below.';
    } catch (error) {
      if (token === runToken)
        compareStatus.textContent = `The working solution could not run: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      compareButton.disabled = false;
    }
  });

  host.classList.add('fx-insp');
  host.replaceChildren(
    h('div', { class: 'fx-insp-bar' }, h('p', { class: 'fx-insp-title' }, 'HTTP log'), revealButton),
    summary,
    clockSlot,
    empty,
    list,
    compare,
  );

  return {
    clear() {
      runToken += 1;
      // Clock moves made since the last run explain this run, so they stay.
      const lastRequest = entries.map((e) => e.kind).lastIndexOf('request');
      for (const entry of entries.slice(0, lastRequest + 1)) entry.el.remove();
      entries = entries.slice(lastRequest + 1);
      exchanges = [];
      references = null;
      compareResult.replaceChildren();
      compareStatus.textContent = '';
      clearTimeout(announceTimer);
      summary.textContent = '';
      empty.hidden = entries.length > 0;
      clock?.runStarted();
      updateCompare();
    },
    add(exchange) {
      exchanges.push(exchange);
      const row = createRow(exchange, () => reveal);
      const last = entries[entries.length - 1];
      if (
        last?.kind === 'request' &&
        joinsGroup(
          last.rows.map((r) => r.exchange),
          exchange,
        )
      ) {
        if (last.rows.length === 1) {
          // Becomes a group: insert the wrapper first, then move the first leg into it.
          const group = h('li', { class: 'fx-insp-group' }, h('p', { class: 'fx-insp-group-label' }), h('ol', { class: 'fx-insp-legs' }));
          last.el.before(group);
          group.lastElementChild!.append(last.el);
          last.el = group;
        }
        last.rows.push(row);
        last.el.lastElementChild!.append(row.el);
        last.el.dataset.legs = String(last.rows.length);
        last.el.firstElementChild!.textContent = groupLabel(last.rows.map((r) => r.exchange));
      } else {
        entries.push({ kind: 'request', el: row.el, rows: [row] });
        list.append(row.el);
      }
      empty.hidden = true;
      announce(summaryText(exchanges.map((e) => viewOf(e, false))));
      updateCompare();
    },
    destroy() {
      destroyed = true;
      clearTimeout(announceTimer);
      clock?.destroy();
      host.replaceChildren();
      host.classList.remove('fx-insp');
    },
  };
}

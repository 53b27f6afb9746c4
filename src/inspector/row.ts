/**
 * One exchange in the log: a native button that discloses the full request and response, the
 * status in words and colour, and the server's view. The expanded part is built only while open,
 * so the DOM holds no more than the learner looks at (and no secret the learner did not open).
 */
import type { Exchange } from '../mock-api/contract';
import { h, richText, uid } from './dom';
import { clockTime, hostOf, pathOf, statusClass, statusText } from './http-text';
import { viewOf } from './mask';

// The expanded view (pretty-printing, copies) is a separate chunk, fetched the first time a row opens.
let panelModule: Promise<typeof import('./panel')> | undefined;

/** A rendered row; `refresh()` re-renders it after the reveal setting changed. */
export interface RowView {
  readonly el: HTMLLIElement;
  readonly exchange: Exchange;
  refresh(): void;
}

/** The side note real servers never give: why the mock decided as it did. */
export function serverView(reason: string): HTMLElement {
  return h(
    'div',
    { class: 'fx-insp-view', 'data-part': 'server-view' },
    h('span', { class: 'fx-insp-view-icon', 'aria-hidden': 'true' }, 'i'),
    h('p', {}, h('strong', {}, 'Server’s view'), h('span', { class: 'fx-insp-muted' }, ' — real servers don’t tell you this')),
    h('p', { 'data-part': 'reason' }, richText(reason)),
  );
}

/** Creates the row for `exchange`; `reveal()` tells whether secrets are currently shown. */
export function createRow(exchange: Exchange, reveal: () => boolean): RowView {
  const panelId = uid('panel');
  const toggle = h('button', { type: 'button', class: 'fx-insp-toggle', 'aria-expanded': 'false', 'aria-controls': panelId });
  const panel = h('div', { id: panelId, class: 'fx-insp-panel', 'data-part': 'details', hidden: true });
  const el = h(
    'li',
    { class: 'fx-insp-row', 'data-exchange-id': exchange.id, 'data-status': exchange.status },
    toggle,
    serverView(exchange.decision.reason),
    panel,
  );

  let renders = 0;
  const renderPanel = (): void => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    const current = ++renders;
    panel.hidden = !open;
    panel.replaceChildren();
    if (!open) return;
    panelModule ??= import('./panel');
    void panelModule.then(({ panelContent }) => {
      // A later toggle or reveal change supersedes this render.
      if (current === renders) panel.append(...panelContent(exchange, reveal()));
    });
  };
  const refresh = (): void => {
    const view = viewOf(exchange, reveal());
    toggle.replaceChildren(
      h('span', { class: 'fx-insp-method' }, view.method),
      h(
        'span',
        { class: 'fx-insp-url' },
        h('span', { class: 'fx-insp-path' }, pathOf(view.url)),
        ' ',
        h('span', { class: 'fx-insp-host' }, hostOf(view.url)),
      ),
      h('span', { class: `fx-insp-status fx-insp-s${statusClass(view.status)}`, 'data-part': 'status' }, statusText(view.status)),
      h('time', { class: 'fx-insp-time', datetime: new Date(view.at).toISOString() }, `${clockTime(view.at)} UTC`),
    );
    el.querySelector('[data-part="server-view"]')?.replaceWith(serverView(view.decision.reason));
    renderPanel();
  };
  toggle.addEventListener('click', () => {
    toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
    renderPanel();
  });
  refresh();
  return { el, exchange, refresh };
}

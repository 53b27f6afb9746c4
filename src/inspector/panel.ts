/** The expanded part of a row: request and response in full, and the two copy buttons. */
import type { Exchange } from '../mock-api/contract';
import { copyText } from './copy';
import { toCurl } from './curl';
import { h } from './dom';
import { viewOf } from './mask';
import { messageBlocks } from './message';
import { toRequestsSnippet } from './requests-snippet';

function copyActions(exchange: Exchange, reveal: boolean): HTMLElement {
  const status = h('span', { class: 'fx-insp-muted', 'aria-live': 'polite', 'data-part': 'copy-status' });
  const fallback = h('div', { class: 'fx-insp-fallback' });
  const button = (label: string, what: string, make: () => string): HTMLButtonElement => {
    const b = h(
      'button',
      { type: 'button', class: 'fx-insp-btn', 'data-part': what === 'cURL command' ? 'copy-curl' : 'copy-requests' },
      label,
    );
    b.addEventListener('click', () => void copyText(make(), what, status, fallback));
    return b;
  };
  return h(
    'div',
    { class: 'fx-insp-actions' },
    button('Copy as cURL', 'cURL command', () => toCurl(exchange, { reveal })),
    button('Copy as requests', 'requests snippet', () => toRequestsSnippet(exchange, { reveal })),
    status,
    fallback,
  );
}

/** What a row shows when open; copies are masked unless `reveal`. */
export function panelContent(exchange: Exchange, reveal: boolean): HTMLElement[] {
  return [messageBlocks(viewOf(exchange, reveal)), copyActions(exchange, reveal)];
}

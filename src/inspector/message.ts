/** The expanded view of one exchange: request and response as text, the way HTTP/1.1 writes them. */
import type { Exchange } from '../mock-api/contract';
import { prettyBody } from './body';
import { h } from './dom';
import { headerValue, pathOf, statusText } from './http-text';
import { browserHeaderNames, codeHeaders } from './sent-headers';

// Emphasised because they are what a 401 is about.
const KEY_HEADERS = new Set(['authorization', 'www-authenticate', 'proxy-authorization', 'x-api-key']);

function headBlock(firstLine: string, headers: readonly [string, string][]): HTMLPreElement {
  const pre = h('pre', { class: 'fx-insp-head' }, h('span', { class: 'fx-insp-line' }, firstLine));
  for (const [name, value] of headers) {
    pre.append(
      '\n',
      h(
        'span',
        { class: KEY_HEADERS.has(name) ? 'fx-insp-line fx-insp-key' : 'fx-insp-line' },
        h('span', { class: 'fx-insp-hname' }, name),
        `: ${value}`,
      ),
    );
  }
  return pre;
}

function bodyBlock(body: string, headers: readonly [string, string][], side: string): Node[] {
  if (body === '') return [h('p', { class: 'fx-insp-muted' }, 'No body.')];
  const { kind, text } = prettyBody(body, headerValue(headers, 'content-type'));
  const label = kind === 'json' ? 'Body (JSON, indented)' : kind === 'form' ? 'Body (form fields, decoded)' : 'Body';
  // A scrollable block must be reachable by keyboard; the body is the only place allowed to scroll sideways.
  const nodes: Node[] = [
    h('p', { class: 'fx-insp-label' }, label),
    h('pre', { class: 'fx-insp-code', tabindex: 0, 'data-part': `${side}-body` }, h('code', {}, text)),
  ];
  if (text !== body)
    nodes.push(
      h(
        'details',
        { class: 'fx-insp-raw' },
        h('summary', {}, 'Body exactly as sent'),
        h('pre', { class: 'fx-insp-code', tabindex: 0 }, h('code', {}, body)),
      ),
    );
  return nodes;
}

/**
 * The message exactly as it crossed the wire (Python's requests only), each line ending shown as a
 * dimmed `\r\n` (plain ASCII: not every font has ␍␊), so a stray `\r`, a doubled space or a missing
 * blank line is visible.
 */
function rawBlock(label: string, raw: string | undefined, part: string): HTMLElement | false {
  if (raw === undefined) return false;
  const code = h('code', {});
  raw.split('\r\n').forEach((line, i, lines) => {
    code.append(line);
    if (i < lines.length - 1) code.append(h('span', { class: 'fx-insp-muted' }, '\\r\\n'), '\n');
  });
  return h(
    'details',
    { class: 'fx-insp-raw', 'data-part': part },
    h('summary', {}, label),
    h('pre', { class: 'fx-insp-code', tabindex: 0 }, code),
  );
}

/** Request and response blocks for an exchange (pass the masked view unless secrets are revealed). */
export function messageBlocks(view: Exchange): HTMLElement {
  const added = browserHeaderNames(view);
  const request = h(
    'div',
    { class: 'fx-insp-msg', 'data-part': 'request' },
    h('p', { class: 'fx-insp-label' }, 'Request'),
    headBlock(`${view.method} ${pathOf(view.url)} HTTP/1.1`, codeHeaders(view)),
    added.length > 0 && h('p', { class: 'fx-insp-muted' }, `Also added by the browser, not by your code: ${added.join(', ')}.`),
    ...bodyBlock(view.requestBody, view.requestHeaders, 'request'),
    rawBlock('The bytes Python wrote', view.rawRequest, 'raw-request'),
  );
  const response = h(
    'div',
    { class: 'fx-insp-msg', 'data-part': 'response' },
    h('p', { class: 'fx-insp-label' }, 'Response'),
    headBlock(`HTTP/1.1 ${statusText(view.status)}`, view.responseHeaders),
    ...bodyBlock(view.responseBody, view.responseHeaders, 'response'),
    rawBlock('The bytes the server sent', view.rawResponse, 'raw-response'),
  );
  return h('div', { class: 'fx-insp-msgs' }, request, response);
}

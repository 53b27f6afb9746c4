/** "Copy as requests": a Python snippet that sends the same request with the requests library. */
import type { Exchange } from '../mock-api/contract';
import type { CopyOptions } from './curl';
import { viewOf } from './mask';
import { sentHeaders } from './sent-headers';

const SHORTCUTS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** A single-quoted Python string literal (valid in a `b''` literal too when the text is ASCII). */
export function pythonString(text: string): string {
  const escaped = text.replace(/[\\'\x00-\x1f\x7f]/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `'${escaped}'`;
}

/**
 * Python that sends the request of `exchange` again. The body is passed as bytes (`data=b'…'`)
 * so requests sends it unchanged: a `str` body would be encoded as Latin-1 by http.client.
 */
export function toRequestsSnippet(exchange: Exchange, { reveal }: CopyOptions): string {
  const view = viewOf(exchange, reveal);
  const method = view.method.toLowerCase();
  const shortcut = SHORTCUTS.has(method);
  const lines = ['import requests', '', `response = requests.${shortcut ? method : 'request'}(`];
  if (!shortcut) lines.push(`    ${pythonString(view.method)},`);
  lines.push(`    ${pythonString(view.url)},`);
  const headers = sentHeaders(view);
  if (headers.length > 0) {
    lines.push('    headers={');
    for (const [name, value] of headers) lines.push(`        ${pythonString(name)}: ${pythonString(value)},`);
    lines.push('    },');
  }
  const body = view.requestBody;
  if (body !== '') {
    const ascii = /^[\x00-\x7f]*$/.test(body);
    lines.push(ascii ? `    data=b${pythonString(body)},` : `    data=${pythonString(body)}.encode('utf-8'),`);
  }
  lines.push(')', 'print(response.status_code, response.text)');
  return lines.join('\n');
}

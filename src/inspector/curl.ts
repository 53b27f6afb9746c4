/**
 * "Copy as cURL": a command that sends what requests sent — same method, URL, headers and body
 * bytes — and nothing curl would add on its own that requests did not.
 */
import type { Exchange } from '../mock-api/contract';
import { viewOf } from './mask';
import { sentHeaders } from './sent-headers';

/** Whether a copy shows secrets; copies respect the Inspector's mask. */
export interface CopyOptions {
  reveal: boolean;
}

/** POSIX shell single quotes: nothing inside is special except `'`, written `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A multi-line `curl` command equivalent to the request of `exchange`. The body goes through
 * `--data-raw` (sent byte for byte, no `@file` reading). A body cannot contain NUL (shell limit).
 */
export function toCurl(exchange: Exchange, { reveal }: CopyOptions): string {
  const view = viewOf(exchange, reveal);
  const method = view.method.toUpperCase();
  const headers = sentHeaders(view);
  const body = view.requestBody;
  const hasBody = body !== '';
  const parts = ['curl'];
  // curl expands [] and {} in URLs as globs; requests sends them literally.
  if (/[[\]{}]/.test(view.url)) parts.push('--globoff');
  if (method === 'HEAD') parts.push('--head');
  else if (!(method === 'GET' && !hasBody) && !(method === 'POST' && hasBody)) parts.push(`-X ${method}`);
  parts.push(shellQuote(view.url));
  for (const [name, value] of headers) {
    // "Name:" with nothing after it would make curl DROP the header; "Name;" sends it empty.
    parts.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  const has = (name: string): boolean => headers.some(([n]) => n === name);
  if (hasBody) {
    // Without these curl adds a form Content-Type, and an Expect: 100-continue on larger bodies.
    if (!has('content-type')) parts.push(`-H 'Content-Type:'`);
    if (!has('expect') && new TextEncoder().encode(body).length > 1024) parts.push(`-H 'Expect:'`);
    parts.push(`--data-raw ${shellQuote(body)}`);
  } else if (method !== 'GET' && method !== 'HEAD') {
    // requests sends Content-Length: 0 for a body-less POST/PUT/DELETE…; curl would send none.
    parts.push(`-H 'Content-Length: 0'`);
  }
  return parts.join(' \\\n  ');
}

/**
 * A synchronous multipart/form-data parser (RFC 7578, RFC 2046 §5.1.1). The mock answers inside
 * the Python worker while CPython waits on a synchronous call, so the async `Response.formData()`
 * cannot be used. Bytes are searched as Latin-1 text, one character per byte, so slicing the text
 * and slicing the bytes agree.
 */
import { decodeLatin1 } from './codec';

export interface MultipartPart {
  /** The `name` parameter of Content-Disposition. */
  name: string;
  /** The `filename` parameter; present (possibly empty) for file parts only. */
  filename?: string;
  /** The part's Content-Type, lower-cased with parameters ("" when absent). */
  contentType: string;
  data: Uint8Array;
}

/** A header parameter (`name=value` or `name="value"`) from a header's parameter list. */
export function headerParam(header: string, param: string): string | null {
  // Quoted strings may hold `;` and escaped quotes (RFC 9110 §5.6.4); tokens end at `;`.
  const re = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(re)) {
    const [, key = '', raw = ''] = match;
    if (key.toLowerCase() !== param) continue;
    const value = raw.trim();
    return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  }
  return null;
}

/** The parts of a multipart/form-data body; null when the body or its boundary is malformed. */
export function parseMultipart(body: Uint8Array, contentType: string): MultipartPart[] | null {
  const boundary = headerParam(`;${contentType.replace(/^[^;]*;?/, '')}`, 'boundary');
  if (!boundary || boundary.length > 70) return null;
  const text = decodeLatin1(body);
  const delimiter = `--${boundary}`;
  // The first delimiter may follow a preamble; every later one is preceded by CRLF.
  let at = text.startsWith(delimiter) ? 0 : text.indexOf(`\r\n${delimiter}`) + 2;
  if (at < 2 && !text.startsWith(delimiter)) return null;
  const parts: MultipartPart[] = [];
  for (;;) {
    const after = at + delimiter.length;
    if (text.startsWith('--', after)) return parts;
    // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
    const lineEnd = text.indexOf('\r\n', after);
    if (lineEnd < 0 || text.slice(after, lineEnd).trim() !== '') return null;
    const next = text.indexOf(`\r\n${delimiter}`, lineEnd);
    if (next < 0) return null;
    const part = readPart(text, body, lineEnd + 2, next);
    if (!part) return null;
    parts.push(part);
    at = next + 2;
  }
}

/** One part between `start` and `end` (byte offsets): headers, a blank line, then the content. */
function readPart(text: string, body: Uint8Array, start: number, end: number): MultipartPart | null {
  const blank = text.indexOf('\r\n\r\n', start - 2);
  if (blank < 0 || blank > end) return null;
  const headers = new Map<string, string>();
  for (const line of text.slice(start, blank).split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  if (!/^form-data\s*(;|$)/i.test(disposition)) return null;
  const name = headerParam(disposition, 'name');
  if (name === null) return null;
  const filename = headerParam(disposition, 'filename');
  // Header parameters arrive as UTF-8 bytes (RFC 7578 §5.1.3); the text above is Latin-1.
  const utf8 = (latin1: string): string => new TextDecoder().decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
  return {
    name: utf8(name),
    ...(filename === null ? {} : { filename: utf8(filename) }),
    contentType: (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
    data: body.slice(blank + 4, end),
  };
}

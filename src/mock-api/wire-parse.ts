/**
 * Parsing a raw HTTP/1.1 request (RFC 9112) as CPython's http.client writes it on a socket. Strict
 * where real servers are strict, so that a malformed request gets the 400 it would get at home:
 * obs-fold (§5.2), whitespace before a field's colon (§5.1), a missing or repeated Host (§3.2),
 * conflicting Content-Length values (§6.3), bad chunked framing (§7.1).
 */
import { decodeLatin1 } from './codec';

export interface WireMessage {
  method: string;
  /** The request-target as sent (Latin-1 text). */
  target: string;
  version: string;
  /** Field lines in order, names as sent, values with surrounding whitespace removed. */
  headers: [string, string][];
  body: Uint8Array;
  /** The body was sent with `Transfer-Encoding: chunked`. */
  chunked: boolean;
}

/** A request a server refuses before routing; `status` is 400, 501 or 505. */
export interface WireError {
  status: number;
  why: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The offset just past the first CRLF CRLF, or -1. */
function headEnd(bytes: Uint8Array): number {
  for (let i = 3; i < bytes.length; i++)
    if (bytes[i] === 10 && bytes[i - 1] === 13 && bytes[i - 2] === 10 && bytes[i - 3] === 13) return i + 1;
  return -1;
}

/** `line` from `start` without the spaces and tabs around it (RFC 9110 §5.5: OWS is not part of the value). */
function trimOws(line: string, start: number): string {
  let from = start;
  let to = line.length;
  while (from < to && (line.charCodeAt(from) === 32 || line.charCodeAt(from) === 9)) from++;
  while (to > from && (line.charCodeAt(to - 1) === 32 || line.charCodeAt(to - 1) === 9)) to--;
  return line.slice(from, to);
}

/** Parses one request; the bytes must hold the whole message (the socket shim collects it first). */
export function parseWireRequest(bytes: Uint8Array): WireMessage | WireError {
  const end = headEnd(bytes);
  if (end < 0) return { status: 400, why: 'the request head does not end with an empty line (CRLF CRLF)' };
  const lines = decodeLatin1(bytes.subarray(0, end - 4)).split('\r\n');
  const requestLine = /^([^ ]+) ([^ ]+) (HTTP\/\d\.\d)$/.exec(lines[0] ?? '');
  if (!requestLine) return { status: 400, why: `the request line "${lines[0] ?? ''}" is not "METHOD target HTTP/1.1"` };
  const [, method = '', target = '', version = ''] = requestLine;
  if (!TOKEN.test(method)) return { status: 400, why: `the method "${method}" is not a token` };
  if (version !== 'HTTP/1.1' && version !== 'HTTP/1.0') return { status: 505, why: `${version} is not supported` };
  if (/[\x00-\x20\x7f]/.test(target)) return { status: 400, why: 'the request target has spaces or control characters' };

  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (/^[ \t]/.test(line)) return { status: 400, why: 'a header line starts with whitespace: obsolete line folding (RFC 9112 §5.2)' };
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon);
    if (!TOKEN.test(name))
      return {
        status: 400,
        why: /\s$/.test(name)
          ? `whitespace between the header name "${name.trim()}" and its colon (RFC 9112 §5.1)`
          : `"${line}" is not a "Name: value" header line`,
      };
    const value = trimOws(line, colon + 1);
    if (/[\x00\r\n]/.test(value)) return { status: 400, why: `the ${name} header holds a control character` };
    headers.push([name, value]);
  }
  const lowerNames = headers.map(([k]) => k.toLowerCase());
  const all = (n: string): string[] => headers.filter((_, i) => lowerNames[i] === n).map(([, v]) => v);
  if (version === 'HTTP/1.1' && all('host').length !== 1)
    return {
      status: 400,
      why: all('host').length ? 'the request has more than one Host header' : 'an HTTP/1.1 request needs a Host header',
    };

  const rest = bytes.subarray(end);
  const encodings = all('transfer-encoding');
  const lengths = all('content-length').flatMap((v) => v.split(',').map((s) => s.trim()));
  if (encodings.length) {
    if (lengths.length) return { status: 400, why: 'the request has both Transfer-Encoding and Content-Length (RFC 9112 §6.1)' };
    const codings = encodings
      .join(',')
      .split(',')
      .map((s) => s.trim().toLowerCase());
    if (codings.join(',') !== 'chunked') return { status: 501, why: `Transfer-Encoding ${codings.join(', ')} is not supported` };
    const body = dechunk(rest);
    if (!body) return { status: 400, why: 'the chunked body is malformed (RFC 9112 §7.1)' };
    return { method, target, version, headers, body, chunked: true };
  }
  if (lengths.some((l) => !/^\d+$/.test(l)) || new Set(lengths).size > 1)
    return { status: 400, why: `Content-Length "${all('content-length').join(', ')}" is not one number` };
  const length = lengths.length ? Number(lengths[0]) : 0;
  if (rest.length < length) return { status: 400, why: `Content-Length says ${length} bytes but only ${rest.length} arrived` };
  return { method, target, version, headers, body: rest.slice(0, length), chunked: false };
}

/** Decodes a chunked body (sizes in hex, optional extensions and trailers); null when malformed. */
export function dechunk(bytes: Uint8Array): Uint8Array | null {
  const text = decodeLatin1(bytes);
  const out: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = text.indexOf('\r\n', at);
    if (eol < 0) return null;
    const size = /^([0-9A-Fa-f]{1,8})[ \t]*(;.*)?$/.exec(text.slice(at, eol));
    if (!size) return null;
    const n = parseInt(size[1] ?? '', 16);
    at = eol + 2;
    if (n === 0) break;
    if (text.slice(at + n, at + n + 2) !== '\r\n') return null;
    out.push(bytes.subarray(at, at + n));
    at += n + 2;
  }
  // Trailer fields, then the final empty line.
  for (;;) {
    const eol = text.indexOf('\r\n', at);
    if (eol < 0) return null;
    if (eol === at) break;
    at = eol + 2;
  }
  const body = new Uint8Array(out.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of out) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** True when the client asked to close the connection after this exchange (RFC 9112 §9.3). */
export function wantsClose(message: Pick<WireMessage, 'version' | 'headers'>): boolean {
  const options = message.headers
    .filter(([k]) => k.toLowerCase() === 'connection')
    .flatMap(([, v]) => v.split(',').map((s) => s.trim().toLowerCase()));
  return options.includes('close') || (message.version === 'HTTP/1.0' && !options.includes('keep-alive'));
}

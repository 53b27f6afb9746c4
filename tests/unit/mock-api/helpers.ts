/**
 * Test helpers: a server from a partial scenario state, a one-line request function, and
 * client-side re-implementations of what Python requests sends (Basic encoding, HTTPDigestAuth).
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'astro/zod';
import type { Exchange } from '../../../src/mock-api/contract';
import { createMockServer, type MockServer } from '../../../src/mock-api/server';
import { serverStateSchema } from '../../../src/exercises/server-state-schema';

export const API = 'https://api.example.com';
export const HTTPBIN = 'https://httpbin.org';
export const LIVE = 'tok_live_8f2c4e9a1b7d3f';
export const READ_ONLY = 'tok_read_5a1e7c2b9d4f60';
export const EXPIRED = 'tok_old_3c9b1d7e2a6f84';
export const REVOKED = 'tok_gone_7d2e8a4c1f9b35';

/** A server for a partial scenario state (defaults fill the rest). */
export function makeServer(state: z.input<typeof serverStateSchema> = {}): MockServer {
  return createMockServer(serverStateSchema.parse(state));
}

export interface SendOptions {
  headers?: Record<string, string> | [string, string][];
  body?: string | Uint8Array | URLSearchParams | FormData;
  json?: unknown;
  /** Who sends it: CPython over the socket shim (raw bytes, the default) or the browser (via MSW). */
  via?: 'python' | 'browser';
}

export interface Sent {
  status: number;
  /** The status line's reason phrase (statusText on the browser path). */
  reason: string;
  headers: Headers;
  text: string;
  /** Parsed body (null when not JSON). */
  body: unknown;
  exchange: Exchange;
  challenge: string | null;
  /** The raw response (python path only). */
  raw: string;
}

/** The body bytes and Content-Type a client would send for `options` (FormData via the Fetch encoder). */
async function encodeBody(options: SendOptions): Promise<{ bytes: Uint8Array | null; type: string | null }> {
  if (options.json !== undefined) return { bytes: new TextEncoder().encode(JSON.stringify(options.json)), type: 'application/json' };
  if (options.body === undefined) return { bytes: null, type: null };
  if (options.body instanceof Uint8Array) return { bytes: options.body, type: null };
  const request = new Request('https://x.test/', { method: 'POST', body: options.body });
  const type = typeof options.body === 'string' ? null : request.headers.get('content-type');
  return { bytes: new Uint8Array(await request.arrayBuffer()), type };
}

/** Request bytes as http.client writes them for requests: request line, Host first, Content-Length. */
export function wireBytes(method: string, url: string, headers: [string, string][], body: Uint8Array | null): Uint8Array {
  const u = new URL(url);
  const fields: [string, string][] = [];
  if (!headers.some(([n]) => n.toLowerCase() === 'host')) fields.push(['Host', u.host]);
  fields.push(...headers);
  // requests sends Content-Length: 0 for a bodiless request other than GET/HEAD (prepare_content_length).
  if (body !== null || (method !== 'GET' && method !== 'HEAD')) fields.push(['Content-Length', String(body?.length ?? 0)]);
  const head = `${method} ${u.pathname}${u.search} HTTP/1.1\r\n${fields.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return concat(latin1(head), body ?? new Uint8Array());
}

export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

export interface ParsedResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: Uint8Array;
  head: string;
}

/** Reads response bytes as http.client does (Content-Length framing; HEAD and 1xx/204/304 have no body). */
export function parseResponse(bytes: Uint8Array, method = 'GET'): ParsedResponse {
  const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const match = /^HTTP\/1\.1 (\d{3}) (.*)$/.exec(statusLine);
  if (!match) throw new Error(`bad status line ${statusLine}`);
  const headers = lines.map((l): [string, string] => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]);
  const status = Number(match[1]);
  const length = Number(headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1] ?? 0);
  const noBody = method === 'HEAD' || status < 200 || status === 204 || status === 304;
  const body = bytes.slice(end + 4, end + 4 + (noBody ? 0 : length));
  if (end + 4 + body.length !== bytes.length) throw new Error('response bytes do not match their framing');
  return { status, reason: match[2] ?? '', headers, body, head: text.slice(0, end + 4) };
}

/** Sends one request and returns the answer plus the exchange it logged. */
export async function send(server: MockServer, method: string, url: string, options: SendOptions = {}): Promise<Sent> {
  const headers: [string, string][] = Array.isArray(options.headers) ? options.headers : Object.entries(options.headers ?? {});
  const { bytes, type } = await encodeBody(options);
  if (type && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', type]);
  let status: number;
  let reason: string;
  let responseHeaders: Headers;
  let text: string;
  let raw = '';
  if (options.via === 'browser') {
    const answer = server.handleFetch({ method, url, headers, body: bytes ?? new Uint8Array() });
    if (!answer) throw new Error(`host of ${url} is not mocked`);
    ({ status, statusText: reason } = answer);
    responseHeaders = new Headers(answer.headers);
    text = answer.body ?? '';
  } else {
    const u = new URL(url);
    const scheme = u.protocol === 'http:' ? 'http' : 'https';
    const port = Number(u.port || (scheme === 'https' ? 443 : 80));
    const answer = server.handleWire({ scheme, host: u.hostname, port, bytes: wireBytes(method, url, headers, bytes) });
    const parsed = parseResponse(answer, method);
    ({ status, reason } = parsed);
    responseHeaders = new Headers(parsed.headers);
    text = new TextDecoder().decode(parsed.body);
    raw = parsed.head;
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = null;
  }
  const exchange = server.log.at(-1);
  if (!exchange) throw new Error('no exchange logged');
  return {
    status,
    reason,
    headers: responseHeaders,
    text,
    body: parsed,
    exchange,
    challenge: responseHeaders.get('www-authenticate'),
    raw,
  };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** What requests' `_basic_auth_str` sends: Latin-1 for str (the default), or UTF-8 bytes. */
export function basicHeader(user: string, password: string, encoding: 'latin1' | 'utf8' = 'utf8'): string {
  const text = `${user}:${password}`;
  const bytes = encoding === 'utf8' ? new TextEncoder().encode(text) : Uint8Array.from(text, (c) => c.charCodeAt(0));
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** requests.utils.parse_dict_header: comma list respecting quotes; quoted values unquoted. */
export function parseDictHeader(value: string): Record<string, string> {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '"' && value[i - 1] !== '\\') quoted = !quoted;
    if (c === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) items.push(current.trim());
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    let v = item.slice(eq + 1);
    if (v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/\\\\/g, '\\').replace(/\\"/g, '"');
    out[item.slice(0, eq)] = v;
  }
  return out;
}

const HASH: Record<string, (b: Uint8Array) => Uint8Array> = { MD5: md5, 'MD5-SESS': md5, SHA: sha1, 'SHA-256': sha256, 'SHA-512': sha512 };

/** Independent hex hash of UTF-8 text (what requests' `hash_utf8` does). */
export const hexOf = (algorithm: string, text: string): string => bytesToHex((HASH[algorithm.toUpperCase()] ?? md5)(utf8ToBytes(text)));

/** A client that builds Authorization headers exactly like requests' HTTPDigestAuth.build_digest_header. */
export class RequestsDigestClient {
  private lastNonce = '';
  private nonceCount = 0;
  chal: Record<string, string> = {};
  constructor(
    readonly username: string,
    readonly password: string,
  ) {}

  /** handle_401: parse the challenge after the first "digest " (case-insensitive). */
  readChallenge(header: string): void {
    this.chal = parseDictHeader(header.replace(/digest /i, ''));
  }

  /** `target`: the path and query as sent, when the WHATWG URL parser would re-encode them. */
  build(method: string, url: string, cnonce = 'abcdef0123456789', target?: string): string | null {
    const { realm = '', nonce = '', qop, algorithm, opaque } = this.chal;
    const alg = algorithm === undefined ? 'MD5' : algorithm.toUpperCase();
    if (!(alg in HASH)) return null;
    const H = (x: string): string => hexOf(alg, x);
    const parsed = new URL(url);
    const path = target ?? (parsed.pathname || '/') + parsed.search;
    let ha1 = H(`${this.username}:${realm}:${this.password}`);
    const ha2 = H(`${method}:${path}`);
    this.nonceCount = nonce === this.lastNonce ? this.nonceCount + 1 : 1;
    const nc = this.nonceCount.toString(16).padStart(8, '0');
    if (alg === 'MD5-SESS') ha1 = H(`${ha1}:${nonce}:${cnonce}`);
    let respdig: string;
    if (!qop) respdig = H(`${ha1}:${nonce}:${ha2}`);
    else if (qop === 'auth' || qop.split(',').includes('auth')) respdig = H(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
    else return null;
    this.lastNonce = nonce;
    let base = `username="${this.username}", realm="${realm}", nonce="${nonce}", uri="${path}", response="${respdig}"`;
    if (opaque) base += `, opaque="${opaque}"`;
    if (algorithm) base += `, algorithm="${algorithm}"`;
    if (qop) base += `, qop="auth", nc=${nc}, cnonce="${cnonce}"`;
    return `Digest ${base}`;
  }
}

/** The whole HTTPDigestAuth dance: request, read the 401 challenge, retry once. */
export async function digestDance(
  server: MockServer,
  method: string,
  url: string,
  client: RequestsDigestClient,
): Promise<{ first: Sent; second: Sent }> {
  const first = await send(server, method, url);
  client.readChallenge(first.challenge ?? '');
  const header = client.build(method, url);
  const second = await send(server, method, url, header ? { headers: { authorization: header } } : {});
  return { first, second };
}

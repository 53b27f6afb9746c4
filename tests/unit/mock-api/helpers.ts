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
import { serverStateSchema } from '../../../src/mock-api/state-schema';

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
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body (null when not JSON). */
  body: unknown;
  exchange: Exchange;
  challenge: string | null;
}

/** Sends one request and returns the answer plus the exchange it logged. */
export async function send(server: MockServer, method: string, url: string, options: SendOptions = {}): Promise<Sent> {
  const headers = new Headers(options.headers);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.body instanceof Uint8Array) body = options.body.slice().buffer;
  else body = options.body;
  const response = await server.handle(new Request(url, { method, headers, body }));
  if (!response) throw new Error(`host of ${url} is not mocked`);
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = null;
  }
  const exchange = server.log.at(-1);
  if (!exchange) throw new Error('no exchange logged');
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: parsed,
    exchange,
    challenge: response.headers.get('www-authenticate'),
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

  build(method: string, url: string, cnonce = 'abcdef0123456789'): string | null {
    const { realm = '', nonce = '', qop, algorithm, opaque } = this.chal;
    const alg = algorithm === undefined ? 'MD5' : algorithm.toUpperCase();
    if (!(alg in HASH)) return null;
    const H = (x: string): string => hexOf(alg, x);
    const parsed = new URL(url);
    const path = (parsed.pathname || '/') + parsed.search;
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

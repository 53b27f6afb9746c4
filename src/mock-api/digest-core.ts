/**
 * The Digest computation (RFC 7616 §3.4.1–3.4.3), shared by api.example.com and httpbin.
 * Algorithms are what requests' HTTPDigestAuth implements: MD5, MD5-sess, SHA (SHA-1), SHA-256,
 * SHA-512, plus SHA-256-sess from the RFC. WebCrypto has no MD5 and is async, so @noble/hashes.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeUtf8 } from './codec';

type HashFn = (data: Uint8Array) => Uint8Array;

const HASHES: Readonly<Record<string, HashFn>> = { MD5: md5, SHA: sha1, 'SHA-256': sha256, 'SHA-512': sha512 };

/** The hash behind an algorithm name (case-insensitive, `-sess` stripped); null when unsupported. */
export function digestHash(algorithm: string): HashFn | null {
  return HASHES[algorithm.toUpperCase().replace(/-SESS$/, '')] ?? null;
}

/** Hex digest of text (UTF-8, as requests and RFC 7616 §3.4.4 with charset=UTF-8 do) or bytes. */
export function hexHash(algorithm: string, data: string | Uint8Array): string {
  const hash = digestHash(algorithm);
  if (!hash) throw new Error(`unsupported Digest algorithm ${algorithm}`);
  return bytesToHex(hash(typeof data === 'string' ? encodeUtf8(data) : data));
}

export interface DigestInputs {
  algorithm: string;
  username: string;
  realm: string;
  password: string;
  method: string;
  uri: string;
  nonce: string;
  /** Absent for the RFC 2069 form (no qop), which RFC 7616 keeps only for compatibility. */
  qop?: 'auth' | 'auth-int';
  nc?: string;
  cnonce?: string;
  /** Entity body, for qop=auth-int. */
  body?: Uint8Array;
}

/** The `response` value a correct client sends (lower-case hex). */
export function digestResponse(i: DigestInputs): string {
  const H = (data: string | Uint8Array): string => hexHash(i.algorithm, data);
  let ha1 = H(`${i.username}:${i.realm}:${i.password}`);
  // §3.4.2: the -sess variants fold the nonce and cnonce into A1.
  if (/-sess$/i.test(i.algorithm)) ha1 = H(`${ha1}:${i.nonce}:${i.cnonce ?? ''}`);
  // §3.4.3: auth-int adds the hash of the body to A2.
  const a2 = i.qop === 'auth-int' ? `${i.method}:${i.uri}:${H(i.body ?? new Uint8Array())}` : `${i.method}:${i.uri}`;
  const ha2 = H(a2);
  if (!i.qop) return H(`${ha1}:${i.nonce}:${ha2}`);
  return H(`${ha1}:${i.nonce}:${i.nc ?? ''}:${i.cnonce ?? ''}:${i.qop}:${ha2}`);
}

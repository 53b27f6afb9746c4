/**
 * Decoding Basic credentials (RFC 7617 §2): base64 of `user-id ":" password`. Shared by the
 * api.example.com Basic routes and httpbin, which judge the result differently.
 */
import { parseAuthorization } from '../auth-header';
import { decodeBase64, decodeLatin1, decodeUtf8Strict } from '../codec';

export type BasicCredentials =
  | { kind: 'none' }
  | { kind: 'other-scheme'; scheme: string }
  | { kind: 'malformed'; why: string }
  /** Not valid UTF-8: decoded as Latin-1 for the server's view (requests' default encoding). */
  | { kind: 'latin1'; username: string; password: string }
  | { kind: 'ok'; username: string; password: string };

/** Reads the `Authorization` header as Basic credentials. */
export function readBasicCredentials(header: string | null): BasicCredentials {
  const credentials = parseAuthorization(header);
  if (!credentials) return { kind: 'none' };
  if (credentials.schemeLower !== 'basic') return { kind: 'other-scheme', scheme: credentials.scheme || '(none)' };
  const bytes = decodeBase64(credentials.rest.trim());
  if (credentials.rest.trim() === '') return { kind: 'malformed', why: '`Basic` with nothing after it' };
  if (!bytes) return { kind: 'malformed', why: 'the Basic credentials are not valid base64' };
  const utf8 = decodeUtf8Strict(bytes);
  const text = utf8 ?? decodeLatin1(bytes);
  const colon = text.indexOf(':');
  if (colon < 0) return { kind: 'malformed', why: 'the decoded credentials have no colon between user name and password' };
  const username = text.slice(0, colon);
  const password = text.slice(colon + 1);
  return utf8 === null ? { kind: 'latin1', username, password } : { kind: 'ok', username, password };
}

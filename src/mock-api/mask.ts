/**
 * Masking of secrets for the server's view: decisions name a token without revealing it, the way
 * a careful server log would ("tok_…3f"). The Inspector may show raw headers only on request.
 */
import type { Exchange } from './contract';

/** What a password always looks like in a reason: nothing of it is shown. */
export const MASKED_PASSWORD = '•••';

/**
 * `tok_live_8f2c…3f` → `tok_…3f` (a word prefix and the last two characters); long prefix-less
 * secrets keep only their last two characters; short values (passwords, secrets) → `•••`.
 */
export function maskSecret(value: string): string {
  const prefix = /^[A-Za-z]{1,8}_/.exec(value)?.[0] ?? '';
  // Two characters of a long random string identify it without making it guessable.
  const long = prefix ? value.length - prefix.length >= 8 : value.length >= 16;
  return long ? `${prefix}…${value.slice(-2)}` : MASKED_PASSWORD;
}

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie']);
const SECRET_FIELDS = /\b(access_token|refresh_token|client_secret|password|token)=([^&\s]+)/g;
const SECRET_JSON = /"(access_token|refresh_token|client_secret|password)"\s*:\s*"([^"]*)"/g;

/** Masks a credential header value but keeps its scheme word, which is what learners need to see. */
export function maskCredentialHeader(value: string): string {
  const match = /^(\S+)(\s+)(.+)$/.exec(value);
  if (!match) return maskSecret(value);
  const [, scheme = '', space = '', rest = ''] = match;
  if (scheme.toLowerCase() === 'digest') return `${scheme}${space}${rest.replace(/response="?[0-9a-f]+"?/i, 'response="…"')}`;
  return `${scheme}${space}${maskSecret(rest)}`;
}

/** A copy of an exchange safe to display by default: credential headers and token fields masked. */
export function maskExchange(exchange: Exchange): Exchange {
  const headers = (list: [string, string][]): [string, string][] =>
    list.map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? maskCredentialHeader(value) : value]);
  const body = (text: string): string =>
    text
      .replace(SECRET_FIELDS, (_m, name: string, v: string) => `${name}=${maskSecret(v)}`)
      .replace(SECRET_JSON, (_m, name: string, v: string) => `"${name}": "${maskSecret(v)}"`);
  // Raw messages: credential header lines in the head, token fields anywhere.
  const raw = (text: string): string =>
    body(
      text.replace(
        /^(authorization|x-api-key|cookie):[ \t]*(.*)$/gim,
        (_m, name: string, v: string) => `${name}: ${maskCredentialHeader(v)}`,
      ),
    );
  return {
    ...exchange,
    requestHeaders: headers(exchange.requestHeaders),
    requestBody: body(exchange.requestBody),
    responseBody: body(exchange.responseBody),
    ...(exchange.rawRequest === undefined ? {} : { rawRequest: raw(exchange.rawRequest) }),
    ...(exchange.rawResponse === undefined ? {} : { rawResponse: raw(exchange.rawResponse) }),
  };
}

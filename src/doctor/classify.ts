/**
 * What the response says, in the generic rules' terms: the status class (401/403/400/407, a 2xx
 * carrying an auth error), every challenge, RFC 6750 §3.1's error code, an OAuth token endpoint's
 * error (RFC 6749 §5.2), and the recognised vendor shape. Produces weighted signals for rank.ts.
 */
import type { CauseId } from './causes';
import { headerValue, headerValues } from './headers';
import type { Evidence, ParsedResponse } from './types';
import { recogniseVendor } from './vendors';
import type { VendorMatch } from './vendor-types';
import { isBearerError, parseChallenges, type Challenge } from './www-authenticate';

export type StatusKind =
  | 'none'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'proxy-auth'
  | 'success-with-auth-error'
  | 'success'
  | 'redirect'
  | 'body-refused'
  | 'other';

/** Whether the server saw no credentials, rejected the ones it saw, or refused something else. */
export type AuthVerdict = 'absent' | 'rejected' | 'scope' | 'body' | 'unknown';

export interface ResponseSignal {
  cause: CauseId;
  weight: number;
  evidence: Evidence[];
}

export interface ResponseReading {
  status?: number;
  kind: StatusKind;
  verdict: AuthVerdict;
  challenges: Challenge[];
  proxyChallenges: Challenge[];
  bearerError?: { code: string; description?: string; scope?: string; statusMismatch: boolean };
  oauthError?: { code: string; description?: string };
  vendor: VendorMatch | null;
  signals: ResponseSignal[];
  /** Plain-words summary of what the response says, for the top of the diagnosis. */
  notes: string[];
}

function parseJson(body: string): unknown {
  const start = body.search(/[{[]/);
  if (start < 0) return null;
  try {
    return JSON.parse(body.slice(start)) as unknown;
  } catch {
    return null;
  }
}

const OAUTH_ERRORS: Record<string, CauseId> = {
  invalid_client: 'invalid-client',
  invalid_grant: 'invalid-grant',
  invalid_scope: 'insufficient-scope',
  unauthorized_client: 'invalid-client',
  unsupported_grant_type: 'token-request-json',
};

function statusKind(status: number | undefined, vendor: VendorMatch | null): StatusKind {
  if (status === undefined) return 'none';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 407) return 'proxy-auth';
  if (status === 400) return 'bad-request';
  if (status === 415 || status === 422) return 'body-refused';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 200 && status < 300) return vendor?.inSuccessStatus ? 'success-with-auth-error' : 'success';
  return 'other';
}

export function classify(parsed: ParsedResponse): ResponseReading {
  const json = parseJson(parsed.body);
  const vendor = recogniseVendor({
    status: parsed.status,
    headers: parsed.headers,
    body: parsed.body,
    json,
    url: parsed.url ?? parsed.request?.url,
  });
  const challengeText = headerValues(parsed.headers, 'www-authenticate');
  const reading: ResponseReading = {
    status: parsed.status,
    kind: statusKind(parsed.status, vendor),
    verdict: 'unknown',
    challenges: parseChallenges(challengeText),
    proxyChallenges: parseChallenges(headerValues(parsed.headers, 'proxy-authenticate')),
    vendor,
    signals: [],
    notes: [],
  };
  const signal = (cause: CauseId, weight: number, ...evidence: Evidence[]) => reading.signals.push({ cause, weight, evidence });
  const challengeEvidence: Evidence = { source: 'response', label: 'WWW-Authenticate', text: challengeText.join(', ') };
  const statusEvidence: Evidence = { source: 'response', label: 'Status', text: `${parsed.status ?? '?'} ${parsed.reason ?? ''}`.trim() };

  const bearer = reading.challenges.find((c) => c.schemeLower === 'bearer' && c.params.error);
  if (bearer && isBearerError(bearer.params.error)) {
    const code = bearer.params.error;
    const expected = { invalid_request: 400, invalid_token: 401, insufficient_scope: 403 }[code];
    reading.bearerError = {
      code,
      description: bearer.params.error_description,
      scope: bearer.params.scope,
      statusMismatch: parsed.status !== undefined && parsed.status !== expected,
    };
    if (code === 'invalid_token') {
      reading.verdict = 'rejected';
      if (/expir/i.test(bearer.params.error_description ?? '')) signal('token-expired', 65, challengeEvidence);
      else if (/revok/i.test(bearer.params.error_description ?? '')) signal('invalid-token', 65, challengeEvidence);
      else signal('invalid-token', 45, challengeEvidence);
    } else if (code === 'insufficient_scope') {
      reading.verdict = 'scope';
      signal('insufficient-scope', 65, challengeEvidence);
      if (parsed.status === 401) reading.notes.push('This API answers a missing scope with 401; RFC 6750 §3.1 says 403.');
    } else {
      reading.verdict = 'absent';
      signal('invalid-request', 55, challengeEvidence);
    }
  }

  const oauthCode = typeof json === 'object' && json ? (json as Record<string, unknown>).error : undefined;
  if (typeof oauthCode === 'string' && oauthCode in OAUTH_ERRORS && !vendor) {
    const description = (json as Record<string, unknown>).error_description;
    reading.oauthError = { code: oauthCode, description: typeof description === 'string' ? description : undefined };
    signal(OAUTH_ERRORS[oauthCode], 55, { source: 'response', label: 'Body', text: parsed.body.slice(0, 300) });
    reading.verdict = 'rejected';
  }

  if (vendor) {
    signal(vendor.cause, vendor.weight, {
      source: 'response',
      label: `${vendor.vendor} error`,
      text: vendor.message ? `${vendor.code}: ${vendor.message}` : vendor.code,
    });
    if (reading.verdict === 'unknown')
      reading.verdict = vendor.cause === 'no-credentials' ? 'absent' : vendor.cause === 'insufficient-scope' ? 'scope' : 'rejected';
    if (vendor.inSuccessStatus)
      reading.notes.push(`${vendor.vendor} reports this auth failure with HTTP ${parsed.status ?? 200}: check the body, not the status.`);
  }

  switch (reading.kind) {
    case 'unauthorized':
      if (!challengeText.length)
        reading.notes.push(
          'A 401 must carry WWW-Authenticate (RFC 9110 §15.5.2); this one has none, so the challenge cannot tell us the scheme.',
        );
      if (reading.verdict === 'unknown' && reading.challenges.length && !bearer) {
        reading.verdict = 'absent';
        signal('no-credentials', 40, challengeEvidence);
      }
      if (reading.verdict === 'unknown') signal('generic-401', 20, statusEvidence);
      break;
    case 'forbidden':
      if (reading.verdict === 'unknown') {
        reading.verdict = 'scope';
        signal('forbidden-policy', 35, statusEvidence);
      }
      break;
    case 'proxy-auth':
      signal('proxy-auth', 90, statusEvidence, {
        source: 'response',
        label: 'Proxy-Authenticate',
        text: headerValue(parsed.headers, 'proxy-authenticate') ?? '(none)',
      });
      break;
    case 'body-refused':
      reading.verdict = 'body';
      signal('not-auth', 50, statusEvidence);
      break;
    case 'bad-request':
      if (reading.verdict === 'unknown') {
        reading.verdict = 'body';
        signal('not-auth', 30, statusEvidence);
      }
      break;
    case 'success':
      reading.notes.push('The status is a success: the credentials were accepted for this request.');
      break;
  }
  return reading;
}

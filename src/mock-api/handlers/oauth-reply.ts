/** Token-endpoint answers (RFC 6749 §5.1, §5.2): JSON, never cached. */
import type { Decision, DecisionCode } from '../contract';
import { decide, jsonReply, type Reply } from '../reply';

/** §5.1: responses with tokens or credentials MUST NOT be cached. */
export const NO_STORE: [string, string][] = [
  ['cache-control', 'no-store'],
  ['pragma', 'no-cache'],
];

/** The error codes of RFC 6749 §5.2 (and RFC 7009 §2.2.1). */
export type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type';

/** `{error, error_description}` with no-store; `decisionCode` defaults to the error code. */
export function oauthError(
  status: number,
  error: OAuthError,
  description: string,
  reason: string,
  extraHeaders: [string, string][] = [],
  decisionCode: DecisionCode = error,
): Reply {
  return jsonReply(status, { error, error_description: description }, decide(decisionCode, reason), [...NO_STORE, ...extraHeaders]);
}

/** A successful token response. */
export function tokenReply(body: Record<string, unknown>, decision: Decision): Reply {
  return jsonReply(200, body, decision, NO_STORE);
}

/** 405 for anything but POST (RFC 6749 §3.2: the token endpoint is POST only). */
export function postOnly(method: string): Reply {
  return jsonReply(
    405,
    { error: 'method_not_allowed' },
    decide('method_not_allowed', `${method} is not allowed here: the endpoint takes POST`),
    [['allow', 'POST']],
  );
}

/** Reads a form body; an error reply when it is not a form or repeats a parameter (§3.2). */
export function readForm(mediaType: string, bodyText: string, query: URLSearchParams): URLSearchParams | Reply {
  if (mediaType !== 'application/x-www-form-urlencoded') {
    const what = mediaType === '' ? 'no Content-Type' : mediaType;
    const hint = mediaType === 'application/json' ? ' (json= sends JSON: use data={...})' : '';
    const inQuery = query.has('grant_type') || query.has('token') ? ' (parameters in the URL query do not count)' : '';
    return oauthError(
      400,
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded',
      `the body has ${what}; this endpoint reads an application/x-www-form-urlencoded form${hint}${inQuery}`,
    );
  }
  const form = new URLSearchParams(bodyText);
  const keys = [...form.keys()];
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated)
    return oauthError(
      400,
      'invalid_request',
      `Parameter ${repeated} is repeated`,
      `parameter ${repeated} appears more than once (RFC 6749 §3.2 forbids it)`,
    );
  return form;
}

/**
 * Every decision code the mock emits: the server's view of a request, in one word. Scenarios key
 * hints on these (src/exercises/scenario-schema.ts validates them against this list), so a code is
 * published once a scenario uses it: rename one only together with the scenarios that name it.
 */
export const DECISION_CODES = [
  // Answered as asked
  'ok',
  'echo',
  'options',
  'redirect',
  'status',
  // No usable credentials
  'no_credentials',
  'wrong_scheme',
  'missing_scheme',
  'malformed_credentials',
  // Bearer tokens (RFC 6750)
  'invalid_token',
  'unknown_token',
  'expired_token',
  'revoked_token',
  'insufficient_scope',
  // Basic and Digest (RFC 7617, RFC 7616)
  'unknown_user',
  'wrong_password',
  'wrong_credentials',
  'latin1_credentials',
  'wrong_realm',
  'wrong_algorithm',
  'wrong_qop',
  'stale_nonce',
  'unknown_nonce',
  'nonce_replay',
  'opaque_mismatch',
  'uri_mismatch',
  // API keys
  'invalid_api_key',
  // OAuth token endpoint and revocation (RFC 6749, RFC 7009)
  'token_issued',
  'token_refreshed',
  'token_revoked',
  'invalid_client',
  'client_secret_not_urlencoded',
  'invalid_grant',
  'invalid_scope',
  'invalid_request',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_token_type',
  // Requests that are not about credentials
  'unsupported_media_type',
  'invalid_json',
  'invalid_body',
  'validation_failed',
  'bad_request',
  'method_not_allowed',
  'not_found',
  'invalid_status',
  'missing_url',
  'server_error',
  'not_mocked',
  // The 401 doctor's replay of a pasted response (src/runtime/replay.ts)
  'doctor_replay',
] as const;

export type DecisionCode = (typeof DECISION_CODES)[number];

/**
 * Error shapes of developer APIs: GitHub, Stripe, Slack, OpenAI. Each rule cites where the shape
 * is documented (found with the project's documentation search; see the doctor's README note).
 */
import { dig, host, str, type Recogniser } from './vendor-types';

/**
 * GitHub REST: `{"message": "Bad credentials" | "Requires authentication", "documentation_url": …}`.
 * Docs: https://docs.github.com/rest (the documentation_url GitHub itself returns for these);
 * both messages as returned: https://rdrr.io/cran/gh/f/tests/testthat/_snaps/gh_whoami.md;
 * GitHub Enterprise says "Must authenticate to access this API.": https://github.com/PyGithub/PyGithub/issues/934
 */
export const github: Recogniser = ({ json, url }) => {
  const message = str(dig(json, 'message'));
  const docs = str(dig(json, 'documentation_url')) ?? '';
  if (!message || !(/github\.com/.test(docs) || host(url).endsWith('github.com'))) return null;
  const base = { vendor: 'GitHub', code: message, docs: 'https://docs.github.com/rest' };
  if (/bad credentials/i.test(message)) return { ...base, cause: 'invalid-token', weight: 55 };
  if (/requires authentication|must authenticate/i.test(message)) return { ...base, cause: 'no-credentials', weight: 55 };
  if (/resource not accessible|missing the .* scope|must have .* (rights|access)/i.test(message))
    return { ...base, cause: 'insufficient-scope', weight: 60 };
  return null;
};

/**
 * OpenAI: `{"error": {"message", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}`,
 * 401 "Incorrect API key provided" / "Invalid Authentication" / "You didn't provide an API key".
 * Docs: https://help.openai.com/en/articles/6891781-error-code-401-incorrect-api-key-provided
 * and https://help.openai.com/en/articles/6891767-error-code-401-invalid-authentication
 */
export const openai: Recogniser = ({ json, url }) => {
  const error = dig(json, 'error');
  const message = str(dig(error, 'message')) ?? '';
  const code = str(dig(error, 'code')) ?? '';
  const isOpenAi = code === 'invalid_api_key' || /platform\.openai\.com|openai/i.test(message) || host(url) === 'api.openai.com';
  if (!error || !isOpenAi) return null;
  const base = {
    vendor: 'OpenAI',
    code: code || message.slice(0, 60),
    message,
    docs: 'https://help.openai.com/en/articles/6891781-error-code-401-incorrect-api-key-provided',
  };
  if (/didn't provide an api key|no api key/i.test(message)) return { ...base, cause: 'no-credentials', weight: 60 };
  if (code === 'invalid_api_key' || /incorrect api key|invalid authentication/i.test(message))
    return { ...base, cause: 'invalid-token', weight: 55 };
  if (/must be a member of an organization|ip not authorized/i.test(message)) return { ...base, cause: 'forbidden-policy', weight: 55 };
  return null;
};

/**
 * Stripe: `{"error": {"type": "authentication_error" | "invalid_request_error" | "permission_error", "message", "code"?}}`;
 * 401 = "No valid API key provided", 403 = "The API key doesn't have permissions".
 * Docs: https://docs.stripe.com/api/errors
 */
export const stripe: Recogniser = ({ json, url, status }) => {
  const error = dig(json, 'error');
  const type = str(dig(error, 'type'));
  const message = str(dig(error, 'message')) ?? '';
  const isStripe = /stripe|sk_(test|live)_|rk_(test|live)_|api key|(test|live) mode key/i.test(message) || host(url) === 'api.stripe.com';
  if (!type || !isStripe) return null;
  const base = { vendor: 'Stripe', code: type, message, docs: 'https://docs.stripe.com/api/errors' };
  if (/test mode key was used|live mode key was used|exists in (live|test) mode/i.test(message))
    return { ...base, cause: 'wrong-environment', weight: 70 };
  if (/did not provide an api key|no api key provided|you did not provide/i.test(message))
    return { ...base, cause: 'no-credentials', weight: 60 };
  if (type === 'authentication_error' || status === 401) return { ...base, cause: 'invalid-token', weight: 55 };
  if (type === 'permission_error' || status === 403) return { ...base, cause: 'insufficient-scope', weight: 55 };
  return null;
};

/**
 * Slack Web API: HTTP 200 with `{"ok": false, "error": "not_authed" | "invalid_auth" | "token_revoked" |
 * "token_expired" | "missing_scope" | …}`: an auth failure inside a success status.
 * Docs: https://api.slack.com/methods/auth.test and https://github.com/slackhq/slack-api-docs/blob/master/index_web.md
 */
export const slack: Recogniser = ({ json, status }) => {
  if (dig(json, 'ok') !== false) return null;
  const code = str(dig(json, 'error'));
  if (!code) return null;
  const causes: Record<
    string,
    'no-credentials' | 'invalid-token' | 'token-expired' | 'insufficient-scope' | 'wrong-scheme' | 'forbidden-policy'
  > = {
    not_authed: 'no-credentials',
    invalid_auth: 'invalid-token',
    token_revoked: 'invalid-token',
    account_inactive: 'invalid-token',
    token_expired: 'token-expired',
    missing_scope: 'insufficient-scope',
    not_allowed_token_type: 'wrong-scheme',
    not_bearer_token: 'wrong-scheme',
    no_permission: 'forbidden-policy',
  };
  const cause = causes[code];
  if (!cause) return null;
  return {
    vendor: 'Slack',
    code,
    cause,
    weight: 60,
    docs: 'https://api.slack.com/methods/auth.test',
    inSuccessStatus: (status ?? 200) < 300,
  };
};

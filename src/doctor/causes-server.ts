/** Causes the server's answer names: token state, scope, OAuth errors, environments, vendors, proxies, statuses that are not about auth. */
import { L, type CauseInfo } from './cause-info';

export const SERVER_CAUSES = {
  'token-expired': {
    title: 'The token has expired',
    explanation: 'The server recognised the token but its lifetime is over (invalid_token, "expired").',
    fix: 'Get a new access token from the token endpoint (refresh_token grant, or client_credentials again) and retry once; refresh before expires_in runs out.',
    side: 'either',
    lesson: L('expired-and-revoked-tokens', 'expired-or-revoked-which-fix'),
    scenario: 'expiry-expired-token',
  },
  'invalid-token': {
    title: 'The server does not accept this token (unknown, mistyped, revoked or for another environment)',
    explanation: 'The credentials arrived in the right place and the server read them, but they are not valid for this API.',
    fix: 'Print what was sent (r.request.headers) and compare it character by character with the token you were issued; if it matches, get a new one.',
    side: 'either',
    askOwner: 'Is this key or token still active, and is it issued for this environment (test/live, region, tenant)?',
    lesson: L('expired-and-revoked-tokens', 'read-the-refusal-error-and-error_description'),
    scenario: 'expiry-revoked-token',
  },
  'insufficient-scope': {
    title: 'The token is valid but lacks a permission (scope)',
    explanation: 'Authentication worked; authorization did not. RFC 6750 says insufficient_scope is a 403; some APIs answer 401.',
    fix: "Request a token with the scope the error names: data={'grant_type': 'client_credentials', 'scope': 'items:read items:write'}",
    side: 'either',
    askOwner: 'Which scope or role does this endpoint need, and can my client be granted it?',
    lesson: L('insufficient-permissions', 'what-the-standard-says-403-with-insufficient_scope'),
    scenario: 'scope-read-only-token',
  },
  'invalid-request': {
    title: 'The credentials are malformed (400 invalid_request)',
    explanation: 'RFC 6750 §3.1: the request is missing a parameter, repeats one, or sends the token in more than one way.',
    fix: "Send the token once, in the header only: headers={'Authorization': f'Bearer {token}'}",
    side: 'code',
    lesson: L('malformed-headers', 'seven-ways-to-send-the-same-token'),
    scenario: 'header-misspelled-name',
  },
  'invalid-client': {
    title: 'The token endpoint rejected the client id or secret (invalid_client)',
    explanation:
      'RFC 6749 §5.2: client authentication failed: an unknown client, a wrong or expired secret, or a secret that needed form-encoding.',
    fix: 'auth=(quote_plus(client_id), quote_plus(client_secret))  # and check the secret has not expired',
    side: 'either',
    askOwner: 'Is this client id registered for this environment, and is its secret current?',
    lesson: L('summary', 'the-token-endpoint'),
    scenario: 'client-secret-form-encoding',
  },
  'invalid-grant': {
    title: 'The refresh token or grant is no longer valid (invalid_grant)',
    explanation: 'RFC 6749 §5.2: the refresh token (or code) is expired, revoked, already used, or issued to another client.',
    fix: 'Keep the newest refresh_token from every refresh; when it is revoked, authenticate again (client_credentials or the user flow).',
    side: 'either',
    lesson: L('expired-and-revoked-tokens', 'what-authenticate-again-means'),
    scenario: 'expiry-revoked-token',
  },
  'clock-skew': {
    title: "The request's time does not match the server's clock",
    explanation:
      'Signed requests and short-lived assertions carry a timestamp; a machine clock more than a few minutes off makes a valid request look expired or not yet valid.',
    fix: "Synchronise the clock (NTP) of the machine that runs the code; don't compute timestamps from a fixed offset.",
    side: 'server',
    askOwner: 'How much clock skew does the API accept, and what time does it see on my requests?',
    lesson: L('expired-and-revoked-tokens', 'expired-or-revoked-which-fix'),
  },
  'wrong-environment': {
    title: 'The credentials belong to another environment',
    explanation:
      'A test key against live data, a sandbox token on production, or an app registered in another tenant: the credentials are genuine, but not for this API endpoint.',
    fix: 'Use the key/token and base URL of the same environment (both test, or both live).',
    side: 'server',
    askOwner: 'Which environment (test/live, tenant, region) is this key or client registered in?',
    lesson: L('missing-credentials', 'typos-and-wrong-environments'),
    scenario: 'missing-credentials',
  },
  'aws-signature': {
    title: 'AWS wants a Signature Version 4 signature, not a token header',
    explanation:
      'AWS APIs authenticate each request with an HMAC signature over its method, path, headers and time (SigV4); a Bearer header or a wrong secret gives SignatureDoesNotMatch or IncompleteSignature.',
    fix: 'Sign requests with botocore/boto3 or requests-aws4auth instead of setting Authorization by hand.',
    side: 'code',
    lesson: L('what-401-means', 'reading-www-authenticate'),
  },
  'atlassian-basic': {
    title: 'Atlassian Cloud wants Basic with your email and an API token',
    explanation:
      'Jira/Confluence Cloud REST APIs take Basic authentication with the account email as the user and an API token as the password (passwords are no longer accepted).',
    fix: 'requests.get(url, auth=(email, api_token))',
    side: 'code',
    lesson: L('adding-authentication', 'what-auth-really-sends'),
    scenario: 'auth-basic-tuple',
  },
  'proxy-auth': {
    title: 'A proxy, not the API, wants credentials (407)',
    explanation:
      '407 Proxy Authentication Required comes from a proxy between you and the API (Proxy-Authenticate names its scheme); the API never saw the request.',
    fix: "proxies = {'https': 'http://user:password@proxy.example:3128'}\nrequests.post(url, headers=headers, json=payload, proxies=proxies)",
    side: 'server',
    askOwner: 'Ask your network administrator which proxy credentials this machine should use.',
    lesson: L('still-401', 'step-5-a-407-comes-from-a-proxy-not-from-the-api'),
  },
  'not-auth': {
    title: 'This is not an authentication failure',
    explanation:
      'The status says the credentials were accepted (or never the issue): the body, media type or URL is what the server refused.',
    fix: 'Read the body: fix the payload (json=), the Content-Type or the URL instead of the token.',
    side: 'code',
    lesson: L('summary', 'not-an-authentication-problem'),
    scenario: 'anatomy-json-body',
  },
  'forbidden-policy': {
    title: 'Authenticated, but the account may not do this (403)',
    explanation:
      'A 403 without an insufficient_scope challenge usually means a permission, role, IP or plan restriction on the server side; a new token with the same rights will not help.',
    fix: 'Check the account/role the token belongs to; request the permission from the API owner.',
    side: 'server',
    askOwner: 'Which permission, role or IP allow-list does this endpoint need for my account?',
    lesson: L('what-401-means', 'three-statuses-that-look-alike'),
    scenario: 'scope-read-only-token',
  },
  'generic-401': {
    title: 'A 401 the response does not explain',
    explanation:
      'No challenge error code and no recognised body: the generic rules say the credentials were missing or not accepted. Make the response explain itself and compare what was really sent.',
    fix: 'print(r.status_code, r.headers.get("WWW-Authenticate"), r.text)\nprint(r.request.headers)  # what requests really sent',
    side: 'either',
    lesson: L('still-401', 'step-1-make-the-response-explain-itself'),
    scenario: 'debug-read-the-challenge',
  },
} satisfies Record<string, CauseInfo>;

/**
 * Every cause the doctor can name: what it is, the fix as a code change, the lesson section that
 * teaches it and the closest practice scenario. Data only; rank.ts decides which apply.
 * Lesson anchors are Starlight's heading slugs (checked by tests/unit/doctor/causes.test.ts).
 */
export interface CauseInfo {
  title: string;
  explanation: string;
  fix: string;
  side: 'code' | 'server' | 'either';
  askOwner?: string;
  lesson: string;
  scenario?: string;
}

const L = (slug: string, anchor = '') => `/lessons/${slug}/${anchor ? `#${anchor}` : ''}`;

export const CAUSES = {
  'no-credentials': {
    title: 'The server received no credentials it recognises',
    explanation:
      'A 401 whose challenge carries no error code (RFC 6750 §3.1) means the request arrived without credentials the server looks for: no Authorization header, or one it does not read.',
    fix: "headers = {'Authorization': f'Bearer {token}'}\nrequests.post(url, headers=headers, json=payload)",
    side: 'code',
    lesson: L('missing-credentials', 'read-the-refusal-before-you-change-anything'),
    scenario: 'missing-credentials',
  },
  'placeholder-token': {
    title: 'The code still sends a placeholder instead of a token',
    explanation: 'The Authorization value is a placeholder copied from an example (YOUR_TOKEN, <token>, xxx).',
    fix: "token = os.environ['API_TOKEN']  # the token your dashboard issued\nheaders = {'Authorization': f'Bearer {token}'}",
    side: 'code',
    lesson: L('missing-credentials', 'typos-and-wrong-environments'),
    scenario: 'missing-credentials',
  },
  'missing-scheme': {
    title: 'The Authorization header has no scheme word',
    explanation:
      'Authorization needs a scheme and then the credentials (`Bearer tok_…`, RFC 9110 §11.6.2). A bare token is read as an unknown scheme, so the server sees no Bearer credentials.',
    fix: "headers = {'Authorization': f'Bearer {token}'}  # not {'Authorization': token}",
    side: 'code',
    lesson: L('malformed-headers', 'seven-ways-to-send-the-same-token'),
    scenario: 'header-misspelled-name',
  },
  'wrong-scheme': {
    title: 'The code uses another scheme than the server asks for',
    explanation:
      'WWW-Authenticate names the scheme the server accepts; the code sends a different one (for example `Token` where the challenge says `Bearer`, or a Bearer token where it says `Basic`).',
    fix: "Use the scheme in the challenge: Bearer → {'Authorization': f'Bearer {token}'}; Basic → auth=(user, password); Digest → auth=HTTPDigestAuth(user, password).",
    side: 'code',
    lesson: L('what-401-means', 'reading-www-authenticate'),
    scenario: 'debug-read-the-challenge',
  },
  'token-not-fstring': {
    title: 'The token is never put into the header',
    explanation:
      'The header is the literal text `Bearer {token}`: the string has braces but no `f` prefix (or .format()), so Python sends the braces as they are.',
    fix: "headers = {'Authorization': f'Bearer {token}'}  # note the f",
    side: 'code',
    lesson: L('malformed-headers', 'seven-ways-to-send-the-same-token'),
    scenario: 'missing-credentials',
  },
  'misspelled-header': {
    title: 'The header name is misspelled',
    explanation:
      'Servers read `Authorization` (American spelling). `Authorisation`, `Auth` or `Authorizaton` are just unknown headers, so the request has no credentials.',
    fix: "headers = {'Authorization': f'Bearer {token}'}",
    side: 'code',
    lesson: L('malformed-headers', 'seven-ways-to-send-the-same-token'),
    scenario: 'header-misspelled-name',
  },
  'headers-positional': {
    title: 'The headers are passed by position, so they are sent as the body',
    explanation:
      'requests.post(url, data=None, json=None, **kwargs): the second positional argument is the body (`data`), the third is `json`. A headers dict passed there is form-encoded into the body and no Authorization header is sent.',
    fix: 'requests.post(url, headers=headers, json=payload)  # every argument after the URL by keyword',
    side: 'code',
    lesson: L('anatomy-of-a-post', 'the-articles-first-example-opened-up'),
    scenario: 'credentials-no-header',
  },
  'json-dumps-no-content-type': {
    title: 'data=json.dumps(...) is sent without a JSON Content-Type',
    explanation:
      'With data= a string goes out as it is, with no Content-Type at all; many APIs then refuse the body (400/415), and some answer 401 for a request they cannot read.',
    fix: 'requests.post(url, headers=headers, json=payload)  # json= encodes and sets Content-Type: application/json',
    side: 'code',
    lesson: L('anatomy-of-a-post', 'data-versus-json'),
    scenario: 'anatomy-json-body',
  },
  'json-with-form-type': {
    title: 'json= is sent with a hand-set form Content-Type',
    explanation:
      'A Content-Type in headers= wins over the one json= would set, so a JSON body goes out labelled application/x-www-form-urlencoded.',
    fix: "headers = {'Authorization': f'Bearer {token}'}  # drop 'Content-Type'; json= sets it",
    side: 'code',
    lesson: L('malformed-headers', 'content-type-versus-json-a-415-is-not-a-401'),
    scenario: 'header-json-content-type',
  },
  'getenv-none': {
    title: 'The token variable may be None (Authorization: Bearer None)',
    explanation:
      "os.getenv('NAME') and os.environ.get('NAME') return None when the variable is not set (or is spelled differently), and an f-string turns that into the text `Bearer None`.",
    fix: "token = os.environ['API_TOKEN']  # a KeyError names the missing variable at once",
    side: 'code',
    lesson: L('environment-variables', 'a-missing-variable-keyerror-or-bearer-none'),
    scenario: 'env-read-token',
  },
  'whitespace-token': {
    title: 'The token carries whitespace or a newline',
    explanation:
      'A value read from an environment variable or a file often ends with a newline or spaces. requests refuses a newline (InvalidHeader); trailing spaces reach the server and the token no longer matches.',
    fix: "token = os.environ['API_TOKEN'].strip()",
    side: 'code',
    lesson: L('environment-variables', 'a-trailing-newline-invalidheader-not-401'),
    scenario: 'env-trailing-newline',
  },
  'quoted-token': {
    title: 'The token is sent with quotes around it',
    explanation:
      'An env file line like API_TOKEN="tok_…" read by a tool that keeps quotes (docker --env-file does) gives a token that starts and ends with a quote character.',
    fix: "token = os.environ['API_TOKEN'].strip().strip('\"\\'')",
    side: 'code',
    lesson: L('malformed-headers', 'seven-ways-to-send-the-same-token'),
    scenario: 'header-quoted-token',
  },
  'auth-overrides-headers': {
    title: 'auth= replaces the Authorization header you set',
    explanation: 'When a request has both, requests applies auth= last, so the Authorization in headers= is overwritten.',
    fix: "Keep one: requests.post(url, headers={'Authorization': f'Bearer {token}'}, json=payload)  # no auth=",
    side: 'code',
    lesson: L('adding-authentication', 'headers-or-auth'),
    scenario: 'auth-custom-authbase',
  },
  'netrc-precedence': {
    title: '~/.netrc may replace your Authorization header',
    explanation:
      'With no auth= argument, requests looks up the host in ~/.netrc (or $NETRC) and, when it finds it, sends Basic credentials instead of the Authorization header you set.',
    fix: 'session = requests.Session()\nsession.trust_env = False  # ignore ~/.netrc\nsession.post(url, headers=headers, json=payload)',
    side: 'code',
    lesson: L('still-401', 'step-2-who-wins-auth-netrc-or-headers'),
    scenario: 'debug-netrc-override',
  },
  'unbound-local': {
    title: 'The refresh code assigns a global without declaring it',
    explanation:
      "Assigning a name anywhere in a function makes it local for the whole function, so reading it before the assignment raises UnboundLocalError (the article's refresh code does this with token_expiration).",
    fix: 'global token, token_expiration  # at the top of the function, or keep the state in an object',
    side: 'code',
    lesson: L('token-refresh', 'the-articles-code-run-as-printed'),
    scenario: 'refresh-fix-article-code',
  },
  'basic-vs-challenge': {
    title: 'Basic credentials against a server that asks for another scheme',
    explanation: 'auth=(user, password) and HTTPBasicAuth send Basic. The challenge asks for Bearer or Digest, so the server ignores them.',
    fix: "Digest → auth=HTTPDigestAuth(user, password); Bearer → headers={'Authorization': f'Bearer {token}'}",
    side: 'code',
    lesson: L('basic-vs-digest', 'digest-a-challenge-then-a-hash'),
    scenario: 'digest-use-digest-auth',
  },
  'latin1-basic-password': {
    title: 'A non-ASCII Basic password is sent as Latin-1',
    explanation:
      'requests encodes a str username/password as Latin-1, while servers that announce charset="UTF-8" (RFC 7617) expect UTF-8; characters outside Latin-1 raise UnicodeEncodeError.',
    fix: "auth=(user.encode('utf-8'), password.encode('utf-8'))",
    side: 'code',
    lesson: L('still-401', 'step-4-a-non-ascii-basic-password-is-sent-as-latin-1'),
    scenario: 'basic-latin1-password',
  },
  'client-credentials-encoding': {
    title: 'Client credentials are not form-encoded before Basic',
    explanation:
      'RFC 6749 §2.3.1 says the client id and secret are form-urlencoded before they are joined and base64-encoded. requests does not do that, so a secret with characters such as + / = : % fails with invalid_client.',
    fix: 'from urllib.parse import quote_plus\nauth=(quote_plus(client_id), quote_plus(client_secret))',
    side: 'code',
    lesson: L('adding-authentication', 'what-auth-really-sends'),
    scenario: 'client-secret-form-encoding',
  },
  'token-request-json': {
    title: 'The token request is sent as JSON',
    explanation:
      'OAuth token endpoints read application/x-www-form-urlencoded parameters (RFC 6749 §4.4.2, §6); a JSON body has no grant_type they can read.',
    fix: "requests.post(token_url, data={'grant_type': 'client_credentials', 'scope': 'items:write'}, auth=(client_id, client_secret))",
    side: 'code',
    lesson: L('summary', 'the-token-endpoint'),
    scenario: 'expiry-expired-token',
  },
  'refresh-token-not-kept': {
    title: 'The new refresh token is not kept after a refresh',
    explanation:
      'Servers that rotate refresh tokens (RFC 9700 §4.14) answer a refresh with a new refresh_token and revoke the old one; the code keeps only access_token, so the next refresh fails with invalid_grant.',
    fix: "tokens = r.json()\naccess_token = tokens['access_token']\nrefresh_token = tokens.get('refresh_token', refresh_token)  # keep the rotated one",
    side: 'code',
    lesson: L('token-refresh', 'a-real-refresh'),
    scenario: 'refresh-reactive',
  },
  'http-url': {
    title: 'The URL is http://, and the redirect to https:// turns the POST into a GET',
    explanation:
      'The token travels in clear text, and the 301/302 to https:// makes requests repeat the call as a GET without its body (RFC 9110 §15.4.2); the endpoint then refuses it.',
    fix: "url = 'https://…'  # call the https:// URL directly",
    side: 'code',
    lesson: L('still-401', 'step-3-a-redirect-can-drop-authorization'),
  },
  'redirect-strips-auth': {
    title: 'A redirect to another host dropped the Authorization header',
    explanation:
      'requests removes Authorization when a redirect leads to another host (Session.rebuild_auth, should_strip_auth), so the second request arrives without credentials.',
    fix: "r = requests.post(url, headers=headers, json=payload, allow_redirects=False)\n# then call r.headers['Location'] yourself if you trust that host, or use the final URL directly",
    side: 'code',
    lesson: L('still-401', 'step-3-a-redirect-can-drop-authorization'),
  },
  'session-header-merge': {
    title: 'Session and per-request headers merge in a way that drops or hides the token',
    explanation:
      'Per-request headers= are merged over Session.headers; a key set to None removes the session header, and a session.auth or per-request auth= replaces either.',
    fix: "session.headers['Authorization'] = f'Bearer {token}'  # set it once, and update it after every refresh",
    side: 'code',
    lesson: L('adding-authentication', 'headers-or-auth'),
  },
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

export type CauseId = keyof typeof CAUSES;

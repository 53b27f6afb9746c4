/** Causes in requests' own auth machinery and token flows: auth= and .netrc, Basic and Digest, the token endpoint, refresh, redirects, sessions. */
import { L, type CauseInfo } from './cause-info';

export const FLOW_CAUSES = {
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
  'basic-by-hand': {
    title: 'Basic credentials written by hand instead of auth=(user, password)',
    explanation:
      'Basic credentials are `Basic ` and then base64 of `user:password` (RFC 7617), in the Authorization header. A plain `user:password` after the word, headers called username and password, or a `user:password` string given to auth= are not that: the server sees no credentials it can read.',
    fix: "requests.post(url, auth=('alice', 'wonderland'), json=payload)  # requests builds the Basic header",
    side: 'code',
    lesson: L('adding-authentication', 'what-auth-really-sends'),
    scenario: 'auth-basic-tuple',
  },
  'authbase-no-return': {
    title: "A custom AuthBase's __call__ does not return the request",
    explanation:
      'requests calls your AuthBase with the request and sends whatever __call__ returns. Without `return r` that is None, and requests fails before anything is sent (AttributeError on NoneType).',
    fix: "def __call__(self, r):\n    r.headers['Authorization'] = f'Bearer {self.token}'\n    return r",
    side: 'code',
    lesson: L('adding-authentication', 'a-custom-authbase'),
    scenario: 'auth-custom-authbase',
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
} satisfies Record<string, CauseInfo>;

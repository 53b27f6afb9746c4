/** Causes in how the request is written: the header's name, scheme word and value, the body's encoding, where the token comes from. */
import { L, type CauseInfo } from './cause-info';

export const REQUEST_CAUSES = {
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
} satisfies Record<string, CauseInfo>;

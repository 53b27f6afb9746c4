/**
 * The httpbin.org subset (postmanlabs/httpbin core.py): request inspection, status codes, redirects
 * and the auth endpoints, answering as the real service does so other tutorials' code runs unchanged.
 * Routing follows Flask: a route lists its methods, GET brings HEAD, every route answers OPTIONS.
 */
import type { RequestContext } from '../context';
import { decide, type Reply } from '../reply';
import { echoedHeaders, requestDict } from './httpbin-echo';
import { httpbinBasic, httpbinBearer, httpbinDigest } from './httpbin-auth';
import { httpbinJson, httpbinMethodNotAllowed, httpbinNotFound, httpbinText } from './httpbin-format';
import { httpbinAbsoluteRedirect, httpbinRedirect, httpbinRedirectTo, httpbinRelativeRedirect } from './httpbin-redirect';
import { statusCodeReply } from './httpbin-status';

const GET = ['GET'];
const ANYTHING = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE'];

interface Route {
  /** Matches the decoded path segments (after the leading `/`); returns the view or null. */
  match(segments: string[]): ((ctx: RequestContext) => Reply) | null;
  methods: string[];
}

/** Werkzeug's `<int:n>` converter: digits only, else the route does not match (404). */
const int = (s: string | undefined): number | null => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);

const ROUTES: Route[] = [
  { methods: GET, match: (s) => (s.length === 1 && s[0] === '' ? home : null) },
  {
    methods: GET,
    match: (s) =>
      s.join('/') === 'get'
        ? (ctx) => httpbinJson(ctx.headers, 200, requestDict(ctx, false), decide('echo', 'httpbin echoes the request'))
        : null,
  },
  {
    methods: GET,
    match: (s) =>
      s.join('/') === 'headers'
        ? (ctx) => httpbinJson(ctx.headers, 200, { headers: echoedHeaders(ctx) }, decide('echo', 'httpbin echoes the headers it received'))
        : null,
  },
  {
    methods: ANYTHING,
    match: (s) =>
      s[0] === 'anything'
        ? (ctx) =>
            httpbinJson(
              ctx.headers,
              200,
              requestDict(ctx, true),
              decide('echo', 'httpbin echoes the request: no credentials are checked here'),
            )
        : null,
  },
  {
    methods: ANYTHING,
    match: (s) => (s.length === 2 && s[0] === 'status' ? (ctx) => statusCodeReply(ctx.headers, s[1] ?? '', ctx.via) : null),
  },
  { methods: ANYTHING, match: (s) => (s.join('/') === 'redirect-to' ? httpbinRedirectTo : null) },
  ...(
    [
      ['redirect', httpbinRedirect],
      ['relative-redirect', httpbinRelativeRedirect],
      ['absolute-redirect', httpbinAbsoluteRedirect],
    ] as const
  ).map(([name, view]): Route => ({
    methods: GET,
    match: (s) => {
      const n = s.length === 2 && s[0] === name ? int(s[1]) : null;
      return n === null ? null : (ctx) => view(ctx, n);
    },
  })),
  { methods: GET, match: (s) => (s.join('/') === 'bearer' ? httpbinBearer : null) },
  {
    methods: GET,
    match: ([first = '', user = '', passwd = '', ...more]) =>
      (first === 'basic-auth' || first === 'hidden-basic-auth') && passwd !== '' && more.length === 0
        ? (ctx) => httpbinBasic(ctx, user, passwd, first === 'hidden-basic-auth')
        : null,
  },
  {
    methods: GET,
    match: ([first = '', qop = '', user = '', passwd, algorithm, ...more]) =>
      first === 'digest-auth' && passwd !== undefined && more.length <= 1
        ? (ctx) => httpbinDigest(ctx, qop, user, passwd, algorithm)
        : null,
  },
];

function home(ctx: RequestContext): Reply {
  return httpbinText(
    ctx.headers,
    200,
    '<!DOCTYPE html>\n<title>httpbin.org</title>\n<h1>httpbin.org</h1>\n',
    decide('echo', 'httpbin home page'),
  );
}

/** Flask's Allow list: the route's methods, HEAD with GET, and OPTIONS. */
function allow(methods: string[]): string {
  return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
}

/** Answers a request to httpbin.org. */
export function handleHttpbin(ctx: RequestContext): Reply {
  const path = ctx.url.pathname;
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  for (const route of ROUTES) {
    const view = route.match(segments);
    if (!view) continue;
    const allowed = allow(route.methods);
    // Flask's automatic OPTIONS: 200, empty body, Allow; httpbin's after_request adds its CORS answer.
    if (ctx.method === 'OPTIONS') {
      const requested = ctx.headers.get('access-control-request-headers');
      return httpbinText(ctx.headers, 200, '', decide('options', `httpbin's ${path} takes ${allowed}`), [
        ['allow', allowed],
        ['access-control-allow-methods', 'GET, POST, PUT, DELETE, PATCH, OPTIONS'],
        ['access-control-max-age', '3600'],
        ...(requested === null ? [] : [['access-control-allow-headers', requested] as [string, string]]),
      ]);
    }
    // Werkzeug answers HEAD with the GET view; the body is dropped when the answer is written.
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    if (!route.methods.includes(method)) return httpbinMethodNotAllowed(ctx.headers, ctx.method, path, allowed);
    return view(ctx);
  }
  return httpbinNotFound(ctx.headers, path);
}

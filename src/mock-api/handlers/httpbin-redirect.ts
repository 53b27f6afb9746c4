/**
 * httpbin's redirects (postmanlabs/httpbin core.py): `/redirect/{n}`, `/relative-redirect/{n}`,
 * `/absolute-redirect/{n}` and `/redirect-to?url=…&status_code=…`. Python's requests follows them
 * itself (r.history), changing POST to GET on 301/302/303 (rebuild_method) and dropping
 * Authorization when the host or scheme changes (rebuild_auth, should_strip_auth); a browser-made
 * request is followed by the browser, which drops Authorization for another origin.
 */
import type { RequestContext } from '../context';
import { decide, type Reply } from '../reply';
import { httpbinText } from './httpbin-format';

/** Flask's 500 page, which httpbin answers when a view fails (a KeyError, a failed `assert n > 0`). */
const SERVER_ERROR =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

/** Werkzeug's `redirect()` body (the version httpbin.org runs), with its double space. */
const redirectPage = (location: string): string => {
  const escaped = location.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to target URL: <a href="${escaped}">${escaped}</a>.  If not click the link.`;
};

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/** requests' Session.should_strip_auth(old, new). */
function stripsAuth(from: URL, to: URL): boolean {
  if (from.hostname !== to.hostname) return true;
  const port = (u: URL): string => u.port || '';
  if (from.protocol === 'http:' && port(from) === '' && to.protocol === 'https:' && port(to) === '') return false;
  const defaults = (u: URL): boolean => port(u) === '' || port(u) === DEFAULT_PORTS[u.protocol];
  if (from.protocol === to.protocol && defaults(from) && defaults(to)) return false;
  return port(from) !== port(to) || from.protocol !== to.protocol;
}

/** What the client will do with this redirect, in a learner's words. */
export function followNote(ctx: RequestContext, location: string, status: number): string {
  let next: URL;
  try {
    next = new URL(location, ctx.url);
  } catch {
    return ' (not a valid URL: following it will fail)';
  }
  if (ctx.via === 'browser')
    return next.origin === ctx.url.origin
      ? ' (same origin: the browser keeps Authorization when it follows it)'
      : ` (another origin, ${next.host}: the browser drops Authorization when it follows it, as the Fetch standard requires)`;
  const method = ctx.method;
  const toGet = method !== 'HEAD' && method !== 'GET' && (status === 302 || status === 303 || (status === 301 && method === 'POST'));
  const asGet = toGet ? `; requests re-sends the ${method} as a GET without its body` : '';
  if (!stripsAuth(ctx.url, next)) return ` (requests follows it and keeps Authorization: same host${asGet})`;
  const why = ctx.url.hostname !== next.hostname ? `another host, ${next.host}` : `the scheme or port changes (${next.origin})`;
  return ` (${why}: requests follows it but its rebuild_auth drops Authorization${asGet})`;
}

/** A 302 as Flask's `redirect()` makes it (HTML body), or as httpbin builds it by hand (empty body). */
function redirectReply(ctx: RequestContext, location: string, htmlBody: boolean, what: string): Reply {
  return httpbinText(
    ctx.headers,
    302,
    htmlBody ? redirectPage(location) : '',
    decide('redirect', `${what}: 302 to ${location}${followNote(ctx, location, 302)}`),
    [['location', location]],
  );
}

/**
 * httpbin.org's `url_for(_external=True)` builds `http://` URLs: TLS ends at its load balancer, so
 * Flask sees plain HTTP (postmanlabs/httpbin#585). The host is the request's Host header.
 */
function externalUrl(ctx: RequestContext, path: string): string {
  return `http://${ctx.headers.get('host') ?? ctx.url.host}${path}`;
}

/** `assert n > 0` failing in the view: Flask answers 500. */
function zero(ctx: RequestContext): Reply {
  return httpbinText(ctx.headers, 500, SERVER_ERROR, decide('server_error', 'httpbin asserts n > 0: a redirect count of 0 fails with 500'));
}

/** `/redirect/{n}`: relative redirects, or absolute ones with `?absolute=true`. */
export function httpbinRedirect(ctx: RequestContext, n: number): Reply {
  if (n <= 0) return zero(ctx);
  const absolute = (ctx.url.searchParams.get('absolute') ?? 'false').toLowerCase() === 'true';
  const path = n === 1 ? '/get' : `/${absolute ? 'absolute' : 'relative'}-redirect/${n - 1}`;
  return redirectReply(ctx, absolute ? externalUrl(ctx, path) : path, true, `httpbin /redirect/${n}`);
}

/** `/relative-redirect/{n}`: an empty 302 with a relative Location. */
export function httpbinRelativeRedirect(ctx: RequestContext, n: number): Reply {
  if (n <= 0) return zero(ctx);
  return redirectReply(ctx, n === 1 ? '/get' : `/relative-redirect/${n - 1}`, false, `httpbin /relative-redirect/${n}`);
}

/** `/absolute-redirect/{n}`: Flask redirects to absolute http:// URLs. */
export function httpbinAbsoluteRedirect(ctx: RequestContext, n: number): Reply {
  if (n <= 0) return zero(ctx);
  const path = n === 1 ? '/get' : `/absolute-redirect/${n - 1}`;
  return redirectReply(ctx, externalUrl(ctx, path), true, `httpbin /absolute-redirect/${n}`);
}

/** `/redirect-to`: a 302 (or the 3xx asked for) whose Location is the `url` argument exactly as given. */
export function httpbinRedirectTo(ctx: RequestContext): Reply {
  // httpbin reads its arguments case-insensitively.
  const args = new Map([...ctx.url.searchParams].map(([k, v]) => [k.toLowerCase(), v] as const));
  const target = args.get('url');
  if (target === undefined)
    return httpbinText(ctx.headers, 500, SERVER_ERROR, decide('missing_url', 'httpbin /redirect-to needs a url= query argument'));
  const asked = Number(args.get('status_code'));
  const status = Number.isInteger(asked) && asked >= 300 && asked < 400 ? asked : 302;
  return httpbinText(
    ctx.headers,
    status,
    '',
    decide('redirect', `httpbin redirects with ${status} to ${target}${followNote(ctx, target, status)}`),
    [['location', target]],
  );
}

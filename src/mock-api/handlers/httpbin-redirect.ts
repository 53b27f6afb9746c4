/**
 * httpbin's `/redirect-to?url=…&status_code=…` (postmanlabs/httpbin core.py redirect_to): a 302 (or
 * the 3xx asked for) whose Location is the `url` argument exactly as given. In the sandbox the
 * browser, not requests, follows it; per the Fetch standard it drops `Authorization` when the new
 * URL has another origin, as requests' `rebuild_auth` does for another host.
 */
import type { RequestContext } from '../context';
import { decide, type Reply } from '../reply';
import { httpbinMethodNotAllowed, httpbinText } from './httpbin-format';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE'];

/** Flask's 500 page, which httpbin answers when `url` is missing (a KeyError in redirect_to). */
const SERVER_ERROR =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

/** The reply for `/redirect-to`. */
export function httpbinRedirectTo(ctx: RequestContext): Reply {
  if (!METHODS.includes(ctx.method))
    return httpbinMethodNotAllowed(ctx.headers, ctx.method, ctx.url.pathname, `${METHODS.join(', ')}, HEAD, OPTIONS`);
  // httpbin reads its arguments case-insensitively.
  const args = new Map([...ctx.url.searchParams].map(([k, v]) => [k.toLowerCase(), v] as const));
  const target = args.get('url');
  if (target === undefined)
    return httpbinText(ctx.headers, 500, SERVER_ERROR, decide('missing_url', 'httpbin /redirect-to needs a url= query argument'));
  const asked = Number(args.get('status_code'));
  const status = Number.isInteger(asked) && asked >= 300 && asked < 400 ? asked : 302;
  let note = '';
  try {
    const next = new URL(target, ctx.url);
    note =
      next.origin === ctx.url.origin
        ? ' (same origin: the browser keeps Authorization when it follows it)'
        : ` (another origin, ${next.host}: the browser drops Authorization when it follows it, as the Fetch standard requires)`;
  } catch {
    note = ' (not a valid URL: following it will fail)';
  }
  return httpbinText(ctx.headers, status, '', decide('redirect', `httpbin redirects with ${status} to ${target}${note}`), [
    ['location', target],
  ]);
}

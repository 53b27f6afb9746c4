/**
 * api.example.com: the article's API. Order matters and mirrors real servers: route (404/405),
 * then credentials (401/400/403), then the body (415/400/422), so a body problem shows only once
 * the credentials are right.
 */
import type { RequestContext } from '../context';
import { decide, jsonReply, type Reply } from '../reply';
import { closestMatch } from '../similar';
import { ROUTE_AUTHENTICATORS } from '../route-auth';
import type { RouteConfig } from '../server-state';
import { readRouteBody } from './body';
import { handleRevoke } from './oauth-revoke';
import { handleToken } from './oauth-token';
import { performAction } from './resources';

/** True when `pattern` ("/items" exact, "/basic/*" prefix) matches `path`. */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern.endsWith('/*')) {
    const base = pattern.slice(0, -2);
    return path === base || path.startsWith(`${base}/`);
  }
  return path === pattern;
}

function notFound(ctx: RequestContext): Reply {
  const path = ctx.url.pathname;
  const known = ['/oauth/token', '/oauth/revoke', ...ctx.state.config.routes.map((r) => r.path.replace(/\/\*$/, ''))];
  const near = closestMatch(path, known, 3);
  const hint = near ? `; did you mean ${near.match}?` : '';
  return jsonReply(
    404,
    { error: 'not_found', error_description: `No resource at ${path}` },
    decide('not_found', `there is no ${path} on api.example.com${hint}`),
  );
}

/** The Allow header for the routes at a path: their methods, HEAD with GET (RFC 9110 §9.3.2), OPTIONS. */
function allowFor(routes: RouteConfig[]): string {
  const methods = new Set<string>(routes.map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].join(', ');
}

/** Answers a request to api.example.com. */
export function handleApiExample(ctx: RequestContext): Reply {
  const path = ctx.url.pathname;
  if (path === '/oauth/token') return handleToken(ctx);
  if (path === '/oauth/revoke') return handleRevoke(ctx);
  const candidates = ctx.state.config.routes.filter((r) => pathMatches(r.path, path));
  if (candidates.length === 0) return notFound(ctx);
  // RFC 9110 §9.3.2: HEAD is answered like GET.
  const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
  const route = candidates.find((r) => r.method === 'ANY' || r.method === method);
  // RFC 9110 §9.3.7: OPTIONS asks what the resource supports; no credentials needed to ask.
  if (!route && ctx.method === 'OPTIONS') {
    const allow = allowFor(candidates);
    return { status: 204, headers: [['allow', allow]], body: '', decision: decide('options', `${path} takes ${allow}`) };
  }
  if (!route) {
    const takes = [...new Set(candidates.map((r) => r.method))].join(', ');
    return jsonReply(
      405,
      { error: 'method_not_allowed', error_description: `Use ${takes}` },
      decide('method_not_allowed', `${ctx.method} is not allowed on ${path}; it takes ${takes}`),
      [['allow', allowFor(candidates)]],
    );
  }
  const auth = ROUTE_AUTHENTICATORS[route.auth].authenticate(ctx, route);
  if (!auth.ok) return auth.reply;
  const body = readRouteBody(ctx, route);
  if (!body.ok) return body.reply;
  return performAction(ctx, route, body.received, auth.identity, auth.decision);
}

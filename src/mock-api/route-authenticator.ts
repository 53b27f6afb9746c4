/** What every route credential check gives api.example.com (see ./route-auth.ts for the list of them). */
import type { Decision } from './contract';
import type { RequestContext } from './context';
import type { Reply } from './reply';
import type { RouteConfig } from './server-state';

/** Either who is calling (shown by the echo) and why they were let in, or the refusal to send. */
export type Identity = { ok: true; identity: Record<string, unknown>; decision: Decision } | { ok: false; reply: Reply };

export interface RouteAuthenticator {
  /** The scheme word of its challenge (`WWW-Authenticate: Bearer …`), or null for a route that asks for none. */
  scheme: string | null;
  authenticate(ctx: RequestContext, route: RouteConfig): Identity;
}

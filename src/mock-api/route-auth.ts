/**
 * The credentials a route can require (`RouteConfig.auth` in a scenario), one line each. Adding a
 * scheme is a handler file that exports a RouteAuthenticator plus one line here: the scenario
 * schema's list (ROUTE_AUTH), api.example.com's dispatch and the scheme-word check follow from it.
 */
import { decide } from './reply';
import type { RouteAuthenticator } from './route-authenticator';
import { apiKeyRouteAuth } from './handlers/api-key';
import { basicRouteAuth } from './handlers/basic';
import { bearerRouteAuth } from './handlers/bearer';
import { digestRouteAuth } from './handlers/digest';

const noRouteAuth: RouteAuthenticator = {
  scheme: null,
  authenticate: () => ({ ok: true, identity: {}, decision: decide('ok', 'this route needs no credentials') }),
};

export const ROUTE_AUTHENTICATORS = {
  bearer: bearerRouteAuth,
  basic: basicRouteAuth,
  digest: digestRouteAuth,
  'api-key': apiKeyRouteAuth,
  none: noRouteAuth,
} satisfies Record<string, RouteAuthenticator>;

export type RouteAuth = keyof typeof ROUTE_AUTHENTICATORS;

/** The names a scenario may give `auth` (validated by the scenario schema at build time). */
export const ROUTE_AUTH = Object.keys(ROUTE_AUTHENTICATORS) as [RouteAuth, ...RouteAuth[]];

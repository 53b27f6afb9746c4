/**
 * What a scenario author may write in its `server` part, validated at build time: a bad value fails
 * the build with its path. Every field defaults to the mock's sample state (DEFAULT_SERVER_STATE), so
 * a scenario names only what it changes. The output is the mock's own `ServerState` type.
 */
import { z } from 'astro/zod';
import { B64TOKEN } from '../mock-api/b64token';
import { resolveScenarioTime } from '../mock-api/clock';
import {
  DEFAULT_SERVER_STATE as D,
  DIGEST_ALGORITHMS,
  ROUTE_ACTIONS,
  ROUTE_BODIES,
  ROUTE_METHODS,
  type ServerState,
} from '../mock-api/server-state';
import { ROUTE_AUTH } from '../mock-api/route-auth';

const scenarioTime = z.string().refine((value) => resolveScenarioTime(value, 0) !== null, {
  message: 'use an ISO instant like "2026-01-15T10:30:00Z" or an offset from clockStart like "+30m" or "-5m"',
});

const scopes = z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'a scope has no spaces or quotes (RFC 6749 §3.3)'));

// Field meanings: the interfaces of src/mock-api/server-state.ts.
const accessTokenSchema = z.object({
  token: z.string().regex(B64TOKEN, 'a Bearer token uses only A-Z a-z 0-9 - . _ ~ + / and trailing = (RFC 6750 §2.1)'),
  scopes: scopes.default([]),
  expiresAt: scenarioTime.optional(),
  revoked: z.boolean().default(false),
  clientId: z.string().optional(),
});

const clientSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), scopes: scopes.default([]) });

const refreshTokenSchema = z.object({
  token: z.string().min(1),
  clientId: z.string(),
  scopes: scopes.default([]),
  revoked: z.boolean().default(false),
});

const userSchema = z.object({
  username: z.string().regex(/^[^:]+$/, 'a Basic user-id cannot contain a colon (RFC 7617 §2)'),
  password: z.string(),
});

const apiKeySchema = z.object({ key: z.string().min(1), scopes: scopes.default([]) });

const routeSchema = z.object({
  method: z.enum(ROUTE_METHODS).default('ANY'),
  path: z.string().regex(/^\/[^?#\s]*$/, 'a path starts with "/" and has no query'),
  auth: z.enum(ROUTE_AUTH),
  scope: z.string().optional(),
  body: z.enum(ROUTE_BODIES).default('any'),
  requiredFields: z.array(z.string()).default([]),
  action: z.enum(ROUTE_ACTIONS).default('echo'),
});

export const serverStateSchema = z
  .object({
    clockStart: z.iso.datetime({ offset: true }).default(D.clockStart),
    realm: z
      .string()
      .regex(/^[^"\\]+$/, 'a realm without quotes or backslashes')
      .default(D.realm),
    tokens: z.array(accessTokenSchema).default(D.tokens),
    clients: z.array(clientSchema).default(D.clients),
    refreshTokens: z.array(refreshTokenSchema).default(D.refreshTokens),
    users: z.array(userSchema).default(D.users),
    apiKeys: z.array(apiKeySchema).default(D.apiKeys),
    routes: z.array(routeSchema).default(D.routes),
    items: z.array(z.looseObject({ id: z.number().int(), name: z.string() })).default(D.items),
    tokenLifetimeSeconds: z.number().int().positive().default(D.tokenLifetimeSeconds),
    refreshWithClientCredentials: z.boolean().default(D.refreshWithClientCredentials),
    strictScopeStatus: z.union([z.literal(403), z.literal(401)]).default(D.strictScopeStatus),
    digest: z
      .object({
        algorithm: z.enum(DIGEST_ALGORITHMS).default(D.digest.algorithm),
        nonceLifetimeSeconds: z.number().int().positive().default(D.digest.nonceLifetimeSeconds),
      })
      .prefault({}),
  })
  .superRefine((state, ctx) => {
    const clients = new Set(state.clients.map((c) => c.clientId));
    state.refreshTokens.forEach((rt, i) => {
      if (!clients.has(rt.clientId))
        ctx.addIssue({ code: 'custom', path: ['refreshTokens', i, 'clientId'], message: `no client "${rt.clientId}" in clients` });
    });
    state.tokens.forEach((t, i) => {
      if (t.clientId !== undefined && !clients.has(t.clientId))
        ctx.addIssue({ code: 'custom', path: ['tokens', i, 'clientId'], message: `no client "${t.clientId}" in clients` });
    });
  }) satisfies z.ZodType<ServerState>;

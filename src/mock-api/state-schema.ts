/**
 * The server half of a scenario, as data: who may call the mock API and with what. Every field has
 * a default (the sample state below), so a scenario names only what it changes. Embedded in the
 * scenario schema (src/exercises/scenario-schema.ts); a bad value fails the build with its path.
 */
import { z } from 'astro/zod';
import { B64TOKEN } from './b64token';
import { resolveScenarioTime } from './clock';

export { B64TOKEN };

const scenarioTime = z.string().refine((value) => resolveScenarioTime(value, 0) !== null, {
  message: 'use an ISO instant like "2026-01-15T10:30:00Z" or an offset from clockStart like "+30m" or "-5m"',
});

const scopes = z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'a scope has no spaces or quotes (RFC 6749 §3.3)'));

export const accessTokenSchema = z.object({
  /** The token exactly as a client sends it after `Bearer ` (RFC 6750 b64token characters only). */
  token: z.string().regex(B64TOKEN, 'a Bearer token uses only A-Z a-z 0-9 - . _ ~ + / and trailing = (RFC 6750 §2.1)'),
  /** Scopes the token grants, e.g. ["items:read"]. */
  scopes: scopes.default([]),
  /** When it expires: an ISO instant or an offset from `clockStart` ("+30m", "-5m"); never when omitted. */
  expiresAt: scenarioTime.optional(),
  /** True when the token was revoked before the scenario starts. */
  revoked: z.boolean().default(false),
  /** The OAuth client it was issued to (only that client may revoke it); any client when omitted. */
  clientId: z.string().optional(),
});

export const clientSchema = z.object({
  /** OAuth 2 client identifier (RFC 6749 §2.2). */
  clientId: z.string().min(1),
  /** Its secret, compared after the form-urlencoded decoding RFC 6749 §2.3.1 prescribes. */
  clientSecret: z.string().min(1),
  /** Scopes this client may ask for; also what it gets when it asks for none. */
  scopes: scopes.default([]),
});

export const refreshTokenSchema = z.object({
  /** The refresh token string (RFC 6749 §1.5). */
  token: z.string().min(1),
  /** The client it was issued to: only that client may use it (RFC 6749 §6). */
  clientId: z.string(),
  /** Scopes of the original grant: a refresh may ask for these or fewer. */
  scopes: scopes.default([]),
  /** True when the grant was revoked before the scenario starts (RFC 7009): refreshing fails with invalid_grant. */
  revoked: z.boolean().default(false),
});

export const userSchema = z.object({
  /** User name for Basic and Digest routes (no colon: RFC 7617 §2). */
  username: z.string().regex(/^[^:]+$/, 'a Basic user-id cannot contain a colon (RFC 7617 §2)'),
  /** Password, compared as UTF-8 bytes (the challenge says charset="UTF-8"). */
  password: z.string(),
});

export const apiKeySchema = z.object({
  /** Value expected in the `X-API-Key` header. */
  key: z.string().min(1),
  /** Scopes the key grants (checked like a Bearer token's). */
  scopes: scopes.default([]),
});

export const routeSchema = z.object({
  /** HTTP method, or ANY. */
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ANY']).default('ANY'),
  /** Exact path ("/endpoint") or a prefix ending in "/*" ("/basic/*"). */
  path: z.string().regex(/^\/[^?#\s]*$/, 'a path starts with "/" and has no query'),
  /** Credentials the route requires. */
  auth: z.enum(['bearer', 'basic', 'digest', 'api-key', 'none']),
  /** Scope the token or key must have (bearer and api-key routes). */
  scope: z.string().optional(),
  /** Accepted request body: JSON only (else 415), JSON or a form, anything, or ignored. */
  body: z.enum(['json', 'json-or-form', 'any', 'none']).default('any'),
  /** Fields a JSON object body must have as non-empty strings (else 422). */
  requiredFields: z.array(z.string()).default([]),
  /** What a successful request does: echo it, list the items, or create an item (201). */
  action: z.enum(['echo', 'list-items', 'create-item']).default('echo'),
});

/** api.example.com's routes when a scenario names none (design.md §5). */
export const DEFAULT_ROUTES: z.input<typeof routeSchema>[] = [
  { method: 'POST', path: '/endpoint', auth: 'bearer', body: 'json-or-form' },
  { method: 'GET', path: '/items', auth: 'bearer', scope: 'items:read', action: 'list-items' },
  { method: 'POST', path: '/items', auth: 'bearer', scope: 'items:write', body: 'json', requiredFields: ['name'], action: 'create-item' },
  { path: '/basic/*', auth: 'basic' },
  { path: '/digest/*', auth: 'digest' },
  { path: '/keyed/*', auth: 'api-key' },
];

export const serverStateSchema = z
  .object({
    /** Virtual time at which every run starts (ISO 8601 instant). */
    clockStart: z.iso.datetime({ offset: true }).default('2026-01-15T10:00:00Z'),
    /** Realm in every challenge (RFC 9110 §11.5). */
    realm: z
      .string()
      .regex(/^[^"\\]+$/, 'a realm without quotes or backslashes')
      .default('api.example.com'),
    /** Access tokens that exist when the run starts. */
    tokens: z.array(accessTokenSchema).prefault([
      { token: 'tok_live_8f2c4e9a1b7d3f', scopes: ['items:read', 'items:write'], expiresAt: '+1h' },
      { token: 'tok_read_5a1e7c2b9d4f60', scopes: ['items:read'], expiresAt: '+1h' },
      { token: 'tok_old_3c9b1d7e2a6f84', scopes: ['items:read', 'items:write'], expiresAt: '-4m' },
      { token: 'tok_gone_7d2e8a4c1f9b35', scopes: ['items:read', 'items:write'], revoked: true },
    ]),
    /** OAuth 2 clients of the token endpoint. */
    clients: z.array(clientSchema).prefault([
      { clientId: 'demo-client', clientSecret: 's3cr3t-Pa55', scopes: ['items:read', 'items:write'] },
      // `+` and `%` change meaning under form-urlencoding (RFC 6749 §2.3.1), which requests skips.
      { clientId: 'reports-app', clientSecret: 'r3p+rt%s3cr3t', scopes: ['items:read'] },
    ]),
    /** Refresh tokens that exist when the run starts. */
    refreshTokens: z
      .array(refreshTokenSchema)
      .prefault([{ token: 'rt_demo_9e4b2c7a1d8f53', clientId: 'demo-client', scopes: ['items:read', 'items:write'] }]),
    /** Users of the Basic and Digest routes. */
    users: z.array(userSchema).prefault([
      { username: 'alice', password: 'wonderland' },
      // RFC 7617 §2.1's example: non-ASCII, so Latin-1 (what requests sends) and UTF-8 differ.
      { username: 'test', password: '123£' },
    ]),
    /** Keys of the X-API-Key routes. */
    apiKeys: z.array(apiKeySchema).prefault([{ key: 'key_4f8a2c9e1b7d6a', scopes: ['items:read'] }]),
    /** Which credentials each api.example.com route requires; the first match wins. */
    routes: z.array(routeSchema).prefault(DEFAULT_ROUTES),
    /** Items the resource API starts with. */
    items: z.array(z.looseObject({ id: z.number().int(), name: z.string() })).prefault([
      { id: 1, name: 'notebook' },
      { id: 2, name: 'pencil' },
    ]),
    /** Lifetime of tokens the token endpoint issues (`expires_in`). */
    tokenLifetimeSeconds: z.number().int().positive().default(3600),
    /**
     * Whether client_credentials also returns a refresh token. RFC 6749 §4.4.3: it SHOULD NOT, so the
     * default is false; a scenario that needs one opts in, and its lesson says that is unusual.
     */
    refreshWithClientCredentials: z.boolean().default(false),
    /** Status for a valid token that lacks a scope: 403 per RFC 6750 §3.1; 401 models APIs that get it wrong. */
    strictScopeStatus: z.union([z.literal(403), z.literal(401)]).default(403),
    /** Digest routes (RFC 7616). */
    digest: z
      .object({
        /** Hash algorithm offered in the challenge. */
        algorithm: z.enum(['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess', 'SHA-512']).default('MD5'),
        /** Age (virtual seconds) after which a nonce is answered with `stale=true`. */
        nonceLifetimeSeconds: z.number().int().positive().default(300),
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
  });

/** A validated server state (all defaults filled in). */
export type ServerState = z.infer<typeof serverStateSchema>;
/** One route of `ServerState.routes`. */
export type RouteConfig = z.infer<typeof routeSchema>;

/** The sample state the playground uses when a scenario names none. */
export const DEFAULT_SERVER_STATE: ServerState = serverStateSchema.parse({});

/**
 * The server half of a scenario, as the mock receives it: already validated, every default filled in.
 * The zod schema that validates what an author writes (and fills these defaults in) is the content
 * layer's: src/exercises/server-state-schema.ts. The mock stays free of zod and Astro (README.md).
 */
import type { RouteAuth } from './route-auth';

export interface AccessTokenConfig {
  /** The token exactly as a client sends it after `Bearer ` (RFC 6750 b64token characters only). */
  token: string;
  /** Scopes the token grants, e.g. ["items:read"]. */
  scopes: string[];
  /** When it expires: an ISO instant or an offset from `clockStart` ("+30m", "-5m"); never when omitted. */
  expiresAt?: string | undefined;
  /** True when the token was revoked before the scenario starts. */
  revoked: boolean;
  /** The OAuth client it was issued to (only that client may revoke it); any client when omitted. */
  clientId?: string | undefined;
}

export interface ClientConfig {
  /** OAuth 2 client identifier (RFC 6749 §2.2). */
  clientId: string;
  /** Its secret, compared after the form-urlencoded decoding RFC 6749 §2.3.1 prescribes. */
  clientSecret: string;
  /** Scopes this client may ask for; also what it gets when it asks for none. */
  scopes: string[];
}

export interface RefreshTokenConfig {
  /** The refresh token string (RFC 6749 §1.5). */
  token: string;
  /** The client it was issued to: only that client may use it (RFC 6749 §6). */
  clientId: string;
  /** Scopes of the original grant: a refresh may ask for these or fewer. */
  scopes: string[];
  /** True when the grant was revoked before the scenario starts (RFC 7009): refreshing fails with invalid_grant. */
  revoked: boolean;
}

export interface UserConfig {
  /** User name for Basic and Digest routes (no colon: RFC 7617 §2). */
  username: string;
  /** Password, compared as UTF-8 bytes (the challenge says charset="UTF-8"). */
  password: string;
}

export interface ApiKeyConfig {
  /** Value expected in the `X-API-Key` header. */
  key: string;
  /** Scopes the key grants (checked like a Bearer token's). */
  scopes: string[];
}

export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ANY'] as const;
export const ROUTE_BODIES = ['json', 'json-or-form', 'any', 'none'] as const;
export const ROUTE_ACTIONS = ['echo', 'list-items', 'create-item'] as const;
export const DIGEST_ALGORITHMS = ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess', 'SHA-512'] as const;

/** One route of `ServerState.routes`: which credentials and body a path requires, and what it does. */
export interface RouteConfig {
  /** HTTP method, or ANY. */
  method: (typeof ROUTE_METHODS)[number];
  /** Exact path ("/endpoint") or a prefix ending in "/*" ("/basic/*"). */
  path: string;
  /** Credentials the route requires. */
  auth: RouteAuth;
  /** Scope the token or key must have (bearer and api-key routes). */
  scope?: string | undefined;
  /** Accepted request body: JSON only (else 415), JSON or a form, anything, or ignored. */
  body: (typeof ROUTE_BODIES)[number];
  /** Fields a JSON object body must have as non-empty strings (else 422). */
  requiredFields: string[];
  /** What a successful request does: echo it, list the items, or create an item (201). */
  action: (typeof ROUTE_ACTIONS)[number];
}

/** An item of the resource API; authors may add fields, which are echoed back. */
export interface ItemConfig {
  id: number;
  name: string;
  [field: string]: unknown;
}

/** A validated server state (all defaults filled in). */
export interface ServerState {
  /** Virtual time at which every run starts (ISO 8601 instant). */
  clockStart: string;
  /** Realm in every challenge (RFC 9110 §11.5). */
  realm: string;
  /** Access tokens that exist when the run starts. */
  tokens: AccessTokenConfig[];
  /** OAuth 2 clients of the token endpoint. */
  clients: ClientConfig[];
  /** Refresh tokens that exist when the run starts. */
  refreshTokens: RefreshTokenConfig[];
  /** Users of the Basic and Digest routes. */
  users: UserConfig[];
  /** Keys of the X-API-Key routes. */
  apiKeys: ApiKeyConfig[];
  /** Which credentials each api.example.com route requires; the first match wins. */
  routes: RouteConfig[];
  /** Items the resource API starts with. */
  items: ItemConfig[];
  /** Lifetime of tokens the token endpoint issues (`expires_in`). */
  tokenLifetimeSeconds: number;
  /**
   * Whether client_credentials also returns a refresh token. RFC 6749 §4.4.3: it SHOULD NOT, so the
   * default is false; a scenario that needs one opts in, and its lesson says that is unusual.
   */
  refreshWithClientCredentials: boolean;
  /** Status for a valid token that lacks a scope: 403 per RFC 6750 §3.1; 401 models APIs that get it wrong. */
  strictScopeStatus: 403 | 401;
  /** Digest routes (RFC 7616): the algorithm offered, and the age (virtual seconds) after which a nonce is stale. */
  digest: { algorithm: (typeof DIGEST_ALGORITHMS)[number]; nonceLifetimeSeconds: number };
}

const route = (r: Pick<RouteConfig, 'path' | 'auth'> & Partial<RouteConfig>): RouteConfig => ({
  method: 'ANY',
  body: 'any',
  requiredFields: [],
  action: 'echo',
  ...r,
});

/**
 * The sample state: what the playground uses when a scenario names none, and each field's default
 * when a scenario leaves it out.
 */
export const DEFAULT_SERVER_STATE: ServerState = {
  clockStart: '2026-01-15T10:00:00Z',
  realm: 'api.example.com',
  tokens: [
    { token: 'tok_live_8f2c4e9a1b7d3f', scopes: ['items:read', 'items:write'], expiresAt: '+1h', revoked: false },
    { token: 'tok_read_5a1e7c2b9d4f60', scopes: ['items:read'], expiresAt: '+1h', revoked: false },
    { token: 'tok_old_3c9b1d7e2a6f84', scopes: ['items:read', 'items:write'], expiresAt: '-4m', revoked: false },
    { token: 'tok_gone_7d2e8a4c1f9b35', scopes: ['items:read', 'items:write'], revoked: true },
  ],
  clients: [
    { clientId: 'demo-client', clientSecret: 's3cr3t-Pa55', scopes: ['items:read', 'items:write'] },
    // `+` and `%` change meaning under form-urlencoding (RFC 6749 §2.3.1), which requests skips.
    { clientId: 'reports-app', clientSecret: 'r3p+rt%s3cr3t', scopes: ['items:read'] },
  ],
  refreshTokens: [{ token: 'rt_demo_9e4b2c7a1d8f53', clientId: 'demo-client', scopes: ['items:read', 'items:write'], revoked: false }],
  users: [
    { username: 'alice', password: 'wonderland' },
    // RFC 7617 §2.1's example: non-ASCII, so Latin-1 (what requests sends) and UTF-8 differ.
    { username: 'test', password: '123£' },
  ],
  apiKeys: [{ key: 'key_4f8a2c9e1b7d6a', scopes: ['items:read'] }],
  // api.example.com's routes (design.md §5).
  routes: [
    route({ method: 'POST', path: '/endpoint', auth: 'bearer', body: 'json-or-form' }),
    route({ method: 'GET', path: '/items', auth: 'bearer', scope: 'items:read', action: 'list-items' }),
    route({
      method: 'POST',
      path: '/items',
      auth: 'bearer',
      scope: 'items:write',
      body: 'json',
      requiredFields: ['name'],
      action: 'create-item',
    }),
    route({ path: '/basic/*', auth: 'basic' }),
    route({ path: '/digest/*', auth: 'digest' }),
    route({ path: '/keyed/*', auth: 'api-key' }),
  ],
  items: [
    { id: 1, name: 'notebook' },
    { id: 2, name: 'pencil' },
  ],
  tokenLifetimeSeconds: 3600,
  refreshWithClientCredentials: false,
  strictScopeStatus: 403,
  digest: { algorithm: 'MD5', nonceLifetimeSeconds: 300 },
};

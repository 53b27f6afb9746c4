/**
 * The mock server's mutable state during a run: tokens (seeded and issued), refresh tokens,
 * revocations, Digest nonces and items. Built from a `ServerState`; rebuilding it is a reset.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { resolveScenarioTime } from './clock';
import type { ItemConfig, ServerState } from './server-state';

export interface AccessTokenRecord {
  token: string;
  scopes: string[];
  /** Epoch ms; null = never expires. */
  expiresAt: number | null;
  /** Epoch ms of revocation; null = not revoked. */
  revokedAt: number | null;
  /** True when revoked before the run started (the scenario said so). */
  revokedBeforeStart: boolean;
  clientId: string | null;
  /** Links tokens of one grant, so revoking its refresh token revokes them too (RFC 7009 §2.1). */
  grantId: string;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  scopes: string[];
  grantId: string;
  /** Why it no longer works, with when; null while usable. */
  spent: { how: 'rotated' | 'revoked'; at: number } | null;
}

export interface NonceRecord {
  issuedAt: number;
  /** Highest nonce count seen with this nonce (replay protection, RFC 7616 §3.4). */
  lastNc: number;
}

export type Item = ItemConfig;

export interface RuntimeState {
  readonly config: ServerState;
  readonly clockStart: number;
  readonly accessTokens: Map<string, AccessTokenRecord>;
  readonly refreshTokens: Map<string, RefreshTokenRecord>;
  readonly nonces: Map<string, NonceRecord>;
  readonly items: Item[];
  /** Deterministic secret generator: the same run gives the same tokens (stable transcripts). */
  newSecret(prefix: string): string;
}

/** Fresh runtime state for a run of `config`. */
export function createRuntimeState(config: ServerState): RuntimeState {
  const clockStart = Date.parse(config.clockStart);
  let counter = 0;
  const accessTokens = new Map<string, AccessTokenRecord>();
  config.tokens.forEach((t, i) => {
    accessTokens.set(t.token, {
      token: t.token,
      scopes: [...t.scopes],
      expiresAt: t.expiresAt === undefined ? null : resolveScenarioTime(t.expiresAt, clockStart),
      revokedAt: t.revoked ? clockStart : null,
      revokedBeforeStart: t.revoked,
      clientId: t.clientId ?? null,
      grantId: `seed-token-${i}`,
    });
  });
  const refreshTokens = new Map<string, RefreshTokenRecord>();
  config.refreshTokens.forEach((rt, i) => {
    refreshTokens.set(rt.token, {
      token: rt.token,
      clientId: rt.clientId,
      scopes: [...rt.scopes],
      grantId: `seed-refresh-${i}`,
      spent: rt.revoked ? { how: 'revoked', at: clockStart } : null,
    });
  });
  return {
    config,
    clockStart,
    accessTokens,
    refreshTokens,
    nonces: new Map(),
    items: config.items.map((item) => ({ ...item })),
    newSecret(prefix) {
      counter += 1;
      const digest = bytesToHex(sha256(utf8ToBytes(`${config.clockStart}|${prefix}|${counter}`)));
      return `${prefix}${digest.slice(0, 24)}`;
    },
  };
}

/** The contract of a vendor recogniser: it reads a response's body and headers, never guesses. */
import type { CauseId } from './causes';
import type { HeaderField } from './types';

export interface VendorInput {
  status?: number;
  headers: HeaderField[];
  body: string;
  /** The body parsed as JSON, or null. */
  json: unknown;
  url?: string;
}

export interface VendorMatch {
  vendor: string;
  /** The vendor's own error code or message key, quoted as evidence. */
  code: string;
  message?: string;
  cause: CauseId;
  weight: number;
  /** Public documentation of this error shape. */
  docs: string;
  /** True when the API reports an auth failure with a 2xx status (Slack). */
  inSuccessStatus?: boolean;
}

export type Recogniser = (input: VendorInput) => VendorMatch | null;

/** `obj.a.b` for unknown JSON, or undefined. */
export function dig(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const host = (url: string | undefined): string => {
  try {
    return url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    return '';
  }
};

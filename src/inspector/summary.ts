/** The one polite announcement line: "3 requests, last: POST /endpoint → 401". */
import type { Exchange } from '../mock-api/contract';
import { pathOf } from './http-text';

/** Summary of the exchanges so far (pass masked exchanges: a query string may hold a token). */
export function summaryText(exchanges: readonly Exchange[]): string {
  const last = exchanges[exchanges.length - 1];
  if (!last) return 'No requests yet.';
  const count = `${exchanges.length} request${exchanges.length === 1 ? '' : 's'}`;
  return `${count}, last: ${last.method} ${pathOf(last.url)} → ${last.status}`;
}

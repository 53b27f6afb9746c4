/** Which of the learner's requests failed: they decide whether a comparison is offered. */
import type { Exchange } from '../mock-api/contract';
import { pathOf } from './http-text';

const failed = (e: Exchange): boolean => e.status < 200 || e.status >= 300;

/** The learner's failing requests, one per method + path (the last attempt of each). */
export function failingRequests(exchanges: readonly Exchange[]): Exchange[] {
  const byKey = new Map<string, Exchange>();
  for (const e of exchanges) if (failed(e)) byKey.set(`${e.method} ${pathOf(e.url).split('?')[0]}`, e);
  // A request that later succeeded (a Digest challenge answered) is not a failure to explain.
  return [...byKey.values()].filter(
    (e) => !exchanges.some((o) => o.id > e.id && !failed(o) && o.method === e.method && pathOf(o.url) === pathOf(e.url)),
  );
}

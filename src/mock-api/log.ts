/** The server's view: every answered request, in order, with the decision behind it. */
import type { Exchange } from './contract';

export interface ExchangeLog {
  readonly entries: ReadonlyArray<Exchange>;
  /** Records an exchange, numbering it, and tells every listener. */
  append(exchange: Omit<Exchange, 'id'>): Exchange;
  clear(): void;
  /** Returns unsubscribe. */
  subscribe(listener: (exchange: Exchange) => void): () => void;
}

/** An empty log. Ids restart at 1 after `clear()`, matching a fresh run. */
export function createExchangeLog(): ExchangeLog {
  const entries: Exchange[] = [];
  const listeners = new Set<(exchange: Exchange) => void>();
  let nextId = 1;
  return {
    entries,
    append(partial) {
      const exchange: Exchange = { id: nextId++, ...partial };
      entries.push(exchange);
      for (const listener of [...listeners]) {
        // A broken listener (UI) must not break the HTTP answer Python is waiting for.
        try {
          listener(exchange);
        } catch (error) {
          console.error('mock-api: exchange listener failed', error);
        }
      }
      return exchange;
    },
    clear() {
      entries.length = 0;
      nextId = 1;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../../src/mock-api/contract';
import { ExchangeBatch } from '../../../src/runtime/exchange-batch';

const exchange = (id: number) => ({ id }) as Exchange;

describe('ExchangeBatch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the first exchange at once, holds the next ones within the interval, then sends them together and in order', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const sent: number[][] = [];
    const batch = new ExchangeBatch((list) => sent.push(list.map((e) => e.id)), 50);
    batch.push(exchange(1));
    expect(sent).toEqual([[1]]);
    now += 20;
    batch.push(exchange(2));
    now += 10;
    batch.push(exchange(3));
    expect(sent).toEqual([[1]]);
    now += 20;
    batch.push(exchange(4));
    expect(sent).toEqual([[1], [2, 3, 4]]);
    now += 10;
    batch.push(exchange(5));
    expect(sent).toEqual([[1], [2, 3, 4]]);
  });

  it('flush sends what is pending at once, and nothing when nothing is', () => {
    vi.spyOn(performance, 'now').mockReturnValue(0);
    const sent: number[][] = [];
    const batch = new ExchangeBatch((list) => sent.push(list.map((e) => e.id)), 50);
    batch.flush();
    expect(sent).toEqual([]);
    batch.push(exchange(7));
    batch.flush();
    batch.flush();
    expect(sent).toEqual([[7]]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batched } from '../../../src/exercises/batch';

describe('batched', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('delivers a burst together after the interval, in order', () => {
    const deliveries: number[][] = [];
    const batch = batched<number>((items) => deliveries.push(items), 100);
    batch.push(1);
    batch.push(2);
    expect(deliveries).toEqual([]);
    vi.advanceTimersByTime(100);
    batch.push(3);
    vi.advanceTimersByTime(100);
    expect(deliveries).toEqual([[1, 2], [3]]);
  });

  it('flush delivers what is pending at once, and nothing twice', () => {
    const deliveries: string[][] = [];
    const batch = batched<string>((items) => deliveries.push(items), 100);
    batch.push('a');
    batch.flush();
    batch.flush();
    vi.advanceTimersByTime(500);
    expect(deliveries).toEqual([['a']]);
  });
});

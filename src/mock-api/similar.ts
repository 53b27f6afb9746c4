/** Spotting near-misses, so a decision can say "looks like a typo of tok_…3f". */

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** The closest candidate within `limit` edits (not counting an exact match), or null. */
export function closestMatch(value: string, candidates: Iterable<string>, limit = 2): { match: string; distance: number } | null {
  let best: { match: string; distance: number } | null = null;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const distance = editDistance(value, candidate, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { match: candidate, distance };
  }
  return best;
}

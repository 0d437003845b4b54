// @ts-check
/** Small statistics helpers for the benchmark table. */

/** @param {number[]} values @param {number} q 0..1 */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

/** @param {number[]} values */
export const median = (values) => quantile(values, 0.5);

/** @param {number[]} values */
export const p95 = (values) => quantile(values, 0.95);

/**
 * Runs `a` and `b` alternately (A B A B …) so that machine noise hits both
 * alike; returns the durations in ms of each after `warmup` rounds.
 * @param {() => Promise<number>} a
 * @param {() => Promise<number>} b
 * @param {{ rounds: number; warmup: number }} options
 */
export async function alternate(a, b, { rounds, warmup }) {
  /** @type {number[]} */ const as = [];
  /** @type {number[]} */ const bs = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const ta = await a();
    const tb = await b();
    if (i >= warmup) {
      as.push(ta);
      bs.push(tb);
    }
  }
  return { a: as, b: bs };
}

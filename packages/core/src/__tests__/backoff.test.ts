import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../registration-controller.js';

const options = { initialDelayMs: 1000, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it('doubles from about 1 s and caps at about 30 s', () => {
    const upper = [1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => backoffDelay(attempt, options, () => 1));
    expect(upper).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('jitters within the upper half of each step', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(500);
    expect(backoffDelay(6, options, () => 0)).toBe(15_000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(3, options);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  it('never overflows for huge attempt numbers', () => {
    expect(backoffDelay(10_000, options, () => 1)).toBe(30_000);
  });
});

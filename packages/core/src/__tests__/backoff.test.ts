import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../registration-controller.js';

const options = { initialDelayMs: 1000, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it('has a bound that doubles from initialDelayMs and caps at maxDelayMs', () => {
    const upper = [1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => backoffDelay(attempt, options, () => 1));
    expect(upper).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('picks anywhere from 0 to the bound of the step (full jitter)', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(0);
    expect(backoffDelay(1, options, () => 0.5)).toBe(500);
    expect(backoffDelay(6, options, () => 0.5)).toBe(15_000);
    const delays = Array.from({ length: 400 }, () => backoffDelay(3, options));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    // Spread over the whole window, not bunched at one end.
    expect(delays.filter((delay) => delay < 2000).length).toBeGreaterThan(100);
    expect(delays.filter((delay) => delay >= 2000).length).toBeGreaterThan(100);
  });

  it('never overflows for huge attempt numbers', () => {
    expect(backoffDelay(10_000, options, () => 1)).toBe(30_000);
  });
});

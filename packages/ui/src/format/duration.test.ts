import { describe, expect, it } from 'vitest';
import { isoDuration, secondsSince } from './duration.js';

describe('durations', () => {
  it('writes ISO durations', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(83)).toBe('PT1M23S');
    expect(isoDuration(3600)).toBe('PT1H');
  });

  it('counts seconds from a start timestamp', () => {
    expect(secondsSince(1_000, 84_500)).toBe(83);
    expect(secondsSince(0, 84_500)).toBe(0);
    expect(secondsSince(90_000, 84_500)).toBe(0);
  });
});

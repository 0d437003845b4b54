import { describe, expect, it } from 'vitest';
import { formatDuration, isoDuration, secondsSince } from './duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [9.9, '00:09'],
    [83, '01:23'],
    [3599, '59:59'],
    [3723, '1:02:03'],
    [-5, '00:00'],
    [Number.NaN, '00:00'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

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

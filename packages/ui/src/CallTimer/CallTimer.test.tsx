import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallTimer } from './CallTimer.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('CallTimer', () => {
  it('formats a given duration', () => {
    render(<CallTimer seconds={3723} />);
    expect(screen.getByRole('timer')).toHaveTextContent('1:02:03');
    expect(screen.getByRole('timer')).toHaveAttribute('datetime', 'PT1H2M3S');
  });

  it('counts up from a start timestamp', () => {
    vi.useFakeTimers();
    let clock = 1_000_000;
    const now = () => clock;
    render(<CallTimer startTime={clock - 59_000} now={now} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:59');
    act(() => {
      clock += 1_100;
      vi.advanceTimersByTime(1_100);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('1:00');
  });

  it('shows zero before the call is answered', () => {
    render(<CallTimer startTime={0} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { RegistrationStatus } from './RegistrationStatus.js';

describe('RegistrationStatus', () => {
  it('shows the registered address, and passes axe', async () => {
    const { container } = render(
      <RegistrationStatus registration={{ status: 'registered', aor: 'sip:1001@pbx.example.com', registeredAt: 1, expiresAt: 2 }} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Online1001@pbx.example.com');
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'online');
    await expectNoAxeViolations(container);
  });

  it('explains a failed registration', () => {
    const { rerender } = render(
      <RegistrationStatus registration={{ status: 'failed', error: { code: -201, message: 'REGISTRY_FAILED: 403 Forbidden' }, statusCode: 403 }} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Sign-in failedCheck the user name and password (SIP 403)');
    expect(screen.getByRole('status')).toHaveAttribute('title', 'REGISTRY_FAILED: 403 Forbidden');
    rerender(<RegistrationStatus registration={{ status: 'failed', error: { code: -201, message: 'REGISTRY_FAILED: 503 Service Unavailable' } }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Sign-in failedService unavailable (SIP 503)');
    rerender(<RegistrationStatus registration={{ status: 'failed', error: { code: -201, message: 'REGISTRY_FAILED' }, statusCode: 401 }} />);
    expect(screen.getByRole('status')).toHaveTextContent(/Check the user name and password \(SIP 401\)/);
  });

  it('shows reconnection progress over the registration', () => {
    const { rerender } = render(
      <RegistrationStatus registration={{ status: 'registering' }} transport="disconnected" reconnect={{ attempt: 2, nextAttemptAt: 10, exhausted: false }} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…Attempt 2');
    rerender(
      <RegistrationStatus
        registration={{ status: 'unregistered' }}
        transport="disconnected"
        reconnect={{ attempt: 5, nextAttemptAt: null, exhausted: true }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('OfflineCould not reconnect');
    rerender(<RegistrationStatus registration={{ status: 'unregistered' }} />);
    expect(screen.getByRole('status')).toHaveTextContent(/^Offline$/);
  });

  it('counts down to the next reconnect attempt without announcing the ticks', () => {
    const at = 1_000_000;
    const { rerender } = render(
      <RegistrationStatus
        registration={{ status: 'unregistered' }}
        transport="disconnected"
        reconnect={{ attempt: 1, nextAttemptAt: at + 29_500, exhausted: false }}
        now={() => at}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…Attempt 1retrying in 0:30');
    expect(screen.getByRole('timer')).toHaveAttribute('dateTime', 'PT30S');
    rerender(
      <RegistrationStatus
        registration={{ status: 'unregistered' }}
        transport="disconnected"
        reconnect={{ attempt: 1, nextAttemptAt: at - 1, exhausted: false }}
        now={() => at}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('retrying now');
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

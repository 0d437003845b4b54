import { act, render, screen } from '@testing-library/react';
import { PhoneProvider } from '@webphone/react';
import { describe, expect, it } from 'vitest';
import { scriptedSetup } from '../test-support/scripted.js';
import { ConnectedRegistrationStatus } from './ConnectedRegistrationStatus.js';

describe('ConnectedRegistrationStatus', () => {
  it('follows registration, its failure reason, and the reconnect countdown', () => {
    const { phone, clock } = scriptedSetup({ registered: false, autoRegister: false });
    render(
      <PhoneProvider phone={phone}>
        <ConnectedRegistrationStatus />
      </PhoneProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    act(() => phone.register());
    expect(screen.getByRole('status')).toHaveTextContent('Online1001@webphone.test');
    act(() => phone.failRegistration());
    expect(screen.getByRole('status')).toHaveTextContent('Sign-in failedCheck the user name and password (SIP 403)');
    // The phone schedules the next attempt a second after the loss; move its clock so that is 30 s away.
    clock.offset = 29_000;
    act(() => phone.dropConnection());
    clock.offset = 0;
    expect(screen.getByRole('status')).toHaveTextContent(/^Reconnecting…Attempt 1retrying in 0:(30|29)$/);
    act(() => phone.register());
    expect(screen.getByRole('status')).toHaveTextContent('Online');
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScriptedPhone } from '@webphone/core/testing';
import { PhoneProvider, ResultCode } from '@webphone/react';
import { Softphone } from './FiveMinutes.js';

// happy-dom replaces the global URL, so resolve paths from the file path, not with `new URL`.
const here = dirname(fileURLToPath(import.meta.url));
const example = readFileSync(join(here, 'FiveMinutes.tsx'), 'utf8');
const readme = readFileSync(join(here, '../../../README.md'), 'utf8');

describe('README: React in five minutes', () => {
  it('shows this very (type-checked) file, verbatim', () => {
    expect(readme).toContain(['```tsx', '// App.tsx', example.trimEnd(), '```'].join('\n'));
  });

  it('works: registers, dials, answers, mutes, hangs up', async () => {
    const phone = new ScriptedPhone({ autoRegister: false });
    render(
      <PhoneProvider phone={phone}>
        <Softphone />
      </PhoneProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('registering');
    expect(screen.getByRole('button', { name: 'Call' })).toHaveProperty('disabled', true);
    act(() => phone.register());
    expect(screen.getByRole('status').textContent).toBe('registered');

    fireEvent.change(screen.getByLabelText('Number'), { target: { value: '10<02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^INVALID_NUMBER/);
    expect(ResultCode.INVALID_NUMBER).toBe(-209);

    fireEvent.change(screen.getByLabelText('Number'), { target: { value: '1002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(await screen.findByText('1002 · calling · 0:00')).toBeTruthy();
    // The example clears its error once `call()` resolves, which may come a render after the store shows the call.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    act(() => void phone.remoteAnswer(phone.lastCallId!));
    expect(screen.getByText('1002 · talking · 0:00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(screen.queryByRole('region', { name: 'Current call' })).toBeNull();

    act(() => void phone.simulateIncoming({ number: '1003', name: 'Ada' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Call from Ada' });
    fireEvent.click(dialog.querySelector('button')!);
    expect(await screen.findByText('Ada · talking · 0:00')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

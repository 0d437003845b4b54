import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { DevicePicker } from './DevicePicker.js';

const devices = {
  microphones: [{ kind: 'audioinput' as const, deviceId: 'mic-1', groupId: 'g1', label: 'Headset microphone' }],
  speakers: [{ kind: 'audiooutput' as const, deviceId: 'spk-1', groupId: 'g1', label: 'Headset' }],
  cameras: [],
  selected: { ringerDeviceId: 'spk-1' },
};

describe('DevicePicker', () => {
  it('lists each kind with the system default first, reports choices, and passes axe', async () => {
    const onSelect = vi.fn();
    const { container } = render(<DevicePicker devices={devices} onSelect={onSelect} />);
    expect(screen.getByRole('region', { name: 'Audio devices' })).toBeInTheDocument();
    expect(screen.getAllByRole('combobox').map((select) => select.getAttribute('id') !== null && (select as HTMLSelectElement).labels[0]?.textContent)).toEqual(
      ['Microphone', 'Speaker', 'Ringer', 'Camera'],
    );
    expect(screen.getByRole('combobox', { name: 'Ringer' })).toHaveValue('spk-1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Speaker' }), 'Headset');
    expect(onSelect).toHaveBeenCalledWith('speaker', 'spk-1');
    await expectNoAxeViolations(container);
  });

  it('takes its texts from labels', () => {
    render(
      <DevicePicker
        devices={devices}
        onSelect={vi.fn()}
        kinds={['microphone']}
        labels={{ title: 'Geräte', microphone: 'Mikrofon', systemDefault: 'Systemstandard' }}
      />,
    );
    expect(screen.getByRole('region', { name: 'Geräte' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Mikrofon' })).toHaveDisplayValue('Systemstandard');
  });
});

import type { CallStatus } from '@webphone/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ActiveCall } from '../ActiveCall/ActiveCall.js';
import { makeCall } from '../test-support/fixtures.js';
import { CallSwitcher, type CallSwitcherProps } from './CallSwitcher.js';

const ada = makeCall({ callId: 'a', callStartTime: Date.now() - 312_000 });
const grace = makeCall({ callId: 'g', name: 'Grace Hopper', number: '1003', company: 'Sales', isHold: true, callStartTime: Date.now() - 95_000 });

/** Switching holds the current call and resumes the chosen one, as the connected widget will. */
function TwoCallsDemo({ withCurrentCall, ...props }: CallSwitcherProps & { withCurrentCall?: boolean }) {
  const [calls, setCalls] = useState<readonly CallStatus[]>(props.calls);
  const [current, setCurrent] = useState(props.currentCallId);
  const currentCall = calls.find((c) => c.callId === current);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 380 }}>
      <CallSwitcher
        {...props}
        calls={calls}
        currentCallId={current}
        onSwitch={(id) => {
          props.onSwitch(id);
          setCalls((cs) => cs.map((c) => ({ ...c, isHold: c.callId !== id })));
          setCurrent(id);
        }}
      />
      {withCurrentCall && currentCall && (
        <ActiveCall call={currentCall} onHangup={() => undefined} onMuteChange={() => undefined} onHoldChange={() => undefined} />
      )}
    </div>
  );
}

const meta = {
  title: 'Widgets/CallSwitcher',
  component: CallSwitcher,
  render: (args) => <TwoCallsDemo {...args} />,
  args: { calls: [ada, grace], currentCallId: 'a', onSwitch: fn() },
} satisfies Meta<typeof CallSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two calls: one current, one on hold. Switches to the held one. */
export const TwoCalls: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Grace Hopper' }));
    await expect(args.onSwitch).toHaveBeenCalledWith('g');
    await expect(canvas.getByRole('button', { name: 'Switch to Ada Lovelace' })).toBeVisible();
  },
};

/** Two calls above the current call's controls. */
export const TwoCallsWithCurrentCall: Story = {
  render: (args) => <TwoCallsDemo {...args} withCurrentCall />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Ada Lovelace' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Grace Hopper' }));
    await expect(canvas.getByRole('region', { name: 'Grace Hopper' })).toBeVisible();
  },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** In Arabic: the list is named with the dual form ("مكالمتان", two calls), chosen by `Intl.PluralRules`. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole('region', { name: 'مكالمتان' });
    await expect(list).toHaveAttribute('dir', 'rtl');
    await expect(canvas.getByText('الحالية')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'التبديل إلى Grace Hopper' })).toBeVisible();
  },
};

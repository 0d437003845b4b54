import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { consultCall, GRACE, holdCall, talkingCall, userCommands } from '../test-support/scripted.js';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { useRef, useState } from 'react';
import { ar } from '../locales/ar.js';
import { Softphone } from './Softphone.js';

/**
 * The drop-in phone on a scripted in-memory phone (`@webphone/core/testing`):
 * the same `PhoneApi` and store as the real one, no SIP server. Each `play`
 * clicks through the UI, plays the far end with the phone's scripting
 * methods, and checks the commands the phone received.
 */
const meta = {
  title: 'Connected/Softphone',
  component: Softphone,
  args: { title: 'Phone' },
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <div style={{ width: '100%', maxWidth: 380 }}>
      <WithStoryPhone loaded={loaded}>
        <Softphone {...args} />
      </WithStoryPhone>
    </div>
  ),
} satisfies Meta<typeof Softphone>;

export default meta;
type Story = StoryObj<typeof meta>;

const numberField = (canvasElement: HTMLElement) => within(canvasElement).getByRole('textbox', { name: 'Number or SIP address' });

/** Registered and idle. Dials 1002 and calls it. */
export const IdleRegistered: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Online')).toBeVisible();
    await userEvent.type(numberField(canvasElement), '1002');
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(userCommands(phone)).toEqual([{ name: 'call', args: ['1002'] }]);
    await expect(await canvas.findByText('Calling…')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: '1002' })).toBeVisible();
  },
};

/** The connection dropped: offline, counting down to the next reconnect attempt; Call is disabled. */
export const UnregisteredReconnecting: Story = {
  loaders: [
    phoneLoader(({ phone, clock }) => {
      // The scripted phone schedules the attempt a second ahead; move its clock so it is a minute away.
      clock.offset = 59_000;
      phone.dropConnection();
      clock.offset = 0;
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Reconnecting…')).toBeVisible();
    await expect(canvas.getByRole('timer')).toHaveTextContent(/^(0:5\d|1:00)$/);
    await userEvent.type(numberField(canvasElement), '1002');
    await expect(canvas.getByRole('button', { name: 'Call' })).toBeDisabled();
    await expect(canvas.getByText(/Not connected to the phone system/)).toBeVisible();
  },
};

/** The registrar refused the credentials: the reason is shown. */
export const SignInFailed: Story = {
  loaders: [phoneLoader(({ phone }) => phone.failRegistration())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Sign-in failed')).toBeVisible();
    await expect(canvas.getByText('Check the user name and password (SIP 403)')).toBeVisible();
  },
};

/** A call rings. Answering it. */
export const Ringing: Story = {
  loaders: [phoneLoader(({ phone }) => phone.simulateIncoming({ number: '+14155550132', name: 'Ada Lovelace', company: 'Analytical Engines Ltd' }))],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const dialog = canvas.getByRole('alertdialog', { name: 'Incoming call from Ada Lovelace' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Answer' }));
    await expect(userCommands(phone)).toEqual([{ name: 'answer', args: ['call-1'] }]);
    await expect(await canvas.findByText('Connected')).toBeVisible();
    await expect(canvas.queryByRole('alertdialog')).toBeNull();
    // Focus lands on the answered call's first control, never on the page.
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Mute' })).toHaveFocus());
  },
};

/**
 * No focus steal, no single-key shortcuts by default: a call rings while the user types in the host
 * app's field. Focus stays in the field, "a" and "d" are typed, and the dialog offers no key hint.
 */
export const RingingWhileTyping: Story = {
  render: (args, { loaded }) => (
    <div style={{ display: 'grid', gap: 12, width: '100%', maxWidth: 380 }}>
      <label>
        Ticket notes <textarea />
      </label>
      <WithStoryPhone loaded={loaded}>
        <Softphone {...args} />
      </WithStoryPhone>
    </div>
  ),
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const notes = canvas.getByRole('textbox', { name: 'Ticket notes' });
    await userEvent.click(notes);
    await userEvent.keyboard('ad');
    phone.simulateIncoming({ number: '1003', name: 'Grace Hopper' });
    const dialog = await canvas.findByRole('alertdialog', { name: 'Incoming call from Grace Hopper' });
    await expect(notes).toHaveFocus();
    await userEvent.keyboard('ad');
    await expect(notes).toHaveValue('adad');
    await expect(within(dialog).getByRole('button', { name: 'Answer' })).not.toHaveAttribute('aria-keyshortcuts');
    await expect(dialog.querySelector('.wp-incoming__shortcuts')).toBeNull();
    // Outside any field the keys do nothing either: shortcuts are opt-in.
    notes.blur();
    await userEvent.keyboard('a');
    await expect(userCommands(phone)).toEqual([]);
  },
};

/** Shortcuts opted in (`shortcuts`): listed in aria-keyshortcuts, hinted, and A answers from anywhere but a field. */
export const ShortcutsOptIn: Story = {
  args: { shortcuts: true },
  loaders: [phoneLoader(({ phone }) => phone.simulateIncoming({ number: '1003', name: 'Grace Hopper' }))],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const dialog = canvas.getByRole('alertdialog', { name: 'Incoming call from Grace Hopper' });
    await expect(within(dialog).getByRole('button', { name: 'Answer' })).toHaveAttribute('aria-keyshortcuts', 'A');
    await expect(within(dialog).getByRole('button', { name: 'Decline' })).toHaveAttribute('aria-keyshortcuts', 'D Escape');
    await expect(dialog.querySelector('.wp-incoming__shortcuts')).toHaveTextContent('A answer · D decline');
    // A field of the host app (the ringing call hides the softphone's own number field): typing there answers nothing.
    const notes = document.createElement('input');
    notes.setAttribute('aria-label', 'Notes');
    canvasElement.append(notes);
    await userEvent.type(notes, 'ad');
    await expect(userCommands(phone)).toEqual([]);
    notes.remove();
    await userEvent.keyboard('a');
    await expect(userCommands(phone)).toEqual([{ name: 'answer', args: ['call-1'] }]);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Mute' })).toHaveFocus());
  },
};

/** The app asks for focus on a ringing call (`focusIncomingCall`): Answer takes it; declining gives it back. */
export const FocusIncomingCall: Story = {
  args: { focusIncomingCall: true },
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const field = numberField(canvasElement);
    await userEvent.click(field);
    phone.simulateIncoming({ number: '1003', name: 'Grace Hopper' });
    const answer = await canvas.findByRole('button', { name: 'Answer' });
    await waitFor(() => expect(answer).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await expect(userCommands(phone)).toEqual([{ name: 'reject', args: ['call-1'] }]);
    await waitFor(() => expect(field).toHaveFocus());
  },
};

/** A call rings. Declining it (486) leaves the dialer. */
export const RingingReject: Story = {
  loaders: [phoneLoader(({ phone }) => phone.simulateIncoming({ number: '+442079460958' }))],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Decline' }));
    await expect(userCommands(phone)).toEqual([{ name: 'reject', args: ['call-1'] }]);
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull());
    await expect(numberField(canvasElement)).toBeVisible();
  },
};

/** An outbound call, not answered yet; the far end answers. */
export const Calling: Story = {
  loaders: [
    phoneLoader(async ({ phone }) => {
      await phone.call('1002');
      phone.setSessionStaticStatus(phone.lastCallId!, GRACE);
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Calling…')).toBeVisible();
    phone.remoteAnswer(phone.lastCallId!);
    await expect(await canvas.findByText('Connected')).toBeVisible();
  },
};

/** Talking. Mute, hold, resume and DTMF go to the phone. */
export const Talking: Story = {
  loaders: [phoneLoader((setup) => talkingCall(setup))],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const mute = canvas.getByRole('button', { name: 'Mute' });
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect(mute).toHaveAccessibleName('Unmute');
    const hold = canvas.getByRole('button', { name: 'Hold' });
    await userEvent.click(hold);
    await expect(hold).toHaveAttribute('aria-pressed', 'true');
    await expect(hold).toHaveAccessibleName('Resume');
    await userEvent.click(hold);
    await userEvent.click(canvas.getByRole('button', { name: 'Keypad' }));
    await userEvent.click(within(canvas.getByRole('group', { name: 'Send tones' })).getByRole('button', { name: '1' }));
    await userEvent.keyboard('#');
    await expect(userCommands(phone)).toEqual([
      { name: 'mute', args: ['call-1'] },
      { name: 'hold', args: ['call-1'] },
      { name: 'unhold', args: ['call-1'] },
      { name: 'dtmf', args: ['call-1', '1'] },
      { name: 'dtmf', args: ['call-1', '#'] },
    ]);
    await expect(canvas.getByLabelText('Digits sent')).toHaveTextContent('1#');
  },
};

/** Two calls: Grace answered while Ada waits on hold. Switching back holds Grace. */
export const TwoCalls: Story = {
  loaders: [
    phoneLoader(async (setup) => {
      const ada = await talkingCall(setup);
      await holdCall(setup, ada);
      const grace = setup.phone.simulateIncoming({ number: '1003', name: 'Grace Hopper', company: 'Sales' });
      await setup.phone.answer(grace);
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Grace Hopper' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Ada Lovelace' }));
    await expect(userCommands(phone)).toEqual([
      { name: 'hold', args: ['call-2'] },
      { name: 'unhold', args: ['call-1'] },
      { name: 'setCurrentSession', args: ['call-1'] },
    ]);
    const ada = await canvas.findByRole('region', { name: 'Ada Lovelace' });
    await expect(ada).toBeVisible();
    // The Switch button is gone: focus moves to the call switched to.
    await waitFor(() => expect(within(ada).getByRole('button', { name: 'Mute' })).toHaveFocus());
  },
};

/** Transfer in progress: consulting Grace while Ada is on hold. Completes the transfer. */
export const TransferInProgress: Story = {
  loaders: [
    phoneLoader(async (setup) => {
      const ada = await talkingCall(setup);
      const grace = await consultCall(setup, ada, '1003');
      setup.phone.setSessionStaticStatus(grace, GRACE);
      setup.phone.remoteAnswer(grace);
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Consulting before transferring Ada Lovelace, who is on hold.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Complete transfer' }));
    await expect(userCommands(phone)).toEqual([{ name: 'completeTransfer', args: ['call-2'] }]);
    // In the banner (and in the live region, which is not visible).
    await expect((await canvas.findAllByText('Completing transfer to 1003…'))[0]).toBeVisible();
    phone.acceptTransfer('call-2');
    await expect(await canvas.findByText('Call transferred')).toBeVisible();
  },
};

/** The transfer target refused: the call goes on and the user may try again. */
export const TransferFailed: Story = {
  loaders: [
    phoneLoader(async (setup) => {
      const ada = await talkingCall(setup);
      setup.phone.blindTransfer(ada, '1009');
      setup.phone.failTransfer(ada, 486);
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(canvas.getByRole('textbox', { name: 'Transfer to' })).toHaveValue('1009');
  },
};

/** The callee was busy: the card keeps the reason; Close returns to the dialer. */
export const CallFailed: Story = {
  loaders: [
    phoneLoader(async ({ phone, clock }) => {
      clock.offset = -5_000;
      await phone.call('1002');
      clock.offset = 0;
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    phone.remoteReject(phone.lastCallId!, 486);
    await expect(await canvas.findByText('The line is busy (SIP 486)')).toBeVisible();
    await expect(canvas.getByText('Call failed')).toBeVisible();
  },
};

/** Talking, dark theme. */
export const TalkingDark: Story = {
  loaders: [phoneLoader((setup) => talkingCall(setup))],
  globals: { theme: 'dark' },
};

/** At 320 px, ringing over a call. */
export const Narrow: Story = {
  loaders: [
    phoneLoader(async (setup) => {
      await talkingCall(setup);
      setup.phone.simulateIncoming({ number: '1003', name: 'Grace Hopper', company: 'Sales' });
    }),
  ],
  render: (args, { loaded }) => (
    <div style={{ width: 320 }}>
      <WithStoryPhone loaded={loaded}>
        <Softphone {...args} />
      </WithStoryPhone>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const softphone = canvasElement.querySelector('.wp-softphone')!;
    await expect(softphone.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** Dialling: after Call the dialer gives way to the call, and focus to its first control. */
export const FocusAfterCall: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(numberField(canvasElement), '1002');
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(await canvas.findByText('Calling…')).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Mute' })).toHaveFocus());
  },
};

/** The whole phone in Arabic (`messages={ar}`): right to left, every text and name translated; dials and fails busy. */
export const Arabic: Story = {
  args: { messages: ar, title: undefined },
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const softphone = canvas.getByRole('region', { name: 'الهاتف' });
    await expect(softphone).toHaveAttribute('dir', 'rtl');
    await expect(canvas.getByText('متصل')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'عدم الإزعاج' })).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: 'رقم أو عنوان SIP' }), '1002');
    await userEvent.click(canvas.getByRole('button', { name: 'اتصال' }));
    await expect(await canvas.findByText('جارٍ الاتصال…')).toBeVisible();
    phone.remoteReject(phone.lastCallId!, 486);
    await expect(await canvas.findByText('الخط مشغول (SIP 486)')).toBeVisible();
    await expect(canvas.getByText('تعذّرت المكالمة')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'إغلاق' }));
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'رقم أو عنوان SIP' })).toHaveFocus());
  },
};

/** Composition: a ref and extra attributes reach the root; the header slot replaces the built-in header. */
export const HeaderSlotAndRef: Story = {
  render: function Render(args, { loaded }) {
    const ref = useRef<HTMLElement>(null);
    const [width, setWidth] = useState('');
    return (
      <div style={{ width: '100%', maxWidth: 380 }}>
        <WithStoryPhone loaded={loaded}>
          <Softphone
            {...args}
            ref={ref}
            data-app-section="support"
            header={
              <button type="button" onClick={() => setWidth(ref.current ? 'measured' : 'no ref')}>
                Support line
              </button>
            }
          />
        </WithStoryPhone>
        <output>{width}</output>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = canvas.getByRole('region', { name: 'Phone' });
    await expect(root).toHaveAttribute('data-app-section', 'support');
    await expect(canvas.queryByRole('button', { name: 'Do not disturb' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Support line' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('measured');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { RegistrationStatus } from './RegistrationStatus.js';

const meta = {
  title: 'Widgets/RegistrationStatus',
  component: RegistrationStatus,
  args: { registration: { status: 'registered', aor: 'sip:1001@pbx.example.com', registeredAt: 0, expiresAt: 0 } },
} satisfies Meta<typeof RegistrationStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Registered. */
export const Registered: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Online');
  },
};

/** Registering. */
export const Registering: Story = { args: { registration: { status: 'registering' } } };

/** Unregistered. */
export const Unregistered: Story = {
  args: { registration: { status: 'unregistered' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Offline');
  },
};

/** The registrar refused the credentials. */
export const Failed: Story = {
  args: { registration: { status: 'failed', error: { code: -201, message: 'REGISTRY_FAILED: 403 Forbidden' }, statusCode: 403 } },
};

/** Connection lost, reconnecting. */
export const Reconnecting: Story = {
  args: { registration: { status: 'registering' }, transport: 'disconnected', reconnect: { attempt: 2, nextAttemptAt: 0, exhausted: false } },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** In Arabic: sign-in refused, worded like every other SIP reason; the raw server text is in the `title`. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  args: { registration: { status: 'failed', error: { code: -201, message: 'REGISTRY_FAILED: 403 Forbidden' }, statusCode: 403 } },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await expect(status).toHaveAttribute('dir', 'rtl');
    await expect(status).toHaveTextContent('تعذّر تسجيل الدخول');
    await expect(status).toHaveTextContent('تحقق من اسم المستخدم وكلمة المرور (SIP 403)');
    await expect(status).not.toHaveTextContent('Forbidden');
  },
};

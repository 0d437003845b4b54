import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SAMPLE_AVATAR } from '../test-support/fixtures.js';
import { Avatar } from './Avatar.js';

const meta = {
  title: 'Widgets/Avatar',
  component: Avatar,
  args: { name: 'Ada Lovelace', number: '+14155550132', size: 'lg' },
} satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Initials on a colour derived from the name. */
export const Initials: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('AL')).toBeVisible();
  },
};

/** A photo (`http(s):` and `data:image/` URLs only). */
export const Photo: Story = {
  args: { src: SAMPLE_AVATAR },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).not.toBeNull();
  },
};

/** An unsafe URL is ignored: initials instead. */
export const UnsafeUrl: Story = {
  args: { src: 'javascript:alert(1)' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};

/** Pulsing, as while a call rings. */
export const Pulsing: Story = {
  args: { pulsing: true },
};

/** The three sizes. */
export const Sizes: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <Avatar {...args} size="sm" />
      <Avatar {...args} size="md" />
      <Avatar {...args} size="lg" />
    </div>
  ),
};

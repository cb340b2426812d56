import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import type { SignInForm } from '../src/index.js';
import { startInteraction } from './support/emulator.js';

interface Args {
  theme: SignInForm['theme'];
}

/**
 * `<sign-in-form>` against the emulator mounted in Storybook: each story starts a fresh
 * interaction, so it renders exactly what a user of the hosted page would see.
 */
const meta: Meta<Args> = {
  title: 'Elements/sign-in-form',
  component: 'sign-in-form',
  argTypes: { theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] } },
  args: { theme: 'auto' },
  loaders: [async () => ({ appId: await startInteraction() })],
  render: (args, { loaded }) =>
    html`<sign-in-form app-id=${String(loaded.appId)} theme=${args.theme}></sign-in-form>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';

import { addUser, uniqueUsername } from '../support/emulator.js';
import { type FormArgs, formStoryDefaults } from '../support/form.js';
import { alertText, atStep, expectTrue, fieldsOf, formIn, pressSubmit, typeInto, until } from '../support/play.js';

const PASSWORD = 'Tulip-Garden-42';

/**
 * The sign-in session is gone: Logto's `/unknown-session` page, and a session that expired while
 * the user was on the form.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Session',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** What the hosted page shows at `/unknown-session`, with the tenant's support address. */
export const UnknownSession: Story = {
  args: { screen: 'unknown-session' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'session-expired');
    // The sentence arrives with the error messages, which load after the first screen.
    await until(() => alertText(form), 'the page does not explain what happened');
    expectTrue(fieldsOf(form).querySelector('a[href^="mailto:"]'), 'there is no way to contact support');
  },
};

/**
 * The form was open, but the server no longer holds the interaction (it expired, or the user
 * signed in elsewhere): the first request tells the form, which says so.
 */
export const ExpiredWhileSigningIn: Story = {
  parameters: {
    noInteraction: true,
    tenant: {
      signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
    },
  },
  loaders: [
    async () => {
      const username = uniqueUsername('late');
      await addUser({ username, password: PASSWORD });
      return { username };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await typeInto(form, 'identifier', loaded.username);
    await typeInto(form, 'password', PASSWORD);
    pressSubmit(form);
    await atStep(form, 'session-expired');
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';

import { ExperienceClient } from '../../src/index.js';
import { addUser, uniqueEmail, uniqueUsername } from '../support/emulator.js';
import { SERVER_ERROR, TOO_MANY_REQUESTS } from '../support/faults.js';
import { type FormArgs, formStoryDefaults } from '../support/form.js';
import {
  atStep,
  expectEqual,
  expectErrorShown,
  fieldsOf,
  formIn,
  nextError,
  pressSubmit,
  submitExpectingError,
  typeInto,
} from '../support/play.js';

const PASSWORD = 'Tulip-Garden-42';
const CONFIG = '/api/.well-known/sign-in-exp';
const VERIFY_PASSWORD = '/api/experience/verification/password';

/** Usernames and passwords on one screen: one press sends the password. */
const USERNAME_PASSWORD = {
  signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
};
const EMAIL_CODE = {
  signIn: { methods: [{ identifier: 'email', password: false, verificationCode: true, isPasswordPrimary: false }] },
};

/**
 * What a user sees when the network or the server fails: the emulator answers everything except
 * the requests a story-scoped transport fails on purpose (offline, 500, 429, no answer). The
 * transport is `ExperienceClient`'s injectable `fetch`, handed to the form as its `client`.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Server problems',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

async function account(): Promise<{ username: string }> {
  const username = uniqueUsername('member');
  await addUser({ username, password: PASSWORD });
  return { username };
}

/** Types a username and password and presses "Sign in"; resolves with the error the form reports. */
async function signInExpectingError(canvasElement: HTMLElement, username: string) {
  const form = formIn(canvasElement);
  await atStep(form, 'sign-in');
  await typeInto(form, 'identifier', username);
  await typeInto(form, 'password', PASSWORD);
  const error = nextError(form, 15_000);
  pressSubmit(form);
  return { form, detail: await error };
}

async function loadFailure(canvasElement: HTMLElement, code: string, sentence: string): Promise<void> {
  const form = formIn(canvasElement);
  const error = nextError(form, 15_000);
  const detail = await error;
  expectEqual(detail.code, code, 'error code');
  await expectErrorShown(form, detail, 'alert', sentence);
  expectEqual(fieldsOf(form).querySelectorAll('button').length, 1, 'buttons offered (one: try again)');
}

/** The config cannot be fetched at all (offline): the page says so and offers to try again. */
export const ConfigOffline: Story = {
  parameters: { faults: [{ path: CONFIG, answer: 'offline' }] },
  play: ({ canvasElement }) =>
    loadFailure(canvasElement, 'client.network_error', 'Could not reach the server. Check your connection and try again.'),
};

export const ConfigServerError: Story = {
  parameters: { faults: [{ path: CONFIG, answer: SERVER_ERROR }] },
  play: ({ canvasElement }) =>
    loadFailure(canvasElement, 'client.unknown_error', 'Something went wrong on the server. Try again in a moment.'),
};

/** The connection drops when the password is sent. */
export const Offline: Story = {
  parameters: { tenant: USERNAME_PASSWORD, faults: [{ path: VERIFY_PASSWORD, answer: 'offline' }] },
  loaders: [account],
  play: async ({ canvasElement, loaded }) => {
    const { form, detail } = await signInExpectingError(canvasElement, loaded.username);
    expectEqual(detail.code, 'client.network_error', 'error code');
    await expectErrorShown(form, detail, 'alert', 'Could not reach the server. Check your connection and try again.');
  },
};

/** The password is right, but the server fails on the next request (`500`, no error code). */
export const ServerError: Story = {
  parameters: { tenant: USERNAME_PASSWORD, faults: [{ path: '/api/experience/identification', answer: SERVER_ERROR }] },
  loaders: [account],
  play: async ({ canvasElement, loaded }) => {
    const { form, detail } = await signInExpectingError(canvasElement, loaded.username);
    expectEqual(detail.code, 'client.unknown_error', 'error code');
    await expectErrorShown(form, detail, 'alert', 'Something went wrong on the server. Try again in a moment.');
  },
};

/** A rate limiter in front of Logto answers `429` with `Retry-After: 30`. */
export const TooManyRequests: Story = {
  parameters: { tenant: USERNAME_PASSWORD, faults: [{ path: VERIFY_PASSWORD, answer: TOO_MANY_REQUESTS }] },
  loaders: [account],
  play: async ({ canvasElement, loaded }) => {
    const { form, detail } = await signInExpectingError(canvasElement, loaded.username);
    await expectErrorShown(form, detail, 'alert', 'Too many requests. Try again in 30 seconds.');
  },
};

/** The server takes longer than the client waits (here 1.5 s). */
export const Timeout: Story = {
  parameters: { tenant: USERNAME_PASSWORD, faults: [{ path: VERIFY_PASSWORD, answer: 'hang' }], faultTimeoutMs: 1500 },
  loaders: [account],
  play: async ({ canvasElement, loaded }) => {
    const { form, detail } = await signInExpectingError(canvasElement, loaded.username);
    expectEqual(detail.code, 'client.timeout', 'error code');
    await expectErrorShown(form, detail, 'alert', 'The server took too long to answer. Try again.');
  },
};

/**
 * The emulator's own limit, as Logto has it: ten codes to one address within ten minutes. The
 * play function uses them up first, so the user's request for an eleventh is refused with `429`.
 */
export const CodeRateLimited: Story = {
  parameters: { tenant: EMAIL_CODE },
  loaders: [
    async () => {
      const email = uniqueEmail('limited');
      await addUser({ email });
      return { email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    // Ten codes went to this address already (another tab, an impatient user).
    const earlier = new ExperienceClient({ appId: form.appId });
    await earlier.startInteraction('SignIn');
    for (let sent = 0; sent < 10; sent++) await earlier.sendVerificationCode({ type: 'email', value: loaded.email }, 'SignIn');
    await typeInto(form, 'identifier', loaded.email);
    await submitExpectingError(form, 'request.message_rate_limited', 'alert', 'Too many codes were sent. Wait a few minutes before asking for another one.');
  },
};

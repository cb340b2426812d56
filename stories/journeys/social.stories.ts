import type { Meta, StoryObj } from '@storybook/web-components-vite';

import type { QrSignIn, SignInForm } from '../../src/index.js';
import { addUser, socialCallback, uniqueEmail, uniqueUsername } from '../support/emulator.js';
import { type FormArgs, formStoryDefaults } from '../support/form.js';
import { atStep, expectEqual, expectErrorShown, expectTrue, fieldsOf, formIn, nextError, until } from '../support/play.js';

const OAUTH2 = 'oauth2-demo';

/** No identifier sign-in or sign-up: the providers are the only way in. */
const SOCIAL_ONLY = { signIn: { methods: [] }, signUp: { identifiers: [], password: false, verify: false } };

/**
 * Social sign-in inside `<sign-in-form>`, with the emulator's fake providers. A story that comes
 * back from a provider does the browser's round trip itself (the provider's consent page answers
 * with a code or an error) and hands the callback to the form with `completeSocial()`, as the
 * hosted page does on `/callback/:connectorId`.
 */
const meta: Meta<FormArgs> = {
  title: 'Journeys/Social',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

/** Comes back from the OAuth 2.0 provider with this answer, as `/callback/oauth2-demo` would. */
async function backFromProvider(form: SignInForm, answer: Parameters<typeof socialCallback>[2]): Promise<void> {
  await form.whenReady();
  const params = await socialCallback(form.appId ?? '', OAUTH2, answer);
  await form.completeSocial(OAUTH2, params);
}

function socialButton(form: SignInForm, target: string): HTMLButtonElement {
  const button = form.querySelector('social-buttons')?.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-target="${target}"]`);
  if (!button) throw new Error(`there is no button for ${target}`);
  return button;
}

/** A tenant without passwords or codes: only the provider buttons. */
export const SocialOnly: Story = {
  parameters: { tenant: SOCIAL_ONLY },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectTrue(!fieldsOf(form).querySelector('input[name="identifier"]'), 'an identifier field is shown on a social-only tenant');
    expectTrue(socialButton(form, 'wechat'), 'the providers are not shown');
  },
};

/**
 * The provider's account is new, but its email belongs to an existing account: link the two, or
 * create a new account.
 */
export const LinkOrRegister: Story = {
  args: { screen: 'social-callback' },
  loaders: [
    async () => {
      const email = uniqueEmail('linked');
      await addUser({ email, password: 'Tulip-Garden-42' });
      return { email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = formIn(canvasElement);
    await backFromProvider(form, { login: uniqueUsername('social'), name: 'Social User', email: loaded.email });
    await atStep(form, 'social-link');
    expectTrue(fieldsOf(form).textContent?.includes(loaded.email), 'the step does not name the existing account');
    expectTrue(fieldsOf(form).querySelector('button.si-button--secondary'), 'there is no way to create a new account instead');
  },
};

/** The user pressed "Cancel" at the provider: back to the sign-in screen, saying so. */
export const CancelledAtProvider: Story = {
  args: { screen: 'social-callback' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    const error = nextError(form);
    await backFromProvider(form, { decision: 'deny', login: 'nobody' });
    const detail = await error;
    expectEqual(detail.code, 'social.cancelled', 'error code');
    await atStep(form, 'sign-in');
    await expectErrorShown(form, detail, 'alert', 'The sign-in was cancelled at the provider. Choose a way to sign in.');
  },
};

export const ProviderError: Story = {
  args: { screen: 'social-callback' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    const error = nextError(form);
    await backFromProvider(form, { decision: 'error', login: 'nobody' });
    const detail = await error;
    expectEqual(detail.code, 'social.provider_error', 'error code');
    await expectErrorShown(form, detail, 'alert', 'The provider could not complete the sign-in. Try again or choose another way.');
  },
};

/** A tenant that only signs people in, and a provider account nobody has used: no way in. */
export const NoAccount: Story = {
  args: { screen: 'social-callback' },
  parameters: { tenant: { signInMode: 'SignIn' } },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    const error = nextError(form);
    await backFromProvider(form, { login: uniqueUsername('stranger') });
    const detail = await error;
    expectEqual(detail.code, 'social.no_account', 'error code');
    await expectErrorShown(form, detail, 'alert', 'No account is linked to this provider, and new accounts cannot be created here.');
  },
};

/** Back from the provider, while the server verifies the sign-in. */
export const Completing: Story = {
  args: { screen: 'social-callback' },
  parameters: { faults: [{ path: `/api/experience/verification/social/${OAUTH2}/verify`, answer: 'hang' }] },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await form.whenReady();
    const params = await socialCallback(form.appId ?? '', OAUTH2, { login: uniqueUsername('waiting') });
    void form.completeSocial(OAUTH2, params);
    await until(
      () => form.step?.name === 'social-callback' && form.step.connectorId === OAUTH2,
      'the form is not completing the OAuth2 sign-in',
    );
    await until(
      () => fieldsOf(form).querySelector('[role="status"] .si-spinner') && fieldsOf(form).textContent?.includes('OAuth2'),
      'no progress naming the provider is shown',
    );
  },
};

/** WeChat on a desktop: its QR login page, inside the form. */
export const WechatQrPanel: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    socialButton(form, 'wechat').click();
    await atStep(form, 'social-panel');
    const panel = await until(() => form.querySelector<QrSignIn>('qr-sign-in'), 'the QR panel is not shown');
    await until(() => panel.status === 'ready', () => `the QR panel is "${panel.status}", not ready`);
  },
};

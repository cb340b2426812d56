import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { QrSignIn } from '../src/index.js';
import { startInteraction, wechatQrPage } from './support/emulator.js';
import { expectEqual, expectTrue, PlayError, until } from './support/play.js';

interface Args {
  provider: string;
  /** Seconds before the code counts as expired. */
  lifetime: number;
  /** Milliseconds to wait for the provider's page. */
  loadTimeout: number;
}

interface QrParameters {
  /** Where the panel's page comes from: the emulator's WeChat, a port nothing answers on, or not known yet. */
  page?: 'wechat' | 'unreachable' | 'none';
}

/** A loopback port nothing listens on: the connection is refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9/connect/qrconnect?appid=wx-emulated-app&login_type=jssdk';

/**
 * `<qr-sign-in>` with the emulator's WeChat QR login page, as `<sign-in-form>` frames it: the
 * authorization URI the emulator returns for the `wechat-web` connector. Its states are `loading`,
 * `ready`, `expired` and `failed`.
 */
const meta: Meta<Args> = {
  title: 'Elements/qr-sign-in',
  component: 'qr-sign-in',
  args: { provider: 'WeChat', lifetime: 300, loadTimeout: 15_000 },
  argTypes: {
    provider: { control: 'text', description: '`provider` attribute: the name shown to the user.' },
    lifetime: { control: { type: 'number', min: 1 }, description: '`lifetime` attribute, in seconds.' },
    loadTimeout: { control: { type: 'number', min: 100 }, description: '`load-timeout` attribute, in milliseconds.' },
  },
  parameters: { page: 'wechat' } satisfies QrParameters,
  loaders: [
    async ({ parameters }) => {
      const { page } = parameters as QrParameters;
      if (page === 'none') return {};
      const wechat = await wechatQrPage(await startInteraction());
      return page === 'unreachable' ? { src: UNREACHABLE, fallback: wechat.fallback } : wechat;
    },
  ],
  // The panel fills its container's width (up to the frame's 300px), as inside the form's card.
  render: (args, { loaded }) => html`<div style="inline-size: 356px">
    <qr-sign-in
      src=${ifDefined(loaded.src as string | undefined)}
      fallback=${ifDefined(loaded.fallback as string | undefined)}
      provider=${args.provider}
      lifetime=${args.lifetime}
      load-timeout=${args.loadTimeout}
    ></qr-sign-in>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

function panelIn(canvas: HTMLElement): QrSignIn {
  const panel = canvas.querySelector('qr-sign-in');
  if (!panel) throw new PlayError('there is no <qr-sign-in> in the story');
  return panel;
}

function statusText(panel: QrSignIn): string {
  return panel.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
}

async function reaches(panel: QrSignIn, status: QrSignIn['status'], timeout = 8000): Promise<void> {
  await until(() => panel.status === status, () => `the panel is "${panel.status}", not "${status}"`, timeout);
  await panel.updateComplete;
  expectEqual(panel.getAttribute('status'), status, 'the reflected status');
  expectTrue(statusText(panel), 'the status line is empty');
  // Every state but "expired" tells the user which provider this is about.
  if (status !== 'expired') {
    expectTrue(statusText(panel).includes(panel.provider), `the status line does not name ${panel.provider}: "${statusText(panel)}"`);
  }
}

/** The provider's address is not known yet (the authorization request is on its way). */
export const Loading: Story = {
  parameters: { page: 'none' } satisfies QrParameters,
  play: async ({ canvasElement }) => {
    const panel = panelIn(canvasElement);
    await reaches(panel, 'loading');
    expectTrue(panel.shadowRoot?.querySelector('.spinner'), 'no spinner while loading');
  },
};

/** The provider's page loaded: scan the code with the phone. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const panel = panelIn(canvasElement);
    await reaches(panel, 'ready');
    expectTrue(panel.shadowRoot?.querySelector('iframe[part="frame"]'), 'the provider page is not framed');
  },
};

/** The code outlived its lifetime (two seconds here): a button asks for a new one. */
export const Expired: Story = {
  args: { lifetime: 2 },
  play: async ({ canvasElement }) => {
    const panel = panelIn(canvasElement);
    await reaches(panel, 'expired', 10_000);
    const refreshed = new Promise<void>((resolve) => panel.addEventListener('si-qr-refresh', () => resolve(), { once: true }));
    const button = panel.shadowRoot?.querySelector<HTMLButtonElement>('.overlay button');
    if (!button) throw new PlayError('there is no button for a new code');
    button.click();
    await refreshed;
  },
};

/** The provider cannot be reached: the panel says so and links to the provider's own page. */
export const Failed: Story = {
  parameters: { page: 'unreachable' } satisfies QrParameters,
  play: async ({ canvasElement }) => {
    const panel = panelIn(canvasElement);
    await reaches(panel, 'failed');
    const link = panel.shadowRoot?.querySelector<HTMLAnchorElement>('.overlay a[href]');
    expectEqual(link?.href, panel.fallback, 'the link to the provider\'s own page');
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

import { ExperienceClient, getLocale, type SignInExperience, type SocialButtons } from '../src/index.js';
import { SURFACES } from '../src/theme/colors.js';
import { socialConnectors } from './support/connectors.js';
import { registerApp } from './support/emulator.js';
import { expectEqual, expectTrue, PlayError, until } from './support/play.js';

interface Args {
  /** How many providers the tenant has. */
  providers: number;
  /** Use the providers' dark logos, on a dark surface. */
  dark: boolean;
  /** A sign-in is starting: the buttons are unavailable. */
  busy: boolean;
}

/**
 * `<social-buttons>` on its own, fed with the social connectors of an emulator app's
 * sign-in-experience config (fetched like `<sign-in-form>` fetches it).
 */
const meta: Meta<Args> = {
  title: 'Elements/social-buttons',
  component: 'social-buttons',
  args: { providers: 3, dark: false, busy: false },
  argTypes: {
    providers: { control: 'inline-radio', options: [1, 3, 12], description: 'Number of the tenant\'s providers.' },
    dark: { control: 'boolean', description: '`dark` attribute: the providers\' dark logos (shown here on a dark surface).' },
    busy: { control: 'boolean', description: '`busy` attribute.' },
  },
  parameters: { scheme: { arg: 'dark', light: false, dark: true } },
  loaders: [
    async ({ args }) => {
      const appId = await registerApp(socialConnectors(Number(args.providers)));
      const config: SignInExperience = await new ExperienceClient({ appId, language: () => getLocale() }).getSignInExperience();
      return { config };
    },
  ],
  render: (args, { loaded }) => {
    const config = loaded.config as SignInExperience;
    const dark = SURFACES.dark;
    // A host page sets the kit's tokens for a dark surface; these are the kit's own dark values.
    const surface = args.dark
      ? {
          '--si-color-surface': dark.surface,
          '--si-color-surface-raised': '#2a2f36',
          '--si-color-text': dark.text,
          '--si-color-text-muted': '#a9b1ba',
          background: dark.surface,
          padding: '16px',
        }
      : { padding: '16px' };
    return html`<div style=${styleMap({ inlineSize: '360px', ...surface })}>
      <social-buttons
        .connectors=${config.socialConnectors}
        .targets=${config.socialSignInConnectorTargets ?? []}
        ?dark=${args.dark}
        ?busy=${args.busy}
      ></social-buttons>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

function buttonsIn(canvas: HTMLElement): SocialButtons {
  const element = canvas.querySelector('social-buttons');
  if (!element) throw new PlayError('there is no <social-buttons> in the story');
  return element;
}

function providerButtons(element: SocialButtons): HTMLButtonElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[data-connector]') ?? [])];
}

function isShown(button: HTMLElement): boolean {
  return button.getClientRects().length > 0;
}

export const OneProvider: Story = {
  args: { providers: 1 },
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    await until(() => providerButtons(element).length === 1, 'one provider button is expected');
  },
};

/** The demo tenant's three providers, each with a full-width button. */
export const ThreeProviders: Story = {
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    await until(() => providerButtons(element).length === 3, 'three provider buttons are expected');
    expectTrue(providerButtons(element).every(isShown), 'a provider button is hidden');
  },
};

/** Twelve providers: three full-width buttons, the rest behind "More options". */
export const TwelveProviders: Story = {
  args: { providers: 12 },
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    await until(() => providerButtons(element).length === 12, 'twelve provider buttons are expected');
    expectEqual(providerButtons(element).filter(isShown).length, 3, 'buttons visible before "More options"');
    expectEqual(element.shadowRoot?.querySelector('[part="more"]')?.getAttribute('aria-expanded'), 'false', '"More options" state');
  },
};

export const TwelveProvidersExpanded: Story = {
  args: { providers: 12 },
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    const more = await until(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part="more"]'), 'there is no "More options" button');
    more.click();
    await element.updateComplete;
    expectEqual(more.getAttribute('aria-expanded'), 'true', '"More options" state');
    expectEqual(providerButtons(element).filter(isShown).length, 12, 'buttons visible after "More options"');
  },
};

/** Pressing a provider tells the page which one (`si-provider-select`). */
export const ChoosingAProvider: Story = {
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    const chosen = new Promise<string>((resolve) => {
      element.addEventListener('si-provider-select', (event) => resolve(event.detail.connectorId), { once: true });
    });
    const button = await until(() => element.shadowRoot?.querySelector<HTMLButtonElement>('button[data-target="dingtalk"]'), 'there is no DingTalk button');
    button.click();
    expectEqual(await chosen, 'dingtalk-web', 'the connector the event names');
  },
};

/** While a sign-in starts, the buttons are marked unavailable and ignore presses. */
export const Busy: Story = {
  args: { busy: true },
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    let fired = false;
    element.addEventListener('si-provider-select', () => (fired = true));
    const buttons = await until(() => providerButtons(element).length > 0 && providerButtons(element), 'no buttons');
    expectTrue(buttons.every((button) => button.getAttribute('aria-disabled') === 'true'), 'a button is not marked unavailable');
    buttons[0]?.click();
    await element.updateComplete;
    expectEqual(fired, false, 'a busy button started a sign-in');
  },
};

/** Provider names in the page's language: WeChat is 微信 in Chinese. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const element = buttonsIn(canvasElement);
    await until(
      () => element.shadowRoot?.querySelector('button[data-target="wechat"]')?.textContent?.includes('微信'),
      'the WeChat button does not use its Chinese name',
    );
  },
};

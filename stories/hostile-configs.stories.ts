import type { Meta, StoryObj } from '@storybook/web-components-vite';

import type { SignInForm } from '../src/index.js';
import {
  ALL_HOSTILE,
  BROKEN_CONNECTOR_ICON,
  BROKEN_LOGO,
  LONG_CONNECTOR_NAME,
  LONG_NAME,
  NO_LOGO,
} from '../test/fixtures/hostile-configs.js';
import { type FormArgs, formStoryDefaults } from './support/form.js';
import { atStep, expectEqual, expectTrue, formIn, PlayError, until } from './support/play.js';

/**
 * The first screen with tenant configs a careless or hostile admin can save (see
 * test/fixtures/hostile-configs.ts): a connector named with 500 characters, a logo or connector
 * icon whose address answers 404, no logo at all. Nothing broken is drawn, a long name takes two
 * lines with an ellipsis, and the card keeps no empty band above the title.
 */
const meta: Meta<FormArgs> = {
  title: 'Theme/Hostile configs',
  ...formStoryDefaults,
};
export default meta;

type Story = StoryObj<FormArgs>;

function logoRow(form: SignInForm): HTMLElement {
  const row = form.shadowRoot?.querySelector<HTMLElement>('[part="logo"]');
  if (!row) throw new PlayError('the logo row is missing');
  return row;
}

async function providerButton(form: SignInForm, connectorId: string): Promise<HTMLButtonElement> {
  return until(
    () => form.querySelector('social-buttons')?.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-connector="${connectorId}"]`),
    `there is no button for ${connectorId}`,
  );
}

/** Waits until the image that failed to load has been dropped (it loses its address). */
async function dropped(image: HTMLImageElement | null | undefined, what: string): Promise<void> {
  if (!image) throw new PlayError(`${what}: no image`);
  await until(() => !image.hasAttribute('src'), `${what} that answers 404 is still shown`);
}

/** The label of a provider button is at most two lines high, and holds the whole sentence. */
function expectClamped(button: HTMLButtonElement, name: string): void {
  const label = button.querySelector<HTMLElement>('.label');
  if (!label) throw new PlayError('the provider button has no label');
  const line = Number.parseFloat(getComputedStyle(label).lineHeight);
  expectTrue(label.getBoundingClientRect().height <= 2 * line + 1, `the label is ${label.getBoundingClientRect().height}px high, more than two lines`);
  expectEqual(label.textContent?.replace(/\s+/g, ' ').trim(), `Continue with ${name}`, 'the text of the button (its accessible name)');
}

/** A provider named with 500 characters: two lines, then an ellipsis; the whole name is its accessible name. */
export const LongConnectorName: Story = {
  parameters: { tenant: LONG_CONNECTOR_NAME },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectClamped(await providerButton(form, 'long-name'), LONG_NAME);
  },
};

/** The logo's address answers 404: no broken picture, and its row takes no room. */
export const BrokenLogo: Story = {
  parameters: { tenant: BROKEN_LOGO },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await dropped(logoRow(form).querySelector('img'), 'the logo');
    expectEqual(logoRow(form).getBoundingClientRect().height, 0, 'height of the logo row');
  },
};

/** No logo at all: no empty band above the title. */
export const NoLogo: Story = {
  parameters: { tenant: NO_LOGO },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    expectEqual(logoRow(form).getBoundingClientRect().height, 0, 'height of the logo row');
  },
};

/** A provider's icon answers 404: an empty space where it would be, the label in place. */
export const BrokenConnectorIcon: Story = {
  parameters: { tenant: BROKEN_CONNECTOR_ICON },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    const image = (await providerButton(form, 'broken-icon')).querySelector('img');
    await dropped(image, 'the provider icon');
    expectEqual(getComputedStyle(image!).visibility, 'hidden', 'visibility of the dropped icon');
  },
};

/** All of them at once. */
export const AllAtOnce: Story = {
  parameters: { tenant: ALL_HOSTILE },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await atStep(form, 'sign-in');
    await dropped(logoRow(form).querySelector('img'), 'the logo');
    const long = await providerButton(form, 'long-name');
    await dropped(long.querySelector('img'), 'the long-named provider\'s icon');
    expectClamped(long, LONG_NAME);
  },
};

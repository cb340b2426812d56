/**
 * The pieces every `<sign-in-form>` story shares: its args (the element's own attributes), a
 * loader that gives the story an emulator app with the story's sign-in-experience config, and a
 * render function that mounts the real element for that app.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { ExperienceClient, FirstScreen, SiSuccessEvent, ThemeMode } from '../../src/index.js';
import { type ConfigPatch, registerApp, startInteraction } from './emulator.js';
import { type FaultRule, faultyClient } from './faults.js';

/** The attributes of `<sign-in-form>` a story sets. */
export interface FormArgs {
  theme: ThemeMode;
  screen: FirstScreen;
  loginHint?: string;
  /** Script with the CAPTCHA provider's API to load instead of the provider's (`captcha-script` attribute). */
  captchaScript?: string;
}

export const formArgs: FormArgs = { theme: 'auto', screen: 'sign-in' };

// `type` is set because the manifest names these types after TypeScript aliases (`ThemeMode`),
// which Storybook cannot map, so it would drop such args from a shared URL.
export const formArgTypes: Partial<ArgTypes<FormArgs>> = {
  theme: {
    type: 'string',
    control: 'inline-radio',
    options: ['auto', 'light', 'dark'],
    description: 'Colour scheme (`theme` attribute).',
  },
  screen: {
    type: 'string',
    control: 'select',
    options: ['sign-in', 'register', 'forgot-password', 'unknown-session', 'social-callback'],
    description: 'First screen (`screen` attribute).',
  },
  loginHint: { type: 'string', control: 'text', description: 'Prefilled identifier (`login-hint` attribute).' },
};

/**
 * How the story tests show a story in both schemes: the arg that switches it, and its values.
 * Stories that pin the arg themselves run only as pinned.
 */
export interface SchemeParameter {
  arg: string;
  light: unknown;
  dark: unknown;
}

export const formScheme: { scheme: SchemeParameter } = { scheme: { arg: 'theme', light: 'light', dark: 'dark' } };

/** What the loader hands to the render function. */
export interface FormLoaded {
  appId: string;
  /** A client with a faulty transport, for the stories about a misbehaving server. */
  client?: ExperienceClient;
}

/** Story parameters the loader reads: the tenant's config and the faults of the network. */
export interface TenantParameters {
  /** Sign-in-experience patch over the emulator's demo tenant. */
  tenant?: ConfigPatch;
  /** Requests that fail on purpose (the rest reach the emulator). */
  faults?: FaultRule[];
  /** How long the faulty client waits for an answer (default: ten minutes). */
  faultTimeoutMs?: number;
  /** Register the app but start no interaction (the session a user would bring is gone). */
  noInteraction?: boolean;
}

/**
 * The loader of every `<sign-in-form>` story: an emulator app with the story's `tenant` patch
 * and an interaction for it, plus a faulty client when the story names `faults`.
 */
export async function tenantLoader(context: { parameters: TenantParameters }): Promise<FormLoaded> {
  const { tenant = {}, faults, faultTimeoutMs, noInteraction } = context.parameters;
  const appId = noInteraction ? await registerApp(tenant) : await startInteraction(tenant);
  return faults ? { appId, client: faultyClient(appId, faults, { timeoutMs: faultTimeoutMs }) } : { appId };
}

/** Keeps Storybook's frame where it is when a journey finishes (the host may do this too). */
function stayOnPage(event: SiSuccessEvent): void {
  event.preventDefault();
}

/**
 * The form in a column as wide as its card may be (420px), as a page would place it: the element
 * takes the width of its container, and Storybook's centred layout would otherwise shrink it to
 * its content.
 */
export function renderForm(args: FormArgs, context: { loaded: Record<string, unknown> }): TemplateResult {
  const { appId, client } = context.loaded as Partial<FormLoaded>;
  return html`<div style="inline-size: min(420px, 100vw - 32px)">
    <sign-in-form
      app-id=${ifDefined(appId)}
      .client=${client}
      theme=${args.theme}
      screen=${args.screen}
      login-hint=${ifDefined(args.loginHint || undefined)}
      captcha-script=${ifDefined(args.captchaScript || undefined)}
      @si-success=${stayOnPage}
    ></sign-in-form>
  </div>`;
}

/** What every `<sign-in-form>` story file shares: its controls, scheme handling, tenant loader and render. */
export const formStoryDefaults = {
  component: 'sign-in-form',
  args: formArgs,
  argTypes: formArgTypes,
  parameters: formScheme,
  loaders: [tenantLoader],
  render: renderForm,
};

/**
 * The template of the first screen (sign in), which renders from the config before the flow has
 * loaded. The password step and the waits live in flow-steps.ts, with the controller; every other
 * step in journey-steps.ts, which loads after the first screen is painted. Templates read the
 * state and never call the API.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { SecurityStep, Step } from '../../../flow/steps.js';
import * as rules from '../../../flow/rules.js';
import type { ScreenContext, ViewContext } from './context.js';
import {
  alerts,
  identifierField,
  linkButton,
  passwordField,
  submitButton,
  terms,
  termsExplicit,
  title,
} from './fields.js';

export type StepOf<N extends Step['name']> = Extract<Step, { name: N }>;

/** Steps whose templates live in journey-steps.ts. */
export type JourneyStep = Exclude<
  Step,
  StepOf<'sign-in'> | StepOf<'done'> | StepOf<'sign-in-password'> | StepOf<'social-callback'> | StepOf<'leaving'> | SecurityStep
>;

/** Renders the steps that need the flow; the controller provides it (see flow-steps.ts). */
export type LaterSteps = (ctx: ViewContext, step: Exclude<Step, StepOf<'sign-in'> | StepOf<'done'>>) => TemplateResult | undefined;

/**
 * The current step's template. The first screen (sign-in) renders from the config alone; every
 * other step is reached through the flow and rendered by `later`, or undefined while that loads.
 */
export function renderStep(ctx: ScreenContext, later?: LaterSteps): TemplateResult | undefined {
  const step = ctx.state.step;
  if (step.name === 'sign-in' || step.name === 'done') return signIn(ctx);
  return ctx.flow ? later?.(ctx as ViewContext, step) : undefined;
}

/** The tenant's social providers under a divider, or alone when they are the only way in. */
export function socialSection(ctx: ScreenContext, withDivider: boolean): TemplateResult | typeof nothing {
  const { config } = ctx;
  if (!config.socialConnectors.some((connector) => connector.platform !== 'Native')) return nothing;
  return html`
    ${withDivider ? html`<div class="si-divider" role="separator">${msg('or', { id: 'social.or' })}</div>` : nothing}
    <social-buttons
      .connectors=${config.socialConnectors}
      .targets=${config.socialSignInConnectorTargets ?? []}
      ?dark=${ctx.dark}
      ?busy=${ctx.busy}
      @si-provider-select=${ctx.onProviderSelect}
    ></social-buttons>
  `;
}

function signIn(ctx: ScreenContext): TemplateResult {
  const { config } = ctx;
  const types = rules.signInTypes(config);
  const passwordOnly = rules.passwordOnly(config);
  return html`
    ${title(msg('Sign in', { id: 'signIn.title' }))} ${alerts(ctx)}
    ${types.length === 0
      ? ctx.config.socialConnectors.length > 0
        ? nothing
        : html`<p class="si-subtitle">${msg('Sign-in with an account name is not available here.', { id: 'signIn.noMethods' })}</p>`
      : html`
          ${identifierField(ctx, types, { value: ctx.identifierDraft || ctx.loginHint })}
          ${passwordOnly
            ? html`${passwordField(ctx, {
                name: 'password',
                label: msg('Password', { id: 'field.password' }),
                autocomplete: 'current-password',
              })}
              ${forgotLink(ctx)}`
            : nothing}
          ${terms(ctx, termsExplicit(ctx, false))}
          ${passwordOnly
            ? submitButton(ctx, msg('Sign in', { id: 'signIn.submit' }), msg('Signing in…', { id: 'signIn.submitting' }))
            : submitButton(ctx, msg('Continue', { id: 'common.continue' }), msg('Please wait…', { id: 'common.wait' }))}
        `}
    ${socialSection(ctx, types.length > 0)}
    ${rules.ssoEnabled(config)
      ? html`<button class="si-button si-button--secondary" type="button" @click=${() => ctx.go('single-sign-on')}>
          ${msg('Single sign-on', { id: 'signIn.sso' })}
        </button>`
      : nothing}
    ${types.length === 0 ? terms(ctx, termsExplicit(ctx, false)) : nothing}
    ${rules.canRegister(config)
      ? html`<p class="si-switch">
          ${msg('No account yet?', { id: 'signIn.noAccount' })}
          ${linkButton(msg('Create account', { id: 'signIn.createAccount' }), () => ctx.go('register'))}
        </p>`
      : nothing}
  `;
}

export function forgotLink(ctx: ScreenContext): TemplateResult | typeof nothing {
  if (rules.resetTypes(ctx.config).length === 0) return nothing;
  return html`<p class="si-aside">
    ${linkButton(msg('Forgot your password?', { id: 'signIn.forgot' }), () => ctx.go('forgot-password'))}
  </p>`;
}

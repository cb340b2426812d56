/**
 * The step templates of the first screen: sign in, the password step, and the waits around a
 * social sign-in. Every other step lives in journey-steps.ts, which loads after the first screen
 * is painted. Templates read the flow state and never call the API.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { Step } from '../../../flow/steps.js';
import * as rules from '../../../flow/rules.js';
import type { ScreenContext, ViewContext } from './context.js';
import {
  alerts,
  backButton,
  hiddenUsername,
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
  StepOf<'sign-in'> | StepOf<'done'> | StepOf<'sign-in-password'> | StepOf<'social-callback'> | StepOf<'leaving'>
>;

/** The current step's template, or undefined while it lives in journey views not loaded yet. */
export function renderStep(
  ctx: ScreenContext,
  journeys?: { renderJourneyStep: (ctx: ViewContext, step: JourneyStep) => TemplateResult },
): TemplateResult | undefined {
  const step = ctx.state.step;
  if (step.name === 'sign-in' || step.name === 'done') return signIn(ctx);
  // Every other step is reached through the flow, so it is there.
  if (!ctx.flow) return undefined;
  const full = ctx as ViewContext;
  switch (step.name) {
    case 'sign-in-password':
      return signInPassword(full, step);
    case 'social-callback':
    case 'leaving':
      return waiting(full, step);
    default:
      return journeys?.renderJourneyStep(full, step);
  }
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

function waiting(ctx: ViewContext, step: StepOf<'social-callback'> | StepOf<'leaving'>): TemplateResult {
  const text =
    step.name !== 'social-callback'
      ? msg('Taking you to the sign-in page…', { id: 'social.leaving' })
      : step.connectorId
        ? msg(str`Signing you in with ${ctx.connectorName(step.connectorId)}…`, { id: 'social.completing' })
        : msg('Please wait…', { id: 'common.wait' });
  return html`
    ${title(msg('One moment', { id: 'social.waitTitle' }))}
    <div class="si-waiting" role="status"><span class="si-spinner" aria-hidden="true"></span> ${text}</div>
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
    ${types.length === 0 ? terms(ctx, termsExplicit(ctx, false)) : nothing}
    ${rules.canRegister(config)
      ? html`<p class="si-switch">
          ${msg('No account yet?', { id: 'signIn.noAccount' })}
          ${linkButton(msg('Create account', { id: 'signIn.createAccount' }), () => ctx.go('register'))}
        </p>`
      : nothing}
  `;
}

function forgotLink(ctx: ScreenContext): TemplateResult | typeof nothing {
  if (rules.resetTypes(ctx.config).length === 0) return nothing;
  return html`<p class="si-aside">
    ${linkButton(msg('Forgot your password?', { id: 'signIn.forgot' }), () => ctx.go('forgot-password'))}
  </p>`;
}

function signInPassword(ctx: ViewContext, step: StepOf<'sign-in-password'>): TemplateResult {
  const method = ctx.flow.method(step.identifier.type);
  const codeAvailable = step.identifier.type !== 'username' && method?.verificationCode;
  return html`
    ${backButton(ctx)}
    ${title(
      msg('Enter your password', { id: 'password.title' }),
      msg(str`Signing in as ${ctx.display(step.identifier)}`, { id: 'password.as' }),
    )}
    ${alerts(ctx)} ${hiddenUsername(step.identifier.value)}
    ${passwordField(ctx, { name: 'password', label: msg('Password', { id: 'field.password' }), autocomplete: 'current-password' })}
    ${forgotLink(ctx)}
    ${submitButton(ctx, msg('Sign in', { id: 'signIn.submit' }), msg('Signing in…', { id: 'signIn.submitting' }))}
    ${codeAvailable
      ? html`<p class="si-switch">
          ${linkButton(msg('Sign in with a verification code instead', { id: 'password.useCode' }), () => void ctx.flow.useCodeInstead())}
        </p>`
      : nothing}
  `;
}

/**
 * The steps the flow reaches first from the sign-in screen: the password step and the waits around
 * a social sign-in. They load with the controller; the journeys' steps follow (journey-steps.ts).
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { isSecurityStep } from '../../../flow/security-steps.js';
import { isolate } from '../../../i18n/isolate.js';
import type { ViewContext } from './context.js';
import { alerts, linkButton, passwordField, submitButton, title } from './fields.js';
import { backButton, hiddenUsername } from './later-fields.js';
import { forgotLink, type JourneyStep, type LaterSteps, type StepOf } from './steps.js';

/** Steps after sign-in; `journeys` is the journey views module once loaded. */
export function renderFlowStep(
  ctx: ViewContext,
  step: Parameters<LaterSteps>[1],
  journeys?: { renderJourneyStep: (ctx: ViewContext, step: JourneyStep) => TemplateResult },
): TemplateResult | undefined {
  switch (step.name) {
    case 'sign-in-password':
      return signInPassword(ctx, step);
    case 'social-callback':
    case 'leaving':
      return waiting(ctx, step);
    default:
      return isSecurityStep(step) ? undefined : journeys?.renderJourneyStep(ctx, step);
  }
}

function waiting(ctx: ViewContext, step: StepOf<'social-callback'> | StepOf<'leaving'>): TemplateResult {
  const text =
    step.name !== 'social-callback'
      ? msg('Taking you to the sign-in page…', { id: 'social.leaving' })
      : step.connectorId
        ? msg(html`Signing you in with ${isolate(ctx.connectorName(step.connectorId))}…`, { id: 'social.completing' })
        : msg('Please wait…', { id: 'common.wait' });
  return html`
    ${title(msg('One moment', { id: 'social.waitTitle' }))}
    <div class="si-waiting" role="status"><span class="si-spinner" aria-hidden="true"></span> ${text}</div>
  `;
}

function signInPassword(ctx: ViewContext, step: StepOf<'sign-in-password'>): TemplateResult {
  const method = ctx.flow.method(step.identifier.type);
  const codeAvailable = step.identifier.type !== 'username' && method?.verificationCode;
  return html`
    ${backButton(ctx)}
    ${title(
      msg('Enter your password', { id: 'password.title' }),
      msg(html`Signing in as ${isolate(ctx.display(step.identifier))}`, { id: 'password.as' }),
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

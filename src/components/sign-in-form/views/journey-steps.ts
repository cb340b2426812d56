/**
 * Every step after the first screen: verification code, sign-up, new password, forgot password,
 * missing profile, the cross-over confirmations, session expiry, social linking and the QR
 * panel. Loaded after the first screen is painted (see lazy.ts). Templates read the flow state
 * and never call the API.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { laterSettings } from '../../../api/later-settings.js';
import type { IdentifierPayload, SignInIdentifier } from '../../../api/schemas.js';
import { characterClasses, checkPasswordLocally, resolvePasswordPolicy } from '../../../flow/password-policy.js';
import { isCodeIdentifier, type SignInFlow } from '../../../flow/sign-in-flow.js';
import { isolate } from '../../../i18n/isolate.js';
import { defineOnce } from '../../define-once.js';
import { QrSignIn } from '../../qr-sign-in/qr-sign-in.js';
import type { ViewContext } from './context.js';
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
import { backButton, codeField, codeSentNotice, hiddenUsername, usernameField } from './later-fields.js';
import { type JourneyStep, socialSection, type StepOf } from './steps.js';

// The security steps' templates travel in this chunk: a chunk of their own made the bundler move
// lit out of the first screen's file (a second request before the first paint).
export { renderSecurityStep, submitSecurityStep } from './security-steps.js';
import { isEnterpriseStep, renderEnterpriseStep, submitEnterpriseStep } from './enterprise-steps.js';

const RESEND_SECONDS = 59;

export function renderJourneyStep(ctx: ViewContext, step: JourneyStep): TemplateResult {
  if (isEnterpriseStep(step)) return renderEnterpriseStep(ctx, step);
  switch (step.name) {
    case 'verification-code':
      return verificationCode(ctx, step);
    case 'register':
      return register(ctx);
    case 'register-password':
      return newPassword(ctx, {
        heading: msg('Set a password', { id: 'registerPassword.title' }),
        submit: msg('Create account', { id: 'register.submit' }),
        busy: msg('Creating account…', { id: 'register.submitting' }),
        username: step.username,
      });
    case 'forgot-password':
      return forgotPassword(ctx);
    case 'reset-password':
      return newPassword(ctx, {
        heading: msg('Set a new password', { id: 'reset.title' }),
        submit: msg('Save password', { id: 'reset.submit' }),
        busy: msg('Saving…', { id: 'common.saving' }),
      });
    case 'continue':
      return continueStep(ctx, step);
    case 'confirm-register':
      return confirmRegister(ctx, step);
    case 'confirm-sign-in':
      return confirmSignIn(ctx, step);
    case 'session-expired':
      return sessionExpired(ctx);
    case 'social-link':
      return socialLink(ctx, step);
    case 'social-panel':
      defineOnce('qr-sign-in', QrSignIn);
      return socialPanel(ctx, step);
  }
}

function socialLink(ctx: ViewContext, step: StepOf<'social-link'>): TemplateResult {
  const provider = ctx.connectorName(step.connectorId);
  const who = ctx.display(step.relatedUser);
  return html`
    ${title(
      msg('Link to your existing account?', { id: 'socialLink.title' }),
      msg(html`An account with ${isolate(who)} already exists. Link your ${isolate(provider)} account to it, so you can sign in with either.`, {
        id: 'socialLink.text',
      }),
    )}
    ${alerts(ctx)}
    ${submitButton(ctx, msg('Link and continue', { id: 'socialLink.submit' }), msg('Linking…', { id: 'socialLink.submitting' }))}
    ${ctx.flow.canRegisterAny
      ? html`<button class="si-button si-button--secondary" type="button" @click=${() => void ctx.flow.registerSocial()}>
          ${msg('Create a new account instead', { id: 'socialLink.register' })}
        </button>`
      : nothing}
    <p class="si-switch">${linkButton(msg('Back to sign in', { id: 'forgot.back' }), () => ctx.go('sign-in'))}</p>
  `;
}

function socialPanel(ctx: ViewContext, step: StepOf<'social-panel'>): TemplateResult {
  const provider = ctx.connectorName(step.connectorId);
  return html`
    ${backButton(ctx)}
    ${title(msg(html`Sign in with ${isolate(provider)}`, { id: 'socialPanel.title' }))} ${alerts(ctx)}
    <qr-sign-in
      src=${step.frameUri}
      provider=${provider}
      fallback=${step.authorizationUri}
      @si-qr-refresh=${ctx.onQrRefresh}
    ></qr-sign-in>
  `;
}

function verificationCode(ctx: ViewContext, step: StepOf<'verification-code'>): TemplateResult {
  const remaining = Math.max(0, RESEND_SECONDS - Math.floor((ctx.now - step.sentAt) / 1000));
  const passwordAvailable = step.flow === 'SignIn' && ctx.flow.method(step.identifier.type)?.password;
  const target = ctx.display(step.identifier);
  return html`
    ${backButton(ctx)}
    ${title(
      msg('Enter the verification code', { id: 'code.title' }),
      msg(html`We sent a 6-digit code to ${isolate(target)}.`, { id: 'code.sentTo' }),
    )}
    ${alerts(ctx)} ${codeSentNotice(ctx)} ${hiddenUsername(step.identifier.value)} ${codeField(ctx)}
    ${submitButton(ctx, msg('Verify', { id: 'code.submit' }), msg('Verifying…', { id: 'code.submitting' }))}
    <p class="si-aside">
      ${remaining > 0
        ? html`<span class="si-countdown">${msg(html`You can ask for a new code in ${isolate(remaining)} s.`, { id: 'code.countdown' })}</span>`
        : linkButton(msg('Send a new code', { id: 'code.resend' }), () => void ctx.flow.resendCode())}
    </p>
    ${passwordAvailable
      ? html`<p class="si-switch">
          ${linkButton(msg('Sign in with a password instead', { id: 'code.usePassword' }), () => ctx.flow.usePasswordInstead())}
        </p>`
      : nothing}
  `;
}

function register(ctx: ViewContext): TemplateResult {
  const types = ctx.flow.registerTypes;
  return html`
    ${title(msg('Create your account', { id: 'register.title' }))} ${alerts(ctx)}
    ${types.length === 0 && ctx.config.socialConnectors.length > 0
      ? nothing
      : types.length === 0
      ? html`<p class="si-subtitle">${msg('New accounts cannot be created with an email, phone or username here.', { id: 'register.noMethods' })}</p>`
      : html`
          ${identifierField(ctx, types, {
            autocomplete: types.includes('username') ? 'username' : types[0] === 'phone' ? 'tel-national' : 'email',
            value: ctx.identifierDraft,
          })}
          ${terms(ctx, termsExplicit(ctx, true))}
          ${submitButton(ctx, msg('Create account', { id: 'register.submit' }), msg('Please wait…', { id: 'common.wait' }))}
        `}
    ${socialSection(ctx, types.length > 0)}
    ${ctx.flow.canSignIn
      ? html`<p class="si-switch">
          ${msg('Already have an account?', { id: 'register.haveAccount' })}
          ${linkButton(msg('Sign in', { id: 'register.signIn' }), () => ctx.go('sign-in'))}
        </p>`
      : nothing}
  `;
}

function newPassword(
  ctx: ViewContext,
  copy: { heading: string; submit: string; busy: string; username?: string },
): TemplateResult {
  const policy = resolvePasswordPolicy(laterSettings(ctx.config).passwordPolicy);
  const rulesId = `${ctx.id}-password-rules`;
  return html`
    ${backButton(ctx)} ${title(copy.heading)} ${alerts(ctx)}
    ${copy.username ? hiddenUsername(copy.username) : nothing}
    ${passwordField(ctx, {
      name: 'password',
      label: msg('New password', { id: 'field.newPassword' }),
      autocomplete: 'new-password',
      maxLength: policy.length.max,
      rules: { id: rulesId, template: passwordChecklist(ctx, rulesId) },
    })}
    ${passwordField(ctx, {
      name: 'confirm',
      label: msg('Confirm password', { id: 'field.confirmPassword' }),
      autocomplete: 'new-password',
      maxLength: policy.length.max,
    })}
    ${submitButton(ctx, copy.submit, copy.busy)}
  `;
}

function forgotPassword(ctx: ViewContext): TemplateResult {
  const types = ctx.flow.resetTypes;
  return html`
    ${title(
      msg('Reset your password', { id: 'forgot.title' }),
      types.length === 2
        ? msg('Enter your email or phone number and we will send you a code.', { id: 'forgot.subtitleBoth' })
        : types[0] === 'phone'
          ? msg('Enter your phone number and we will send you a code.', { id: 'forgot.subtitlePhone' })
          : msg('Enter your email and we will send you a code.', { id: 'forgot.subtitleEmail' }),
    )}
    ${alerts(ctx)} ${identifierField(ctx, types, { value: ctx.identifierDraft })}
    ${submitButton(ctx, msg('Send code', { id: 'forgot.submit' }), msg('Sending…', { id: 'common.sending' }))}
    <p class="si-switch">${linkButton(msg('Back to sign in', { id: 'forgot.back' }), () => ctx.go('sign-in'))}</p>
  `;
}

function continueStep(ctx: ViewContext, step: StepOf<'continue'>): TemplateResult {
  if (step.field === 'password') {
    return newPassword(ctx, {
      heading: msg('Set a password', { id: 'registerPassword.title' }),
      submit: msg('Continue', { id: 'common.continue' }),
      busy: msg('Please wait…', { id: 'common.wait' }),
    });
  }
  const why = msg('Your account needs this before you can continue.', { id: 'continue.why' });
  if (step.field === 'username') {
    return html`
      ${title(msg('Choose a username', { id: 'continue.username' }), why)} ${alerts(ctx)} ${usernameField(ctx)}
      ${submitButton(ctx, msg('Continue', { id: 'common.continue' }), msg('Please wait…', { id: 'common.wait' }))}
    `;
  }
  const types = step.field === 'emailOrPhone' ? (['email', 'phone'] as const) : ([step.field] as const);
  const heading =
    step.field === 'email'
      ? msg('Add your email', { id: 'continue.email' })
      : step.field === 'phone'
        ? msg('Add your phone number', { id: 'continue.phone' })
        : msg('Add your email or phone number', { id: 'continue.emailOrPhone' });
  return html`
    ${title(heading, why)} ${alerts(ctx)} ${identifierField(ctx, types)}
    ${submitButton(ctx, msg('Send code', { id: 'forgot.submit' }), msg('Sending…', { id: 'common.sending' }))}
  `;
}

function confirmRegister(ctx: ViewContext, step: StepOf<'confirm-register'>): TemplateResult {
  const who = ctx.display(step.identifier);
  return html`
    ${title(
      msg('Create a new account?', { id: 'confirmRegister.title' }),
      msg(html`There is no account for ${isolate(who)} yet. Create one with it?`, { id: 'confirmRegister.text' }),
    )}
    ${alerts(ctx)} ${terms(ctx, termsExplicit(ctx, true))}
    ${submitButton(ctx, msg('Create account', { id: 'register.submit' }), msg('Creating account…', { id: 'register.submitting' }))}
    <button class="si-button si-button--secondary" type="button" @click=${() => ctx.go('sign-in')}>
      ${msg('Use another account', { id: 'confirm.other' })}
    </button>
  `;
}

function confirmSignIn(ctx: ViewContext, step: StepOf<'confirm-sign-in'>): TemplateResult {
  const who = ctx.display(step.identifier);
  return html`
    ${title(
      msg('You already have an account', { id: 'confirmSignIn.title' }),
      msg(html`${isolate(who)} already belongs to an account. Sign in to it instead?`, { id: 'confirmSignIn.text' }),
    )}
    ${alerts(ctx)}
    ${submitButton(ctx, msg('Sign in', { id: 'signIn.submit' }), msg('Signing in…', { id: 'signIn.submitting' }))}
    <button class="si-button si-button--secondary" type="button" @click=${() => ctx.go('register')}>
      ${msg('Use another email or phone', { id: 'confirmSignIn.other' })}
    </button>
  `;
}

function sessionExpired(ctx: ViewContext): TemplateResult {
  const support = laterSettings(ctx.config).supportEmail;
  const sentence = ctx.describeError({ code: 'session.not_found' });
  return html`
    ${title(msg('Session expired', { id: 'session.title' }))}
    ${sentence ? html`<p class="si-alert" role="alert">${sentence}</p>` : nothing}
    ${history.length > 1
      ? html`<button class="si-button" type="button" @click=${() => history.back()}>${msg('Go back', { id: 'session.back' })}</button>`
      : nothing}
    ${support
      ? html`<p class="si-aside">
          ${msg('Still stuck?', { id: 'session.stuck' })}
          <a class="si-link" href=${`mailto:${support}`}>${msg('Contact support', { id: 'session.support' })}</a>
        </p>`
      : nothing}
  `;
}

/** The tenant's password rules, ticked off as the user types. */
function passwordChecklist(ctx: ViewContext, id: string): TemplateResult {
  const policy = resolvePasswordPolicy(laterSettings(ctx.config).passwordPolicy);
  const value = ctx.newPassword;
  const length = [...value].length;
  const rules: { text: TemplateResult; met: boolean }[] = [
    { text: msg(html`At least ${isolate(policy.length.min)} characters`, { id: 'rules.minLength' }), met: length >= policy.length.min },
  ];
  if (policy.characterTypes.min > 1) {
    rules.push({
      text: msg(html`At least ${isolate(policy.characterTypes.min)} of: lowercase, uppercase, digits, symbols`, {
        id: 'rules.characterTypes',
      }),
      met: characterClasses(value).size >= policy.characterTypes.min,
    });
  }
  if (length > policy.length.max) {
    rules.push({ text: msg(html`At most ${isolate(policy.length.max)} characters`, { id: 'rules.maxLength' }), met: false });
  }
  return html`<ul class="si-checklist" id=${id} aria-label=${msg('Password requirements', { id: 'rules.label' })}>
    ${rules.map(
      (rule) => html`<li class="si-rule" data-met=${rule.met ? 'true' : 'false'}>
        <span class="si-rule__mark" aria-hidden="true">${rule.met ? '✓' : '•'}</span>
        <span>${rule.text}</span>
        <span class="si-visually-hidden">${rule.met ? msg('(met)', { id: 'rules.met' }) : msg('(not met yet)', { id: 'rules.unmet' })}</span>
      </li>`,
    )}
  </ul>`;
}

/** What a journey step's submit reads from `<sign-in-form>`. */
export interface JourneyInput {
  /** A field's submitted value ('' when absent). */
  text: (name: string) => string;
  /** Whether a checkbox was ticked. */
  checked: (name: string) => boolean;
  /** Reports the terms error and returns true when the box is there and not ticked. */
  termsMissing: () => boolean;
  /** Reads and checks the identifier field for these types; undefined after reporting a problem. */
  readIdentifier: (types: readonly SignInIdentifier[]) => Promise<IdentifierPayload | undefined>;
}

/** The submit of every step whose template lives here. */
export async function submitJourneyStep(flow: SignInFlow, step: JourneyStep, input: JourneyInput): Promise<void> {
  if (isEnterpriseStep(step)) return submitEnterpriseStep(flow, step, input);
  const { text } = input;
  switch (step.name) {
    case 'verification-code': {
      const code = text('code').replace(/\D/g, '');
      if (code.length !== 6) return flow.reject('code.incomplete', 'code');
      return flow.submitCode(code);
    }
    case 'register': {
      const identifier = await input.readIdentifier(flow.registerTypes);
      if (!identifier || input.termsMissing()) return;
      return flow.register(identifier);
    }
    case 'register-password':
    case 'reset-password': {
      const password = readNewPassword(flow, text('password'), text('confirm'));
      if (password === undefined) return;
      return step.name === 'reset-password' ? flow.resetPassword(password) : flow.setRegisterPassword(password);
    }
    case 'forgot-password': {
      const identifier = await input.readIdentifier(flow.resetTypes);
      if (identifier && isCodeIdentifier(identifier)) return flow.sendResetCode(identifier);
      return;
    }
    case 'continue': {
      if (step.field === 'password') {
        const password = readNewPassword(flow, text('password'), text('confirm'));
        return password === undefined ? undefined : flow.fulfil('password', password);
      }
      const types: SignInIdentifier[] =
        step.field === 'emailOrPhone' ? ['email', 'phone'] : [step.field];
      const identifier = await input.readIdentifier(types);
      if (!identifier) return;
      return flow.fulfil(step.field, step.field === 'username' ? identifier.value : identifier);
    }
    case 'confirm-register':
      if (input.termsMissing()) return;
      return flow.confirm();
    case 'confirm-sign-in':
      return flow.confirm();
    case 'social-link':
      return flow.linkSocial();
    case 'social-panel':
    case 'session-expired':
      return;
  }
}

function readNewPassword(flow: SignInFlow, password: string, confirm: string): string | undefined {
  if (!password) {
    flow.reject('password.required', 'password');
    return undefined;
  }
  const issues = checkPasswordLocally(password, resolvePasswordPolicy(laterSettings(flow.config).passwordPolicy));
  if (issues.length > 0) {
    flow.reject('password.rejected', 'password', issues);
    return undefined;
  }
  if (password !== confirm) {
    flow.reject('password.mismatch', 'confirm');
    return undefined;
  }
  return password;
}

/**
 * Building blocks of every step: labelled fields with their error text, the password field with
 * its show/hide toggle, the phone country picker, buttons, alerts, terms.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { SignInIdentifier } from '../../../api/schemas.js';
import type { ErrorTarget } from '../../../flow/steps.js';
import { safeHttpUrl } from '../../../internal/urls.js';
import type { ScreenContext } from './context.js';

export function title(text: string | TemplateResult, subtitle?: string | TemplateResult): TemplateResult {
  return html`<h1 class="si-title" tabindex="-1">${text}</h1>
    ${subtitle ? html`<p class="si-subtitle">${subtitle}</p>` : nothing}`;
}

/** The error for a target, or undefined. */
export function errorFor(ctx: ScreenContext, target: ErrorTarget) {
  const error = ctx.state.error;
  return error?.target === target ? error : undefined;
}

export function errorText(ctx: ScreenContext, target: ErrorTarget): string | TemplateResult | undefined {
  const error = errorFor(ctx, target);
  return error ? ctx.describeError(error) : undefined;
}

/** The step's alert: a form-level error, or the "password changed" notice (code steps add theirs, see later-fields.ts). */
export function alerts(ctx: ScreenContext): TemplateResult {
  const text = errorText(ctx, 'form');
  const notice = ctx.state.notice;
  return html`${text ? html`<p class="si-alert" role="alert" tabindex="-1">${text}</p>` : nothing}
  ${notice === 'password-reset'
    ? html`<p class="si-notice" role="status">
        ${msg('Your password was changed. Sign in with the new one.', { id: 'notice.passwordReset' })}
      </p>`
    : nothing}`;
}

export function fieldError(ctx: ScreenContext, target: ErrorTarget, id: string): TemplateResult | typeof nothing {
  const text = errorText(ctx, target);
  return text ? html`<p class="si-error" id=${id} role="alert">${text}</p>` : nothing;
}

export function identifierLabel(types: readonly SignInIdentifier[]): string {
  const has = (type: SignInIdentifier) => types.includes(type);
  if (has('username') && has('email') && has('phone')) {
    return msg('Username, email or phone number', { id: 'field.identifier.all' });
  }
  if (has('username') && has('email')) return msg('Username or email', { id: 'field.identifier.usernameEmail' });
  if (has('username') && has('phone')) return msg('Username or phone number', { id: 'field.identifier.usernamePhone' });
  if (has('email') && has('phone')) return msg('Email or phone number', { id: 'field.identifier.emailPhone' });
  if (has('email')) return msg('Email', { id: 'field.email' });
  if (has('phone')) return msg('Phone number', { id: 'field.phone' });
  return msg('Username', { id: 'field.username' });
}

/**
 * The identifier field. With phone among the types it grows a country-code picker as soon as the
 * value looks like a phone number (always, when phone is the only type).
 */
export function identifierField(
  ctx: ScreenContext,
  types: readonly SignInIdentifier[],
  options: { autocomplete?: string; value?: string } = {},
): TemplateResult {
  const id = `${ctx.id}-identifier`;
  const error = errorFor(ctx, 'identifier');
  const phoneOnly = types.length === 1 && types[0] === 'phone';
  const emailOnly = types.length === 1 && types[0] === 'email';
  const showCountry = types.includes('phone') && (phoneOnly || ctx.phone.active);
  const describedBy = error ? `${id}-error` : undefined;
  return html`<div class="si-field">
    <label class="si-label" for=${id}>${identifierLabel(types)}</label>
    <div class="si-control ${showCountry ? 'si-control--phone' : ''}" dir="ltr">
      ${showCountry ? ctx.countryPicker?.() : nothing}
      <input
        class="si-input"
        id=${id}
        name="identifier"
        type=${phoneOnly ? 'tel' : emailOnly ? 'email' : 'text'}
        autocomplete=${options.autocomplete ?? (phoneOnly ? 'tel-national' : emailOnly ? 'email' : 'username')}
        autocapitalize="none"
        spellcheck="false"
        enterkeyhint="next"
        inputmode=${ifDefined(phoneOnly ? 'tel' : emailOnly ? 'email' : undefined)}
        .defaultValue=${options.value ?? ''}
        aria-invalid=${Boolean(error)}
        aria-describedby=${ifDefined(describedBy)}
        @input=${(event: Event) => ctx.onIdentifierInput(event, types)}
      />
    </div>
    ${fieldError(ctx, 'identifier', `${id}-error`)}
  </div>`;
}


export function passwordField(
  ctx: ScreenContext,
  options: {
    name: 'password' | 'confirm';
    label: string;
    autocomplete: 'current-password' | 'new-password';
    maxLength?: number;
    /** A live rule checklist under the field (new passwords): its element id and template. */
    rules?: { id: string; template: TemplateResult };
  },
): TemplateResult {
  const { name, label, autocomplete } = options;
  const id = `${ctx.id}-${name}`;
  const target: ErrorTarget = name === 'confirm' ? 'confirm' : 'password';
  const error = errorFor(ctx, target);
  const visible = ctx.revealed.has(name);
  const ids = [error ? `${id}-error` : '', options.rules?.id ?? ''].filter(Boolean).join(' ');
  return html`<div class="si-field">
    <label class="si-label" for=${id}>${label}</label>
    <div class="si-control">
      <input
        class="si-input"
        id=${id}
        name=${name}
        type=${visible ? 'text' : 'password'}
        autocomplete=${autocomplete}
        autocapitalize="none"
        spellcheck="false"
        maxlength=${ifDefined(options.maxLength)}
        aria-invalid=${Boolean(error)}
        aria-describedby=${ifDefined(ids || undefined)}
        @input=${(event: Event) => {
          ctx.clearError(target);
          if (options.rules) ctx.onNewPasswordInput?.(event);
        }}
      />
      <button
        class="si-icon-button"
        type="button"
        aria-controls=${id}
        aria-pressed=${visible}
        aria-label=${msg('Show password', { id: 'field.showPassword' })}
        @click=${() => ctx.toggleReveal(name)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8">
          <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
          <circle cx="12" cy="12" r="3" />
          <path d="M4 4l16 16" visibility=${visible ? 'hidden' : 'visible'} />
        </svg>
      </button>
    </div>
    ${options.rules?.template ?? nothing}
    ${fieldError(ctx, target, `${id}-error`)}
  </div>`;
}

export function submitButton(ctx: ScreenContext, label: string | TemplateResult, busyLabel: string): TemplateResult {
  // The label in a span of its own: a label with a value in it ("Continue as <bdi>…</bdi>") is
  // one line of text that wraps as a sentence, not several flex items side by side.
  return html`<button class="si-button" type="submit" aria-disabled=${ctx.busy}>
    ${ctx.busy ? html`<span class="si-spinner" aria-hidden="true"></span>` : nothing}
    <span>${ctx.busy ? busyLabel : label}</span>
  </button>`;
}

export function linkButton(label: string, onClick: () => void): TemplateResult {
  return html`<button class="si-link" type="button" @click=${onClick}>${label}</button>`;
}

/**
 * Terms of use and privacy policy: a checkbox where the tenant asks for explicit agreement, a
 * sentence otherwise. Nothing when the tenant has neither link.
 */
export function terms(ctx: ScreenContext, explicit: boolean): TemplateResult | typeof nothing {
  const termsUrl = safeHttpUrl(ctx.config.termsOfUseUrl);
  const privacyUrl = safeHttpUrl(ctx.config.privacyPolicyUrl);
  if (!termsUrl && !privacyUrl) return nothing;
  const termsLink = termsUrl
    ? html`<a class="si-link" href=${termsUrl} target="_blank" rel="noopener noreferrer">${msg('Terms of use', { id: 'terms.terms' })}</a>`
    : nothing;
  const privacyLink = privacyUrl
    ? html`<a class="si-link" href=${privacyUrl} target="_blank" rel="noopener noreferrer">${msg('Privacy policy', { id: 'terms.privacy' })}</a>`
    : nothing;
  const links =
    termsUrl && privacyUrl
      ? msg(html`${termsLink} and ${privacyLink}`, { id: 'terms.both' })
      : html`${termsLink}${privacyLink}`;
  if (!explicit) {
    return html`<p class="si-terms">${msg(html`By continuing, you agree to the ${links}.`, { id: 'terms.implicit' })}</p>`;
  }
  const id = `${ctx.id}-terms`;
  const error = errorFor(ctx, 'terms');
  return html`<div class="si-field">
    <div class="si-checkbox">
      <input
        id=${id}
        name="terms"
        type="checkbox"
        aria-invalid=${Boolean(error)}
        aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
        @change=${() => ctx.clearError('terms')}
      />
      <label for=${id}>${msg(html`I agree to the ${links}.`, { id: 'terms.explicit' })}</label>
    </div>
    ${fieldError(ctx, 'terms', `${id}-error`)}
  </div>`;
}

/** Whether a step must show the terms checkbox (the tenant's `agreeToTermsPolicy`). */
export function termsExplicit(ctx: ScreenContext, registering: boolean): boolean {
  const policy = ctx.config.agreeToTermsPolicy ?? 'Automatic';
  return policy === 'Manual' || (policy === 'ManualRegistrationOnly' && registering);
}

/**
 * Building blocks of the steps after the first screen: the back button, the code input, the
 * username field of sign-up, the hidden username that password managers read, and the phone
 * country picker.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { ScreenContext, ViewContext } from './context.js';
import { errorFor, fieldError, identifierField } from './fields.js';

/** "A new code is on its way." on a code step, after the user asked for another code. */
export function codeSentNotice(ctx: ScreenContext): TemplateResult | typeof nothing {
  return ctx.state.notice === 'code-sent'
    ? html`<p class="si-notice" role="status">${msg('A new code is on its way.', { id: 'notice.codeSent' })}</p>`
    : nothing;
}

/** A username field for registration and the missing-username step. */
export function usernameField(ctx: ScreenContext): TemplateResult {
  return identifierField(ctx, ['username'], { autocomplete: 'username' });
}

/** Keeps the identifier in the form (for password managers) on steps that do not show it. */
export function hiddenUsername(value: string): TemplateResult {
  return html`<input
    class="si-visually-hidden"
    type="text"
    name="username"
    autocomplete="username"
    tabindex="-1"
    aria-hidden="true"
    readonly
    .value=${value}
  />`;
}

/**
 * The code field: six digits that submit themselves when complete, or with `backup`, one of the
 * user's backup codes (letters and digits, any length, never autofilled).
 */
export function codeField(ctx: ViewContext, backup?: { label: string }): TemplateResult {
  const id = `${ctx.id}-code`;
  const error = errorFor(ctx, 'code');
  return html`<div class="si-field">
    <label class="si-label" for=${id}>${backup?.label ?? msg('Verification code', { id: 'field.code' })}</label>
    <input
      class="si-input si-input--code"
      id=${id}
      dir="ltr"
      name="code"
      type="text"
      inputmode=${backup ? 'text' : 'numeric'}
      autocomplete=${backup ? 'off' : 'one-time-code'}
      autocapitalize="none"
      spellcheck="false"
      maxlength=${backup ? 32 : 6}
      pattern=${ifDefined(backup ? undefined : '[0-9]{6}')}
      enterkeyhint="done"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
      @input=${backup ? () => ctx.clearError('code') : ctx.onCodeInput}
    />
    ${fieldError(ctx, 'code', `${id}-error`)}
  </div>`;
}

export function backButton(ctx: ViewContext): TemplateResult | typeof nothing {
  if (ctx.state.depth === 0) return nothing;
  return html`<button class="si-back" type="button" @click=${() => ctx.back()}>
    <span aria-hidden="true">←</span> ${msg('Back', { id: 'common.back' })}
  </button>`;
}

/** The country picker beside a phone number (with the controller, which knows the countries). */
export function countryPicker(ctx: ViewContext): TemplateResult {
  const { country, countries } = ctx.phone;
  const calling = countries?.find((item) => item.code === country)?.callingCode;
  const regionName = regionNames();
  return html`<div class="si-country">
    <span class="si-country__value" aria-hidden="true">${calling ? `+${calling}` : country}</span>
    <select
      class="si-country__select"
      name="country"
      aria-label=${msg('Country code', { id: 'field.countryCode' })}
      @change=${ctx.onCountryChange}
    >
      ${(countries ?? [{ code: country, callingCode: '' }]).map(
        (item) =>
          html`<option value=${item.code} ?selected=${item.code === country}>
            ${regionName(item.code)}${item.callingCode ? ` +${item.callingCode}` : ''}
          </option>`,
      )}
    </select>
  </div>`;
}

function regionNames(): (code: string) => string {
  try {
    const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });
    return (code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code; // not a region code (an empty picker before the countries load)
      }
    };
  } catch {
    return (code) => code;
  }
}

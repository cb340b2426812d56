/**
 * Building blocks of the steps after the first screen: the back button, the code input, the
 * username field of sign-up, and the hidden username that password managers read.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { ScreenContext } from './context.js';
import { errorFor, fieldError, identifierField } from './fields.js';

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

export function codeField(ctx: ScreenContext): TemplateResult {
  const id = `${ctx.id}-code`;
  const error = errorFor(ctx, 'code');
  return html`<div class="si-field">
    <label class="si-label" for=${id}>${msg('Verification code', { id: 'field.code' })}</label>
    <input
      class="si-input si-input--code"
      id=${id}
      dir="ltr"
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      maxlength="6"
      pattern="[0-9]{6}"
      enterkeyhint="done"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
      @input=${ctx.onCodeInput}
    />
    ${fieldError(ctx, 'code', `${id}-error`)}
  </div>`;
}

export function backButton(ctx: ScreenContext): TemplateResult | typeof nothing {
  if (ctx.state.depth === 0) return nothing;
  return html`<button class="si-back" type="button" @click=${() => ctx.back()}>
    <span aria-hidden="true">←</span> ${msg('Back', { id: 'common.back' })}
  </button>`;
}

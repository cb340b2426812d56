/**
 * The security steps: verifying a second factor, choosing one, adding an authenticator app, a
 * security key or backup codes, and the optional prompts (2-step verification, passkey). Loaded
 * only when the server asks for one of them, with its own styles. Templates read the flow state
 * and never call the API.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { MfaFactor } from '../../../api/security-schemas.js';
import type { SignInFlow } from '../../../flow/sign-in-flow.js';
import type { SecurityStep, Step } from '../../../flow/steps.js';
import { isolate } from '../../../i18n/isolate.js';
import { adoptStyles } from '../adopt-styles.js';
import { securityStyles } from '../security.styles.js';
import type { ViewContext } from './context.js';
import { alerts, errorFor, fieldError, linkButton, submitButton, title } from './fields.js';
import { backButton, codeField, codeSentNotice } from './later-fields.js';
import type { JourneyInput } from './journey-steps.js';

type StepOf<N extends Step['name']> = Extract<Step, { name: N }>;

const RESEND_SECONDS = 59;

export function renderSecurityStep(ctx: ViewContext, step: SecurityStep): TemplateResult {
  adoptStyles(ctx.element, securityStyles);
  switch (step.name) {
    case 'mfa-verify':
      return verify(ctx, step);
    case 'mfa-factors':
      return factorList(ctx, step);
    case 'mfa-bind-totp':
      return bindTotp(ctx, step);
    case 'mfa-bind-webauthn':
      return bindWebAuthn(ctx, step);
    case 'backup-codes':
      return backupCodes(ctx, step);
    case 'mfa-onboarding':
      return html`
        ${title(
          msg('Turn on 2-step verification', { id: 'mfa.onboardingTitle' }),
          msg('Add a second step, such as an authenticator app, so that your password alone is not enough to get in.', {
            id: 'mfa.onboardingText',
          }),
        )}
        ${alerts(ctx)}
        ${submitButton(ctx, msg('Turn on', { id: 'mfa.enable' }), msg('Please wait…', { id: 'common.wait' }))}
        ${skipButton(ctx)}
      `;
    case 'passkey-setup':
      return html`
        ${title(
          msg('Create a passkey', { id: 'passkey.setupTitle' }),
          msg('Next time, sign in with your fingerprint, face or screen lock instead of typing a password.', {
            id: 'passkey.setupText',
          }),
        )}
        ${alerts(ctx)}
        ${submitButton(ctx, msg('Create a passkey', { id: 'passkey.create' }), msg('Waiting for your device…', { id: 'webauthn.waiting' }))}
        ${skipButton(ctx)}
      `;
  }
}

/** A factor's name and what the user needs for it. */
function factorCopy(factor: MfaFactor, purpose: 'verify' | 'bind', masked?: string): { name: string; detail: string | TemplateResult } {
  switch (factor) {
    case 'Totp':
      return {
        name: msg('Authenticator app', { id: 'mfa.factor.totp' }),
        detail:
          purpose === 'verify'
            ? msg('Enter a code from your authenticator app.', { id: 'mfa.factor.totpVerify' })
            : msg('Use an app such as Google Authenticator, Microsoft Authenticator or 1Password.', { id: 'mfa.factor.totpBind' }),
      };
    case 'WebAuthn':
      return {
        name: msg('Passkey or security key', { id: 'mfa.factor.webauthn' }),
        detail: msg('Use your fingerprint, face, screen lock or a USB or NFC key.', { id: 'mfa.factor.webauthnDetail' }),
      };
    case 'BackupCode':
      return {
        name: msg('Backup code', { id: 'mfa.factor.backup' }),
        detail: msg('Use one of the codes you saved when you set up 2-step verification.', { id: 'mfa.factor.backupDetail' }),
      };
    case 'EmailVerificationCode':
      return {
        name: msg('Email code', { id: 'mfa.factor.email' }),
        detail: masked
          ? msg(html`Get a code at ${isolate(masked)}.`, { id: 'mfa.factor.codeTo' })
          : msg('Get a code at your email address.', { id: 'mfa.factor.emailDetail' }),
      };
    case 'PhoneVerificationCode':
      return {
        name: msg('Text message code', { id: 'mfa.factor.phone' }),
        detail: masked
          ? msg(html`Get a code at ${isolate(masked)}.`, { id: 'mfa.factor.codeTo' })
          : msg('Get a code on your phone.', { id: 'mfa.factor.phoneDetail' }),
      };
  }
}

function anotherMethod(ctx: ViewContext, step: StepOf<'mfa-verify'>): TemplateResult | typeof nothing {
  if (step.factors.length < 2) return nothing;
  return html`<p class="si-switch">
    ${linkButton(msg('Use another method', { id: 'mfa.another' }), () => void ctx.flow.listMfaFactors())}
  </p>`;
}

function verify(ctx: ViewContext, step: StepOf<'mfa-verify'>): TemplateResult {
  const heading = msg('Verify it’s you', { id: 'mfa.verifyTitle' });
  const submit = () => submitButton(ctx, msg('Verify', { id: 'code.submit' }), msg('Verifying…', { id: 'code.submitting' }));
  switch (step.factor) {
    case 'WebAuthn':
      return html`
        ${backButton(ctx)}
        ${title(heading, msg('Use the passkey or security key you added to your account.', { id: 'mfa.webauthnText' }))}
        ${alerts(ctx)}
        ${submitButton(
          ctx,
          msg('Continue with passkey or security key', { id: 'mfa.webauthnVerify' }),
          msg('Waiting for your device…', { id: 'webauthn.waiting' }),
        )}
        ${anotherMethod(ctx, step)}
      `;
    case 'BackupCode':
      return html`
        ${backButton(ctx)}
        ${title(heading, msg('Enter one of your backup codes. Each code works once.', { id: 'mfa.backupText' }))}
        ${alerts(ctx)} ${codeField(ctx, { label: msg('Backup code', { id: 'mfa.factor.backup' }) })} ${submit()} ${anotherMethod(ctx, step)}
      `;
    case 'Totp':
      return html`
        ${backButton(ctx)}
        ${title(heading, msg('Enter the 6-digit code from your authenticator app.', { id: 'mfa.totpText' }))}
        ${alerts(ctx)} ${codeField(ctx)} ${submit()} ${anotherMethod(ctx, step)}
      `;
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode': {
      const remaining = Math.max(0, RESEND_SECONDS - Math.floor((ctx.now - (step.sentAt ?? 0)) / 1000));
      const target = step.masked;
      return html`
        ${backButton(ctx)}
        ${title(
          heading,
          target
            ? msg(html`We sent a 6-digit code to ${isolate(target)}.`, { id: 'code.sentTo' })
            : msg('We sent you a 6-digit code.', { id: 'mfa.codeSent' }),
        )}
        ${alerts(ctx)} ${codeSentNotice(ctx)} ${codeField(ctx)} ${submit()}
        <p class="si-aside">
          ${remaining > 0
            ? html`<span class="si-countdown">${msg(html`You can ask for a new code in ${isolate(remaining)} s.`, { id: 'code.countdown' })}</span>`
            : linkButton(msg('Send a new code', { id: 'code.resend' }), () => void ctx.flow.resendMfaCode())}
        </p>
        ${anotherMethod(ctx, step)}
      `;
    }
  }
}

function factorList(ctx: ViewContext, step: StepOf<'mfa-factors'>): TemplateResult {
  const verifying = step.purpose === 'verify';
  return html`
    ${backButton(ctx)}
    ${title(
      verifying ? msg('Choose how to verify', { id: 'mfa.chooseVerify' }) : msg('Add 2-step verification', { id: 'mfa.chooseBind' }),
      verifying
        ? undefined
        : msg('Choose a second way to prove it’s you when you sign in.', { id: 'mfa.chooseBindText' }),
    )}
    ${alerts(ctx)}
    <ul class="si-factors">
      ${step.factors.map((factor) => {
        const copy = factorCopy(factor, step.purpose, step.masked?.[factor as 'EmailVerificationCode']);
        return html`<li>
          <button
            class="si-factor"
            type="button"
            aria-disabled=${ctx.busy ? 'true' : 'false'}
            @click=${() => void ctx.flow.chooseMfaFactor(factor)}
          >
            <span class="si-factor__name">${copy.name}</span>
            <span class="si-factor__detail">${copy.detail}</span>
          </button>
        </li>`;
      })}
    </ul>
    ${step.binding ? skipButton(ctx, step.binding.skippable) : nothing}
  `;
}

function skipButton(ctx: ViewContext, allowed = true): TemplateResult | typeof nothing {
  if (!allowed) return nothing;
  return html`<button
    class="si-button si-button--secondary"
    type="button"
    aria-disabled=${ctx.busy ? 'true' : 'false'}
    @click=${() => void ctx.flow.skipSecurityStep()}
  >
    ${msg('Skip for now', { id: 'mfa.skip' })}
  </button>`;
}

function bindTotp(ctx: ViewContext, step: StepOf<'mfa-bind-totp'>): TemplateResult {
  const grouped = step.secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? step.secret;
  const statusId = `${ctx.id}-copy-status`;
  return html`
    ${backButton(ctx)}
    ${title(msg('Set up your authenticator app', { id: 'mfa.totpBindTitle' }))} ${alerts(ctx)}
    <ol class="si-steps">
      <li>
        <p>${msg('Scan this QR code with your authenticator app.', { id: 'mfa.totpScan' })}</p>
        ${step.qrCode
          ? html`<img class="si-qr-code" src=${step.qrCode} width="180" height="180" alt=${msg('QR code to add this account to an authenticator app', { id: 'mfa.totpQrAlt' })} />`
          : nothing}
        <details class="si-secret">
          <summary>${msg('Can’t scan it? Enter a key instead', { id: 'mfa.totpManual' })}</summary>
          <p class="si-secret__row">
            <code class="si-secret__value" dir="ltr" aria-label=${msg('Setup key', { id: 'mfa.totpKey' })}>${grouped}</code>
            <button class="si-link" type="button" @click=${() => void copyText(step.secret.replace(/\s+/g, ''), ctx, statusId)}>
              ${msg('Copy key', { id: 'mfa.copyKey' })}
            </button>
          </p>
          <p class="si-copy-status" id=${statusId} role="status"></p>
        </details>
      </li>
      <li>
        <p>${msg('Enter the 6-digit code the app shows.', { id: 'mfa.totpEnter' })}</p>
        ${codeField(ctx)}
      </li>
    </ol>
    ${submitButton(ctx, msg('Verify', { id: 'code.submit' }), msg('Verifying…', { id: 'code.submitting' }))}
    ${step.binding.factors.length > 1 ? nothing : skipButton(ctx, step.binding.skippable)}
  `;
}

function bindWebAuthn(ctx: ViewContext, step: StepOf<'mfa-bind-webauthn'>): TemplateResult {
  return html`
    ${backButton(ctx)}
    ${title(
      msg('Add a passkey or security key', { id: 'mfa.webauthnBindTitle' }),
      msg('Your browser will ask you to use your fingerprint, face, screen lock or a security key.', { id: 'mfa.webauthnBindText' }),
    )}
    ${alerts(ctx)}
    ${submitButton(ctx, msg('Add passkey or security key', { id: 'mfa.webauthnAdd' }), msg('Waiting for your device…', { id: 'webauthn.waiting' }))}
    ${step.binding.factors.length > 1 ? nothing : skipButton(ctx, step.binding.skippable)}
  `;
}

function backupCodes(ctx: ViewContext, step: StepOf<'backup-codes'>): TemplateResult {
  const statusId = `${ctx.id}-copy-status`;
  const boxId = `${ctx.id}-saved`;
  const error = errorFor(ctx, 'saved');
  const text = step.codes.join('\n');
  return html`
    ${title(
      msg('Save your backup codes', { id: 'mfa.backupTitle' }),
      msg('If you lose your other factor, each of these codes lets you sign in once. Keep them somewhere safe.', {
        id: 'mfa.backupIntro',
      }),
    )}
    ${alerts(ctx)}
    <ol class="si-backup-codes" dir="ltr" aria-label=${msg('Backup codes', { id: 'mfa.backupList' })}>
      ${step.codes.map((code) => html`<li><code>${code}</code></li>`)}
    </ol>
    <div class="si-actions">
      <button class="si-button si-button--secondary" type="button" @click=${() => void copyText(text, ctx, statusId)}>
        ${msg('Copy all', { id: 'mfa.copyAll' })}
      </button>
      <button class="si-button si-button--secondary" type="button" @click=${() => download(text, ctx, statusId)}>
        ${msg('Download (.txt)', { id: 'mfa.download' })}
      </button>
    </div>
    <p class="si-copy-status" id=${statusId} role="status"></p>
    <div class="si-field">
      <label class="si-checkbox">
        <input
          type="checkbox"
          name="saved"
          id=${boxId}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? `${boxId}-error` : undefined)}
          @change=${() => ctx.clearError('saved')}
        />
        <span>${msg('I have saved these codes', { id: 'mfa.backupSaved' })}</span>
      </label>
      ${fieldError(ctx, 'saved', `${boxId}-error`)}
    </div>
    ${submitButton(ctx, msg('Continue', { id: 'common.continue' }), msg('Please wait…', { id: 'common.wait' }))}
  `;
}

/** Says in the step's live region what happened; its text is not part of the template. */
function announce(ctx: ViewContext, id: string, text: string): void {
  const status = ctx.element.querySelector(`#${CSS.escape(id)}`);
  if (status) status.textContent = text;
}

async function copyText(text: string, ctx: ViewContext, statusId: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(ctx, statusId, msg('Copied.', { id: 'mfa.copied' }));
  } catch {
    announce(ctx, statusId, msg('Copying is not allowed here. Select the text and copy it yourself.', { id: 'mfa.copyFailed' }));
  }
}

function download(text: string, ctx: ViewContext, statusId: string): void {
  const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'backup-codes.txt';
  link.hidden = true;
  ctx.element.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(ctx, statusId, msg('Downloaded backup-codes.txt.', { id: 'mfa.downloaded' }));
}

/** The submit of every step whose template lives here. */
export async function submitSecurityStep(flow: SignInFlow, step: SecurityStep, input: JourneyInput): Promise<void> {
  const { text } = input;
  switch (step.name) {
    case 'mfa-verify': {
      if (step.factor === 'WebAuthn') return flow.verifyWebAuthn();
      if (step.factor === 'BackupCode') {
        const code = text('code').replace(/\s+/g, '');
        if (!code) return flow.reject('code.backupRequired', 'code');
        return flow.verifyMfaCode(code);
      }
      return submitSixDigits(flow, text('code'));
    }
    case 'mfa-bind-totp':
      return submitSixDigits(flow, text('code'));
    case 'mfa-bind-webauthn':
      return flow.bindWebAuthn();
    case 'backup-codes':
      if (text('saved') !== 'on') return flow.reject('backupCodes.notSaved', 'saved');
      return flow.confirmBackupCodes();
    case 'mfa-onboarding':
      return flow.enableMfa();
    case 'passkey-setup':
      return flow.createPasskey();
    case 'mfa-factors':
      return;
  }
}

function submitSixDigits(flow: SignInFlow, value: string): Promise<void> | void {
  const code = value.replace(/\D/g, '');
  if (code.length !== 6) return flow.reject('code.incomplete', 'code');
  return flow.verifyMfaCode(code);
}


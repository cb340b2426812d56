/**
 * The steps of the enterprise journeys: the identifier-only screens an app can ask for, single
 * sign-on (email, then the identity provider), the tenant's own profile fields, a magic link that
 * cannot be used, the switch-account question, a suspended account and an unknown address. They
 * travel with the journey views (see journey-steps.ts) and adopt their styles when first shown.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import { type ProfileField, type ProfileFieldPart, signUpProfileFields, ssoSettings } from '../../../api/enterprise-schemas.js';
import { laterSettings } from '../../../api/later-settings.js';
import type { SignInIdentifier } from '../../../api/schemas.js';
import { detectIdentifierType } from '../../../flow/identifier.js';
import type { SignInFlow } from '../../../flow/sign-in-flow.js';
import { isolate } from '../../../i18n/isolate.js';
import { safeHttpUrl, safeImageUrl } from '../../../internal/urls.js';
import { adoptStyles } from '../adopt-styles.js';
import { enterpriseStyles } from '../enterprise.styles.js';
import type { ViewContext } from './context.js';
import { alerts, errorText, identifierField, linkButton, passwordField, submitButton, terms, termsExplicit, title } from './fields.js';
import { backButton } from './later-fields.js';
import type { StepOf } from './steps.js';

export type EnterpriseStep = StepOf<
  | 'identifier-sign-in'
  | 'identifier-register'
  | 'single-sign-on'
  | 'sso-connectors'
  | 'extra-profile'
  | 'link-problem'
  | 'switch-account'
  | 'account-suspended'
  | 'not-found'
>;

const ENTERPRISE_STEPS: ReadonlySet<string> = new Set([
  'identifier-sign-in',
  'identifier-register',
  'single-sign-on',
  'sso-connectors',
  'extra-profile',
  'link-problem',
  'switch-account',
  'account-suspended',
  'not-found',
]);

export function isEnterpriseStep(step: { name: string }): step is EnterpriseStep {
  return ENTERPRISE_STEPS.has(step.name);
}

export function renderEnterpriseStep(ctx: ViewContext, step: EnterpriseStep): TemplateResult {
  adoptStyles(ctx.element, enterpriseStyles);
  switch (step.name) {
    case 'identifier-sign-in':
    case 'identifier-register':
      return identifierEntry(ctx, step);
    case 'single-sign-on':
      return singleSignOn(ctx);
    case 'sso-connectors':
      return ssoConnectors(ctx, step);
    case 'extra-profile':
      return extraProfile(ctx);
    case 'link-problem':
      return linkProblem(ctx, step);
    case 'switch-account':
      return switchAccount(ctx, step);
    case 'account-suspended':
      return accountSuspended(ctx);
    case 'not-found':
      return notFound(ctx);
  }
}

// ----- identifier-only sign-in and sign-up ---------------------------------------------------------

/** Every type on the screen signs in with a password alone: the password is asked on the same screen. */
function passwordOnlyFor(flow: SignInFlow, types: readonly SignInIdentifier[]): boolean {
  return types.every((type) => {
    const method = flow.method(type);
    return Boolean(method?.password && !method.verificationCode);
  });
}

/** The app's `login_hint`, shown fixed when it fits the screen's types (until the user asks to change it). */
function fixedIdentifier(ctx: ViewContext, types: readonly SignInIdentifier[]): string | undefined {
  const hint = ctx.loginHint?.trim();
  if (!hint || ctx.revealed.has('identifier:change') || !detectIdentifierType(hint, types)) return undefined;
  return hint;
}

function identifierEntry(ctx: ViewContext, step: StepOf<'identifier-sign-in'> | StepOf<'identifier-register'>): TemplateResult {
  const register = step.name === 'identifier-register';
  const passwordOnly = !register && passwordOnlyFor(ctx.flow, step.types);
  const fixed = fixedIdentifier(ctx, step.types);
  const identifier = fixed
    ? html`<div class="si-fixed">
        <span>
          ${register
            ? msg(html`Creating an account for <bdi>${fixed}</bdi>`, { id: 'identifierEntry.registerAs' })
            : msg(html`Signing in as <bdi>${fixed}</bdi>`, { id: 'identifierEntry.signInAs' })}
        </span>
        ${linkButton(msg('Change', { id: 'identifierEntry.change' }), () => ctx.toggleReveal('identifier:change'))}
        <input type="hidden" name="identifier" .value=${fixed} />
      </div>
      ${errorText(ctx, 'identifier') ? html`<p class="si-error" role="alert">${errorText(ctx, 'identifier')}</p>` : nothing}`
    : identifierField(ctx, step.types, {
        value: ctx.identifierDraft || ctx.loginHint,
        autocomplete: register && !step.types.includes('username') ? (step.types[0] === 'phone' ? 'tel-national' : 'email') : undefined,
      });
  return html`
    ${title(register ? msg('Create your account', { id: 'register.title' }) : msg('Sign in', { id: 'signIn.title' }))}
    ${alerts(ctx)} ${identifier}
    ${passwordOnly
      ? passwordField(ctx, { name: 'password', label: msg('Password', { id: 'field.password' }), autocomplete: 'current-password' })
      : nothing}
    ${terms(ctx, termsExplicit(ctx, register))}
    ${register
      ? submitButton(ctx, msg('Create account', { id: 'register.submit' }), msg('Please wait…', { id: 'common.wait' }))
      : passwordOnly
        ? submitButton(ctx, msg('Sign in', { id: 'signIn.submit' }), msg('Signing in…', { id: 'signIn.submitting' }))
        : submitButton(ctx, msg('Continue', { id: 'common.continue' }), msg('Please wait…', { id: 'common.wait' }))}
    <p class="si-switch">
      ${register
        ? linkButton(msg('All sign-up options', { id: 'identifierEntry.allRegister' }), () => ctx.go('register'))
        : linkButton(msg('All sign-in options', { id: 'identifierEntry.allSignIn' }), () => ctx.go('sign-in'))}
    </p>
  `;
}

// ----- single sign-on ------------------------------------------------------------------------------

function singleSignOn(ctx: ViewContext): TemplateResult {
  return html`
    ${title(
      msg('Single sign-on', { id: 'sso.title' }),
      msg('Enter your work email. You will continue on your organization’s sign-in page.', { id: 'sso.subtitle' }),
    )}
    ${alerts(ctx)} ${identifierField(ctx, ['email'], { value: ctx.identifierDraft })}
    ${terms(ctx, ctx.config.agreeToTermsPolicy === 'Manual')}
    ${submitButton(ctx, msg('Continue', { id: 'common.continue' }), msg('Please wait…', { id: 'common.wait' }))}
    ${ctx.flow.canSignIn
      ? html`<p class="si-switch">
          ${linkButton(msg('All sign-in options', { id: 'identifierEntry.allSignIn' }), () => ctx.go('sign-in'))}
        </p>`
      : nothing}
  `;
}

function ssoConnectors(ctx: ViewContext, step: StepOf<'sso-connectors'>): TemplateResult {
  const connectors = ssoSettings(ctx.config).connectors.filter((connector) => step.connectorIds.includes(connector.id));
  return html`
    ${backButton(ctx)}
    ${title(
      msg('Choose your organization', { id: 'sso.chooseTitle' }),
      msg(html`More than one sign-in page serves <bdi>${step.email}</bdi>. Choose yours.`, { id: 'sso.chooseText' }),
    )}
    ${alerts(ctx)}
    <ul class="si-providers">
      ${connectors.map((connector) => {
        const logo = safeImageUrl(ctx.dark ? (connector.darkLogo ?? connector.logo) : connector.logo);
        return html`<li>
          <button
            class="si-provider"
            type="button"
            aria-disabled=${ctx.busy ? 'true' : 'false'}
            @click=${() => void ctx.flow.startSso(connector.id)}
          >
            ${logo ? html`<img src=${logo} alt="" @error=${hideImage} />` : nothing}
            <span>${connector.connectorName}</span>
          </button>
        </li>`;
      })}
    </ul>
  `;
}

/**
 * A logo that fails to load is hidden rather than shown broken. Not `dropBrokenImage` from
 * internal/urls.ts: a lazy chunk importing it makes the bundler export it from the first screen's
 * file, 31 B more there.
 */
function hideImage(event: Event): void {
  (event.target as HTMLElement).hidden = true;
}

// ----- the tenant's profile fields -----------------------------------------------------------------

/** Labels of Logto's built-in profile keys, for fields the tenant left without a label. */
function builtInLabel(name: string): string {
  switch (name) {
    case 'name':
      return msg('Full name', { id: 'profile.name' });
    case 'givenName':
      return msg('Given name', { id: 'profile.givenName' });
    case 'middleName':
      return msg('Middle name', { id: 'profile.middleName' });
    case 'familyName':
      return msg('Family name', { id: 'profile.familyName' });
    case 'nickname':
      return msg('Nickname', { id: 'profile.nickname' });
    case 'birthdate':
      return msg('Date of birth', { id: 'profile.birthdate' });
    case 'gender':
      return msg('Gender', { id: 'profile.gender' });
    case 'website':
      return msg('Website', { id: 'profile.website' });
    case 'address':
    case 'formatted':
      return msg('Address', { id: 'profile.address' });
    case 'streetAddress':
      return msg('Street address', { id: 'profile.streetAddress' });
    case 'locality':
      return msg('City', { id: 'profile.locality' });
    case 'region':
      return msg('State or region', { id: 'profile.region' });
    case 'postalCode':
      return msg('Postal code', { id: 'profile.postalCode' });
    case 'country':
      return msg('Country', { id: 'profile.country' });
    default:
      return name;
  }
}

const labelOf = (field: { name: string; label?: string | null }) => field.label || builtInLabel(field.name);

/** The form control name of a field (or of a part of a full-name or address group). */
const controlName = (name: string) => `profile:${name}`;

/** The field a local or server error is about: named in `data.field`, or in the server's sentence. */
function erroredField(ctx: ViewContext, fields: ProfileField[]): string | undefined {
  const error = ctx.state.error;
  if (!error) return undefined;
  const named = (error.data as { field?: unknown } | undefined)?.field;
  if (error.target === 'profile' && typeof named === 'string') return named;
  if (error.target !== 'form' || !error.serverMessage) return undefined;
  const names = fields.flatMap((field) => [field, ...(field.config?.parts ?? [])]).map((field) => field.name);
  return names.find((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(error.serverMessage!));
}

function extraProfile(ctx: ViewContext): TemplateResult {
  const fields = signUpProfileFields(ctx.config);
  const errored = erroredField(ctx, fields);
  const error = ctx.state.error;
  const errorSentence = errored && error ? ctx.describeError(error) : undefined;
  return html`
    ${backButton(ctx)}
    ${title(
      msg('Tell us about yourself', { id: 'profile.title' }),
      msg('Your account needs this before you can continue.', { id: 'continue.why' }),
    )}
    ${errored ? nothing : alerts(ctx)}
    ${fields.map((field) =>
      field.type === 'Fullname' || field.type === 'Address'
        ? html`<fieldset class="si-group">
            <legend>${labelOf(field)}</legend>
            ${field.description ? html`<p class="si-hint">${field.description}</p>` : nothing}
            ${(field.config?.parts ?? [])
              .filter((part) => part.enabled !== false)
              .map((part) => profileControl(ctx, part, errored === part.name ? errorSentence : undefined))}
          </fieldset>`
        : profileControl(ctx, field, errored === field.name ? errorSentence : undefined),
    )}
    ${submitButton(ctx, msg('Continue', { id: 'common.continue' }), msg('Please wait…', { id: 'common.wait' }))}
  `;
}

/** How a date field is typed: the browser's date picker when the format has only year, month and day. */
function dateFormat(field: ProfileField | ProfileFieldPart): string {
  const config = field.config;
  return (config?.format === 'custom' || config?.format === 'Custom' ? config.customFormat : config?.format) || 'yyyy-MM-dd';
}
const PICKER_FORMAT = /^(?=.*yyyy)(?=.*MM)(?=.*dd)[yMd./\- ]+$/;

function profileControl(ctx: ViewContext, field: ProfileField | ProfileFieldPart, error: string | TemplateResult | undefined): TemplateResult {
  const id = `${ctx.id}-${field.name}`;
  const name = controlName(field.name);
  const label = labelOf(field);
  const config = field.config ?? {};
  const hintId = field.description ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = error ? 'true' : 'false';
  const hint = field.description ? html`<p class="si-hint" id=${hintId!}>${field.description}</p>` : nothing;
  const errorLine = error ? html`<p class="si-error" id=${errorId!} role="alert">${error}</p>` : nothing;
  const clear = () => ctx.clearError('profile');

  if (field.type === 'Checkbox') {
    return html`<div class="si-field">
      <div class="si-checkbox">
        <input
          id=${id}
          name=${name}
          type="checkbox"
          .defaultChecked=${config.defaultValue === 'true'}
          aria-invalid=${invalid}
          aria-describedby=${ifDefined(describedBy)}
          @change=${clear}
        />
        <label for=${id}>${label}</label>
      </div>
      ${hint} ${errorLine}
    </div>`;
  }

  const labelTag = html`<label class="si-label" for=${id}>${label}${field.required ? nothing : html` <span class="si-optional">${msg('(optional)', { id: 'profile.optional' })}</span>`}</label>`;
  if (field.type === 'Select') {
    return html`<div class="si-field">
      ${labelTag}
      <select
        class="si-input"
        id=${id}
        name=${name}
        ?required=${field.required}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
        @change=${clear}
      >
        <option value="" ?selected=${!config.defaultValue}>${config.placeholder || msg('Choose…', { id: 'profile.choose' })}</option>
        ${(config.options ?? []).map(
          (option) => html`<option value=${option.value} ?selected=${option.value === config.defaultValue}>${option.label || option.value}</option>`,
        )}
      </select>
      ${hint} ${errorLine}
    </div>`;
  }

  const picker = field.type === 'Date' && PICKER_FORMAT.test(dateFormat(field));
  const type = picker ? 'date' : field.type === 'Url' ? 'url' : field.type === 'Number' ? 'number' : 'text';
  return html`<div class="si-field">
    ${labelTag}
    <input
      class="si-input"
      id=${id}
      name=${name}
      type=${type}
      dir=${ifDefined(field.type === 'Url' ? 'ltr' : undefined)}
      inputmode=${ifDefined(field.type === 'Number' ? 'decimal' : undefined)}
      placeholder=${ifDefined((field.type === 'Date' && !picker ? dateFormat(field) : config.placeholder) || undefined)}
      maxlength=${ifDefined(field.type === 'Text' && config.maxLength ? config.maxLength : undefined)}
      min=${ifDefined(field.type === 'Number' && config.minValue != null ? config.minValue : undefined)}
      max=${ifDefined(field.type === 'Number' && config.maxValue != null ? config.maxValue : undefined)}
      autocomplete=${autocompleteFor(field.name)}
      .defaultValue=${picker ? '' : (config.defaultValue ?? '')}
      ?required=${field.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      @input=${clear}
    />
    ${hint} ${errorLine}
  </div>`;
}

/** Autofill for the built-in keys browsers know; off for the tenant's own fields. */
function autocompleteFor(name: string): string {
  const known: Record<string, string> = {
    name: 'name',
    givenName: 'given-name',
    middleName: 'additional-name',
    familyName: 'family-name',
    nickname: 'nickname',
    birthdate: 'bday',
    website: 'url',
    streetAddress: 'street-address',
    locality: 'address-level2',
    region: 'address-level1',
    postalCode: 'postal-code',
    country: 'country-name',
    gender: 'sex',
  };
  return known[name] ?? 'off';
}

/** A date in the tenant's format, from the picker's `yyyy-MM-dd`. */
function formatDate(iso: string, format: string): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  return format.replace('yyyy', year).replace('MM', month).replace('dd', day);
}

/** The same check Logto makes of a typed date: it reads back the same in the format. */
function validDate(value: string, format: string): boolean {
  const order: string[] = [];
  const pattern = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/yyyy|MM|dd/g, (token) => {
    order.push(token);
    return token === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(value);
  if (!match || order.length === 0) return false;
  const part = (token: string) => Number(match[order.indexOf(token) + 1] ?? 1);
  const year = order.includes('yyyy') ? part('yyyy') : 2000;
  const month = order.includes('MM') ? part('MM') : 1;
  const day = order.includes('dd') ? part('dd') : 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads and checks one field; reports the first problem and returns false. */
function readField(
  flow: SignInFlow,
  field: ProfileField | ProfileFieldPart,
  data: { text: (name: string) => string; checked: (name: string) => boolean },
  out: Record<string, unknown>,
): boolean {
  const name = controlName(field.name);
  const config = field.config ?? {};
  const problem = (code: string, extra: Record<string, unknown> = {}) => {
    flow.reject(code, 'profile', { field: field.name, label: labelOf(field), ...extra });
    return false;
  };
  if (field.type === 'Checkbox') {
    out[field.name] = data.checked(name);
    return true;
  }
  const value = data.text(name).trim();
  if (!value) {
    if (field.required) return problem('profile.required');
    return true;
  }
  switch (field.type) {
    case 'Text':
      if (config.minLength && [...value].length < config.minLength) return problem('profile.tooShort', { min: config.minLength });
      if (config.maxLength && [...value].length > config.maxLength) return problem('profile.tooLong', { max: config.maxLength });
      break;
    case 'Number': {
      const number = Number(value);
      if (Number.isNaN(number)) return problem('profile.invalid');
      if (config.minValue != null && number < config.minValue) return problem('profile.tooSmall', { min: config.minValue });
      if (config.maxValue != null && number > config.maxValue) return problem('profile.tooLarge', { max: config.maxValue });
      break;
    }
    case 'Url':
      if (!safeHttpUrl(value)) return problem('profile.url');
      break;
    case 'Regex':
      try {
        if (config.format && !new RegExp(config.format).test(value)) return problem('profile.invalid');
      } catch {
        // A pattern the browser cannot read is left to the server.
      }
      break;
    case 'Date': {
      const format = dateFormat(field);
      const typed = PICKER_FORMAT.test(format) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, format) : value;
      if (!validDate(typed, format)) return problem('profile.date', { format });
      out[field.name] = typed;
      return true;
    }
    case 'Select':
      if (config.options && !config.options.some((option) => option.value === value)) return problem('profile.invalid');
      break;
    default:
      break;
  }
  out[field.name] = value;
  return true;
}

/** The profile values in Logto's shape: full-name parts at the top level, address parts under `address`. */
function readProfile(flow: SignInFlow, fields: ProfileField[], data: { text: (name: string) => string; checked: (name: string) => boolean }) {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.type === 'Fullname' || field.type === 'Address') {
      const target: Record<string, unknown> = field.type === 'Address' ? {} : values;
      for (const part of (field.config?.parts ?? []).filter((item) => item.enabled !== false)) {
        if (!readField(flow, part, data, target)) return undefined;
      }
      if (field.type === 'Address' && Object.keys(target).length > 0) values.address = target;
      continue;
    }
    if (!readField(flow, field, data, values)) return undefined;
  }
  return values;
}

// ----- pages of their own --------------------------------------------------------------------------

function linkProblem(ctx: ViewContext, step: StepOf<'link-problem'>): TemplateResult {
  const sentence =
    step.code === 'one_time_token.token_expired'
      ? msg('This sign-in link has expired. Ask for a new one.', { id: 'link.expired' })
      : step.code === 'one_time_token.token_consumed'
        ? msg('This sign-in link was already used. Each link works once: ask for a new one.', { id: 'link.used' })
        : step.code === 'one_time_token.email_mismatch'
          ? msg('This sign-in link was sent to another email address. Open the link from the email it was sent to.', {
              id: 'link.mismatch',
            })
          : msg('This sign-in link is not valid. Check that you opened the whole link, or ask for a new one.', { id: 'link.invalid' });
  return html`
    ${title(msg('This link cannot be used', { id: 'link.title' }))}
    <p class="si-alert" role="alert">${sentence}</p>
    <button class="si-button" type="button" @click=${() => ctx.go('sign-in')}>${msg('Sign in another way', { id: 'link.signIn' })}</button>
  `;
}

function switchAccount(ctx: ViewContext, step: StepOf<'switch-account'>): TemplateResult {
  const user = step.account.user;
  const current = user.primaryEmail || user.username || (user.primaryPhone ? `+${user.primaryPhone}` : '') || user.name || user.id;
  const avatar = safeImageUrl(user.avatar);
  const back = safeHttpUrl(step.account.redirectUri);
  return html`
    ${title(
      msg('Switch account?', { id: 'switch.title' }),
      msg(html`You are signed in as <bdi>${current}</bdi>. This link signs you in as <bdi>${step.email}</bdi>.`, { id: 'switch.text' }),
    )}
    ${alerts(ctx)}
    <div class="si-account">
      ${avatar ? html`<img src=${avatar} alt="" @error=${hideImage} />` : nothing}
      <span>
        ${user.name ? html`<span class="si-account__name">${user.name}</span>` : nothing}
        <bdi class="si-account__detail">${current}</bdi>
      </span>
    </div>
    ${submitButton(ctx, msg(html`Continue as ${isolate(step.email)}`, { id: 'switch.continue' }), msg('Signing in…', { id: 'signIn.submitting' }))}
    ${back
      ? html`<button class="si-button si-button--secondary" type="button" @click=${() => globalThis.location.assign(new URL(back).origin)}>
          ${msg('Stay with the current account', { id: 'switch.stay' })}
        </button>`
      : nothing}
  `;
}

function accountSuspended(ctx: ViewContext): TemplateResult {
  const support = laterSettings(ctx.config).supportEmail;
  return html`
    ${title(msg('Account suspended', { id: 'suspended.title' }))}
    <p class="si-alert" role="alert">
      ${msg('This account has been suspended, so it cannot sign in. If you think this is a mistake, contact support.', {
        id: 'suspended.text',
      })}
    </p>
    ${support
      ? html`<p class="si-aside"><a class="si-link" href=${`mailto:${support}`}>${msg('Contact support', { id: 'session.support' })}</a></p>`
      : nothing}
    <button class="si-button si-button--secondary" type="button" @click=${() => ctx.go('sign-in')}>
      ${msg('Sign in with another account', { id: 'suspended.other' })}
    </button>
  `;
}

function notFound(ctx: ViewContext): TemplateResult {
  return html`
    ${title(msg('Page not found', { id: 'notFound.title' }), msg('This address does not lead to a page of this sign-in.', { id: 'notFound.text' }))}
    <button class="si-button" type="button" @click=${() => ctx.go('sign-in')}>${msg('Go to sign in', { id: 'notFound.signIn' })}</button>
  `;
}

// ----- submit --------------------------------------------------------------------------------------

/** What an enterprise step's submit reads from `<sign-in-form>`. */
export interface EnterpriseInput {
  text: (name: string) => string;
  checked: (name: string) => boolean;
  termsMissing: () => boolean;
  readIdentifier: (types: readonly SignInIdentifier[]) => Promise<{ type: SignInIdentifier; value: string } | undefined>;
}

export async function submitEnterpriseStep(flow: SignInFlow, step: EnterpriseStep, input: EnterpriseInput): Promise<void> {
  switch (step.name) {
    case 'identifier-sign-in': {
      const identifier = await input.readIdentifier(step.types);
      if (!identifier || input.termsMissing()) return;
      if (!passwordOnlyFor(flow, step.types)) return flow.submitIdentifier(identifier);
      const password = input.text('password');
      if (!password) return flow.reject('password.required', 'password');
      return flow.signInWithPassword(identifier, password);
    }
    case 'identifier-register': {
      const identifier = await input.readIdentifier(step.types);
      if (!identifier || input.termsMissing()) return;
      return flow.register(identifier);
    }
    case 'single-sign-on': {
      const identifier = await input.readIdentifier(['email']);
      if (!identifier || input.termsMissing()) return;
      return flow.submitSsoEmail(identifier.value);
    }
    case 'extra-profile': {
      const values = readProfile(flow, signUpProfileFields(flow.config), input);
      if (values) return flow.submitExtraProfile(values);
      return;
    }
    case 'switch-account':
      return flow.continueWithLink();
    default:
      return;
  }
}

/**
 * Every error code the flows can meet, mapped to a localized, actionable sentence in one table.
 * Codes the table does not know fall back to the server's own (already localized) message, then to
 * a generic sentence.
 */
import { msg } from '@lit/localize';
import { html, render, type TemplateResult } from 'lit';

import { isolate } from './isolate.js';

/**
 * A sentence as the form shows it: plain text, or a template whose inserted values (a field's
 * label, a number, a date format) sit in `<bdi>`, so that a right-to-left language keeps them in
 * their own order. `errorText` gives the same sentence as plain text.
 */
export type Sentence = string | TemplateResult;

type Message = (data?: unknown) => Sentence;

/** What the form knows about an error. */
export interface ErrorInput {
  code: string;
  data?: unknown;
  serverMessage?: string;
  retryAfter?: number;
}

/** A value of the error's data (a label, a limit), isolated for the sentence. */
function field(data: unknown, key: string): TemplateResult {
  const value = (data as Record<string, unknown> | undefined)?.[key];
  return isolate(typeof value === 'number' || typeof value === 'string' ? String(value) : '');
}

const unexpectedAnswer: Message = () =>
  msg('The server sent an unexpected answer. Try again in a moment.', { id: 'errors.unexpectedResponse' });
const codeUnusable: Message = () =>
  msg('This code can no longer be used. Send a new one.', { id: 'errors.codeUnusable' });
const codeElsewhere: Message = () =>
  msg('This code was sent to another address. Send a new one.', { id: 'errors.codeMismatchTarget' });
const verificationExpired: Message = () =>
  msg('This verification has expired. Start again.', { id: 'errors.verificationExpired' });
const stepExpired: Message = () => msg('This step has expired. Start again.', { id: 'errors.stepExpired' });
const sendFailed: Message = () =>
  msg('The code could not be sent right now. Try again later or use another way to sign in.', { id: 'errors.sendFailed' });

const providerFailed: Message = () =>
  msg('The provider could not complete the sign-in. Try again or choose another way.', { id: 'errors.socialProvider' });
const providerRejected: Message = () =>
  msg('The provider did not accept this sign-in. Start again.', { id: 'errors.socialRejected' });
const socialUnverified: Message = () =>
  msg('This sign-in could not be verified, so it was stopped for your safety. Start again from this page.', {
    id: 'errors.socialState',
  });

const captchaFailed: Message = () => msg('The security check failed. Try it again.', { id: 'errors.captchaFailed' });
const mfaUnusable: Message = () =>
  msg('This account needs a second factor that cannot be used on this page. Try another browser or contact support.', {
    id: 'errors.mfaUnusable',
  });
const webauthnCancelled: Message = () =>
  msg('The request was cancelled or timed out. Try again when you are ready.', { id: 'errors.webauthnCancelled' });

/** Sentences for each broken password rule, as Logto reports them in `password.rejected`. */
const PASSWORD_RULES: Record<string, Message> = {
  'password_rejected.too_short': (data) =>
    msg(html`Use at least ${field(data, 'min')} characters.`, { id: 'password.tooShort' }),
  'password_rejected.too_long': (data) =>
    msg(html`Use at most ${field(data, 'max')} characters.`, { id: 'password.tooLong' }),
  'password_rejected.character_types': (data) =>
    msg(html`Mix at least ${field(data, 'min')} kinds of characters: lowercase, uppercase, digits, symbols.`, {
      id: 'password.characterTypes',
    }),
  'password_rejected.unsupported_characters': () =>
    msg('Use only letters, digits, spaces and common symbols.', { id: 'password.unsupported' }),
  'password_rejected.pwned': () =>
    msg('This password appeared in a data breach. Choose another one.', { id: 'password.pwned' }),
  'password_rejected.restricted.repetition': () =>
    msg('Avoid repeating the same character three times.', { id: 'password.repetition' }),
  'password_rejected.restricted.sequence': () =>
    msg('Avoid sequences such as 123 or abc.', { id: 'password.sequence' }),
  'password_rejected.restricted.user_info': () =>
    msg('Avoid your name, username or email address.', { id: 'password.userInfo' }),
  'password_rejected.restricted.words': () =>
    msg('Avoid words that are easy to guess.', { id: 'password.words' }),
};

const MESSAGES: Record<string, Message> = {
  // Checked in the browser before anything is sent
  'identifier.required': () => msg('Fill in this field.', { id: 'errors.required' }),
  'identifier.invalid_email': () =>
    msg('Enter a valid email address, like name@example.com.', { id: 'errors.invalidEmail' }),
  'identifier.invalid_phone': () =>
    msg('Enter a valid phone number for the selected country.', { id: 'errors.invalidPhone' }),
  'identifier.invalid_username': () =>
    msg('Usernames start with a letter or underscore and contain only letters, digits and underscores.', {
      id: 'errors.invalidUsername',
    }),
  'password.required': () => msg('Enter your password.', { id: 'errors.passwordRequired' }),
  'password.mismatch': () => msg('The passwords do not match.', { id: 'errors.passwordMismatch' }),
  'code.incomplete': () => msg('Enter the 6-digit code.', { id: 'errors.codeIncomplete' }),
  'terms.required': () => msg('Agree to the terms to continue.', { id: 'errors.termsRequired' }),

  // Sign-in
  'session.invalid_credentials': () =>
    msg('The account or password is incorrect. Check them and try again.', { id: 'errors.invalidCredentials' }),
  'session.verification_blocked_too_many_attempts': () =>
    msg('Too many failed attempts. Wait a while, then try again.', { id: 'errors.tooManyAttempts' }),
  'user.suspended': () => msg('This account is suspended. Contact support for help.', { id: 'errors.userSuspended' }),
  'user.sign_in_method_not_enabled': () =>
    msg('This way of signing in is not available. Try another one.', { id: 'errors.methodNotEnabled' }),
  'password.expired': () =>
    msg('Your password has expired. Reset it with “Forgot password”.', { id: 'errors.passwordExpired' }),
  'user.user_not_exist': () =>
    msg('There is no account with this email or phone number.', { id: 'errors.userNotExist' }),
  'auth.forbidden': () => msg('This action is not allowed here.', { id: 'errors.forbidden' }),

  // Session
  'session.not_found': () =>
    msg('This sign-in session has expired. Go back to the app and sign in again.', { id: 'errors.sessionNotFound' }),
  'session.verification_session_not_found': verificationExpired,
  'session.verification_failed': verificationExpired,
  'session.identifier_not_found': stepExpired,
  'session.interaction_not_found': stepExpired,
  'session.not_supported_for_forgot_password': () =>
    msg('This cannot be used to reset a password.', { id: 'errors.notForReset' }),

  // Registration and profile
  'user.username_already_in_use': () =>
    msg('This username is taken. Try another one.', { id: 'errors.usernameTaken' }),
  'user.email_already_in_use': () =>
    msg('This email address already belongs to an account.', { id: 'errors.emailTaken' }),
  'user.phone_already_in_use': () =>
    msg('This phone number already belongs to an account.', { id: 'errors.phoneTaken' }),
  'user.username_starts_with_number': () =>
    msg('Usernames cannot start with a digit.', { id: 'errors.usernameStartsWithNumber' }),
  'user.username_invalid_charset_hard': () =>
    msg('Usernames contain only letters, digits and underscores.', { id: 'errors.usernameCharset' }),
  'user.username_too_short': () => msg('This username is too short.', { id: 'errors.usernameTooShort' }),
  'user.username_too_long': () => msg('This username is too long.', { id: 'errors.usernameTooLong' }),
  'user.username_required': () => msg('Choose a username.', { id: 'errors.usernameRequired' }),
  'user.same_password': () =>
    msg('Choose a password that differs from your current one.', { id: 'errors.samePassword' }),
  'session.email_blocklist.email_not_allowed': () =>
    msg('This email address cannot be used. Use another one.', { id: 'errors.emailBlocked' }),
  'session.email_blocklist.email_subaddressing_not_allowed': () =>
    msg('Email aliases with “+” cannot be used. Use your main address.', { id: 'errors.emailSubaddress' }),
  'guard.invalid_input': () => msg('This value is not valid. Check it and try again.', { id: 'errors.invalidInput' }),
  'client.unsupported_profile': () =>
    msg('Your account needs details this page cannot collect. Contact support.', { id: 'errors.unsupportedProfile' }),

  // Single sign-on and the tenant's profile fields
  'sso.not_enabled': () =>
    msg('Single sign-on is not set up for this email domain. Check the address, or sign in another way.', { id: 'errors.ssoNotEnabled' }),
  'session.sso_enabled': () =>
    msg('This email signs in through your organization. Use single sign-on.', { id: 'errors.ssoRequired' }),
  'profile.required': (data) => msg(html`Fill in “${field(data, 'label')}”.`, { id: 'errors.profileRequired' }),
  'profile.invalid': (data) => msg(html`“${field(data, 'label')}” is not valid. Check it and try again.`, { id: 'errors.profileInvalid' }),
  'profile.tooShort': (data) =>
    msg(html`“${field(data, 'label')}” needs at least ${field(data, 'min')} characters.`, { id: 'errors.profileTooShort' }),
  'profile.tooLong': (data) =>
    msg(html`“${field(data, 'label')}” can have at most ${field(data, 'max')} characters.`, { id: 'errors.profileTooLong' }),
  'profile.tooSmall': (data) => msg(html`Enter ${field(data, 'min')} or more.`, { id: 'errors.profileTooSmall' }),
  'profile.tooLarge': (data) => msg(html`Enter ${field(data, 'max')} or less.`, { id: 'errors.profileTooLarge' }),
  'profile.url': () => msg('Enter a full web address, like https://example.com.', { id: 'errors.profileUrl' }),
  'profile.date': (data) => msg(html`Enter a real date, written as ${field(data, 'format')}.`, { id: 'errors.profileDate' }),
  'client.profile_incomplete': () =>
    msg('Some required details are still missing. Check the fields and try again.', { id: 'errors.profileIncomplete' }),

  // Verification codes
  'verification_code.code_mismatch': () =>
    msg('The code is incorrect. Check it and try again.', { id: 'errors.codeMismatch' }),
  'verification_code.expired': () => msg('The code has expired. Send a new one.', { id: 'errors.codeExpired' }),
  'verification_code.not_found': codeUnusable,
  'verification_code.exceed_max_try': codeUnusable,
  'verification_code.email_mismatch': codeElsewhere,
  'verification_code.phone_mismatch': codeElsewhere,
  'request.message_rate_limited': () =>
    msg('Too many codes were sent. Wait a few minutes before asking for another one.', { id: 'errors.rateLimited' }),
  'connector.not_found': sendFailed,
  'connector.rate_limit_exceeded': sendFailed,
  'connector.usage_limit_exceeded': sendFailed,
  // Social sign-in
  'social.cancelled': () =>
    msg('The sign-in was cancelled at the provider. Choose a way to sign in.', { id: 'errors.socialCancelled' }),
  'social.provider_error': providerFailed,
  'social.state_mismatch': socialUnverified,
  'social.state_missing': socialUnverified,
  'social.no_account': () =>
    msg('No account is linked to this provider, and new accounts cannot be created here.', { id: 'errors.socialNoAccount' }),
  'connector.social_auth_code_invalid': providerRejected,
  'connector.social_invalid_access_token': providerRejected,
  'connector.social_invalid_id_token': providerRejected,
  'connector.authorization_failed': providerRejected,
  'connector.general': providerFailed,
  'connector.invalid_response': providerFailed,
  'connector.invalid_config': providerFailed,
  'session.connector_validation_session_not_found': socialUnverified,
  'session.invalid_connector_id': () =>
    msg('This way of signing in is no longer available. Choose another one.', { id: 'errors.connectorGone' }),
  'entity.not_found': () =>
    msg('This way of signing in is not available. Choose another one.', { id: 'errors.connectorUnknown' }),

  // CAPTCHA
  'session.captcha_required': () => msg('Complete the security check, then try again.', { id: 'errors.captchaRequired' }),
  'session.captcha_failed': captchaFailed,
  'captcha.failed': captchaFailed,
  'captcha.unavailable': () =>
    msg('The security check could not load. Check your connection or allow it in your blocker, then try again.', {
      id: 'errors.captchaUnavailable',
    }),

  // Second factors and passkeys
  'session.mfa.invalid_totp_code': () =>
    msg('The code is incorrect or has expired. Enter the code your app shows now.', { id: 'errors.totpInvalid' }),
  'session.mfa.invalid_backup_code': () =>
    msg('This backup code is incorrect or has already been used. Each code works once.', { id: 'errors.backupCodeInvalid' }),
  'code.backupRequired': () => msg('Enter one of your backup codes.', { id: 'errors.backupCodeRequired' }),
  'backupCodes.notSaved': () => msg('Confirm that you have saved your backup codes.', { id: 'errors.backupCodesNotSaved' }),
  'session.mfa.webauthn_verification_failed': () =>
    msg('Your passkey or security key could not be verified. Try again or use another method.', { id: 'errors.webauthnRejected' }),
  'session.mfa.webauthn_verification_not_found': () =>
    msg('No passkey is set up for this account. Sign in another way.', { id: 'errors.passkeyNotFound' }),
  'session.mfa.mfa_policy_not_user_controlled': () =>
    msg('2-step verification is required for this account and cannot be skipped.', { id: 'errors.mfaRequired' }),
  'session.mfa.require_mfa_verification': mfaUnusable,
  'user.missing_mfa': mfaUnusable,
  'webauthn.cancelled': webauthnCancelled,
  'webauthn.aborted': webauthnCancelled,
  'webauthn.unsupported': () =>
    msg('This browser cannot use passkeys or security keys. Use another method or another browser.', {
      id: 'errors.webauthnUnsupported',
    }),
  'webauthn.failed': () =>
    msg('Your device could not complete the request. Try again or use another method.', { id: 'errors.webauthnFailed' }),
  'webauthn.already_registered': () =>
    msg('This passkey or security key is already registered. Use another one.', { id: 'errors.webauthnRegistered' }),

  // Password rules
  ...PASSWORD_RULES,
  'password.rejected': (data) => passwordRejection(data),

  // Transport
  'client.network_error': () =>
    msg('Could not reach the server. Check your connection and try again.', { id: 'errors.network' }),
  'client.timeout': () => msg('The server took too long to answer. Try again.', { id: 'errors.timeout' }),
  'client.non_json_response': unexpectedAnswer,
  'client.invalid_response': unexpectedAnswer,
  'client.unsafe_redirect': unexpectedAnswer,
  'client.unknown_error': () =>
    msg('Something went wrong on the server. Try again in a moment.', { id: 'errors.serverError' }),
};

/** One sentence per broken rule, in the server's order. */
function passwordRejection(data: unknown): Sentence {
  const issues = Array.isArray(data) ? (data as { code?: unknown; interpolation?: unknown }[]) : [];
  const sentences = issues
    .map((issue) => (typeof issue.code === 'string' ? PASSWORD_RULES[issue.code]?.(issue.interpolation) : undefined))
    .filter((sentence): sentence is Sentence => Boolean(sentence));
  return sentences.length > 0
    ? html`${sentences.map((sentence, index) => (index > 0 ? [' ', sentence] : sentence))}`
    : msg('This password does not meet the requirements.', { id: 'password.rejected' });
}

/**
 * The localized sentence for an error, as the form shows it (inserted values isolated, see
 * `Sentence`); `serverMessage` is used for codes without a kit message.
 */
export function errorSentence({ code, data, serverMessage, retryAfter }: ErrorInput): Sentence {
  if (retryAfter && retryAfter > 0) {
    return msg(html`Too many requests. Try again in ${isolate(retryAfter)} seconds.`, { id: 'errors.retryAfter' });
  }
  const message = MESSAGES[code];
  if (message) return message(data);
  if (serverMessage && readsAsSentence(serverMessage)) return serverMessage;
  return msg('Something went wrong. Try again.', { id: 'errors.generic' });
}

/** The same sentence as plain text: the `si-error` event's `message`, read by scripts and logs. */
export function errorText(error: ErrorInput): string {
  const sentence = errorSentence(error);
  if (typeof sentence === 'string') return sentence;
  const holder = document.createElement('div');
  render(sentence, holder);
  return holder.textContent ?? '';
}

/** The plain-text sentence for a code (see `errorText`). */
export function errorMessage(code: string, data?: unknown, serverMessage?: string, retryAfter?: number): string {
  return errorText({ code, data, serverMessage, retryAfter });
}

/**
 * Logto localizes its own messages (it reads Accept-Language), so for a code the table does not
 * know, its message is the best sentence there is, unless it is not one: markup, JSON, a status
 * line, or something too long to be meant for a person.
 */
function readsAsSentence(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= 240 &&
    !/^HTTP \d/.test(trimmed) &&
    !/[<>{}[\]]/.test(trimmed) &&
    !/"[\w$-]+"\s*:/.test(trimmed)
  );
}

/** Codes the table has a sentence for (so tests can check that every one is reachable and localized). */
export const knownErrorCodes = (): string[] => Object.keys(MESSAGES);

/**
 * Identity verifications: password, email/phone verification codes (send and verify) and the
 * new-password identity of API-only sign-up.
 */
import { assertCaptcha } from './captcha.js';
import { invalidCredentials, invalidInput, RequestError, usernameInUse, verificationNotFound } from './errors.js';
import { sendJson } from './http.js';
import { checkPassword, type PasswordUserInfo } from './password-policy.js';
import { randomInt } from './random.js';
import {
  type Context,
  EMAIL_PATTERN,
  requireEvent,
  requireIdentifier,
  type RouteGroup,
  USERNAME_PATTERN,
  type VerificationType,
} from './state.js';
import type { SignInExperience } from '../api/schemas.js';
import { laterSettings } from '../api/later-settings.js';

const CODE_TTL_MS = 10 * 60 * 1000;
const CODE_MAX_TRIES = 10;
const SENDS_PER_WINDOW = 10;

export const verificationRoutes: RouteGroup = (context, key) => {
  switch (key) {
    case 'POST /verification/password':
      verifyPassword(context);
      return true;
    case 'POST /verification/verification-code':
      sendCode(context);
      return true;
    case 'POST /verification/verification-code/verify':
      verifyCode(context);
      return true;
    case 'POST /verification/new-password-identity':
      newPasswordIdentity(context);
      return true;
    default:
      return false;
  }
};

/** Throws `422 password.rejected` with the issues when the password breaks the tenant's policy. */
export function assertPassword(config: SignInExperience, password: string, info: PasswordUserInfo): void {
  const issues = checkPassword(password, laterSettings(config).passwordPolicy, info);
  if (issues.length > 0) {
    throw new RequestError(422, 'password.rejected', 'The password does not meet the requirements.', issues);
  }
}

function verifyPassword({ store, x, interaction, body }: Context): void {
  const identifier = requireIdentifier(body.identifier);
  if (typeof body.password !== 'string' || body.password === '') {
    throw invalidInput('password', 'Expected string but received undefined.');
  }
  const user = store.findUser(identifier);
  if (!user?.password || user.password !== body.password) throw invalidCredentials();
  const record = store.addRecord(interaction, { type: 'Password', verified: true, identifier, userId: user.id });
  sendJson(x.res, 200, { verificationId: record.id });
}

function sendCode({ store, x, interaction, config, security, body }: Context): void {
  const identifier = requireIdentifier(body.identifier);
  const event = requireEvent(body.interactionEvent);
  if (identifier.type === 'username') throw invalidInput('identifier.type', 'Expected email or phone.');
  if (identifier.type === 'email' && (!EMAIL_PATTERN.test(identifier.value) || identifier.value.length > 256)) {
    throw invalidInput('identifier.value', 'Invalid email.');
  }
  if (identifier.type === 'phone' && !/^\d+$/.test(identifier.value)) {
    throw invalidInput('identifier.value', 'Invalid phone number.');
  }
  if (!interaction.userId) assertCaptcha(interaction, security);
  const windowStart = Date.now() - CODE_TTL_MS;
  const recent = store.sentCodes.filter((entry) => entry.to === identifier.value && entry.at > windowStart);
  if (recent.length >= SENDS_PER_WINDOW) {
    throw new RequestError(429, 'request.message_rate_limited', 'Too many codes were sent to this address. Try again later.');
  }
  const type: VerificationType = identifier.type === 'email' ? 'EmailVerificationCode' : 'PhoneVerificationCode';
  const exists = Boolean(store.findUser(identifier));
  // Anti-enumeration, as Logto does: unknown recipients get a record but no code.
  const silent = !exists && (event === 'ForgotPassword' || (event === 'SignIn' && config.signInMode === 'SignIn'));
  const code = silent ? undefined : String(randomInt(0, 1_000_000)).padStart(6, '0');
  const record = store.addRecord(interaction, {
    type,
    verified: false,
    identifier,
    code,
    codeExpiresAt: Date.now() + CODE_TTL_MS,
    tries: 0,
  });
  if (code) {
    // An identified user adding an address that is not a sign-up identifier gets the BindMfa template.
    const signUpIdentifiers: string[] = [
      ...config.signUp.identifiers,
      ...(config.signUp.secondaryIdentifiers ?? []).map((item) => item.identifier),
    ];
    const bindsFactor =
      Boolean(interaction.userId) && !signUpIdentifiers.includes(identifier.type) && !signUpIdentifiers.includes('emailOrPhone');
    store.deliverCode(identifier.value, code, bindsFactor ? 'BindMfa' : event);
  }
  sendJson(x.res, 200, { verificationId: record.id });
}

function verifyCode({ x, interaction, body }: Context): void {
  const identifier = requireIdentifier(body.identifier);
  const type: VerificationType = identifier.type === 'email' ? 'EmailVerificationCode' : 'PhoneVerificationCode';
  const record = interaction.records.get(type);
  if (!record || record.id !== body.verificationId) throw verificationNotFound();
  if (record.identifier?.value !== identifier.value) {
    throw new RequestError(400, `verification_code.${identifier.type}_mismatch`, 'The code was sent to another address.');
  }
  if (typeof body.code !== 'string') throw invalidInput('code', 'Expected string but received undefined.');
  if (record.verified) throw new RequestError(400, 'verification_code.not_found', 'The code was already used. Request a new one.');
  if ((record.codeExpiresAt ?? 0) < Date.now()) {
    throw new RequestError(400, 'verification_code.expired', 'The code has expired. Request a new one.');
  }
  record.tries = (record.tries ?? 0) + 1;
  if (record.tries > CODE_MAX_TRIES) {
    throw new RequestError(400, 'verification_code.exceed_max_try', 'Too many wrong codes. Request a new one.');
  }
  if (!record.code || record.code !== body.code) {
    throw new RequestError(400, 'verification_code.code_mismatch', 'The verification code is incorrect.');
  }
  record.verified = true;
  record.code = undefined;
  sendJson(x.res, 200, { verificationId: record.id });
}

function newPasswordIdentity({ store, x, interaction, config, body }: Context): void {
  const identifier = requireIdentifier(body.identifier);
  if (identifier.type !== 'username' || !USERNAME_PATTERN.test(identifier.value)) {
    throw invalidInput('identifier.value', 'Invalid');
  }
  if (typeof body.password !== 'string') throw invalidInput('password', 'Expected string but received undefined.');
  if (store.findUser(identifier)) throw usernameInUse();
  assertPassword(config, body.password, { username: identifier.value });
  const record = store.addRecord(interaction, {
    type: 'NewPasswordIdentity',
    verified: true,
    username: identifier.value,
    password: body.password,
  });
  sendJson(x.res, 200, { verificationId: record.id });
}

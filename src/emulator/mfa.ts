/**
 * Multi-factor authentication: verifying a bound factor (TOTP, WebAuthn, backup code, email/phone
 * code), binding new ones (`verification/*` then `profile/mfa`), the MFA flags, and the checks
 * `submit` runs — as recorded from Logto 1.42 (j09-j12, j17) and read from its source.
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

import type { MfaFactor } from './config.js';
import { factorNotEnabled, RequestError, verificationFailed, verificationNotFound } from './errors.js';
import { sendJson, sendEmpty } from './http.js';
import { randomBytes, randomInt, toHex } from './random.js';
import {
  boundFactors,
  type Context,
  type Interaction,
  maskEmail,
  maskPhone,
  relyingParty,
  requireString,
  type RouteGroup,
  sortFactors,
  type User,
  type VerificationType,
} from './state.js';
import { credentialIdOf, newChallenge, registrationOptions, sendAuthenticationOptions, verifyAuthentication, verifyRegistration } from './webauthn.js';

const BACKUP_CODE_COUNT = 10;
const CODE_TTL_MS = 10 * 60 * 1000;

const invalidTotp = () => new RequestError(400, 'session.mfa.invalid_totp_code', 'The authenticator app code is not correct.');
const webAuthnNotFound = () =>
  new RequestError(400, 'session.mfa.webauthn_verification_not_found', 'No WebAuthn credential was found for this account.');

export function totpMatches(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.validate({ token: code, window: 1 }) !== null;
}

export const mfaRoutes: RouteGroup = async (context, key) => {
  switch (key) {
    case 'POST /verification/totp/secret':
      await totpSecret(context);
      return true;
    case 'POST /verification/totp/verify':
      totpVerify(context);
      return true;
    case 'POST /verification/web-authn/registration':
      webAuthnRegistration(context);
      return true;
    case 'POST /verification/web-authn/registration/verify':
      await webAuthnRegistrationVerify(context);
      return true;
    case 'POST /verification/web-authn/authentication':
      webAuthnAuthentication(context);
      return true;
    case 'POST /verification/web-authn/authentication/verify':
      await webAuthnAuthenticationVerify(context);
      return true;
    case 'POST /verification/backup-code/generate':
      backupCodeGenerate(context);
      return true;
    case 'POST /verification/backup-code/verify':
      backupCodeVerify(context);
      return true;
    case 'POST /verification/mfa-verification-code':
      mfaCodeSend(context);
      return true;
    case 'POST /verification/mfa-verification-code/verify':
      mfaCodeVerify(context);
      return true;
    case 'POST /profile/mfa':
      bindFactor(context);
      return true;
    case 'POST /profile/mfa/passkey':
      bindPasskey(context);
      return true;
    case 'POST /profile/mfa/mfa-skipped':
      flag(context, (mfa) => {
        if (context.security.mfa.policy === 'Mandatory') {
          throw new RequestError(422, 'session.mfa.mfa_policy_not_user_controlled', 'Two-step verification cannot be skipped for this application.');
        }
        mfa.mfaSkipped = true;
      });
      return true;
    case 'POST /profile/mfa/mfa-suggestion-skipped':
      flag(context, (mfa) => (mfa.suggestionSkipped = true));
      return true;
    case 'POST /profile/mfa/mfa-enabled':
      flag(context, (mfa) => (mfa.mfaEnabled = true));
      return true;
    case 'POST /profile/mfa/passkey-skipped':
      flag(context, (mfa) => (mfa.passkeySkipped = true));
      return true;
    default:
      return false;
  }
};

// ----- verification of a bound factor, and the binding ceremonies ------------------------------

async function totpSecret({ store, x, interaction }: Context): Promise<void> {
  const user = store.identifiedUser(interaction);
  const secret = new Secret({ size: 20 }).base32;
  const uri = new TOTP({
    issuer: x.url.hostname,
    label: user.username ?? user.primaryEmail ?? user.primaryPhone ?? user.id,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).toString();
  const record = store.addRecord(interaction, { type: 'Totp', verified: false, userId: user.id, secret });
  sendJson(x.res, 200, { verificationId: record.id, secret, secretQrCode: await QRCode.toDataURL(uri) });
}

function totpVerify({ store, x, interaction, body }: Context): void {
  const user = store.identifiedUser(interaction);
  const code = requireString(body.code, 'code');
  if (body.verificationId !== undefined) {
    // Binding: the code must match the new secret of that record.
    const record = interaction.records.get('Totp');
    if (!record?.secret || record.id !== body.verificationId) throw verificationNotFound();
    if (!totpMatches(record.secret, code)) throw invalidTotp();
    record.verified = true;
    return sendJson(x.res, 200, { verificationId: record.id });
  }
  if (!user.mfa.totp || !totpMatches(user.mfa.totp, code)) throw invalidTotp();
  const record = store.addRecord(interaction, { type: 'Totp', verified: true, userId: user.id });
  interaction.mfaVerified = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

function webAuthnRegistration({ store, x, interaction }: Context): void {
  const user = store.identifiedUser(interaction);
  const { rpId } = relyingParty(x);
  const challenge = newChallenge();
  const record = store.addRecord(interaction, {
    type: 'WebAuthn',
    verified: false,
    userId: user.id,
    challenge,
    ceremony: 'registration',
  });
  const name = user.username ?? user.primaryEmail ?? user.primaryPhone ?? user.id;
  sendJson(x.res, 200, {
    verificationId: record.id,
    registrationOptions: registrationOptions(rpId, { id: user.id, name }, challenge, user.mfa.webAuthn),
  });
}

async function webAuthnRegistrationVerify({ store, x, interaction, body }: Context): Promise<void> {
  store.identifiedUser(interaction);
  const record = interaction.records.get('WebAuthn');
  if (!record?.challenge || record.ceremony !== 'registration' || record.id !== body.verificationId) {
    throw verificationNotFound();
  }
  record.credential = await verifyRegistration(body.payload, record.challenge, relyingParty(x));
  record.verified = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

function webAuthnAuthentication(context: Context): void {
  const user = context.store.identifiedUser(context.interaction);
  if (user.mfa.webAuthn.length === 0) throw webAuthnNotFound();
  sendAuthenticationOptions(context, user, 'WebAuthn');
}

async function webAuthnAuthenticationVerify({ store, x, interaction, body }: Context): Promise<void> {
  const user = store.identifiedUser(interaction);
  const record = interaction.records.get('WebAuthn');
  if (!record?.challenge || record.ceremony !== 'authentication' || record.id !== body.verificationId) {
    throw verificationNotFound();
  }
  const credential = user.mfa.webAuthn.find((item) => item.id === credentialIdOf(body.payload));
  if (!credential) throw new RequestError(400, 'session.mfa.webauthn_verification_failed', 'The passkey or security key could not be verified.');
  await verifyAuthentication(body.payload, record.challenge, relyingParty(x), credential);
  record.verified = true;
  interaction.mfaVerified = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

function backupCodeGenerate({ store, x, interaction }: Context): void {
  const user = store.identifiedUser(interaction);
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => toHex(randomBytes(5)));
  const record = store.addRecord(interaction, { type: 'BackupCode', verified: false, userId: user.id, codes });
  sendJson(x.res, 200, { verificationId: record.id, codes });
}

function backupCodeVerify({ store, x, interaction, body }: Context): void {
  const user = store.identifiedUser(interaction);
  const code = requireString(body.code, 'code');
  const entry = user.mfa.backupCodes.find((item) => item.code === code && !item.used);
  if (!entry) throw new RequestError(400, 'session.mfa.invalid_backup_code', 'This backup code is not valid or was already used.');
  entry.used = true;
  const record = store.addRecord(interaction, { type: 'BackupCode', verified: true, userId: user.id });
  interaction.mfaVerified = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

function mfaCodeTarget(user: User, identifierType: unknown): { type: 'email' | 'phone'; value: string } {
  if (identifierType !== 'email' && identifierType !== 'phone') {
    throw new RequestError(400, 'guard.invalid_input', 'The request body is invalid.', undefined, {
      details: 'Error in key path "identifierType": Expected \'email\' | \'phone\'',
    });
  }
  const value = identifierType === 'email' ? user.primaryEmail : user.primaryPhone;
  if (!value) throw factorNotEnabled();
  return { type: identifierType, value };
}

function mfaCodeSend({ store, x, interaction, body }: Context): void {
  const user = store.identifiedUser(interaction, 400);
  const target = mfaCodeTarget(user, body.identifierType);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const type: VerificationType = target.type === 'email' ? 'MfaEmailVerificationCode' : 'MfaPhoneVerificationCode';
  const record = store.addRecord(interaction, {
    type,
    verified: false,
    userId: user.id,
    identifier: target,
    code,
    codeExpiresAt: Date.now() + CODE_TTL_MS,
    tries: 0,
  });
  store.deliverCode(target.value, code, 'MfaVerification');
  sendJson(x.res, 200, { verificationId: record.id });
}

function mfaCodeVerify({ store, x, interaction, body }: Context): void {
  const user = store.identifiedUser(interaction, 400);
  const target = mfaCodeTarget(user, body.identifierType);
  const record = interaction.records.get(target.type === 'email' ? 'MfaEmailVerificationCode' : 'MfaPhoneVerificationCode');
  if (!record || record.id !== body.verificationId) throw verificationNotFound();
  const code = requireString(body.code, 'code');
  if (record.verified) throw new RequestError(400, 'verification_code.not_found', 'The code was already used. Request a new one.');
  if ((record.codeExpiresAt ?? 0) < Date.now()) {
    throw new RequestError(400, 'verification_code.expired', 'The code has expired. Request a new one.');
  }
  record.tries = (record.tries ?? 0) + 1;
  if (record.tries > 10) throw new RequestError(400, 'verification_code.exceed_max_try', 'Too many wrong codes. Request a new one.');
  if (record.code !== code) throw new RequestError(400, 'verification_code.code_mismatch', 'The verification code is incorrect.');
  record.verified = true;
  record.code = undefined;
  interaction.mfaVerified = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

// ----- binding (profile/mfa) -----------------------------------------------------------------

/** Factors a user may bind now: the tenant's factors, plus WebAuthn when passkey sign-in is on. */
function bindable(context: Context): MfaFactor[] {
  const { factors } = context.security.mfa;
  return context.security.passkeySignIn.enabled && !factors.includes('WebAuthn') ? [...factors, 'WebAuthn'] : [...factors];
}

/** The profile routes of a sign-in are closed until a bound factor was verified. */
function guardProfileRoute(context: Context): User {
  const { store, interaction } = context;
  if (interaction.event === 'ForgotPassword') {
    throw new RequestError(400, 'session.not_supported_for_forgot_password', 'This operation is not supported for forgot password.');
  }
  const user = store.identifiedUser(interaction);
  if (interaction.event === 'SignIn') assertMfaVerified(context, user);
  return user;
}

function flag(context: Context, change: (mfa: Interaction['mfa']) => void): void {
  guardProfileRoute(context);
  change(context.interaction.mfa);
  sendEmpty(context.x.res);
}

function bindFactor(context: Context): void {
  const { interaction, body, x } = context;
  const user = guardProfileRoute(context);
  const type = body.type;
  const byType: Record<string, VerificationType> = {
    Totp: 'Totp',
    WebAuthn: 'WebAuthn',
    BackupCode: 'BackupCode',
    EmailVerificationCode: 'EmailVerificationCode',
    PhoneVerificationCode: 'PhoneVerificationCode',
  };
  const recordType = typeof type === 'string' ? byType[type] : undefined;
  if (!recordType) {
    throw new RequestError(400, 'guard.invalid_input', 'The request body is invalid.', undefined, {
      details: 'Error in key path "type": Invalid enum value.',
    });
  }
  const record = interaction.records.get(recordType);
  if (!record || record.id !== body.verificationId) throw verificationNotFound();
  if (!bindable(context).includes(type as MfaFactor)) throw factorNotEnabled();
  const mfa = interaction.mfa;

  if (type === 'Totp') {
    if (!record.verified || !record.secret) throw verificationFailed();
    if (user.mfa.totp) throw new RequestError(422, 'user.totp_already_in_use', 'This account already has an authenticator app.');
    mfa.totp = record.secret;
  } else if (type === 'WebAuthn') {
    if (!record.verified || !record.credential) throw verificationFailed();
    mfa.webAuthn = [...(mfa.webAuthn ?? []), record.credential];
  } else if (type === 'BackupCode') {
    if (!record.codes) throw verificationFailed();
    const others = boundFactors(user, bindable(context), mfa).filter((factor) => factor !== 'BackupCode');
    if (others.length === 0) {
      throw new RequestError(422, 'session.mfa.backup_code_can_not_be_alone', 'Backup code can not be the only factor.');
    }
    mfa.backupCodes = record.codes;
  } else {
    if (!record.verified) throw verificationFailed();
    const value = record.identifier?.value;
    if (type === 'EmailVerificationCode') {
      mfa.email = true;
      if (!user.primaryEmail) interaction.profile.primaryEmail = value;
    } else {
      mfa.phone = true;
      if (!user.primaryPhone) interaction.profile.primaryPhone = value;
    }
  }
  mfa.mfaEnabled = true;
  sendEmpty(x.res);
}

function bindPasskey(context: Context): void {
  const { interaction, body, x } = context;
  guardProfileRoute(context);
  const record = interaction.records.get('WebAuthn');
  if (!record || record.id !== body.verificationId) throw verificationNotFound();
  if (!bindable(context).includes('WebAuthn')) throw factorNotEnabled();
  if (!record.verified || !record.credential) throw verificationFailed();
  interaction.mfa.webAuthn = [...(interaction.mfa.webAuthn ?? []), record.credential];
  sendEmpty(x.res);
}

// ----- what submit checks ----------------------------------------------------------------------

/** 403 `session.mfa.require_mfa_verification` while a signing-in user with bound factors has not verified one. */
export function assertMfaVerified({ interaction, security }: Context, user: User): void {
  if (interaction.mfaVerified) return;
  const factors = sortFactors(boundFactors(user, security.mfa.factors));
  if (factors.length === 0) return;
  const maskedIdentifiers: Record<string, string> = {};
  if (factors.includes('EmailVerificationCode') && user.primaryEmail) {
    maskedIdentifiers.EmailVerificationCode = maskEmail(user.primaryEmail);
  }
  if (factors.includes('PhoneVerificationCode') && user.primaryPhone) {
    maskedIdentifiers.PhoneVerificationCode = maskPhone(user.primaryPhone);
  }
  throw new RequestError(403, 'session.mfa.require_mfa_verification', 'Verify a second factor to finish signing in.', {
    availableFactors: factors,
    maskedIdentifiers,
  });
}

/** 422 `user.passkey_preferred` when passkey sign-in is on and the user has none and did not skip. */
export function assertPasskeyPreferred({ interaction, security }: Context, user: User): void {
  if (!security.passkeySignIn.enabled) return;
  if (interaction.mfa.passkeySkipped ?? user.mfa.passkeySkipped) return;
  if (user.mfa.webAuthn.length > 0 || (interaction.mfa.webAuthn?.length ?? 0) > 0) return;
  throw new RequestError(422, 'user.passkey_preferred', 'Create a passkey to sign in faster next time.');
}

/** 400 `session.mfa.mfa_factor_not_enabled` when a factor being bound was turned off meanwhile. */
export function assertBindingsEnabled(context: Context): void {
  const { mfa } = context.interaction;
  const binding: MfaFactor[] = [];
  if (mfa.totp) binding.push('Totp');
  if (mfa.webAuthn?.length) binding.push('WebAuthn');
  if (mfa.backupCodes) binding.push('BackupCode');
  if (mfa.email) binding.push('EmailVerificationCode');
  if (mfa.phone) binding.push('PhoneVerificationCode');
  const enabled = bindable(context);
  if (binding.some((factor) => !enabled.includes(factor))) throw factorNotEnabled();
}

/**
 * The tenant's MFA policy, in Logto's order: the optional prompt (`user.suggest_mfa`), a required
 * factor (`user.missing_mfa`, `skippable` unless Mandatory), the additional-factor suggestion
 * (`session.mfa.suggest_additional_mfa`), then backup codes (`session.mfa.backup_code_required`).
 */
export function assertMfaPolicy(context: Context, user: User): void {
  const { interaction, security } = context;
  const { factors, policy } = security.mfa;
  if (factors.length === 0 || policy === 'NoPrompt') return;
  if (interaction.event === 'Register' && policy === 'PromptOnlyAtSignIn') return;
  const mandatory = policy === 'Mandatory';
  const pending = interaction.mfa;
  const userFactors = boundFactors(user, factors, pending);
  const backupCodesMissing = factors.includes('BackupCode') && !userFactors.includes('BackupCode');
  if (policy === 'UserControlled') {
    // No prompts: only a factor bound in this interaction asks for backup codes.
    const bindingNow = Boolean(pending.totp || pending.webAuthn?.length || pending.email || pending.phone);
    if (bindingNow && backupCodesMissing) throw backupCodeRequired();
    return;
  }
  const skipped = pending.mfaSkipped ?? user.mfa.skipped === true;

  if (!mandatory) {
    if (skipped) return;
    const enabled = pending.mfaEnabled ?? user.mfa.enabled;
    if (enabled === undefined) {
      if (userFactors.length === 0) throw suggestMfa();
      pending.mfaEnabled = true;
    } else if (!enabled) {
      throw suggestMfa();
    }
  }

  const configured = sortFactors(factors.filter((factor) => factor !== 'BackupCode'));
  if (!configured.some((factor) => userFactors.includes(factor))) {
    throw new RequestError(
      422,
      'user.missing_mfa',
      'Set up a second factor to finish signing in.',
      mandatory ? { availableFactors: configured } : { availableFactors: configured, skippable: true },
    );
  }

  suggestAdditionalFactor(context, user, userFactors, configured);

  if (backupCodesMissing) throw backupCodeRequired();
}

const backupCodeRequired = () => new RequestError(422, 'session.mfa.backup_code_required', 'Save a set of backup codes to finish.');

const suggestMfa = () =>
  new RequestError(422, 'user.suggest_mfa', 'Consider adding a second factor to protect this account.');

function suggestAdditionalFactor(context: Context, user: User, userFactors: MfaFactor[], configured: MfaFactor[]): void {
  const { interaction, security, config } = context;
  if (interaction.mfa.suggestionSkipped ?? user.mfa.suggestionSkipped) return;
  if (configured.every((factor) => userFactors.includes(factor))) return;
  const signUpHas = (identifier: 'email' | 'phone') =>
    config.signUp.identifiers.includes(identifier) ||
    (config.signUp.secondaryIdentifiers ?? []).some((item) => item.identifier === identifier || item.identifier === 'emailOrPhone');
  if (userFactors.includes('EmailVerificationCode') && !signUpHas('email')) return;
  if (userFactors.includes('PhoneVerificationCode') && !signUpHas('phone')) return;
  const passkey = security.passkeySignIn.enabled;
  if (userFactors.includes('Totp') || userFactors.includes('BackupCode') || (userFactors.includes('WebAuthn') && !passkey)) return;
  const maskedIdentifiers: Record<string, string> = {};
  if (userFactors.includes('EmailVerificationCode') && user.primaryEmail) maskedIdentifiers.EmailVerificationCode = maskEmail(user.primaryEmail);
  if (userFactors.includes('PhoneVerificationCode') && user.primaryPhone) maskedIdentifiers.PhoneVerificationCode = maskPhone(user.primaryPhone);
  throw new RequestError(422, 'session.mfa.suggest_additional_mfa', 'Add another factor to keep your account safe.', {
    availableFactors: configured,
    maskedIdentifiers,
    isWebAuthnUsedAsSignInPasskey: passkey && userFactors.includes('WebAuthn'),
    skippable: true,
    suggestion: true,
  });
}

/** At a successful submit: the factors and choices of this interaction become the user's. */
export function commitMfa(interaction: Interaction, user: User): void {
  const pending = interaction.mfa;
  if (pending.totp) user.mfa.totp = pending.totp;
  if (pending.webAuthn) user.mfa.webAuthn.push(...pending.webAuthn);
  if (pending.backupCodes) user.mfa.backupCodes = pending.backupCodes.map((code) => ({ code, used: false }));
  if (pending.email) user.mfa.email = true;
  if (pending.phone) user.mfa.phone = true;
  if (pending.mfaEnabled !== undefined) user.mfa.enabled = pending.mfaEnabled;
  if (pending.mfaSkipped !== undefined) user.mfa.skipped = pending.mfaSkipped;
  if (pending.suggestionSkipped !== undefined) user.mfa.suggestionSkipped = pending.suggestionSkipped;
  if (pending.passkeySkipped !== undefined) user.mfa.passkeySkipped = pending.passkeySkipped;
  interaction.mfa = {};
}

/** The `mfa` part of `GET /api/experience/interaction`, without secrets. */
export function sanitizedMfa(interaction: Interaction): Record<string, unknown> {
  const { mfaEnabled, mfaSkipped, passkeySkipped, totp, webAuthn, backupCodes } = interaction.mfa;
  return {
    ...(mfaEnabled === undefined ? {} : { mfaEnabled }),
    ...(mfaSkipped === undefined ? {} : { mfaSkipped }),
    ...(passkeySkipped === undefined ? {} : { passkeySkipped }),
    ...(totp ? { totp: { type: 'Totp' } } : {}),
    ...(webAuthn?.length ? { webAuthn: webAuthn.map((item) => ({ type: 'WebAuthn', credentialId: item.id })) } : {}),
    ...(backupCodes ? { backupCode: { type: 'BackupCode' } } : {}),
  };
}

/**
 * The interaction itself: `PUT /api/experience` (start, with an optional CAPTCHA token),
 * `PUT /interaction-event`, `GET /interaction`, `POST /identification` and `POST /submit`, whose
 * checks run in Logto's order: CAPTCHA, identified, MFA verification, profile, passkey prompt,
 * factors being bound, MFA policy.
 */
import type { InteractionEvent, SignInExperience } from '../api/schemas.js';
import { assertCaptcha, verifyCaptchaToken } from './captcha.js';
import {
  forbidden,
  identifierNotFound,
  invalidCredentials,
  missingProfile,
  notSupportedForForgotPassword,
  RequestError,
  userSuspended,
  verificationFailed,
  verificationNotFound,
} from './errors.js';
import { assertExtraProfile, commitExtraProfile } from './extra-profile.js';
import { sendEmpty, sendJson, sendText } from './http.js';
import { assertBindingsEnabled, assertMfaPolicy, assertMfaVerified, assertPasskeyPreferred, commitMfa, sanitizedMfa } from './mfa.js';
import { hasVerifiedOneTimeToken, identifyByOneTimeToken } from './one-time-token.js';
import { assertNotSsoOnlyEmail, identifyBySso, linkSsoIdentity, ssoProfile, ssoVerified } from './sso.js';
import {
  type Context,
  type PendingProfile,
  publicProfile,
  requireEvent,
  type RouteGroup,
  type Store,
  type User,
  type VerificationRecord,
} from './state.js';

/** `PUT /api/experience`: verifies the CAPTCHA token first (a failure leaves the interaction as it was), then starts afresh. */
export function startExperience({ store, x, interaction, body, security }: Context): void {
  const event = requireEvent(body.interactionEvent);
  const withToken = body.captchaToken !== undefined;
  if (withToken) verifyCaptchaToken(store, security, body.captchaToken);
  interaction.event = event;
  interaction.records.clear();
  interaction.userId = undefined;
  interaction.profile = {};
  interaction.mfa = {};
  interaction.mfaVerified = false;
  interaction.captcha = { verified: withToken, skipped: false };
  sendEmpty(x.res);
}

export const interactionRoutes: RouteGroup = (context, key) => {
  switch (key) {
    case 'PUT /interaction-event':
      switchEvent(context, requireEvent(context.body.interactionEvent));
      return true;
    case 'GET /interaction':
      readInteraction(context);
      return true;
    case 'POST /identification':
      identify(context);
      return true;
    case 'POST /submit':
      submit(context);
      return true;
    default:
      return false;
  }
};

function switchEvent({ x, interaction, config }: Context, event: InteractionEvent): void {
  const current = interaction.event;
  if ((current === 'ForgotPassword') !== (event === 'ForgotPassword')) throw notSupportedForForgotPassword();
  if (event === 'SignIn' && config.signInMode === 'Register') throw forbidden();
  // A verified one-time token may create an account even in a sign-in-only tenant.
  if (event === 'Register' && config.signInMode === 'SignIn' && !hasVerifiedOneTimeToken(interaction)) throw forbidden();
  if (event !== current) interaction.profile = {};
  interaction.event = event;
  sendEmpty(x.res);
}

function sanitizedRecord(record: VerificationRecord): Record<string, unknown> {
  const generatedCodes = record.type === 'BackupCode' && record.codes;
  return {
    id: record.id,
    type: record.type,
    ...(record.identifier ? { identifier: record.identifier } : {}),
    ...(record.connectorId ? { connectorId: record.connectorId } : {}),
    ...(record.userId && record.type !== 'Password' ? { userId: record.userId } : {}),
    ...(generatedCodes ? {} : { verified: record.verified }),
  };
}

function readInteraction({ x, interaction }: Context): void {
  sendJson(x.res, 200, {
    interactionEvent: interaction.event,
    ...(interaction.userId ? { userId: interaction.userId } : {}),
    profile: publicProfile(interaction.profile),
    verificationRecords: [...interaction.records.values()].map(sanitizedRecord),
    mfa: sanitizedMfa(interaction),
    signInContext: {
      ip: x.req.socket.remoteAddress ?? '',
      ...(x.req.headers['user-agent'] ? { userAgent: x.req.headers['user-agent'] } : {}),
    },
    captcha: interaction.captcha,
  });
}

function identify(context: Context): void {
  const { store, x, interaction, config, body, security } = context;
  const verificationId = typeof body.verificationId === 'string' ? body.verificationId : undefined;
  const record = verificationId ? store.recordById(interaction, verificationId) : undefined;
  if (verificationId && !record) throw verificationNotFound();

  if (interaction.event === 'Register') {
    if (config.signInMode === 'SignIn' && !hasVerifiedOneTimeToken(interaction)) throw forbidden();
    if (record) assertNotSsoOnlyEmail(context, record);
    if (record) mergeRecordIntoProfile(store, interaction.profile, record);
    assertUnique(store, interaction.profile);
    assertCaptcha(interaction, security);
    // An SSO registration has no mandatory profile.
    const missing = ssoVerified(interaction) ? [] : missingProfileFields(config, interaction.profile);
    if (missing.length > 0) throw missingProfile(missing);
    if (!ssoVerified(interaction)) assertExtraProfile(context);
    const user = store.addUser({});
    Object.assign(user, {
      username: interaction.profile.username,
      primaryEmail: interaction.profile.primaryEmail,
      primaryPhone: interaction.profile.primaryPhone,
      password: interaction.profile.password,
      name: interaction.profile.name ?? interaction.profile.socialIdentity?.userInfo.name,
    });
    const identity = interaction.profile.socialIdentity;
    if (identity) user.identities[identity.target] = identity.userInfo.id;
    linkSsoIdentity(interaction.profile, user);
    commitExtraProfile(interaction.profile, user);
    interaction.userId = user.id;
    interaction.profile = {};
    store.log(`registered ${user.username ?? user.primaryEmail ?? user.primaryPhone ?? user.id}`);
    return sendText(x.res, 201, 'Created');
  }

  if (!record) throw new RequestError(400, 'guard.invalid_input', 'The request body is invalid.');
  if (!record.verified) throw verificationFailed();
  // A verified one-time token skips the sign-in mode and method checks.
  if (interaction.event === 'SignIn' && config.signInMode === 'Register' && record.type !== 'OneTimeToken') throw forbidden();

  let user: User | undefined;
  if (record.type === 'Password') {
    if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
    assertMethodEnabled(config, record.identifier?.type, 'password');
    if (interaction.event === 'SignIn') assertNotSsoOnlyEmail(context, record);
    user = record.userId ? store.users.get(record.userId) : undefined;
  } else if (record.type === 'EmailVerificationCode' || record.type === 'PhoneVerificationCode') {
    const identifier = record.identifier;
    if (interaction.event === 'SignIn') assertMethodEnabled(config, identifier?.type, 'verificationCode');
    if (interaction.event === 'SignIn') assertNotSsoOnlyEmail(context, record);
    if (interaction.event === 'ForgotPassword' && identifier && !config.forgotPassword[identifier.type as 'email' | 'phone']) {
      throw notSupportedForForgotPassword();
    }
    user = identifier ? store.findUser(identifier) : undefined;
    if (!user) throw new RequestError(404, 'user.user_not_exist', 'No account uses this identifier.', { identifier: identifier?.value });
  } else if (record.type === 'Social') {
    if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
    assertNotSsoOnlyEmail(context, record);
    user = socialUser(store, record, body.linkSocialIdentity === true);
  } else if (record.type === 'SignInPasskey') {
    if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
    if (!security.passkeySignIn.enabled) {
      throw new RequestError(422, 'user.sign_in_method_not_enabled', 'Passkey sign-in is not enabled.');
    }
    user = record.userId ? store.users.get(record.userId) : undefined;
    // A passkey is possession and user verification at once: no second factor is asked for.
    interaction.mfaVerified = true;
  } else if (record.type === 'EnterpriseSso') {
    user = identifyBySso(context, record);
  } else if (record.type === 'OneTimeToken') {
    user = identifyByOneTimeToken(store, record);
  } else {
    throw verificationFailed('This verification cannot identify a user.');
  }

  if (!user) throw invalidCredentials();
  if (user.suspended) throw userSuspended();
  if (interaction.userId && interaction.userId !== user.id) {
    throw new RequestError(409, 'session.identity_conflict', 'The session already belongs to another account.');
  }
  interaction.userId = user.id;
  sendEmpty(x.res);
}

function socialUser(store: Store, record: VerificationRecord, link: boolean): User {
  const identity = record.socialIdentity;
  if (!identity) throw verificationFailed();
  const { phone, email } = identity.userInfo;
  const byPhone = phone ? store.findUser({ type: 'phone', value: phone }) : undefined;
  const byEmail = email ? store.findUser({ type: 'email', value: email }) : undefined;
  const related = byPhone && phone ? { user: byPhone, type: 'phone', value: phone } : byEmail && email ? { user: byEmail, type: 'email', value: email } : undefined;
  if (link) {
    if (!related) throw new RequestError(404, 'user.identity_not_exist', 'The social account is not registered.', {});
    related.user.identities[identity.target] = identity.userInfo.id;
    return related.user;
  }
  const linked = store.findByIdentity(identity);
  if (linked) return linked;
  throw new RequestError(
    404,
    'user.identity_not_exist',
    'The social account is not registered yet.',
    related ? { relatedUser: { type: related.type, value: related.value } } : {},
  );
}

function submit(context: Context): void {
  const { store, x, interaction, config, security } = context;
  assertCaptcha(interaction, security);
  const user = interaction.userId ? store.users.get(interaction.userId) : undefined;
  if (!user) throw identifierNotFound();

  if (interaction.event === 'ForgotPassword') {
    if (!interaction.profile.password) {
      throw new RequestError(422, 'user.new_password_required_in_profile', 'Set a new password first.');
    }
    user.password = interaction.profile.password;
    interaction.event = undefined;
    interaction.records.clear();
    interaction.userId = undefined;
    interaction.profile = {};
    interaction.mfa = {};
    store.log(`password reset for ${user.username ?? user.primaryEmail ?? user.id}`);
    return sendEmpty(x.res);
  }

  // An SSO sign-in skips MFA, the mandatory profile, the passkey prompt and the MFA policy.
  const sso = ssoVerified(interaction);
  if (interaction.event === 'SignIn' && !sso) assertMfaVerified(context, user);

  // The account must meet today's sign-up requirements (profile staged by /profile counts).
  const merged: PendingProfile = {
    username: user.username ?? interaction.profile.username,
    primaryEmail: user.primaryEmail ?? interaction.profile.primaryEmail,
    primaryPhone: user.primaryPhone ?? interaction.profile.primaryPhone,
    password: user.password ?? interaction.profile.password,
    socialIdentity: Object.keys(user.identities).length > 0 ? { target: '', userInfo: { id: '' } } : undefined,
  };
  const missing = sso ? [] : missingProfileFields(config, merged);
  if (missing.length > 0) throw missingProfile(missing);

  if (!sso) assertPasskeyPreferred(context, user);
  assertBindingsEnabled(context);
  if (!sso) assertMfaPolicy(context, user);

  Object.assign(user, {
    username: merged.username,
    primaryEmail: merged.primaryEmail,
    primaryPhone: merged.primaryPhone,
    password: merged.password,
  });
  linkSsoIdentity(interaction.profile, user);
  commitExtraProfile(interaction.profile, user);
  commitMfa(interaction, user);
  interaction.signedInUserId = user.id;
  store.log(`signed in ${user.username ?? user.primaryEmail ?? user.primaryPhone ?? user.id}`);
  sendJson(x.res, 200, { redirectTo: `${x.origin}/oidc/auth/${interaction.uid}` });
}

// ----- helpers -----------------------------------------------------------------------------------

function mergeRecordIntoProfile(store: Store, profile: PendingProfile, record: VerificationRecord): void {
  if (!record.verified) throw verificationFailed();
  if (record.type === 'NewPasswordIdentity') {
    profile.username = record.username;
    profile.password = record.password;
  } else if (record.type === 'EmailVerificationCode') {
    profile.primaryEmail = record.identifier?.value;
  } else if (record.type === 'PhoneVerificationCode') {
    profile.primaryPhone = record.identifier?.value;
  } else if (record.type === 'Social' && record.socialIdentity) {
    const identity = record.socialIdentity;
    if (store.findByIdentity(identity)) {
      throw new RequestError(422, 'user.identity_already_in_use', 'This social account is linked to another user.');
    }
    profile.socialIdentity = identity;
    profile.name ??= identity.userInfo.name;
    const { email } = identity.userInfo;
    if (email && !profile.primaryEmail && !store.findUser({ type: 'email', value: email })) profile.primaryEmail = email;
  } else if (record.type === 'EnterpriseSso') {
    Object.assign(profile, ssoProfile(store, record));
  } else if (record.type === 'OneTimeToken') {
    profile.primaryEmail = record.identifier?.value;
  } else {
    throw verificationFailed('This verification cannot create a user.');
  }
}

function assertUnique(store: Store, profile: PendingProfile): void {
  if (profile.username && store.findUser({ type: 'username', value: profile.username })) {
    throw new RequestError(422, 'user.username_already_in_use', 'This username is taken.');
  }
  if (profile.primaryEmail && store.findUser({ type: 'email', value: profile.primaryEmail })) {
    throw new RequestError(422, 'user.email_already_in_use', 'This email is linked to another account.');
  }
  if (profile.primaryPhone && store.findUser({ type: 'phone', value: profile.primaryPhone })) {
    throw new RequestError(422, 'user.phone_already_in_use', 'This phone number is linked to another account.');
  }
}

/** Logto's mandatory profile, computed from `signUp`, in the order the server reports it. */
function missingProfileFields(config: SignInExperience, profile: PendingProfile): string[] {
  const missing: string[] = [];
  const { identifiers, password, secondaryIdentifiers = [] } = config.signUp;
  const has = {
    username: Boolean(profile.username),
    email: Boolean(profile.primaryEmail),
    phone: Boolean(profile.primaryPhone),
    emailOrPhone: Boolean(profile.primaryEmail || profile.primaryPhone),
  };
  const required: ('username' | 'email' | 'phone' | 'emailOrPhone')[] = [];
  if (identifiers.includes('username')) required.push('username');
  else if (identifiers.includes('email') && identifiers.includes('phone')) required.push('emailOrPhone');
  else if (identifiers.includes('email')) required.push('email');
  else if (identifiers.includes('phone')) required.push('phone');
  for (const secondary of secondaryIdentifiers) required.push(secondary.identifier);
  for (const field of required) if (!has[field] && !missing.includes(field)) missing.push(field);
  if (password && !profile.password && !profile.socialIdentity) missing.push('password');
  return missing;
}

function assertMethodEnabled(config: SignInExperience, type: string | undefined, kind: 'password' | 'verificationCode'): void {
  const method = config.signIn.methods.find((item) => item.identifier === type);
  if (!method?.[kind]) {
    throw new RequestError(422, 'user.sign_in_method_not_enabled', 'This sign-in method is not enabled.');
  }
}

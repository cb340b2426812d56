/** Profile fulfilment: `POST /profile` (username, password, email, phone, social) and the forgot-password reset. */
import {
  identifierNotFound,
  invalidInput,
  notSupportedForForgotPassword,
  RequestError,
  usernameInUse,
  verificationFailed,
  verificationNotFound,
} from './errors.js';
import { sendEmpty } from './http.js';
import { assertMfaVerified } from './mfa.js';
import { type Context, type RouteGroup, USERNAME_PATTERN, type VerificationType } from './state.js';
import { assertPassword } from './verifications.js';

export const profileRoutes: RouteGroup = (context, key) => {
  if (key === 'POST /profile') {
    updateProfile(context);
    return true;
  }
  if (key === 'PUT /profile/password') {
    resetPassword(context);
    return true;
  }
  return false;
};

function updateProfile(context: Context): void {
  const { store, x, interaction, config, body } = context;
  if (interaction.event === 'ForgotPassword') throw notSupportedForForgotPassword();
  if (interaction.event === 'SignIn' && !interaction.userId) throw identifierNotFound();
  const user = interaction.userId ? store.users.get(interaction.userId) : undefined;
  const { type } = body;
  // In a sign-in, everything but linking a social account waits for the MFA verification.
  if (user && interaction.event === 'SignIn' && type !== 'social') assertMfaVerified(context, user);

  if (type === 'username') {
    if (typeof body.value !== 'string' || !USERNAME_PATTERN.test(body.value)) throw invalidInput('value', 'Invalid');
    if (user?.username) throw new RequestError(422, 'user.username_exists_in_profile', 'The account already has a username.');
    if (store.findUser({ type: 'username', value: body.value })) throw usernameInUse();
    interaction.profile.username = body.value;
  } else if (type === 'password') {
    if (typeof body.value !== 'string') throw invalidInput('value', 'Expected string but received undefined.');
    if (user?.password) throw new RequestError(422, 'user.password_exists_in_profile', 'The account already has a password.');
    const profile = { ...interaction.profile, ...user };
    assertPassword(config, body.value, {
      username: profile.username,
      email: profile.primaryEmail,
      phone: profile.primaryPhone,
      name: profile.name,
    });
    interaction.profile.password = body.value;
  } else if (type === 'email' || type === 'phone' || type === 'social') {
    const record = store.recordById(interaction, body.verificationId);
    const expected: VerificationType =
      type === 'email' ? 'EmailVerificationCode' : type === 'phone' ? 'PhoneVerificationCode' : 'Social';
    if (!record || record.type !== expected) throw verificationNotFound();
    if (!record.verified) throw verificationFailed();
    if (type === 'social') {
      const identity = record.socialIdentity;
      if (identity && store.findByIdentity(identity)) {
        throw new RequestError(422, 'user.identity_already_in_use', 'This social account is linked to another user.');
      }
      if (user && identity) user.identities[identity.target] = identity.userInfo.id;
      else interaction.profile.socialIdentity = identity;
    } else {
      const value = record.identifier?.value ?? '';
      if (store.findUser({ type, value })) {
        throw new RequestError(
          422,
          `user.${type}_already_in_use`,
          `This ${type === 'email' ? 'email' : 'phone number'} is linked to another account.`,
        );
      }
      if (type === 'email') interaction.profile.primaryEmail = value;
      else interaction.profile.primaryPhone = value;
    }
  } else {
    throw invalidInput('type', 'Invalid discriminator value.');
  }
  sendEmpty(x.res);
}

function resetPassword({ store, x, interaction, config, body }: Context): void {
  if (interaction.event !== 'ForgotPassword') {
    throw new RequestError(400, 'session.invalid_interaction_type', 'This operation needs a forgot-password interaction.');
  }
  const user = interaction.userId ? store.users.get(interaction.userId) : undefined;
  if (!user) throw identifierNotFound();
  if (typeof body.password !== 'string') throw invalidInput('password', 'Expected string but received undefined.');
  if (user.password === body.password) {
    throw new RequestError(422, 'user.same_password', 'The new password must differ from the current one.');
  }
  assertPassword(config, body.password, {
    username: user.username,
    email: user.primaryEmail,
    phone: user.primaryPhone,
    name: user.name,
  });
  interaction.profile.password = body.password;
  sendEmpty(x.res);
}

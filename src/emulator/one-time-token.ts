/**
 * One-time tokens (magic links) as Logto 1.42 answers them (recording j13, `verification-routes/
 * one-time-token.ts`, `libraries/one-time-token.ts`): `POST /verification/one-time-token/verify`
 * checks the token (unknown 404, then email mismatch, expired, consumed, wrong interaction event:
 * 400), consumes it and skips the CAPTCHA. Identification signs the email's user in, or answers
 * `404 user.user_not_exist` so the page switches to Register, which a verified token allows even when
 * the tenant is sign-in only.
 *
 * The dev endpoint `POST /__emulator/one-time-tokens` stands in for Logto's Management API: it
 * issues a token and the magic link that starts an interaction with it.
 */
import { invalidInput, RequestError, verificationFailed } from './errors.js';
import { type Exchange, sendJson } from './http.js';
import {
  type Context,
  DEMO_APP_ID,
  EMAIL_PATTERN,
  type Interaction,
  randomId,
  requireEvent,
  type RouteGroup,
  type Store,
  type User,
  type VerificationRecord,
} from './state.js';

/** Logto's default lifetime of a one-time token: 10 minutes. */
const DEFAULT_EXPIRES_IN_S = 10 * 60;

export const oneTimeTokenRoutes: RouteGroup = (context, key) => {
  if (key !== 'POST /verification/one-time-token/verify') return false;
  verifyToken(context);
  return true;
};

function verifyToken({ store, x, interaction, body }: Context): void {
  const identifier = body.identifier as { type?: unknown; value?: unknown } | undefined;
  if (identifier?.type !== 'email') throw invalidInput('identifier.type', "Expected 'email'");
  if (typeof identifier.value !== 'string' || !EMAIL_PATTERN.test(identifier.value)) {
    throw invalidInput('identifier.value', 'Invalid email');
  }
  if (typeof body.token !== 'string' || body.token === '') throw invalidInput('token', 'Expected a non-empty string');
  const email = identifier.value;
  const { token } = body;

  // Logto stores the (unverified) record before checking, so a failed check replaces an earlier one.
  const record = store.addRecord(interaction, { type: 'OneTimeToken', verified: false, identifier: { type: 'email', value: email } });
  const stored = store.oneTimeTokens.get(token);
  if (!stored) throw new RequestError(404, 'one_time_token.token_not_found', `Token ${token} not found.`);
  if (stored.email !== email) throw new RequestError(400, 'one_time_token.email_mismatch', 'Email mismatch with given token.');
  if (stored.expiresAt <= Date.now()) throw new RequestError(400, 'one_time_token.token_expired', 'The token is expired.');
  if (stored.status === 'consumed') throw new RequestError(400, 'one_time_token.token_consumed', 'The token has been consumed.');
  if (stored.interactionEvent && stored.interactionEvent !== interaction.event) {
    throw new RequestError(400, 'one_time_token.interaction_event_mismatch', 'The token cannot be used for this interaction.');
  }
  stored.status = 'consumed';
  record.verified = true;
  // The link proved the address: no CAPTCHA.
  interaction.captcha.skipped = true;
  sendJson(x.res, 200, { verificationId: record.id });
}

/** Whether the interaction holds a verified one-time token (it may then register even in a sign-in-only tenant). */
export function hasVerifiedOneTimeToken(interaction: Interaction): boolean {
  return interaction.records.get('OneTimeToken')?.verified === true;
}

/** Identification (SignIn or ForgotPassword) by a verified token: the email's user, or `404 user.user_not_exist`. */
export function identifyByOneTimeToken(store: Store, record: VerificationRecord): User {
  const email = record.identifier?.value;
  if (!record.verified || !email) throw verificationFailed();
  const user = store.findUser({ type: 'email', value: email });
  if (!user) throw new RequestError(404, 'user.user_not_exist', `User with ${email} does not exist.`, { identifier: email });
  return user;
}

/**
 * `POST /__emulator/one-time-tokens` `{email, expiresIn?, appId?, interactionEvent?}` → `{token, link}`.
 * `expiresIn` is in seconds (default 600; 0 issues an expired token); `link` is a magic link: the
 * app's `/oidc/auth` with `one_time_token` and `login_hint` (plus `first_screen=reset_password` for a
 * ForgotPassword token). Returns false for other routes.
 */
export function oneTimeTokenDevRoute(store: Store, x: Exchange, route: string): boolean {
  if (route !== 'one-time-tokens' || x.method !== 'POST') return false;
  const body = (x.body ?? {}) as Record<string, unknown>;
  const fail = (field: string) => sendJson(x.res, 400, { message: `${field} is missing or invalid` });
  const { email, expiresIn = DEFAULT_EXPIRES_IN_S, appId = DEMO_APP_ID, interactionEvent } = body;
  if (typeof email !== 'string' || !EMAIL_PATTERN.test(email)) return fail('email'), true;
  if (typeof expiresIn !== 'number' || !(expiresIn >= 0)) return fail('expiresIn'), true;
  if (typeof appId !== 'string' || !store.apps.has(appId)) return fail('appId'), true;
  let event: Interaction['event'];
  try {
    event = interactionEvent === undefined ? undefined : requireEvent(interactionEvent);
  } catch {
    return fail('interactionEvent'), true;
  }

  const token = randomId(32);
  store.oneTimeTokens.set(token, { token, email, expiresAt: Date.now() + expiresIn * 1000, status: 'active', interactionEvent: event });
  const query = new URLSearchParams({
    client_id: appId,
    redirect_uri: `${x.origin}/demo/callback`,
    response_type: 'code',
    scope: 'openid profile email',
    state: randomId(8),
    ...(event === 'ForgotPassword' ? { first_screen: 'reset_password' } : {}),
    one_time_token: token,
    login_hint: email,
  });
  const link = `${x.origin}/oidc/auth?${query.toString()}`;
  store.log(`magic link for ${email}: ${link}`);
  sendJson(x.res, 200, { token, link });
  return true;
}

/** Logto-style errors: a thrown `RequestError` becomes `{ code, message, data? }` with its status. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data?: unknown,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function invalidInput(path: string, detail: string): RequestError {
  return new RequestError(
    400,
    'guard.invalid_input',
    'The request body is invalid.',
    { issues: [{ path: path.split('.'), message: detail }], name: 'ZodError' },
    { details: `Error in key path "${path}": ${detail}` },
  );
}

export const forbidden = () => new RequestError(403, 'auth.forbidden', 'This is not allowed for this sign-in experience.');
export const notFound = () => new RequestError(404, 'guard.not_found', 'Not found.');
export const usernameInUse = () => new RequestError(422, 'user.username_already_in_use', 'This username is taken.');
export const identifierNotFound = (status = 404) =>
  new RequestError(status, 'session.identifier_not_found', 'No user is identified yet. Go back and sign in again.');
export const verificationNotFound = () =>
  new RequestError(404, 'session.verification_session_not_found', 'The verification was not found. Start it again.');
export const verificationFailed = (message = 'The verification was not completed.') =>
  new RequestError(400, 'session.verification_failed', message);
export const notSupportedForForgotPassword = () =>
  new RequestError(400, 'session.not_supported_for_forgot_password', 'This operation is not supported for forgot password.');
export const missingProfile = (missing: string[]) =>
  new RequestError(422, 'user.missing_profile', 'More information is needed to continue.', { missingProfile: missing });
export const invalidCredentials = () =>
  new RequestError(422, 'session.invalid_credentials', 'The account or password is incorrect.');
export const captchaRequired = () => new RequestError(422, 'session.captcha_required', 'Complete the CAPTCHA first.');
export const captchaFailed = () => new RequestError(422, 'session.captcha_failed', 'The CAPTCHA could not be verified.');
export const factorNotEnabled = () =>
  new RequestError(400, 'session.mfa.mfa_factor_not_enabled', 'This MFA factor is not enabled.');
export const webAuthnFailed = () =>
  new RequestError(400, 'session.mfa.webauthn_verification_failed', 'The passkey or security key could not be verified.');
export const userSuspended = () => new RequestError(401, 'user.suspended', 'This account is suspended.');
